package dev.jwkit.jose.pem;

import static dev.jwkit.jose.pem.PemErrorsTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.internal.jwk.BouncyCastle;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertificateTemplateTest {

  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  static CertificateTemplate.Builder template() {
    return CertificateTemplate.builder().subject("CN=jwkit test, O=Example").notBefore(NOW).notAfter(NOW.plus(Duration.ofDays(30)));
  }

  @ParameterizedTest
  @EnumSource(value = TestKeys.class, names = {"RSA_2048", "EC_P256", "EC_P384", "EC_P521", "EC_SECP256K1", "ED25519", "ED448"})
  void selfSign_signingKey_verifiesWithItsOwnKey(TestKeys kind) throws Exception {
    KeyPair pair = kind.keyPair();

    X509Certificate certificate = template().build().selfSign(pair);

    certificate.verify(pair.getPublic(), BouncyCastle.PROVIDER);
    assertThat(certificate.getSubjectX500Principal()).isEqualTo(certificate.getIssuerX500Principal());
    assertThat(certificate.getNotBefore().toInstant()).isEqualTo(NOW);
    assertThat(certificate.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(30)));
    assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
    assertThat(certificate.getSerialNumber().signum()).isPositive();
    CertificateChain.of(List.of(certificate)).requireLeafKey(pair.getPublic());
  }

  @ParameterizedTest
  @EnumSource(value = TestKeys.class, names = {"RSA_2048", "EC_P256", "EC_P384", "EC_P521", "ED25519", "ED448"})
  void selfSign_signatureAlgorithmMatchesTheKey(TestKeys kind) {
    X509Certificate certificate = template().build().selfSign(kind.keyPair());

    String expected = kind == TestKeys.RSA_2048 ? "SHA256withRSA"
        : kind == TestKeys.EC_P256 ? "SHA256withECDSA"
        : kind == TestKeys.EC_P384 ? "SHA384withECDSA"
        : kind == TestKeys.EC_P521 ? "SHA512withECDSA"
        : kind == TestKeys.ED25519 ? "Ed25519" : "Ed448";
    assertThat(certificate.getSigAlgName()).isEqualToIgnoringCase(expected);
  }

  @ParameterizedTest
  @EnumSource(value = TestKeys.class, names = {"X25519", "X448"})
  void selfSign_keyAgreementKey_isUnsupported(TestKeys kind) {
    assertCode(() -> template().build().selfSign(kind.keyPair()), JoseError.UNSUPPORTED_KEY).hasMessageContaining("cannot sign");
  }

  @Test
  void issue_keyAgreementSubject_isCertifiedByASigningIssuer() throws Exception {
    KeyPair issuer = TestKeys.EC_P256.keyPair();
    X509Certificate ca = template().subject("CN=CA").certificateAuthority(true).build().selfSign(issuer);

    X509Certificate certificate = template().build().issue(TestKeys.X25519.keyPair().getPublic(), ca, issuer.getPrivate());

    certificate.verify(issuer.getPublic());
    assertThat(certificate.getKeyUsage()[4]).as("keyAgreement").isTrue();
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void issue_chainFromTemplates_validates() {
    KeyPair rootKey = TestKeys.ED25519.keyPair();
    KeyPair leafKey = TestKeys.RSA_2048.keyPair();
    X509Certificate root = template().subject("CN=Root").certificateAuthority(true).build().selfSign(rootKey);
    X509Certificate leaf = template().subject("CN=Leaf").build().issue(leafKey.getPublic(), root, rootKey.getPrivate());

    PkixValidator.builder().trustAnchor(root).build().validate(CertificateChain.of(List.of(leaf)), NOW.plusSeconds(3600));
  }

  @Test
  void serialNumber_isUsedWhenGiven_andRandomOtherwise() {
    KeyPair pair = TestKeys.EC_P256.keyPair();

    assertThat(template().serialNumber(BigInteger.valueOf(42)).build().selfSign(pair).getSerialNumber()).isEqualTo(42);
    assertThat(template().build().selfSign(pair).getSerialNumber()).isNotEqualTo(template().build().selfSign(pair).getSerialNumber());
  }

  @Test
  void builder_checksItsArguments() {
    assertThatThrownBy(() -> CertificateTemplate.builder().build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> template().notAfter(NOW).build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> CertificateTemplate.builder().subject("not a DN")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CertificateTemplate.builder().serialNumber(BigInteger.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
