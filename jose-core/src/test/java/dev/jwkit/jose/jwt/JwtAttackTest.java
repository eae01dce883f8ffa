package dev.jwkit.jose.jwt;

import static dev.jwkit.jose.jwt.JwtVerifierTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.ErrorCode;
import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkMetadata;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jose.jwk.OctJwk;
import dev.jwkit.jose.jwk.PublicJwk;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JWT-level attacks of SECURITY.md §5 (items 1, 2, 3, 5, 6, 8, 13), each with a hand-made token.
 * Every rejection is also checked for a safe message: no token, no claim value, no key material.
 */
class JwtAttackTest {

  static final String ISS = "https://issuer.example";
  static final String AUD = "api://orders";
  static final String SECRET_CLAIM = "claim-value-that-must-not-leak";

  static final KeyPair RSA = generate("RSA", 2048);
  static final KeyPair EC = generateEc();
  static final KeyPair ATTACKER_EC = generateEc();
  static final byte[] HMAC_SECRET = JwtVerifierTest.sha256("attack-test-hmac-secret");

  static final Jwk RSA_PUBLIC = withKid(PublicJwk.of(RSA.getPublic()), "rsa-1");
  static final Jwk EC_PUBLIC = withKid(PublicJwk.of(EC.getPublic()), "ec-1");
  static final Jwk HMAC_KEY = withKid(OctJwk.of(HMAC_SECRET), "hs-1");

  static final String CLAIMS = JwtClaims.builder().issuer(ISS).audience(AUD).subject(SECRET_CLAIM)
      .issuedAt(NOW.minusSeconds(5)).expiration(NOW.plusSeconds(300)).build().toJson();

  static JwtVerifier.Builder verifier(JwsAlgorithm first, JwsAlgorithm... more) {
    return verifier(JwtKeyResolver.of(JwkSet.of(List.of(RSA_PUBLIC, EC_PUBLIC, HMAC_KEY))), first, more);
  }

  static JwtVerifier.Builder verifier(JwtKeyResolver keys, JwsAlgorithm first, JwsAlgorithm... more) {
    return JwtVerifier.builder(keys)
        .allowedAlgorithms(first, more)
        .expectedIssuer(ISS)
        .expectedAudience(AUD)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static JwtVerifier all() {
    return verifier(JwsAlgorithm.RS256, JwsAlgorithm.ES256, JwsAlgorithm.HS256).build();
  }

  static String es256(String header, String payload) {
    return Tokens.sign(header, payload, EC.getPrivate(), "SHA256withECDSAinP1363Format");
  }

  static String rs256(String header, String payload) {
    return Tokens.sign(header, payload, RSA.getPrivate(), "SHA256withRSA");
  }

  /** Asserts the code and that the message and every cause's message are safe. */
  static void assertRejected(JwtVerifier verifier, String token, ErrorCode... codes) {
    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOf(InvalidTokenException.class)
        .satisfies(e -> assertThat(((InvalidTokenException) e).code()).isIn((Object[]) codes))
        .satisfies(e -> assertSafeMessages(e, token));
  }

  static void assertSafeMessages(Throwable e, String token) {
    List<String> forbidden = new ArrayList<>(List.of(token, SECRET_CLAIM, Base64Url.encode(HMAC_SECRET),
        Base64.getEncoder().encodeToString(HMAC_SECRET), Base64Url.encode(EC.getPrivate().getEncoded())));
    for (String segment : token.split("\\.")) {
      if (segment.length() > 8) {
        forbidden.add(segment);
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      for (String bad : forbidden) {
        assertThat(message).doesNotContain(bad);
      }
      assertThat(message.length()).isLessThan(400);
    }
  }

  @Test
  void validTokens_ofEveryKeyType_areAccepted() {
    all().verify(rs256("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", CLAIMS));
    all().verify(es256("{\"alg\":\"ES256\",\"kid\":\"ec-1\"}", CLAIMS));
    all().verify(Tokens.hs256("{\"alg\":\"HS256\",\"kid\":\"hs-1\"}", CLAIMS, HMAC_SECRET));
  }

  // 1. alg=none and its case variants, with and without a signature.
  @ParameterizedTest
  @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
  void algNone_isRejected(String none) {
    String header = "{\"alg\":\"" + none + "\",\"kid\":\"hs-1\"}";
    String unsigned = Tokens.signingInput(header, CLAIMS) + ".";
    assertRejected(all(), unsigned, JoseError.UNSUPPORTED_ALGORITHM, JoseError.MALFORMED_INPUT);
    String withSignature = Tokens.mac(Tokens.signingInput(header, CLAIMS), HMAC_SECRET, "HmacSHA256");
    assertRejected(all(), withSignature, JoseError.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void emptySignature_isRejected() {
    // CVE-2020-28042: header.payload. with a real algorithm.
    assertRejected(all(), Tokens.signingInput("{\"alg\":\"HS256\",\"kid\":\"hs-1\"}", CLAIMS) + ".",
        JoseError.MALFORMED_INPUT, JoseError.SIGNATURE_INVALID);
  }

  // 2. HS256 MAC keyed with the RSA public key, in every encoding an attacker might guess.
  @Test
  void hs256WithRsaPublicKey_isRejected() {
    RSAPublicKey rsa = (RSAPublicKey) RSA.getPublic();
    String pem = "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(rsa.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
    List<byte[]> encodings = List.of(
        RSA_PUBLIC.toJson().getBytes(StandardCharsets.UTF_8),
        rsa.getEncoded(),
        pem.getBytes(StandardCharsets.US_ASCII),
        rsa.getModulus().toByteArray());
    JwtVerifier verifier = verifier(JwtKeyResolver.of(JwkSet.of(List.of(RSA_PUBLIC))), JwsAlgorithm.RS256,
        JwsAlgorithm.HS256).build();
    JwtVerifier mixed = all();
    for (byte[] key : encodings) {
      String withKid = Tokens.hs256("{\"alg\":\"HS256\",\"kid\":\"rsa-1\"}", CLAIMS, key);
      assertRejected(verifier, withKid, JoseError.KEY_MISMATCH);
      assertRejected(mixed, withKid, JoseError.KEY_MISMATCH);
      String withoutKid = Tokens.hs256("{\"alg\":\"HS256\"}", CLAIMS, key);
      assertRejected(verifier, withoutKid, JoseError.KEY_NOT_FOUND);
      // With an HMAC key in the set, only that key is tried, and the forged MAC fails under it.
      assertRejected(mixed, withoutKid, JoseError.SIGNATURE_INVALID);
    }
  }

  @Test
  void es256TokenNamingRsaKey_isKeyMismatch() {
    assertRejected(all(), es256("{\"alg\":\"ES256\",\"kid\":\"rsa-1\"}", CLAIMS), JoseError.KEY_MISMATCH);
  }

  // 3. A valid signature under a trusted key is still refused when the algorithm is not allowed.
  @Test
  void algNotInAllowList_isRejected() {
    String token = rs256("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", CLAIMS);
    all().verify(token);
    assertRejected(verifier(JwsAlgorithm.ES256).build(), token, JoseError.ALGORITHM_NOT_ALLOWED);
    assertRejected(verifier(JwsAlgorithm.RS512).build(), token, JoseError.ALGORITHM_NOT_ALLOWED);
  }

  @Test
  void unknownAlg_isUnsupported() {
    String token = Tokens.hs256("{\"alg\":\"hs256\",\"kid\":\"hs-1\"}", CLAIMS, HMAC_SECRET);
    assertRejected(all(), token, JoseError.UNSUPPORTED_ALGORITHM);
  }

  // 5. Embedded and remote keys are never trusted.
  @Test
  void embeddedJwkHeader_isIgnored() {
    Jwk attackerPublic = PublicJwk.of(ATTACKER_EC.getPublic());
    String header = "{\"alg\":\"ES256\",\"jwk\":" + attackerPublic.toJson() + "}";
    String token = Tokens.sign(header, CLAIMS, ATTACKER_EC.getPrivate(), "SHA256withECDSAinP1363Format");
    assertRejected(all(), token, JoseError.SIGNATURE_INVALID);

    String headerWithKid = "{\"alg\":\"ES256\",\"kid\":\"attacker\",\"jwk\":" + attackerPublic.toJson() + "}";
    String tokenWithKid = Tokens.sign(headerWithKid, CLAIMS, ATTACKER_EC.getPrivate(), "SHA256withECDSAinP1363Format");
    assertRejected(all(), tokenWithKid, JoseError.KEY_NOT_FOUND);
  }

  @Test
  void embeddedJwkOfTrustedKey_doesNotHelpAnAttacker() {
    // The header names the trusted key, but the signature is the attacker's.
    String header = "{\"alg\":\"ES256\",\"kid\":\"ec-1\",\"jwk\":" + EC_PUBLIC.toJson() + "}";
    String token = Tokens.sign(header, CLAIMS, ATTACKER_EC.getPrivate(), "SHA256withECDSAinP1363Format");
    assertRejected(all(), token, JoseError.SIGNATURE_INVALID);
  }

  @Test
  void jkuHeader_isNeverFetched() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      server.setSoTimeout(200);
      String url = "http://127.0.0.1:" + server.getLocalPort() + "/jwks.json";
      List<Optional<String>> asked = new ArrayList<>();
      JwtVerifier verifier = verifier(kid -> {
        asked.add(Optional.ofNullable(kid));
        return JwkSet.of(List.of(EC_PUBLIC));
      }, JwsAlgorithm.ES256).build();
      String header = "{\"alg\":\"ES256\",\"kid\":\"attacker\",\"jku\":\"" + url + "\",\"x5u\":\"" + url + "\"}";
      String token = Tokens.sign(header, CLAIMS, ATTACKER_EC.getPrivate(), "SHA256withECDSAinP1363Format");

      assertRejected(verifier, token, JoseError.KEY_NOT_FOUND);
      String noKid = "{\"alg\":\"ES256\",\"jku\":\"" + url + "\"}";
      assertRejected(verifier, Tokens.sign(noKid, CLAIMS, ATTACKER_EC.getPrivate(), "SHA256withECDSAinP1363Format"),
          JoseError.SIGNATURE_INVALID);

      assertThat(asked).containsExactly(Optional.of("attacker"), Optional.empty());
      assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
    }
  }

  // 6. Compact JWS only: no JWE, no JSON serialization.
  @Test
  void jweCompactFiveSegments_isRejected() {
    String jwe = Tokens.b64("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}") + ".AAAA.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA";
    assertRejected(all(), jwe, JoseError.MALFORMED_INPUT);
    assertThatThrownBy(() -> all().verify(jwe)).hasMessageContaining("JWE");
    String dirJwe = Tokens.b64("{\"alg\":\"dir\",\"enc\":\"A128GCM\"}") + "..AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA";
    assertRejected(all(), dirJwe, JoseError.MALFORMED_INPUT);
  }

  @Test
  void jsonSerialization_isRejected() {
    String valid = rs256("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", CLAIMS);
    String[] parts = valid.split("\\.");
    String flattened = "{\"payload\":\"" + parts[1] + "\",\"protected\":\"" + parts[0] + "\",\"signature\":\""
        + parts[2] + "\"}";
    String general = "{\"payload\":\"" + parts[1] + "\",\"signatures\":[{\"protected\":\"" + parts[0]
        + "\",\"signature\":\"" + parts[2] + "\"}]}";
    assertRejected(all(), flattened, JoseError.MALFORMED_INPUT);
    assertRejected(all(), general, JoseError.MALFORMED_INPUT);
    assertRejected(all(), " " + flattened, JoseError.MALFORMED_INPUT);
    assertRejected(all(), valid + " ", JoseError.MALFORMED_INPUT);
    assertRejected(all(), valid + "\n", JoseError.MALFORMED_INPUT);
  }

  @Test
  void b64FalseJwt_isRejected() {
    String header = "{\"alg\":\"HS256\",\"kid\":\"hs-1\",\"b64\":false,\"crit\":[\"b64\"]}";
    String token = Tokens.mac(Tokens.b64(header) + ".payload", HMAC_SECRET, "HmacSHA256");
    assertRejected(all(), token, JoseError.MALFORMED_INPUT);
    assertThatThrownBy(() -> all().verify(token)).hasMessageContaining("b64");
    assertThatThrownBy(() -> UnverifiedJwt.parse(token)).isInstanceOf(InvalidTokenException.class);
  }

  // 8. Strict JSON in header and claims.
  @Test
  void duplicateClaim_isRejected() {
    String payload = "{\"iss\":\"" + ISS + "\",\"aud\":\"" + AUD + "\",\"exp\":" + NOW.plusSeconds(60).getEpochSecond()
        + ",\"iss\":\"https://evil.example\"}";
    assertRejected(all(), Tokens.hs256("{\"alg\":\"HS256\",\"kid\":\"hs-1\"}", payload, HMAC_SECRET),
        JoseError.DUPLICATE_MEMBER);
    String iat = "{\"iat\":1,\"iat\":2}";
    assertRejected(all(), Tokens.hs256("{\"alg\":\"HS256\",\"kid\":\"hs-1\"}", iat, HMAC_SECRET),
        JoseError.DUPLICATE_MEMBER);
  }

  @Test
  void duplicateHeaderMember_isRejected() {
    assertRejected(all(), Tokens.hs256("{\"alg\":\"HS256\",\"alg\":\"none\",\"kid\":\"hs-1\"}", CLAIMS, HMAC_SECRET),
        JoseError.DUPLICATE_MEMBER);
  }

  @ParameterizedTest
  @ValueSource(ints = {17, 100, 10_000})
  void deeplyNestedClaims_isRejected(int depth) {
    String nested = "[".repeat(depth) + "]".repeat(depth);
    String payload = "{\"iss\":\"" + ISS + "\",\"x\":" + nested + "}";
    assertRejected(all(), Tokens.hs256("{\"alg\":\"HS256\",\"kid\":\"hs-1\"}", payload, HMAC_SECRET),
        JoseError.INPUT_TOO_LARGE);
    String header = "{\"alg\":\"HS256\",\"kid\":\"hs-1\",\"x\":" + nested + "}";
    assertRejected(all(), Tokens.hs256(header, CLAIMS, HMAC_SECRET), JoseError.INPUT_TOO_LARGE);
  }

  @Test
  void claimsNotAnObject_isMalformed() {
    assertRejected(all(), Tokens.hs256("{\"alg\":\"HS256\",\"kid\":\"hs-1\"}", "[1,2]", HMAC_SECRET),
        JoseError.MALFORMED_INPUT);
    assertRejected(all(), Tokens.hs256("{\"alg\":\"HS256\",\"kid\":\"hs-1\"}", "\"x\"", HMAC_SECRET),
        JoseError.MALFORMED_INPUT);
  }

  // 13. Claim validation.
  @ParameterizedTest
  @ValueSource(strings = {"\"1767225900\"", "\"tomorrow\"", "true", "null", "[1767225900]", "{}", "1e400"})
  void nonNumericExp_isRejected(String exp) {
    String payload = "{\"iss\":\"" + ISS + "\",\"aud\":\"" + AUD + "\",\"exp\":" + exp + "}";
    String token = Tokens.hs256("{\"alg\":\"HS256\",\"kid\":\"hs-1\"}", payload, HMAC_SECRET);
    assertRejected(all(), token, JoseError.CLAIM_INVALID);
    // Without a valid signature, the claim is never looked at.
    assertRejected(all(), Tokens.tamperSignature(token), JoseError.SIGNATURE_INVALID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://ISSUER.example", "HTTPS://issuer.example", "https://issuer.example/",
      "https://issuer.exampl", "https://issuer", "issuer.example"})
  void issuerCaseVariant_isRejected(String iss) {
    String payload = JwtClaims.parse(CLAIMS).toBuilder().issuer(iss).build().toJson();
    assertRejected(all(), Tokens.hs256("{\"alg\":\"HS256\",\"kid\":\"hs-1\"}", payload, HMAC_SECRET),
        JoseError.ISSUER_MISMATCH);
  }

  @Test
  void audienceArrayBypass_isRejected() {
    for (String aud : List.of("[\"other\"]", "[]", "[\"API://ORDERS\"]", "\"api://orders/\"")) {
      String payload = "{\"iss\":\"" + ISS + "\",\"aud\":" + aud + ",\"exp\":" + NOW.plusSeconds(60).getEpochSecond() + "}";
      assertRejected(all(), Tokens.hs256("{\"alg\":\"HS256\",\"kid\":\"hs-1\"}", payload, HMAC_SECRET),
          JoseError.AUDIENCE_MISMATCH);
    }
  }

  @Test
  void unknownCriticalHeader_isRejected() {
    // CVE-2026-32597: crit must not be ignored.
    String header = "{\"alg\":\"HS256\",\"kid\":\"hs-1\",\"crit\":[\"urn:x\"],\"urn:x\":1}";
    assertRejected(all(), Tokens.hs256(header, CLAIMS, HMAC_SECRET), JoseError.UNSUPPORTED_CRITICAL_HEADER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"alg\":null}", "{\"alg\":1}", "{}", "{\"alg\":\"HS256\",\"typ\":1}",
      "{\"alg\":\"HS256\",\"crit\":null}", "[]", "null", "{\"alg\":\"HS256\",\"b64\":\"false\"}"})
  void malformedHeaderValues_areInvalidTokens(String header) {
    // CVE-2019-17195: wrong types in the header end as our exception, never an NPE or a ClassCastException.
    assertThatThrownBy(() -> all().verify(Tokens.hs256(header, CLAIMS, HMAC_SECRET)))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void randomMutations_endOnlyInInvalidTokenException() {
    String valid = Tokens.hs256("{\"alg\":\"HS256\",\"kid\":\"hs-1\"}", CLAIMS, HMAC_SECRET);
    JwtVerifier verifier = all();
    java.util.Random random = new java.util.Random(7);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.{}\" =+/";
    for (int i = 0; i < 2_000; i++) {
      StringBuilder token = new StringBuilder(valid);
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(token.length());
        switch (random.nextInt(3)) {
          case 0: token.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length()))); break;
          case 1: token.deleteCharAt(at); break;
          default: token.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      String mutated = token.toString();
      if (mutated.equals(valid)) {
        continue;
      }
      try {
        verifier.verify(mutated);
      } catch (InvalidTokenException expected) {
        assertSafeMessages(expected, mutated);
      }
    }
  }

  // kid handling (SECURITY.md §2.6).
  @Test
  void unknownKid_failsWithKeyNotFound() {
    assertRejected(all(), es256("{\"alg\":\"ES256\",\"kid\":\"ec-2\"}", CLAIMS), JoseError.KEY_NOT_FOUND);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../dev/null", "/etc/passwd", "' OR 1=1--", "\"; DROP TABLE keys; --", "ec-1\u0000",
      "EC-1", " ec-1", "123", "ec-1\nINFO forged log line"})
  void kidPathTraversal_isPlainKeyNotFound(String kid) {
    List<Optional<String>> asked = new ArrayList<>();
    JwtVerifier verifier = verifier(k -> {
      asked.add(Optional.ofNullable(k));
      return JwkSet.of(List.of(EC_PUBLIC));
    }, JwsAlgorithm.ES256).build();
    String token = es256("{\"alg\":\"ES256\",\"kid\":" + jsonString(kid) + "}", CLAIMS);
    assertRejected(verifier, token, JoseError.KEY_NOT_FOUND);
    assertThat(asked).containsExactly(Optional.of(kid));
    assertThatThrownBy(() -> verifier.verify(token)).satisfies(e -> {
      if (!kid.matches("[A-Za-z0-9._:+=-]{1,64}")) {
        assertThat(e.getMessage()).doesNotContain(kid);
      }
    });
  }

  @Test
  void kidOfTenKilobytes_isPlainKeyNotFound() {
    String kid = "k".repeat(10 * 1024);
    String token = es256("{\"alg\":\"ES256\",\"kid\":\"" + kid + "\"}", CLAIMS);
    assertRejected(all(), token, JoseError.KEY_NOT_FOUND);
    assertThatThrownBy(() -> all().verify(token)).satisfies(e -> assertThat(e.getMessage()).doesNotContain(kid));
  }

  @ParameterizedTest
  @ValueSource(strings = {"123", "null", "true", "[\"ec-1\"]", "{\"a\":1}"})
  void nonStringKid_isRejected(String kid) {
    String token = es256("{\"alg\":\"ES256\",\"kid\":" + kid + "}", CLAIMS);
    assertRejected(all(), token, JoseError.MALFORMED_INPUT);
  }

  @Test
  void signatureInvalid_messageNamesAlgAndKidOnly() {
    String token = Tokens.tamperSignature(es256("{\"alg\":\"ES256\",\"kid\":\"ec-1\"}", CLAIMS));
    assertThatThrownBy(() -> all().verify(token))
        .hasMessage("jws.signature_invalid: signature does not verify with any trusted key (alg=ES256, kid=ec-1, keys tried=1)");
  }

  private static Jwk withKid(Jwk key, String kid) {
    return key.withMetadata(JwkMetadata.builder().kid(kid).build());
  }

  private static KeyPair generate(String algorithm, int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static KeyPair generateEc() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static String jsonString(String value) {
    String object = Json.write(Map.of("k", value));
    return object.substring("{\"k\":".length(), object.length() - 1);
  }
}
