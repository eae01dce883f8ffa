package dev.jwkit.jose.pem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jwkit.jose.JwkitException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Nothing secret (private key bytes, passwords) appears in an exception message or a toString. */
class SecretHygieneTest {

  private final KeyPair pair = TestKeys.EC_P256.keyPair();
  private final BigInteger d = ((ECPrivateKey) pair.getPrivate()).getS();
  private final String password = "Sup3r-Secret-Passw0rd";

  private List<String> forbidden() {
    byte[] scalar = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, d);
    byte[] pkcs8 = Der.encodePrivateKey(pair.getPrivate(), PemType.PRIVATE_KEY);
    List<String> secrets = new ArrayList<>();
    secrets.add(password);
    secrets.add(d.toString());
    secrets.add(d.toString(16));
    secrets.add(HexFormat.of().formatHex(scalar));
    secrets.add(HexFormat.of().formatHex(scalar).toUpperCase(Locale.ROOT));
    secrets.add(Base64.getEncoder().encodeToString(scalar).substring(0, 20));
    secrets.add(Base64.getUrlEncoder().encodeToString(scalar).substring(0, 20));
    secrets.add(Base64.getEncoder().encodeToString(pkcs8).substring(20, 60));
    return secrets;
  }

  private void assertNoSecretIn(Executable call) {
    Throwable thrown = catchThrowable(call::execute);
    assertThat(thrown).isInstanceOf(JwkitException.class);
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      String text = t.toString();
      for (String secret : forbidden()) {
        assertThat(text).as("message of %s", t.getClass().getName()).doesNotContain(secret);
      }
    }
  }

  @Test
  void wrongPassword_messageCarriesNoSecret() {
    String pem = Pem.writeEncryptedPrivateKey(pair.getPrivate(), password.toCharArray());

    assertNoSecretIn(() -> Pem.readKeyPair(pem, "wrong".toCharArray()));
  }

  @Test
  void sec1WithForeignPublicKey_messageCarriesNoSecret() throws Exception {
    byte[] sec1 = Der.encodePrivateKey(pair.getPrivate(), PemType.EC_PRIVATE_KEY);
    var mine = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(sec1);
    var theirs = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(
        Der.encodePrivateKey(TestKeys.EC_P256.fresh().getPrivate(), PemType.EC_PRIVATE_KEY));
    byte[] spliced = new org.bouncycastle.asn1.sec.ECPrivateKey(256, mine.getKey(), theirs.getPublicKey(), mine.getParametersObject()).getEncoded();

    assertNoSecretIn(() -> Der.readKeyPair(spliced, PemType.EC_PRIVATE_KEY));
  }

  @Test
  void privateKeyUnderWrongLabel_messageCarriesNoSecret() {
    String pem = Pem.writePrivateKey(pair.getPrivate()).replace("PRIVATE KEY", "RSA PRIVATE KEY");

    assertNoSecretIn(() -> Pem.readKeyPair(pem));
  }

  @Test
  void privateKeyWithUnsupportedCurveName_messageCarriesNoSecret() throws Exception {
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded());
    var wrongCurve = new PrivateKeyInfo(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
        org.bouncycastle.asn1.x9.X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp224r1), info.parsePrivateKey());

    assertNoSecretIn(() -> Der.readKeyPair(wrongCurve.getEncoded(), PemType.PRIVATE_KEY));
  }

  @Test
  void truncatedPrivateKey_messageCarriesNoSecret() {
    String pem = Pem.writePrivateKey(pair.getPrivate());
    String truncated = pem.substring(0, pem.length() - 40);

    assertNoSecretIn(() -> Pem.readKeyPair(truncated));
  }

  @Test
  void toStrings_carryNoSecret() {
    PemBundle bundle = Pem.parse(Pem.writePrivateKey(pair.getPrivate()) + Pem.writeCertificate(Fixtures.chain().leaf()));
    String text = bundle + " " + bundle.certificateChain().orElseThrow() + " " + CertificateTemplateTest.template().build()
        + " " + PkixValidator.builder().trustAnchor(Fixtures.chain().root()).build();

    for (String secret : forbidden()) {
      assertThat(text).doesNotContain(secret);
    }
    assertThat(bundle.toString()).contains("redacted");
  }
}
