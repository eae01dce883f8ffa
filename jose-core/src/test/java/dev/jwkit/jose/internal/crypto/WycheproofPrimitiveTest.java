package dev.jwkit.jose.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.JsonLimits;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.PublicJwk;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the Wycheproof primitive vectors through the same engine the JWS layer uses ({@link JcaEngines}).
 * Valid vectors must verify, invalid ones must not; {@code acceptable} may go either way.
 */
class WycheproofPrimitiveTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final JsonLimits LIMITS = new JsonLimits(4 * 1024 * 1024, 16, 200_000, 64 * 1024, 64);

  /** One vector with the verifier of its group (null when the group's key cannot be imported). */
  record Vector(String file, long tcId, @Nullable JcaVerifier verifier, byte[] msg, byte[] sig, String result,
      String comment) {
    @Override
    public String toString() {
      return file + " tcId " + tcId + " (" + result + (comment.isEmpty() ? "" : ", " + comment) + ")";
    }
  }

  static Map<String, Object> load(String file) {
    try (InputStream in = WycheproofPrimitiveTest.class.getResourceAsStream("/vectors/jws/wycheproof/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + file);
      }
      return Json.parseObject(in.readAllBytes(), LIMITS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  private static Stream<Vector> signatureVectors(String file, JwsAlgorithm alg, String keyAlgorithm, boolean bc) {
    List<Vector> vectors = new ArrayList<>();
    for (Map<String, Object> group : list(load(file).get("testGroups"))) {
      JcaVerifier verifier;
      try {
        // The group's JWK when there is one (as the JWS layer gets its keys), else the DER key.
        Object jwk = group.containsKey("publicKeyJwk") ? group.get("publicKeyJwk") : group.get("keyJwk");
        PublicKey key;
        if (jwk != null) {
          @SuppressWarnings("unchecked")
          Map<String, Object> members = (Map<String, Object>) jwk;
          key = ((PublicJwk) Jwk.fromJsonObject(members)).toPublicKey();
        } else {
          byte[] der = HEX.parseHex((String) group.get("publicKeyDer"));
          KeyFactory factory = bc
              ? KeyFactory.getInstance(keyAlgorithm, CryptoProviders.bouncyCastle())
              : KeyFactory.getInstance(keyAlgorithm);
          key = factory.generatePublic(new X509EncodedKeySpec(der));
        }
        verifier = JcaEngines.verifier(alg, key, false);
      } catch (java.security.GeneralSecurityException | JwkitException e) {
        verifier = null;
      }
      for (Map<String, Object> test : list(group.get("tests"))) {
        vectors.add(new Vector(file, (Long) test.get("tcId"), verifier, HEX.parseHex((String) test.get("msg")),
            HEX.parseHex((String) test.get("sig")), (String) test.get("result"), (String) test.get("comment")));
      }
    }
    return vectors.stream();
  }

  static Stream<Vector> ecdsa() {
    return Stream.of(
        signatureVectors("ecdsa_secp256r1_sha256_p1363_test.json", JwsAlgorithm.ES256, "EC", true),
        signatureVectors("ecdsa_secp384r1_sha384_p1363_test.json", JwsAlgorithm.ES384, "EC", true),
        signatureVectors("ecdsa_secp521r1_sha512_p1363_test.json", JwsAlgorithm.ES512, "EC", true),
        signatureVectors("ecdsa_secp256k1_sha256_p1363_test.json", JwsAlgorithm.ES256K, "EC", true))
        .flatMap(s -> s);
  }

  static Stream<Vector> rsa() {
    return Stream.concat(
        signatureVectors("rsa_signature_2048_sha256_test.json", JwsAlgorithm.RS256, "RSA", false),
        signatureVectors("rsa_pss_2048_sha256_mgf1_32_test.json", JwsAlgorithm.PS256, "RSA", false));
  }

  static Stream<Vector> eddsa() {
    return Stream.concat(
        signatureVectors("ed25519_test.json", JwsAlgorithm.EdDSA, "Ed25519", false),
        signatureVectors("ed448_test.json", JwsAlgorithm.EdDSA, "Ed448", false));
  }

  static Stream<Vector> hmac() {
    List<Vector> vectors = new ArrayList<>();
    for (Map<String, Object> group : list(load("hmac_sha256_test.json").get("testGroups"))) {
      // Skip reason: groups with a 128-bit tag test truncated HMAC, which JWS never uses (HS256 tags are
      // 256 bits and the engine refuses any other length).
      if ((Long) group.get("tagSize") != 256) {
        continue;
      }
      for (Map<String, Object> test : list(group.get("tests"))) {
        byte[] key = HEX.parseHex((String) test.get("key"));
        // The 128-bit-key groups are not valid JOSE keys (RFC 7518 §3.2); they test the primitive only,
        // through the factory that skips the key-length rule.
        JcaVerifier verifier = key.length == 0 ? null
            : JcaEngines.hmacWithoutKeyLengthCheck(JwsAlgorithm.HS256, new SecretKeySpec(key, "HmacSHA256"));
        vectors.add(new Vector("hmac_sha256_test.json", (Long) test.get("tcId"), verifier,
            HEX.parseHex((String) test.get("msg")), HEX.parseHex((String) test.get("tag")),
            (String) test.get("result"), (String) test.get("comment")));
      }
    }
    return vectors.stream();
  }

  private static void check(Vector vector) {
    if (vector.verifier() == null) {
      assertThat(vector.result()).as("the group's key was refused, so the vector must be invalid")
          .isNotEqualTo("valid");
      return;
    }
    boolean accepted = vector.verifier().verify(vector.msg(), 0, vector.msg().length, vector.sig());
    switch (vector.result()) {
      case "valid":
        assertThat(accepted).as("valid vector accepted").isTrue();
        break;
      case "invalid":
        assertThat(accepted).as("invalid vector rejected").isFalse();
        break;
      default:
        // "acceptable": either outcome is allowed (e.g. RSA tcId 8, DigestInfo without NULL).
        break;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ecdsa")
  void ecdsaP1363_vector_matchesExpectedResult(Vector vector) {
    check(vector);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rsa")
  void rsaPkcs1AndPss_vector_matchesExpectedResult(Vector vector) {
    check(vector);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eddsa")
  void eddsa_vector_matchesExpectedResult(Vector vector) {
    check(vector);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hmac")
  void hmacSha256_vector_matchesExpectedResult(Vector vector) {
    check(vector);
  }

  @Test
  void hmacVerifier_keyShorterThanHash_isRefused() {
    assertThatThrownBy(() -> JcaEngines.verifier(JwsAlgorithm.HS256, new SecretKeySpec(new byte[16], "HmacSHA256"), false))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(JoseError.INVALID_KEY));
  }
}
