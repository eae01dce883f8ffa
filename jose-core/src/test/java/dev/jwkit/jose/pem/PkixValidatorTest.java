package dev.jwkit.jose.pem;

import static dev.jwkit.jose.pem.PemErrorsTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.JoseError;
import java.util.List;
import org.junit.jupiter.api.Test;

class PkixValidatorTest {

  private final Fixtures.Chain fixture = Fixtures.chain();
  private final PkixValidator validator = PkixValidator.builder().trustAnchor(fixture.root()).build();

  @Test
  void validate_chainToTheRoot_isValid() {
    CertificateChain chain = CertificateChain.of(List.of(fixture.leaf(), fixture.intermediate()));

    assertThat(validator.validate(chain, Fixtures.DURING_LEAF)).isSameAs(chain);
  }

  @Test
  void validate_chainThatIncludesTheRoot_isValid() {
    CertificateChain chain = CertificateChain.of(List.of(fixture.leaf(), fixture.intermediate(), fixture.root()));

    assertThat(validator.validate(chain, Fixtures.DURING_LEAF)).isSameAs(chain);
  }

  @Test
  void validate_fromX5c_isValid() {
    List<String> x5c = CertificateChain.of(List.of(fixture.leaf(), fixture.intermediate())).toX5c();

    validator.validate(CertificateChain.fromX5c(x5c), Fixtures.DURING_LEAF);
  }

  @Test
  void validate_untrustedRoot_isPathInvalid() {
    Fixtures.Chain other = Fixtures.newChain("Other");
    PkixValidator trustsOther = PkixValidator.builder().trustAnchor(other.root()).build();

    assertCode(() -> trustsOther.validate(CertificateChain.of(List.of(fixture.leaf(), fixture.intermediate())), Fixtures.DURING_LEAF),
        JoseError.CERTIFICATE_PATH_INVALID);
    assertThat(JoseError.CERTIFICATE_PATH_INVALID.id()).isEqualTo("x509.path_invalid");
  }

  @Test
  void validate_selfContainedChainWithUntrustedRoot_isPathInvalid() {
    Fixtures.Chain other = Fixtures.newChain("Attacker");

    assertCode(() -> validator.validate(
        CertificateChain.of(List.of(other.leaf(), other.intermediate(), other.root())), Fixtures.DURING_LEAF),
        JoseError.CERTIFICATE_PATH_INVALID);
  }

  @Test
  void validate_expiredLeafAtALaterInstant_isPathInvalid() {
    CertificateChain chain = CertificateChain.of(List.of(fixture.leaf(), fixture.intermediate()));

    assertCode(() -> validator.validate(chain, Fixtures.AFTER_LEAF), JoseError.CERTIFICATE_PATH_INVALID)
        .hasMessageContaining("EXPIRED")
        .hasMessageContaining("certificate 0");
  }

  @Test
  void validate_leafNotYetValid_isPathInvalid() {
    CertificateChain chain = CertificateChain.of(List.of(fixture.leaf(), fixture.intermediate()));

    assertCode(() -> validator.validate(chain, Fixtures.LEAF_FROM.minusSeconds(60)), JoseError.CERTIFICATE_PATH_INVALID);
  }

  @Test
  void validate_missingIntermediate_isPathInvalid() {
    assertCode(() -> validator.validate(CertificateChain.of(List.of(fixture.leaf())), Fixtures.DURING_LEAF),
        JoseError.CERTIFICATE_PATH_INVALID);
  }

  @Test
  void validate_wrongOrder_isPathInvalid() {
    assertCode(() -> validator.validate(
        CertificateChain.of(List.of(fixture.intermediate(), fixture.leaf())), Fixtures.DURING_LEAF),
        JoseError.CERTIFICATE_PATH_INVALID);
  }

  @Test
  void validate_leafSignedByAnEndEntity_isPathInvalid() {
    var rogue = Fixtures.certificate("CN=Rogue", TestKeys.EC_P256.fresh().getPublic(), "CN=Test Leaf",
        fixture.leafKey().getPrivate(), "SHA256withECDSA", false, Fixtures.LEAF_FROM, Fixtures.LEAF_UNTIL);

    assertCode(() -> validator.validate(
        CertificateChain.of(List.of(rogue, fixture.leaf(), fixture.intermediate())), Fixtures.DURING_LEAF),
        JoseError.CERTIFICATE_PATH_INVALID);
  }

  @Test
  void validate_anchorItself_checksItsValidity() {
    CertificateChain root = CertificateChain.of(List.of(fixture.root()));

    validator.validate(root, Fixtures.DURING_LEAF);
    assertCode(() -> validator.validate(root, Fixtures.ROOT_UNTIL.plusSeconds(60)), JoseError.CERTIFICATE_PATH_INVALID);
  }

  @Test
  void builder_withoutAnchor_isRefused() {
    assertThatThrownBy(() -> PkixValidator.builder().build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> PkixValidator.builder().trustAnchors(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void revocationChecking_isOffByDefault() {
    assertThat(validator.revocationChecking()).isFalse();
    assertThat(PkixValidator.builder().trustAnchor(fixture.root()).revocationChecking(true).build().revocationChecking()).isTrue();
  }
}
