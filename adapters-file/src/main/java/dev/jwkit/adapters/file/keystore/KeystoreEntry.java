package dev.jwkit.adapters.file.keystore;

import dev.jwkit.jose.jwk.PrivateJwk;
import dev.jwkit.jose.pem.CertificateChain;
import java.util.Objects;

/**
 * A private key entry of a keystore: its alias, the key as a JWK (whose {@code x5c} carries the chain),
 * and the certificate chain.
 *
 * <p>Not a record, because it holds a private key: {@link #toString()} names the alias and kid only.
 */
public final class KeystoreEntry {

  private final String alias;
  private final PrivateJwk key;
  private final CertificateChain chain;

  /**
   * An entry.
   *
   * @param alias the keystore alias
   * @param key the private key, with {@code kid} and {@code x5c}
   * @param chain the certificate chain, leaf first
   */
  public KeystoreEntry(String alias, PrivateJwk key, CertificateChain chain) {
    this.alias = Objects.requireNonNull(alias, "alias");
    this.key = Objects.requireNonNull(key, "key");
    this.chain = Objects.requireNonNull(chain, "chain");
  }

  /** The keystore alias. */
  public String alias() {
    return alias;
  }

  /** The private key as a JWK. */
  public PrivateJwk key() {
    return key;
  }

  /** The certificate chain, leaf first. */
  public CertificateChain chain() {
    return chain;
  }

  @Override
  public String toString() {
    return "KeystoreEntry[alias=" + alias + ", kid=" + key.kid().orElse("") + ", key=<redacted>]";
  }
}
