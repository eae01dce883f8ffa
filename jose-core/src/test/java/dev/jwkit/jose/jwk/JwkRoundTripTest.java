package dev.jwkit.jose.jwk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwa.KeyType;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class JwkRoundTripTest {

  static Stream<Jwk> generatedKeys() {
    return Stream.of(
        JwkGenerator.generateRsa(2048),
        JwkGenerator.generateEc(Curve.P_256),
        JwkGenerator.generateEc(Curve.P_384),
        JwkGenerator.generateEc(Curve.P_521),
        JwkGenerator.generateEc(Curve.SECP256K1),
        JwkGenerator.generateOkp(Curve.ED25519),
        JwkGenerator.generateOkp(Curve.ED448),
        JwkGenerator.generateOkp(Curve.X25519),
        JwkGenerator.generateOkp(Curve.X448),
        JwkGenerator.generateOct(256));
  }

  @ParameterizedTest
  @MethodSource("generatedKeys")
  void generate_toJsonThenParse_equalKey(Jwk key) {
    Jwk parsed = Jwk.parse(key.toJson());

    assertThat(parsed.getClass()).isEqualTo(key.getClass());
    assertThat(parsed.toJson()).isEqualTo(key.toJson());
    assertThat(parsed.thumbprint()).isEqualTo(key.thumbprint());
    if (key instanceof PrivateJwk) {
      PrivateJwk priv = (PrivateJwk) key;
      assertThat(((PrivateJwk) parsed).equalsKey(priv)).isTrue();
      assertThat(((PrivateJwk) parsed).toPublicJwk()).isEqualTo(priv.toPublicJwk());
      assertThat(priv.toPublicJwk().toJsonObject()).doesNotContainKey("d");
      assertThat(priv.toPrivateKey()).isNotNull();
      assertThat(priv.toPublicJwk().toPublicKey()).isNotNull();
    } else {
      assertThat(((OctJwk) parsed).equalsKey((OctJwk) key)).isTrue();
      assertThat(((OctJwk) key).toSecretKey().getEncoded()).hasSize(32);
    }
  }

  @ParameterizedTest
  @MethodSource("generatedKeys")
  void generate_kidIsSha256Thumbprint(Jwk key) {
    assertThat(key.kid()).contains(key.thumbprint().toBase64Url());
  }

  @ParameterizedTest
  @MethodSource("generatedKeys")
  void jca_toJwkAndBack_sameKey(Jwk key) {
    if (!(key instanceof PrivateJwk)) {
      return;
    }
    PrivateJwk priv = (PrivateJwk) key;
    KeyPair pair = new KeyPair(priv.toPublicKey(), priv.toPrivateKey());
    PrivateJwk again = PrivateJwk.of(pair);

    assertThat(again.equalsKey(priv)).isTrue();
    assertThat(again.thumbprint()).isEqualTo(priv.thumbprint());
    assertThat(PublicJwk.of(priv.toPublicKey()).thumbprint()).isEqualTo(priv.thumbprint());
    assertThat(again.toPublicKey().getEncoded()).isEqualTo(priv.toPublicKey().getEncoded());
  }

  @ParameterizedTest
  @EnumSource(JwsAlgorithm.class)
  void generateForAlgorithm_isUsableForSignAndVerify(JwsAlgorithm alg) {
    Jwk key = JwkGenerator.generate(alg);

    assertThat(key.alg()).contains(alg.jwaName());
    assertThat(key.metadata().use()).contains("sig");
    JwkAlgorithmBinding.checkUsableFor(key, alg, KeyUsage.SIGN);
    JwkAlgorithmBinding.checkUsableFor(key, alg, KeyUsage.VERIFY);
    if (key instanceof PrivateJwk) {
      JwkAlgorithmBinding.checkUsableFor(((PrivateJwk) key).toPublicJwk(), alg, KeyUsage.VERIFY);
    }
  }

  @Test
  void bouncyCastleKeys_areImported() throws Exception {
    KeyPairGenerator ed = KeyPairGenerator.getInstance("Ed25519", new BouncyCastleProvider());
    KeyPair edPair = ed.generateKeyPair();
    PrivateJwk edJwk = PrivateJwk.of(edPair);
    assertThat(edJwk.kty()).isEqualTo(KeyType.OKP);
    assertThat(((OkpPrivateJwk) edJwk).crv()).isEqualTo(Curve.ED25519);

    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
    ec.initialize(new ECGenParameterSpec("secp256k1"));
    PrivateJwk k1 = PrivateJwk.of(ec.generateKeyPair());
    assertThat(((EcPrivateJwk) k1).crv()).isEqualTo(Curve.SECP256K1);
  }

  @Test
  void unknownMembers_arePreservedInOrder() {
    String json = "{\"kty\":\"oct\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\","
        + "\"zeta\":1,\"alpha\":{\"nested\":[true,null]},\"kid\":\"k1\"}";

    Jwk key = Jwk.parse(json);

    assertThat(key.metadata().extra()).containsOnlyKeys("zeta", "alpha");
    assertThat(key.toJson()).isEqualTo("{\"kty\":\"oct\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\","
        + "\"kid\":\"k1\",\"zeta\":1,\"alpha\":{\"nested\":[true,null]}}");
  }

  @Test
  void toJsonObject_fromJsonObject_roundTrips() {
    Jwk key = JwkGenerator.generate(JwsAlgorithm.ES256);
    Map<String, Object> object = key.toJsonObject();
    assertThat(List.copyOf(object.keySet())).startsWith("kty", "crv", "x", "y", "d", "kid", "use", "alg");
    assertThat(Jwk.fromJsonObject(object).toJson()).isEqualTo(key.toJson());
  }
}
