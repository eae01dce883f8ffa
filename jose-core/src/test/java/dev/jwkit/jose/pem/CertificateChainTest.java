package dev.jwkit.jose.pem;

import static dev.jwkit.jose.pem.PemErrorsTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.JoseError;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateChainTest {

  private final Fixtures.Chain fixture = Fixtures.chain();
  private final CertificateChain chain =
      CertificateChain.of(List.of(fixture.leaf(), fixture.intermediate(), fixture.root()));

  @Test
  void toX5c_isStandardBase64DerLeafFirst() throws Exception {
    List<String> x5c = chain.toX5c();

    assertThat(x5c).hasSize(3);
    assertThat(Base64.getDecoder().decode(x5c.get(0))).isEqualTo(fixture.leaf().getEncoded());
    assertThat(Base64.getDecoder().decode(x5c.get(2))).isEqualTo(fixture.root().getEncoded());
    assertThat(CertificateChain.fromX5c(x5c)).isEqualTo(chain);
  }

  @Test
  void x5tS256_isBase64UrlSha256OfTheLeafDer() throws Exception {
    byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(fixture.leaf().getEncoded());
    byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(fixture.leaf().getEncoded());

    assertThat(chain.x5tS256()).isEqualTo(Base64Url.encode(sha256)).hasSize(43);
    assertThat(chain.x5t()).isEqualTo(Base64Url.encode(sha1)).hasSize(27);
  }

  @Test
  void leafPublicKey_isTheLeafKey() {
    assertThat(chain.leafPublicKey().getEncoded()).isEqualTo(fixture.leafKey().getPublic().getEncoded());
    chain.requireLeafKey(fixture.leafKey().getPublic());
  }

  @Test
  void requireLeafKey_otherKey_isKeyMismatch() {
    assertCode(() -> chain.requireLeafKey(fixture.intermediateKey().getPublic()), JoseError.CERTIFICATE_KEY_MISMATCH);
    assertCode(() -> chain.requireLeafKey(TestKeys.EC_P256.keyPair().getPublic()), JoseError.CERTIFICATE_KEY_MISMATCH);
    assertThat(JoseError.CERTIFICATE_KEY_MISMATCH.id()).isEqualTo("x509.key_mismatch");
  }

  @Test
  void leafPublicKey_secp256k1_isAnEcKey() {
    var pair = TestKeys.EC_SECP256K1.keyPair();
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    X509Certificate certificate = CertificateTemplate.builder().subject("CN=k1").notBefore(now)
        .notAfter(now.plus(Duration.ofDays(1))).build().selfSign(pair);

    CertificateChain single = CertificateChain.of(List.of(certificate));

    assertThat(single.leafPublicKey()).isInstanceOf(java.security.interfaces.ECPublicKey.class);
    single.requireLeafKey(pair.getPublic());
  }

  @Test
  void fromX5c_base64UrlEntry_isMalformedAndNamesTheIndex() throws Exception {
    List<String> x5c = new ArrayList<>(chain.toX5c());
    x5c.set(1, Base64.getUrlEncoder().withoutPadding().encodeToString(fixture.intermediate().getEncoded()).replace('A', '-'));

    assertCode(() -> CertificateChain.fromX5c(x5c), JoseError.MALFORMED_INPUT).hasMessageContaining("x5c[1]");
  }

  @Test
  void fromX5c_missingPadding_isMalformed() {
    String entry = Base64.getEncoder().withoutPadding().encodeToString(new byte[] {1, 2, 3, 4});

    assertCode(() -> CertificateChain.fromX5c(List.of(entry)), JoseError.MALFORMED_INPUT).hasMessageContaining("x5c[0]");
  }

  @Test
  void fromX5c_notACertificate_isMalformed() {
    String entry = Base64.getEncoder().encodeToString(fixture.leafKey().getPublic().getEncoded());

    assertCode(() -> CertificateChain.fromX5c(List.of(entry)), JoseError.MALFORMED_INPUT)
        .hasMessageContaining("x5c[0]: not a DER X.509 certificate");
  }

  @Test
  void fromX5c_emptyOrTooLong_isRefused() {
    assertCode(() -> CertificateChain.fromX5c(List.of()), JoseError.MALFORMED_INPUT);
    List<String> many = Collections.nCopies(CertificateChain.MAX_LENGTH + 1, chain.toX5c().get(0));
    assertCode(() -> CertificateChain.fromX5c(many), JoseError.INPUT_TOO_LARGE);
  }

  @Test
  void parsePem_andToPem_roundTrip() {
    assertThat(CertificateChain.parsePem(chain.toPem())).isEqualTo(chain);
  }

  @Test
  void emptyChain_isAProgrammingError() {
    assertThatThrownBy(() -> CertificateChain.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toString_showsLengthAndLeafSubject() {
    assertThat(chain.toString()).isEqualTo("CertificateChain[length=3, leaf=CN=Test Leaf]");
  }
}
