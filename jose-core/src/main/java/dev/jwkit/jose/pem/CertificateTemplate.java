package dev.jwkit.jose.pem;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.internal.jwk.BouncyCastle;
import dev.jwkit.jose.internal.pem.KeyAlgorithm;
import dev.jwkit.jose.internal.pem.KeyCodec;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.KeyType;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * A template for X.509 v3 certificates built with Bouncy Castle: a subject, a validity period and
 * whether the certificate is a CA. It signs self-signed certificates (for tests, the CLI, and PKCS#12
 * export, which needs a certificate beside a private key) and certificates issued by another key (to
 * build chains).
 *
 * <p>The signature algorithm follows the issuer's key: SHA256withRSA for RSA, SHA256withECDSA,
 * SHA384withECDSA and SHA512withECDSA for P-256, P-384 and P-521 (SHA256withECDSA for secp256k1),
 * Ed25519 and Ed448. X25519 and X448 keys cannot sign, but can be certified by another key. Certificates
 * carry a subject key identifier, an authority key identifier, basic constraints and key usage
 * (certificate and CRL signing for a CA; digital signature, or key agreement for X25519/X448, otherwise).
 *
 * <pre>{@code
 * X509Certificate certificate = CertificateTemplate.builder()
 *     .subject("CN=signing key")
 *     .notBefore(now)
 *     .notAfter(now.plus(Duration.ofDays(365)))
 *     .build()
 *     .selfSign(keyPair);
 * }</pre>
 *
 * <h2>Security</h2>
 * A self-signed certificate asserts nothing: it carries a key where a format needs a certificate. The
 * serial number, unless given, is 159 random bits (CA/Browser Forum practice).
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use.
 */
public final class CertificateTemplate {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final X500Name subject;
  private final Instant notBefore;
  private final Instant notAfter;
  private final @Nullable BigInteger serialNumber;
  private final boolean certificateAuthority;

  private CertificateTemplate(Builder builder) {
    this.subject = Objects.requireNonNull(builder.subject);
    this.notBefore = Objects.requireNonNull(builder.notBefore);
    this.notAfter = Objects.requireNonNull(builder.notAfter);
    this.serialNumber = builder.serialNumber;
    this.certificateAuthority = builder.certificateAuthority;
  }

  /** A new builder; subject, notBefore and notAfter are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A self-signed certificate for the key pair: the subject is also the issuer.
   *
   * @throws JwkitException UNSUPPORTED_KEY for a key that cannot sign (X25519, X448) or is not supported
   */
  public X509Certificate selfSign(KeyPair keyPair) {
    Objects.requireNonNull(keyPair, "keyPair");
    return sign(keyPair.getPublic(), subject, keyPair.getPublic(), keyPair.getPrivate());
  }

  /**
   * A certificate for the subject key, issued by the holder of the issuer certificate's key.
   *
   * @throws JwkitException UNSUPPORTED_KEY for an issuer key that cannot sign
   */
  public X509Certificate issue(PublicKey subjectKey, X509Certificate issuer, PrivateKey issuerKey) {
    Objects.requireNonNull(subjectKey, "subjectKey");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(issuerKey, "issuerKey");
    X500Name issuerName = X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
    return sign(subjectKey, issuerName, CertificateChain.of(java.util.List.of(issuer)).leafPublicKey(), issuerKey);
  }

  private X509Certificate sign(PublicKey subjectKey, X500Name issuer, PublicKey issuerPublic, PrivateKey issuerKey) {
    KeyAlgorithm subjectAlgorithm = KeyCodec.algorithmOf(subjectKey);
    KeyAlgorithm issuerAlgorithm = KeyCodec.algorithmOf(issuerKey);
    String signatureAlgorithm = signatureAlgorithm(issuerAlgorithm);
    BigInteger serial = serialNumber != null ? serialNumber : new BigInteger(159, RANDOM).setBit(0);
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
          issuer, serial, Date.from(notBefore), Date.from(notAfter), subject, normalized(subjectKey))
          .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(normalized(subjectKey)))
          .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(normalized(issuerPublic)))
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(certificateAuthority))
          .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage(subjectAlgorithm)));
      ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm)
          .setProvider(BouncyCastle.PROVIDER)
          .build(bouncyCastleKey(issuerKey, issuerAlgorithm));
      X509CertificateHolder holder = builder.build(signer);
      return DerCodec.certificate(holder.getEncoded(), "new certificate");
    } catch (OperatorCreationException | GeneralSecurityException | java.io.IOException e) {
      throw new JwkitException(JoseError.SIGNING_FAILED, "certificate signing with " + signatureAlgorithm + " failed", e);
    }
  }

  private int keyUsage(KeyAlgorithm subjectAlgorithm) {
    if (certificateAuthority) {
      return KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature;
    }
    Curve curve = subjectAlgorithm.curve();
    return curve != null && !curve.isSigning() ? KeyUsage.keyAgreement : KeyUsage.digitalSignature;
  }

  private static String signatureAlgorithm(KeyAlgorithm algorithm) {
    if (algorithm.keyType() == KeyType.RSA) {
      return "SHA256withRSA";
    }
    Curve curve = algorithm.requireCurve();
    switch (curve) {
      case P_256:
      case SECP256K1:
        return "SHA256withECDSA";
      case P_384:
        return "SHA384withECDSA";
      case P_521:
        return "SHA512withECDSA";
      case ED25519:
        return "Ed25519";
      case ED448:
        return "Ed448";
      default:
        throw new JwkitException(JoseError.UNSUPPORTED_KEY, curve.jwkName() + " keys cannot sign certificates");
    }
  }

  /** The key re-read through SPKI, so that JDK and Bouncy Castle keys alike are accepted. */
  private static PublicKey normalized(PublicKey key) {
    return KeyCodec.toPublicKey(KeyCodec.subjectPublicKeyInfo(key));
  }

  /** The signing key as a Bouncy Castle key, since the signature runs in the Bouncy Castle provider. */
  private static PrivateKey bouncyCastleKey(PrivateKey key, KeyAlgorithm algorithm) throws GeneralSecurityException {
    byte[] encoded = KeyCodec.pkcs8PrivateKey(key);
    try {
      return java.security.KeyFactory.getInstance(algorithm.jcaName(), BouncyCastle.PROVIDER)
          .generatePrivate(new PKCS8EncodedKeySpec(encoded));
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
  }

  /** The subject's name in RFC 4514 form. */
  public String subject() {
    return subject.toString();
  }

  /** The start of the validity period. */
  public Instant notBefore() {
    return notBefore;
  }

  /** The end of the validity period. */
  public Instant notAfter() {
    return notAfter;
  }

  /** Whether certificates are CA certificates (basic constraints CA true). */
  public boolean certificateAuthority() {
    return certificateAuthority;
  }

  @Override
  public String toString() {
    return "CertificateTemplate[subject=" + subject + ", notBefore=" + notBefore + ", notAfter=" + notAfter
        + ", ca=" + certificateAuthority + "]";
  }

  /** A builder of {@link CertificateTemplate}; not thread-safe. */
  public static final class Builder {

    private @Nullable X500Name subject;
    private @Nullable Instant notBefore;
    private @Nullable Instant notAfter;
    private @Nullable BigInteger serialNumber;
    private boolean certificateAuthority;

    private Builder() {}

    /**
     * The subject's distinguished name in RFC 4514 form, for example {@code "CN=jwkit, O=Example"}.
     * Required.
     *
     * @return this builder
     * @throws IllegalArgumentException if the name does not parse
     */
    public Builder subject(String distinguishedName) {
      Objects.requireNonNull(distinguishedName, "distinguishedName");
      try {
        this.subject = new X500Name(distinguishedName);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("subject is not an RFC 4514 distinguished name", e);
      }
      return this;
    }

    /**
     * The start of the validity period. Required.
     *
     * @return this builder
     */
    public Builder notBefore(Instant notBefore) {
      this.notBefore = Objects.requireNonNull(notBefore, "notBefore");
      return this;
    }

    /**
     * The end of the validity period; must be after {@link #notBefore}. Required.
     *
     * @return this builder
     */
    public Builder notAfter(Instant notAfter) {
      this.notAfter = Objects.requireNonNull(notAfter, "notAfter");
      return this;
    }

    /**
     * A fixed serial number; by default each certificate gets 159 random bits.
     *
     * @return this builder
     * @throws IllegalArgumentException if the number is not positive
     */
    public Builder serialNumber(BigInteger serialNumber) {
      Objects.requireNonNull(serialNumber, "serialNumber");
      if (serialNumber.signum() <= 0 || serialNumber.bitLength() > 159) {
        throw new IllegalArgumentException("serialNumber must be positive and at most 20 octets");
      }
      this.serialNumber = serialNumber;
      return this;
    }

    /**
     * Whether the certificates are CA certificates that may sign others. Default false.
     *
     * @return this builder
     */
    public Builder certificateAuthority(boolean certificateAuthority) {
      this.certificateAuthority = certificateAuthority;
      return this;
    }

    /**
     * Builds the template.
     *
     * @throws IllegalStateException if the subject or validity is missing, or notAfter is not after
     *     notBefore
     */
    public CertificateTemplate build() {
      if (subject == null || notBefore == null || notAfter == null) {
        throw new IllegalStateException("subject, notBefore and notAfter are required");
      }
      if (!notAfter.isAfter(notBefore)) {
        throw new IllegalStateException("notAfter must be after notBefore");
      }
      return new CertificateTemplate(this);
    }
  }
}
