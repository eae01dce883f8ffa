package dev.jwkit.jose.pem;

import static dev.jwkit.jose.pem.PemErrorsTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwk.EcPrivateJwk;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkGenerator;
import dev.jwkit.jose.jwk.PrivateJwk;
import dev.jwkit.jose.jwk.PublicJwk;
import dev.jwkit.jose.jwk.RsaPrivateJwk;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JwkPemTest {

  private final Fixtures.Chain fixture = Fixtures.chain();
  private final PkixValidator validator = PkixValidator.builder().trustAnchor(fixture.root()).build();

  @ParameterizedTest
  @EnumSource(TestKeys.class)
  void readPublicJwk_spki_isTheKeysJwk(TestKeys kind) {
    KeyPair pair = kind.keyPair();

    PublicJwk jwk = JwkPem.readPublicJwk(Pem.writePublicKey(pair.getPublic()));

    assertThat(jwk.thumbprint()).isEqualTo(PublicJwk.of(pair.getPublic()).thumbprint());
    assertThat(jwk.metadata().x5c()).isEmpty();
    assertThat(jwk.toPublicKey().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
  }

  @ParameterizedTest
  @EnumSource(TestKeys.class)
  void readPrivateJwk_pkcs8_isTheKeyPairsJwk(TestKeys kind) {
    KeyPair pair = kind.keyPair();

    PrivateJwk jwk = JwkPem.readPrivateJwk(Pem.writePrivateKey(pair.getPrivate()));

    assertThat(jwk.equalsKey(PrivateJwk.of(pair))).isTrue();
    assertThat(jwk.toPublicJwk().thumbprint()).isEqualTo(PublicJwk.of(pair.getPublic()).thumbprint());
  }

  @ParameterizedTest
  @EnumSource(TestKeys.class)
  void writePrivateKey_jwk_roundTripsThroughPem(TestKeys kind) {
    PrivateJwk jwk = PrivateJwk.of(kind.keyPair());

    assertThat(JwkPem.readPrivateJwk(JwkPem.writePrivateKey(jwk)).equalsKey(jwk)).isTrue();
    assertThat(JwkPem.readPublicJwk(JwkPem.writePublicKey(jwk)).thumbprint()).isEqualTo(jwk.thumbprint());
    assertThat(JwkPem.readPublicJwk(JwkPem.writePublicKey(jwk.toPublicJwk())).thumbprint()).isEqualTo(jwk.thumbprint());
  }

  @Test
  void generatedJwks_roundTripThroughTraditionalForms() {
    EcPrivateJwk ec = JwkGenerator.generateEc(Curve.SECP256K1);
    RsaPrivateJwk rsa = JwkGenerator.generateRsa(2048);

    assertThat(JwkPem.readPrivateJwk(JwkPem.writePrivateKey(ec, PemType.EC_PRIVATE_KEY)).equalsKey(ec)).isTrue();
    assertThat(JwkPem.readPrivateJwk(JwkPem.writePrivateKey(rsa, PemType.RSA_PRIVATE_KEY)).equalsKey(rsa)).isTrue();
    assertThat(JwkPem.readPublicJwk(JwkPem.writePublicKey(rsa, PemType.RSA_PUBLIC_KEY)).thumbprint()).isEqualTo(rsa.thumbprint());
    char[] password = "pw".toCharArray();
    assertThat(JwkPem.readPrivateJwk(JwkPem.writeEncryptedPrivateKey(ec, password), password).equalsKey(ec)).isTrue();
  }

  @Test
  void readPublicJwk_certificateChain_setsX5cAndX5tS256() {
    CertificateChain chain = CertificateChain.of(List.of(fixture.leaf(), fixture.intermediate()));

    PublicJwk jwk = JwkPem.readPublicJwk(chain.toPem());

    assertThat(jwk.metadata().x5c()).isEqualTo(chain.toX5c());
    assertThat(jwk.metadata().x5tS256()).contains(chain.x5tS256());
    assertThat(jwk.metadata().x5t()).isEmpty();
    assertThat(jwk.thumbprint()).isEqualTo(PublicJwk.of(fixture.leafKey().getPublic()).thumbprint());
    assertThat(jwk.toJson()).contains("\"x5c\"").contains("\"x5t#S256\"");
  }

  @Test
  void readPrivateJwk_keyFollowedByChain_setsX5c() {
    String pem = Pem.writePrivateKey(fixture.leafKey().getPrivate()) + Pem.writeCertificates(List.of(fixture.leaf(), fixture.intermediate()));

    PrivateJwk jwk = JwkPem.readPrivateJwk(pem);

    assertThat(jwk.metadata().x5c()).hasSize(2);
    assertThat(jwk.toPublicJwk().metadata().x5c()).hasSize(2);
    assertThat(JwkPem.validateX5c(jwk, validator, Fixtures.DURING_LEAF).leaf()).isEqualTo(fixture.leaf());
    assertThat(JwkPem.writeCertificates(jwk)).isEqualTo(Pem.writeCertificates(List.of(fixture.leaf(), fixture.intermediate())));
  }

  @Test
  void readPrivateJwk_keyFollowedBySomeoneElsesCertificate_isKeyMismatch() {
    String pem = Pem.writePrivateKey(TestKeys.EC_P256.keyPair().getPrivate()) + Pem.writeCertificate(fixture.leaf());

    assertCode(() -> JwkPem.readPrivateJwk(pem), JoseError.CERTIFICATE_KEY_MISMATCH);
  }

  @Test
  void readPrivateJwk_publicKeyBlock_isMalformed() {
    assertCode(() -> JwkPem.readPrivateJwk(Pem.writePublicKey(TestKeys.EC_P256.keyPair().getPublic())), JoseError.MALFORMED_INPUT);
    assertCode(() -> JwkPem.readPublicJwk(Pem.writePrivateKey(TestKeys.EC_P256.keyPair().getPrivate())), JoseError.MALFORMED_INPUT);
  }

  @Test
  void readPrivateJwk_encryptedWithoutPassword_isPasswordRequired() {
    assertCode(() -> JwkPem.readPrivateJwk(Fixtures.encryptedEcKey()), JoseError.PEM_PASSWORD_REQUIRED);
  }

  // ---------------------------------------------------------------- validateX5c

  @Test
  void validateX5c_parsedJwkWithChainToTheRoot_isValid() {
    PublicJwk jwk = JwkPem.toPublicJwk(CertificateChain.of(List.of(fixture.leaf(), fixture.intermediate())));
    PublicJwk parsed = PublicJwk.parsePublic(jwk.toJson());

    CertificateChain chain = JwkPem.validateX5c(parsed, validator, Fixtures.DURING_LEAF);

    assertThat(chain.leaf()).isEqualTo(fixture.leaf());
  }

  @Test
  void x5cLeafKeyMismatch_isRejected() {
    PublicJwk honest = JwkPem.toPublicJwk(CertificateChain.of(List.of(fixture.leaf(), fixture.intermediate())));
    PublicJwk other = PublicJwk.of(TestKeys.EC_P256.keyPair().getPublic());

    // issue 14: a JWK whose x5c leaf holds another key cannot even be built, so validateX5c never sees one
    assertCode(() -> other.withMetadata(honest.metadata().toBuilder().kid("k1").build()), JoseError.INVALID_KEY)
        .hasMessageContaining("kid=k1").hasMessageContaining("x5c");
  }

  @Test
  void x5tS256NotOfTheLeaf_isRejected() {
    PublicJwk honest = JwkPem.toPublicJwk(CertificateChain.of(List.of(fixture.leaf(), fixture.intermediate())));
    String otherDigest = CertificateChain.of(List.of(fixture.intermediate())).x5tS256();
    PublicJwk tampered = honest.withMetadata(honest.metadata().toBuilder().x5tS256(otherDigest).build());

    assertCode(() -> JwkPem.validateX5c(tampered, validator, Fixtures.DURING_LEAF), JoseError.CERTIFICATE_KEY_MISMATCH);
  }

  @Test
  void x5cSelfSignedByTheAttacker_isNotTrusted() {
    KeyPair attacker = TestKeys.EC_P256.keyPair();
    var certificate = CertificateTemplateTest.template().build().selfSign(attacker);
    PublicJwk jwk = JwkPem.toPublicJwk(CertificateChain.of(List.of(certificate)));

    assertCode(() -> JwkPem.validateX5c(jwk, validator, CertificateTemplateTest.NOW.plusSeconds(60)), JoseError.CERTIFICATE_PATH_INVALID);
  }

  @Test
  void validateX5c_expiredLeaf_isPathInvalid() {
    PublicJwk jwk = JwkPem.toPublicJwk(CertificateChain.of(List.of(fixture.leaf(), fixture.intermediate())));

    assertCode(() -> JwkPem.validateX5c(jwk, validator, Fixtures.AFTER_LEAF), JoseError.CERTIFICATE_PATH_INVALID);
  }

  @Test
  void validateX5c_withoutX5c_isPathInvalid() {
    PublicJwk jwk = PublicJwk.of(fixture.leafKey().getPublic());

    assertCode(() -> JwkPem.validateX5c(jwk, validator, Fixtures.DURING_LEAF), JoseError.CERTIFICATE_PATH_INVALID)
        .hasMessageContaining("no x5c");
  }

  @Test
  void octJwk_hasNoPublicKey() {
    Jwk oct = JwkGenerator.generateOct(256);

    assertCode(() -> JwkPem.writePublicKey(oct), JoseError.UNSUPPORTED_KEY);
    assertCode(() -> JwkPem.validateX5c(oct, validator, Fixtures.DURING_LEAF), JoseError.UNSUPPORTED_KEY);
  }

  // ---------------------------------------------------------------- key store entries

  @ParameterizedTest
  @EnumSource(TestKeys.class)
  void toPrivateJwk_privateKeyAlone_derivesThePublicKey(TestKeys kind) {
    KeyPair pair = kind.keyPair();

    PrivateJwk jwk = JwkPem.toPrivateJwk(pair.getPrivate());

    assertThat(jwk.equalsKey(PrivateJwk.of(pair))).isTrue();
  }

  @Test
  void toPrivateJwk_keyStoreEntryWithChain_setsX5c() {
    CertificateChain chain = CertificateChain.of(List.of(fixture.leaf(), fixture.intermediate()));

    PrivateJwk jwk = JwkPem.toPrivateJwk(fixture.leafKey().getPrivate(), chain);

    assertThat(jwk.metadata().x5c()).isEqualTo(chain.toX5c());
    assertThat(jwk.metadata().x5tS256()).contains(chain.x5tS256());
    assertCode(() -> JwkPem.toPrivateJwk(fixture.intermediateKey().getPrivate(), chain), JoseError.CERTIFICATE_KEY_MISMATCH);
  }
}
