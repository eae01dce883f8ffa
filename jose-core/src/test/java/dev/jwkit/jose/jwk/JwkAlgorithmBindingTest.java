package dev.jwkit.jose.jwk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.ErrorCode;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JwkAlgorithmBindingTest {

  static EcPrivateJwk p256;
  static RsaPrivateJwk rsa;
  static OctJwk hs256;

  @BeforeAll
  static void keys() {
    p256 = JwkGenerator.generateEc(Curve.P_256);
    rsa = (RsaPrivateJwk) Jwk.parse(RfcN.RSA_PRIVATE);
    hs256 = OctJwk.of(new byte[32]);
  }

  private static void assertRefused(Jwk key, JwsAlgorithm alg, KeyUsage usage, ErrorCode code) {
    assertThatThrownBy(() -> JwkAlgorithmBinding.checkUsableFor(key, alg, usage))
        .isInstanceOf(JwkitException.class)
        .satisfies(e -> assertThat(((JwkitException) e).code()).isEqualTo(code));
    assertThat(JwkAlgorithmBinding.isUsableFor(key, alg, usage)).isFalse();
  }

  private static Jwk with(Jwk key, JwkMetadata md) {
    return key.withMetadata(md);
  }

  @Test
  void hs256WithRsaPublicKey_isRejected() {
    assertRefused(rsa.toPublicJwk(), JwsAlgorithm.HS256, KeyUsage.VERIFY, JoseError.KEY_MISMATCH);
  }

  @Test
  void hs256WithEcPublicKey_isRejected() {
    assertRefused(p256.toPublicJwk(), JwsAlgorithm.HS256, KeyUsage.VERIFY, JoseError.KEY_MISMATCH);
  }

  @Test
  void rsaAlgorithmWithOctKey_isRejected() {
    assertRefused(hs256, JwsAlgorithm.RS256, KeyUsage.VERIFY, JoseError.KEY_MISMATCH);
  }

  @Test
  void es384WithP256Key_isRejected() {
    assertRefused(p256.toPublicJwk(), JwsAlgorithm.ES384, KeyUsage.VERIFY, JoseError.KEY_MISMATCH);
    assertRefused(p256.toPublicJwk(), JwsAlgorithm.ES256K, KeyUsage.VERIFY, JoseError.KEY_MISMATCH);
  }

  @Test
  void keyBoundToOtherAlgorithm_isRejected() {
    Jwk ps512 = with(rsa.toPublicJwk(), JwkMetadata.builder().alg("PS512").build());
    for (JwsAlgorithm alg : List.of(JwsAlgorithm.RS256, JwsAlgorithm.RS384, JwsAlgorithm.RS512, JwsAlgorithm.PS256,
        JwsAlgorithm.PS384)) {
      assertRefused(ps512, alg, KeyUsage.VERIFY, JoseError.KEY_MISMATCH);
    }
    assertThatCode(() -> JwkAlgorithmBinding.checkUsableFor(ps512, JwsAlgorithm.PS512, KeyUsage.VERIFY))
        .doesNotThrowAnyException();
  }

  @Test
  void eddsaKeyAndFullySpecifiedAlgorithm_areDifferent() {
    Jwk ed = with(JwkGenerator.generateOkp(Curve.ED25519), JwkMetadata.builder().alg("EdDSA").build());
    assertRefused(ed, JwsAlgorithm.Ed25519, KeyUsage.SIGN, JoseError.KEY_MISMATCH);
    assertThatCode(() -> JwkAlgorithmBinding.checkUsableFor(ed, JwsAlgorithm.EdDSA, KeyUsage.SIGN)).doesNotThrowAnyException();
    assertRefused(JwkGenerator.generateOkp(Curve.ED448), JwsAlgorithm.Ed25519, KeyUsage.SIGN, JoseError.KEY_MISMATCH);
  }

  @ParameterizedTest
  @EnumSource(value = Curve.class, names = {"X25519", "X448"})
  void xdhKeys_neverSign(Curve crv) {
    OkpPrivateJwk key = JwkGenerator.generateOkp(crv);
    for (JwsAlgorithm alg : List.of(JwsAlgorithm.EdDSA, JwsAlgorithm.Ed25519, JwsAlgorithm.Ed448)) {
      assertRefused(key, alg, KeyUsage.SIGN, JoseError.KEY_MISMATCH);
      assertRefused(key.toPublicJwk(), alg, KeyUsage.VERIFY, JoseError.KEY_MISMATCH);
    }
  }

  @Test
  void useEnc_isRejectedForSignatures() {
    Jwk enc = with(p256.toPublicJwk(), JwkMetadata.builder().use("enc").build());
    assertRefused(enc, JwsAlgorithm.ES256, KeyUsage.VERIFY, JoseError.KEY_MISMATCH);
  }

  @Test
  void keyOpsWithoutTheOperation_isRejected() {
    Jwk verifyOnly = with(p256, JwkMetadata.builder().keyOps(List.of("verify")).build());
    assertRefused(verifyOnly, JwsAlgorithm.ES256, KeyUsage.SIGN, JoseError.KEY_MISMATCH);
    assertThatCode(() -> JwkAlgorithmBinding.checkUsableFor(verifyOnly, JwsAlgorithm.ES256, KeyUsage.VERIFY))
        .doesNotThrowAnyException();
    Jwk signOnly = with(p256, JwkMetadata.builder().keyOps(List.of("sign")).build());
    assertRefused(signOnly, JwsAlgorithm.ES256, KeyUsage.VERIFY, JoseError.KEY_MISMATCH);
  }

  @Test
  void signWithPublicKey_isRejected() {
    assertRefused(p256.toPublicJwk(), JwsAlgorithm.ES256, KeyUsage.SIGN, JoseError.KEY_MISMATCH);
  }

  @Test
  void shortHmacKey_isInvalidKey() {
    assertRefused(hs256, JwsAlgorithm.HS384, KeyUsage.VERIFY, JoseError.INVALID_KEY);
    assertRefused(OctJwk.of(new byte[16]), JwsAlgorithm.HS256, KeyUsage.SIGN, JoseError.INVALID_KEY);
    assertThatCode(() -> JwkAlgorithmBinding.checkUsableFor(hs256, JwsAlgorithm.HS256, KeyUsage.SIGN))
        .doesNotThrowAnyException();
  }

  @Test
  void rsaUnder2048Bits_isInvalidKeyUnlessAllowed() {
    Jwk small = Jwk.parse(RfcN.RSA_1024_PUBLIC);
    assertRefused(small, JwsAlgorithm.RS256, KeyUsage.VERIFY, JoseError.INVALID_KEY);
    assertThatCode(() -> JwkAlgorithmBinding.checkUsableFor(small, JwsAlgorithm.RS256, KeyUsage.VERIFY, 1024))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> JwkAlgorithmBinding.checkUsableFor(small, JwsAlgorithm.RS256, KeyUsage.VERIFY, 512))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rsa2048_isUsableForEveryRsaAlgorithm() {
    for (JwsAlgorithm alg : List.of(JwsAlgorithm.RS256, JwsAlgorithm.RS384, JwsAlgorithm.RS512, JwsAlgorithm.PS256,
        JwsAlgorithm.PS384, JwsAlgorithm.PS512)) {
      assertThatCode(() -> JwkAlgorithmBinding.checkUsableFor(rsa, alg, KeyUsage.SIGN)).doesNotThrowAnyException();
      assertThatCode(() -> JwkAlgorithmBinding.checkUsableFor(rsa.toPublicJwk(), alg, KeyUsage.VERIFY))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void messages_carryAlgAndKidOnly() {
    Jwk key = with(p256.toPublicJwk(), JwkMetadata.builder().kid("k-1").build());
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
        () -> JwkAlgorithmBinding.checkUsableFor(key, JwsAlgorithm.RS256, KeyUsage.VERIFY));
    assertThat(thrown.getMessage()).startsWith("jwk.key_mismatch: ").contains("alg=RS256", "kid=k-1");
  }
}
