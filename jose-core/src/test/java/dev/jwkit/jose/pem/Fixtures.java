package dev.jwkit.jose.pem;

import dev.jwkit.jose.internal.jwk.BouncyCastle;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test fixtures built directly with bcpkix (independently of {@link CertificateTemplate}): a chain root →
 * intermediate → leaf, and an encrypted key.
 */
final class Fixtures {

  static final Instant ROOT_FROM = Instant.parse("2020-01-01T00:00:00Z");
  static final Instant ROOT_UNTIL = Instant.parse("2040-01-01T00:00:00Z");
  static final Instant LEAF_FROM = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant LEAF_UNTIL = Instant.parse("2027-01-01T00:00:00Z");
  static final Instant DURING_LEAF = Instant.parse("2026-06-01T00:00:00Z");
  static final Instant AFTER_LEAF = Instant.parse("2027-06-01T00:00:00Z");

  /** A three-certificate chain and its keys. */
  record Chain(X509Certificate root, KeyPair rootKey, X509Certificate intermediate, KeyPair intermediateKey,
      X509Certificate leaf, KeyPair leafKey) {}

  private static Chain chain;
  private static String encryptedEcKey;

  private Fixtures() {}

  static synchronized Chain chain() {
    if (chain == null) {
      chain = newChain("Test");
    }
    return chain;
  }

  /** A fresh chain with its own keys and names. */
  static Chain newChain(String name) {
    KeyPair rootKey = TestKeys.EC_P384.fresh();
    KeyPair intermediateKey = TestKeys.RSA_2048.fresh();
    KeyPair leafKey = TestKeys.EC_P256.fresh();
    X509Certificate root = certificate("CN=" + name + " Root", rootKey.getPublic(), "CN=" + name + " Root",
        rootKey.getPrivate(), "SHA384withECDSA", true, ROOT_FROM, ROOT_UNTIL);
    X509Certificate intermediate = certificate("CN=" + name + " Intermediate", intermediateKey.getPublic(),
        "CN=" + name + " Root", rootKey.getPrivate(), "SHA384withECDSA", true, ROOT_FROM, ROOT_UNTIL);
    X509Certificate leaf = certificate("CN=" + name + " Leaf", leafKey.getPublic(), "CN=" + name + " Intermediate",
        intermediateKey.getPrivate(), "SHA256withRSA", false, LEAF_FROM, LEAF_UNTIL);
    return new Chain(root, rootKey, intermediate, intermediateKey, leaf, leafKey);
  }

  static X509Certificate certificate(String subject, PublicKey subjectKey, String issuer, PrivateKey issuerKey,
      String algorithm, boolean ca, Instant from, Instant until) {
    try {
      var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(System.nanoTime()),
          Date.from(from), Date.from(until), new X500Name(subject), subjectKey)
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
          .addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
      var signer = new JcaContentSignerBuilder(algorithm).setProvider(BouncyCastle.PROVIDER).build(issuerKey);
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** An EC P-256 key encrypted with the password "secret". */
  static synchronized String encryptedEcKey() {
    if (encryptedEcKey == null) {
      encryptedEcKey = Pem.writeEncryptedPrivateKey(TestKeys.EC_P256.keyPair().getPrivate(), "secret".toCharArray());
    }
    return encryptedEcKey;
  }
}
