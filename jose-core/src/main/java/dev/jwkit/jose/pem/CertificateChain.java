package dev.jwkit.jose.pem;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.internal.pem.KeyCodec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * An X.509 certificate chain, leaf first, as carried by a JWK's {@code x5c} member (RFC 7517 §4.7).
 *
 * <p>A chain is only a list of parsed certificates: nothing about it is trusted. {@link
 * PkixValidator#validate} checks it against caller-given trust anchors; {@link #requireLeafKey} checks
 * that the leaf certifies a given key. The {@code x5c} form is standard base64 (with padding, not
 * base64url) of each DER certificate; {@code x5t#S256} and {@code x5t} are the base64url SHA-256 and
 * SHA-1 digests of the leaf's DER.
 *
 * <pre>{@code
 * CertificateChain chain = CertificateChain.fromX5c(jwk.metadata().x5c());
 * chain.requireLeafKey(jwk.toPublicKey());
 * validator.validate(chain, now);
 * }</pre>
 *
 * <h2>Security</h2>
 * Never trust a chain because it parsed or because it came with a key: validate it. Certificates are
 * public data; {@link #toString()} shows the length and the leaf's subject only.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use.
 *
 * @param certificates the certificates, leaf first, never empty
 */
public record CertificateChain(List<X509Certificate> certificates) {

  /** The largest number of certificates accepted from {@code x5c} (a bound on untrusted input). */
  public static final int MAX_LENGTH = 16;

  /**
   * Checks and copies the certificates.
   *
   * @throws IllegalArgumentException if the list is empty
   */
  public CertificateChain {
    Objects.requireNonNull(certificates, "certificates");
    certificates = List.copyOf(certificates);
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("a certificate chain needs at least one certificate");
    }
  }

  /** A chain of these certificates, leaf first. */
  public static CertificateChain of(List<X509Certificate> certificates) {
    return new CertificateChain(certificates);
  }

  /**
   * Parses a JWK {@code x5c} value: standard base64 (RFC 4648 §4, padded, no line breaks) DER
   * certificates, leaf first.
   *
   * @throws JwkitException MALFORMED_INPUT naming the index of a bad entry, or for an empty list;
   *     INPUT_TOO_LARGE beyond {@value #MAX_LENGTH} entries
   */
  public static CertificateChain fromX5c(List<String> x5c) {
    Objects.requireNonNull(x5c, "x5c");
    if (x5c.isEmpty()) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, "x5c is empty");
    }
    if (x5c.size() > MAX_LENGTH) {
      throw new JwkitException(JoseError.INPUT_TOO_LARGE, "x5c has more than " + MAX_LENGTH + " certificates");
    }
    List<X509Certificate> certificates = new ArrayList<>(x5c.size());
    for (int i = 0; i < x5c.size(); i++) {
      String entry = Objects.requireNonNull(x5c.get(i), "x5c entry");
      byte[] der;
      try {
        der = Base64.getDecoder().decode(entry);
      } catch (IllegalArgumentException e) {
        throw new JwkitException(JoseError.MALFORMED_INPUT, "x5c[" + i + "] is not standard base64", e);
      }
      if (!Base64.getEncoder().encodeToString(der).equals(entry)) {
        throw new JwkitException(JoseError.MALFORMED_INPUT, "x5c[" + i + "] is not canonical padded base64");
      }
      certificates.add(DerCodec.certificate(der, "x5c[" + i + "]"));
    }
    return new CertificateChain(certificates);
  }

  /**
   * Parses a PEM text of {@code CERTIFICATE} blocks, leaf first.
   *
   * @throws JwkitException MALFORMED_INPUT
   */
  public static CertificateChain parsePem(String pem) {
    return new CertificateChain(Pem.readCertificates(pem));
  }

  /** The leaf (end-entity) certificate: the first one. */
  public X509Certificate leaf() {
    return certificates.get(0);
  }

  /**
   * The leaf's public key as a JCA key, validated as {@link Pem} validates keys (this also works for
   * secp256k1, which the JDK's certificate objects cannot turn into an EC key).
   *
   * @throws JwkitException UNSUPPORTED_KEY or INVALID_KEY
   */
  public PublicKey leafPublicKey() {
    return KeyCodec.toPublicKey(leafSubjectPublicKeyInfo());
  }

  /**
   * Checks that the leaf certifies exactly this public key (same SPKI encoding).
   *
   * @throws JwkitException CERTIFICATE_KEY_MISMATCH if it does not
   */
  public void requireLeafKey(PublicKey key) {
    Objects.requireNonNull(key, "key");
    byte[] expected = KeyCodec.spki(key);
    byte[] actual;
    try {
      actual = KeyCodec.spki(leafPublicKey());
    } catch (JwkitException e) {
      throw new JwkitException(JoseError.CERTIFICATE_KEY_MISMATCH, "the leaf certificate's key is not usable", e);
    }
    if (!MessageDigest.isEqual(expected, actual)) {
      throw new JwkitException(JoseError.CERTIFICATE_KEY_MISMATCH, "the leaf certificate does not certify the key");
    }
  }

  /** The JWK {@code x5c} value: standard base64 DER of each certificate, leaf first. */
  public List<String> toX5c() {
    List<String> x5c = new ArrayList<>(certificates.size());
    for (X509Certificate certificate : certificates) {
      x5c.add(Base64.getEncoder().encodeToString(DerCodec.encodeCertificate(certificate)));
    }
    return List.copyOf(x5c);
  }

  /** The JWK {@code x5t#S256} value: base64url SHA-256 of the leaf's DER (RFC 7517 §4.9). */
  public String x5tS256() {
    return Base64Url.encode(digest("SHA-256"));
  }

  /**
   * The JWK {@code x5t} value: base64url SHA-1 of the leaf's DER (RFC 7517 §4.8). SHA-1 is kept for
   * interoperability only; prefer {@link #x5tS256()}.
   */
  public String x5t() {
    return Base64Url.encode(digest("SHA-1"));
  }

  /** The certificates as consecutive PEM {@code CERTIFICATE} blocks. */
  public String toPem() {
    return Pem.writeCertificates(certificates);
  }

  /** The length and the leaf's subject. */
  @Override
  public String toString() {
    return "CertificateChain[length=" + certificates.size() + ", leaf=" + leaf().getSubjectX500Principal().getName() + "]";
  }

  private SubjectPublicKeyInfo leafSubjectPublicKeyInfo() {
    return Certificate.getInstance(DerCodec.encodeCertificate(leaf())).getSubjectPublicKeyInfo();
  }

  private byte[] digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm).digest(DerCodec.encodeCertificate(leaf()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from the JDK", e);
    }
  }
}
