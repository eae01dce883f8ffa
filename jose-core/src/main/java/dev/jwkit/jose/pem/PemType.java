package dev.jwkit.jose.pem;

import java.util.Objects;
import java.util.Optional;

/**
 * The PEM block types jwkit reads and writes, each naming one DER structure (RFC 7468).
 *
 * <p>The same constants select the structure for {@link Der}: {@code Der.encodePublicKey(key,
 * PemType.RSA_PUBLIC_KEY)} is the DER inside a {@code -----BEGIN RSA PUBLIC KEY-----} block.
 */
public enum PemType {
  /** {@code PUBLIC KEY}: an X.509 SubjectPublicKeyInfo (SPKI, RFC 5280 §4.1), any key type. */
  PUBLIC_KEY("PUBLIC KEY"),
  /** {@code RSA PUBLIC KEY}: a PKCS#1 RSAPublicKey (RFC 8017 §A.1.1), RSA only. */
  RSA_PUBLIC_KEY("RSA PUBLIC KEY"),
  /** {@code PRIVATE KEY}: a PKCS#8 PrivateKeyInfo (RFC 5208, RFC 5958), any key type. */
  PRIVATE_KEY("PRIVATE KEY"),
  /** {@code ENCRYPTED PRIVATE KEY}: a PKCS#8 EncryptedPrivateKeyInfo (RFC 5208 §6), password protected. */
  ENCRYPTED_PRIVATE_KEY("ENCRYPTED PRIVATE KEY"),
  /** {@code RSA PRIVATE KEY}: a PKCS#1 RSAPrivateKey (RFC 8017 §A.1.2), RSA only ("traditional" OpenSSL). */
  RSA_PRIVATE_KEY("RSA PRIVATE KEY"),
  /** {@code EC PRIVATE KEY}: a SEC1 ECPrivateKey (RFC 5915), EC only ("traditional" OpenSSL). */
  EC_PRIVATE_KEY("EC PRIVATE KEY"),
  /** {@code CERTIFICATE}: an X.509 certificate (RFC 5280). */
  CERTIFICATE("CERTIFICATE");

  private final String label;

  PemType(String label) {
    this.label = label;
  }

  /** The label between {@code -----BEGIN } and {@code -----}, for example {@code "RSA PRIVATE KEY"}. */
  public String label() {
    return label;
  }

  /** Whether blocks of this type hold a public key. */
  public boolean isPublicKey() {
    return this == PUBLIC_KEY || this == RSA_PUBLIC_KEY;
  }

  /** Whether blocks of this type hold a private key (plain or encrypted). */
  public boolean isPrivateKey() {
    return this == PRIVATE_KEY || this == ENCRYPTED_PRIVATE_KEY || this == RSA_PRIVATE_KEY || this == EC_PRIVATE_KEY;
  }

  /** The type with this exact label, if jwkit supports it. */
  public static Optional<PemType> fromLabel(String label) {
    Objects.requireNonNull(label, "label");
    for (PemType type : values()) {
      if (type.label.equals(label)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
