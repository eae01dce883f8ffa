package dev.jwkit.jose.jwk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.jose.Json;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwa.KeyType;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JWK examples of RFC 7517, RFC 7638, RFC 9278, RFC 8037 and RFC 7520 §3. */
class RfcVectorsTest {

  private static final String RFC7517 = "vectors/jwk/rfc7517/";
  private static final String RFC8037 = "vectors/jwk/rfc8037/";
  private static final String RFC7520 = "vectors/jwk/rfc7520/";

  @Test
  void rfc7517A1_publicKeys_parse() {
    JwkSet set = JwkSet.parse(Resources.read(RFC7517 + "a1-public-keys.json"));

    assertThat(set.skipped()).isEmpty();
    assertThat(set.keys()).hasSize(2);
    EcPublicJwk ec = (EcPublicJwk) set.keys().get(0);
    assertThat(ec.crv()).isEqualTo(Curve.P_256);
    assertThat(ec.kid()).contains("1");
    assertThat(ec.metadata().use()).contains("enc");
    assertThat(ec.x()).isEqualTo(new BigInteger("21994169848703329112137818087919262246467304847122821377551355163096090930238"));
    assertThat(ec.y()).isEqualTo(new BigInteger("101451294974385619524093058399734017814808930032421185206609461750712400090915"));
    RsaPublicJwk rsa = (RsaPublicJwk) set.keys().get(1);
    assertThat(rsa.modulusBits()).isEqualTo(2048);
    assertThat(rsa.publicExponent()).isEqualTo(BigInteger.valueOf(65537));
    assertThat(rsa.alg()).contains("RS256");
    assertThat(rsa.kid()).contains("2011-04-29");
    assertThat(set.findByKid("2011-04-29")).containsExactly(rsa);
    assertThat(set.findByUse("enc")).containsExactly(ec);
    assertThat(set.findByAlg("RS256")).containsExactly(rsa);
    assertThat(set.findByKeyType(KeyType.EC)).containsExactly(ec);
  }

  @Test
  void rfc7517A1_roundTrip_sameJsonObject() {
    String json = Resources.read(RFC7517 + "a1-public-keys.json");
    JwkSet set = JwkSet.parse(json);

    assertThat(JwkSet.parse(set.toJson()).toJson()).isEqualTo(set.toJson());
    assertThat(Json.parseObject(set.toJson())).isEqualTo(Json.parseObject(json));
  }

  @Test
  void rfc7517A2_privateKeys_parseAndMatchA1() {
    JwkSet privateSet = JwkSet.parse(Resources.read(RFC7517 + "a2-private-keys.json"));
    JwkSet publicSet = JwkSet.parse(Resources.read(RFC7517 + "a1-public-keys.json"));

    assertThat(privateSet.skipped()).isEmpty();
    assertThat(privateSet.keys()).allMatch(k -> k instanceof PrivateJwk);
    assertThat(((RsaPrivateJwk) privateSet.keys().get(1)).hasCrtParameters()).isTrue();
    assertThat(privateSet.toPublicSet().keys()).isEqualTo(publicSet.keys());
    assertThat(privateSet.toPublicSet().toJson()).doesNotContain("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"");
    assertThat(privateSet.candidatesFor(java.util.Optional.empty(), JwsAlgorithm.RS256)).isEmpty();
  }

  @Test
  void rfc7517A2_rsaPrivateKey_signsAndA1Verifies() throws Exception {
    RsaPrivateJwk priv = (RsaPrivateJwk) JwkSet.parse(Resources.read(RFC7517 + "a2-private-keys.json")).keys().get(1);
    RsaPublicJwk pub = (RsaPublicJwk) JwkSet.parse(Resources.read(RFC7517 + "a1-public-keys.json")).keys().get(1);
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(priv.toPrivateKey());
    signer.update(new byte[] {1, 2, 3});
    byte[] sig = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(pub.toPublicKey());
    verifier.update(new byte[] {1, 2, 3});

    assertThat(verifier.verify(sig)).isTrue();
  }

  @Test
  void rfc7517A3_symmetricKeys_parse() {
    JwkSet set = JwkSet.parse(Resources.read(RFC7517 + "a3-symmetric-keys.json"));

    assertThat(set.skipped()).isEmpty();
    OctJwk aes = (OctJwk) set.keys().get(0);
    OctJwk hmac = (OctJwk) set.keys().get(1);
    assertThat(aes.alg()).contains("A128KW");
    assertThat(aes.toSecretKey().getEncoded()).isEqualTo(HexFormat.of().parseHex("19ac2082e1721ab58a6afec05f854a52"));
    assertThat(hmac.kid()).contains("HMAC key used in JWS spec Appendix A.1 example");
    assertThat(hmac.toSecretKey().getEncoded()).isEqualTo(HexFormat.of().parseHex(
        "0323354b2b0fa5bc837e0665777ba68f5ab328e6f054c928a90f84b2d2502ebf"
            + "d3fb5a92d20647ef968ab4c377623d223d2e2172052e4f08c0cd9af567d080a3"));
    assertThat(set.toPublicSet().keys()).isEmpty();
  }

  @Test
  void rfc7517B_x5c_keptAndCertificateMatchesKey() throws Exception {
    RsaPublicJwk key = (RsaPublicJwk) Jwk.parse(Resources.read(RFC7517 + "b-x5c.json"));

    assertThat(key.metadata().x5c()).hasSize(1);
    X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(key.metadata().x5c().get(0))));
    RSAPublicKey certKey = (RSAPublicKey) cert.getPublicKey();
    assertThat(certKey.getModulus()).isEqualTo(key.modulus());
    assertThat(certKey.getPublicExponent()).isEqualTo(key.publicExponent());
    assertThat(Json.parseObject(key.toJson())).isEqualTo(Json.parseObject(Resources.read(RFC7517 + "b-x5c.json")));
  }

  @Test
  void rfc7517C1_rsaPrivateKey_parses() {
    RsaPrivateJwk key = (RsaPrivateJwk) Jwk.parse(Resources.read(RFC7517 + "c1-private-key.json"));

    assertThat(key.kid()).contains("juliet@capulet.lit");
    assertThat(key.metadata().use()).contains("enc");
    assertThat(key.hasCrtParameters()).isTrue();
    assertThat(key.modulusBits()).isEqualTo(2048);
    assertThat(key.toPrivateKey().getAlgorithm()).isEqualTo("RSA");
  }

  @Test
  void rfc7638_example_thumbprint() {
    RsaPublicJwk key = (RsaPublicJwk) JwkSet.parse(Resources.read(RFC7517 + "a1-public-keys.json")).keys().get(1);

    assertThat(key.thumbprint().toBase64Url()).isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    assertThat(key.thumbprint().value()).isEqualTo(HexFormat.of().parseHex(
        "3736cbb1787cb8309c77ee8c3705c5e16ffb9e859715901f1e4c59b11182f57b"));
  }

  @Test
  void rfc9278_thumbprintUri() {
    RsaPublicJwk key = (RsaPublicJwk) JwkSet.parse(Resources.read(RFC7517 + "a1-public-keys.json")).keys().get(1);

    String uri = key.thumbprint().toUri();

    assertThat(uri).isEqualTo("urn:ietf:params:oauth:jwk-thumbprint:sha-256:NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    assertThat(Thumbprint.parseUri(uri)).isEqualTo(key.thumbprint());
  }

  @Test
  void thumbprint_otherHashes_haveTheirLengthAndUriName() {
    Jwk key = JwkSet.parse(Resources.read(RFC7517 + "a1-public-keys.json")).keys().get(1);

    assertThat(key.thumbprint(ThumbprintHash.SHA_384).value()).hasSize(48);
    assertThat(key.thumbprint(ThumbprintHash.SHA_512).toUri()).startsWith("urn:ietf:params:oauth:jwk-thumbprint:sha-512:");
    assertThat(Thumbprint.parseUri(key.thumbprint(ThumbprintHash.SHA_512).toUri()))
        .isEqualTo(key.thumbprint(ThumbprintHash.SHA_512));
  }

  @Test
  void rfc8037A1A2A3_ed25519_keyPublicKeyThumbprint() throws Exception {
    OkpPrivateJwk priv = (OkpPrivateJwk) Jwk.parse(Resources.read(RFC8037 + "a1-ed25519-private.json"));
    OkpPublicJwk pub = (OkpPublicJwk) Jwk.parse(Resources.read(RFC8037 + "a2-ed25519-public.json"));

    assertThat(priv.toPublicJwk()).isEqualTo(pub);
    assertThat(pub.thumbprint().toBase64Url()).isEqualTo("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
    assertThat(priv.thumbprint().toBase64Url()).isEqualTo("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
    // RFC 8037 A.4: the Ed25519 signature over the example payload is deterministic.
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(priv.toPrivateKey());
    signer.update("eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(dev.jwkit.jose.Base64Url.encode(signer.sign())).isEqualTo(
        "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a6-x25519-public.json", "a7-x448-public.json"})
  void rfc8037_xdhPublicKeys_parseAndRoundTrip(String file) {
    String json = Resources.read(RFC8037 + file);
    OkpPublicJwk key = (OkpPublicJwk) Jwk.parse(json);

    assertThat(key.crv().isSigning()).isFalse();
    assertThat(Json.parseObject(key.toJson())).isEqualTo(Json.parseObject(json));
    assertThat(key.toPublicKey().getAlgorithm()).isIn("XDH", "X25519", "X448");
    assertThat(JwkAlgorithmBinding.isUsableFor(key, JwsAlgorithm.EdDSA, KeyUsage.VERIFY)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"3_1.ec_public_key.json", "3_2.ec_private_key.json", "3_3.rsa_public_key.json",
      "3_4.rsa_private_key.json", "3_5.symmetric_key_mac_computation.json", "3_6.symmetric_key_encryption.json"})
  void rfc7520Section3_keys_parseAndRoundTrip(String file) {
    String json = Resources.read(RFC7520 + file);

    Jwk key = Jwk.parse(json);

    Map<String, Object> original = Json.parseObject(json);
    assertThat(Json.parseObject(key.toJson())).isEqualTo(original);
    assertThat(Jwk.parse(key.toJson()).thumbprint()).isEqualTo(key.thumbprint());
    assertThat(key.kid()).isPresent();
    if (key instanceof PrivateJwk) {
      PublicJwk pub = ((PrivateJwk) key).toPublicJwk();
      assertThat(pub.toJsonObject()).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
      assertThat(pub.thumbprint()).isEqualTo(key.thumbprint());
      assertThat(pub.toPublicKey()).isNotNull();
      assertThat(((PrivateJwk) key).toPrivateKey()).isNotNull();
    }
  }

  @Test
  void rfc7520Section3_publicAndPrivateFormsAgree() {
    assertThat(((PrivateJwk) Jwk.parse(Resources.read(RFC7520 + "3_2.ec_private_key.json"))).toPublicJwk())
        .isEqualTo(Jwk.parse(Resources.read(RFC7520 + "3_1.ec_public_key.json")));
    assertThat(((PrivateJwk) Jwk.parse(Resources.read(RFC7520 + "3_4.rsa_private_key.json"))).toPublicJwk())
        .isEqualTo(Jwk.parse(Resources.read(RFC7520 + "3_3.rsa_public_key.json")));
    JwkSet set = JwkSet.of(List.of(Jwk.parse(Resources.read(RFC7520 + "3_2.ec_private_key.json")),
        Jwk.parse(Resources.read(RFC7520 + "3_5.symmetric_key_mac_computation.json"))));
    assertThat(set.toPublicSet().keys()).containsExactly(Jwk.parse(Resources.read(RFC7520 + "3_1.ec_public_key.json")));
  }
}
