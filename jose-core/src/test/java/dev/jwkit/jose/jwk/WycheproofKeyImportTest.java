package dev.jwkit.jose.jwk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwkit.jose.Json;
import dev.jwkit.jose.jwa.Curve;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code publicKeyJwk}/{@code keyJwk} of the Wycheproof primitive signature files parses, and is the
 * same key as the group's {@code publicKeyDer}, in both directions (JWK → JCA and JCA → JWK).
 *
 * <p>The files are the jws engineer's copies under {@code vectors/jws/wycheproof/} (provenance in the README
 * there); the test skips itself if they are absent.
 */
class WycheproofKeyImportTest {

  private static final String DIR = "vectors/jws/wycheproof/";
  private static final List<String> FILES = List.of("ecdsa_secp256r1_sha256_p1363_test.json",
      "ecdsa_secp384r1_sha384_p1363_test.json", "ecdsa_secp521r1_sha512_p1363_test.json",
      "ecdsa_secp256k1_sha256_p1363_test.json", "rsa_signature_2048_sha256_test.json",
      "rsa_pss_2048_sha256_mgf1_32_test.json", "ed25519_test.json", "ed448_test.json");
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  static Stream<Arguments> keys() {
    List<Arguments> out = new ArrayList<>();
    for (String file : FILES) {
      if (!Resources.exists(DIR + file)) {
        out.add(Arguments.of(file, -1, "", ""));
        continue;
      }
      Map<String, Object> json = Json.parseObject(Resources.read(DIR + file),
          new dev.jwkit.jose.JsonLimits(8 * 1024 * 1024, 16, 1_000_000, 64 * 1024, 64));
      List<?> groups = (List<?>) json.get("testGroups");
      for (int i = 0; i < groups.size(); i++) {
        Map<?, ?> group = (Map<?, ?>) groups.get(i);
        Object jwk = group.containsKey("publicKeyJwk") ? group.get("publicKeyJwk") : group.get("keyJwk");
        if (jwk != null) {
          @SuppressWarnings("unchecked")
          Map<String, Object> jwkMap = (Map<String, Object>) jwk;
          out.add(Arguments.of(file, i, Json.write(jwkMap), group.get("publicKeyDer")));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} group {1}")
  @MethodSource("keys")
  void wycheproofPublicKeyJwk_parsesAndMatchesDer(String file, int group, String jwkJson, String derHex) throws Exception {
    assumeTrue(group >= 0, "vectors/jws/wycheproof/" + file + " is not on this branch yet");

    PublicJwk jwk = PublicJwk.parsePublic(jwkJson);

    byte[] der = HexFormat.of().parseHex(derHex);
    boolean k1 = jwk instanceof EcPublicJwk && ((EcPublicJwk) jwk).crv() == Curve.SECP256K1;
    String algorithm = jwk.kty() == dev.jwkit.jose.jwa.KeyType.OKP ? ((OkpPublicJwk) jwk).crv().jcaName()
        : jwk.kty().jwkName();
    KeyFactory factory = k1 ? KeyFactory.getInstance("EC", BC) : KeyFactory.getInstance(algorithm);
    PublicKey fromDer = factory.generatePublic(new X509EncodedKeySpec(der));
    assertThat(PublicJwk.of(fromDer).thumbprint()).isEqualTo(jwk.thumbprint());
    assertThat(jwk.toPublicKey().getEncoded()).isEqualTo(fromDer.getEncoded());
    assertThat(Jwk.parse(jwk.toJson())).isEqualTo(jwk);
  }
}
