package dev.jwkit.jose.pem;

import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The contents of a PEM text that may mix several blocks: private keys (each with its public key),
 * public keys and certificates, each list in the order of the text.
 *
 * <p>A typical bundle is a private key followed by its certificate chain (leaf first), as web servers
 * and {@code openssl pkcs12 -nodes} write them. {@link #certificateChain()} gives the certificates as a
 * chain; whether the chain's leaf belongs to a key pair is the caller's check ({@link
 * CertificateChain#requireLeafKey}).
 *
 * <h2>Security</h2>
 * This class holds private keys: it is not a record, has no {@code equals}/{@code hashCode}, and its
 * {@link #toString()} shows counts only.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use.
 */
public final class PemBundle {

  private final List<KeyPair> keyPairs;
  private final List<PublicKey> publicKeys;
  private final List<X509Certificate> certificates;

  PemBundle(List<KeyPair> keyPairs, List<PublicKey> publicKeys, List<X509Certificate> certificates) {
    this.keyPairs = List.copyOf(Objects.requireNonNull(keyPairs, "keyPairs"));
    this.publicKeys = List.copyOf(Objects.requireNonNull(publicKeys, "publicKeys"));
    this.certificates = List.copyOf(Objects.requireNonNull(certificates, "certificates"));
  }

  /** The private keys of the text, each paired with its public key (derived where the block lacks it). */
  public List<KeyPair> keyPairs() {
    return keyPairs;
  }

  /** The public keys of {@code PUBLIC KEY} and {@code RSA PUBLIC KEY} blocks. */
  public List<PublicKey> publicKeys() {
    return publicKeys;
  }

  /** The certificates of {@code CERTIFICATE} blocks, in the order of the text. */
  public List<X509Certificate> certificates() {
    return certificates;
  }

  /** The certificates as a chain (the first is taken as the leaf), or empty if there are none. */
  public Optional<CertificateChain> certificateChain() {
    return certificates.isEmpty() ? Optional.empty() : Optional.of(CertificateChain.of(certificates));
  }

  /** Whether the text held no key and no certificate. */
  public boolean isEmpty() {
    return keyPairs.isEmpty() && publicKeys.isEmpty() && certificates.isEmpty();
  }

  /** Counts only; never key material. */
  @Override
  public String toString() {
    return "PemBundle[keyPairs=" + keyPairs.size() + " (private keys redacted), publicKeys=" + publicKeys.size()
        + ", certificates=" + certificates.size() + "]";
  }
}
