package dev.jwkit.jose.pem;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * Reading and writing the DER structures of {@link PemType} without the PEM armour: SPKI, PKCS#1, PKCS#8
 * (plain and encrypted), SEC1 and X.509 certificates.
 *
 * <p>The same validation as {@link Pem} applies: supported key types and named curves only, EC points
 * on the curve, embedded public keys matching their private keys, and bounded decryption work. Private
 * key encodings returned are fresh arrays the caller should clear when done.
 *
 * <pre>{@code
 * byte[] spki = Der.encodePublicKey(publicKey, PemType.PUBLIC_KEY);
 * PublicKey again = Der.readPublicKey(spki, PemType.PUBLIC_KEY);
 * }</pre>
 *
 * <h2>Security</h2>
 * Error messages name the structure and what is wrong, never key bytes.
 *
 * <h2>Thread safety</h2>
 * This class is stateless and safe for concurrent use.
 */
public final class Der {

  private Der() {}

  /**
   * Reads a public key from {@code PUBLIC_KEY} (SPKI) or {@code RSA_PUBLIC_KEY} (PKCS#1) DER.
   *
   * @throws IllegalArgumentException if the type is not a public key type
   * @throws dev.jwkit.jose.JwkitException MALFORMED_INPUT, UNSUPPORTED_KEY or INVALID_KEY
   */
  public static PublicKey readPublicKey(byte[] der, PemType type) {
    Objects.requireNonNull(der, "der");
    Objects.requireNonNull(type, "type");
    return DerCodec.publicKey(type, der, "DER " + type.label());
  }

  /**
   * Reads a key pair from unencrypted {@code PRIVATE_KEY} (PKCS#8), {@code RSA_PRIVATE_KEY} (PKCS#1) or
   * {@code EC_PRIVATE_KEY} (SEC1) DER; the public key is derived from the private key.
   *
   * @throws IllegalArgumentException if the type is not a private key type
   * @throws dev.jwkit.jose.JwkitException MALFORMED_INPUT, UNSUPPORTED_KEY, INVALID_KEY, or
   *     PEM_PASSWORD_REQUIRED for {@code ENCRYPTED_PRIVATE_KEY}
   */
  public static KeyPair readKeyPair(byte[] der, PemType type) {
    Objects.requireNonNull(der, "der");
    Objects.requireNonNull(type, "type");
    return DerCodec.keyPair(type, der, null, "DER " + type.label());
  }

  /**
   * Reads a key pair from PKCS#8 {@code EncryptedPrivateKeyInfo} DER.
   *
   * @throws dev.jwkit.jose.JwkitException PEM_WRONG_PASSWORD, INPUT_TOO_LARGE (work factor),
   *     MALFORMED_INPUT, UNSUPPORTED_KEY or INVALID_KEY
   */
  public static KeyPair readEncryptedKeyPair(byte[] der, char[] password) {
    Objects.requireNonNull(der, "der");
    Objects.requireNonNull(password, "password");
    return DerCodec.keyPair(PemType.ENCRYPTED_PRIVATE_KEY, der, password, "DER " + PemType.ENCRYPTED_PRIVATE_KEY.label());
  }

  /**
   * Reads one DER X.509 certificate (no trailing data).
   *
   * @throws dev.jwkit.jose.JwkitException MALFORMED_INPUT
   */
  public static X509Certificate readCertificate(byte[] der) {
    Objects.requireNonNull(der, "der");
    return DerCodec.certificate(der, "DER CERTIFICATE");
  }

  /**
   * Encodes a public key as {@code PUBLIC_KEY} (SPKI) or {@code RSA_PUBLIC_KEY} (PKCS#1) DER.
   *
   * @throws IllegalArgumentException if the type is not a public key type
   * @throws dev.jwkit.jose.JwkitException UNSUPPORTED_KEY for a key the type cannot hold
   */
  public static byte[] encodePublicKey(PublicKey key, PemType type) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    return DerCodec.encodePublicKey(key, type);
  }

  /**
   * Encodes a private key as {@code PRIVATE_KEY} (PKCS#8), {@code RSA_PRIVATE_KEY} (PKCS#1) or {@code
   * EC_PRIVATE_KEY} (SEC1, with the named curve and the public key) DER.
   *
   * @throws IllegalArgumentException if the type is not an unencrypted private key type
   * @throws dev.jwkit.jose.JwkitException UNSUPPORTED_KEY for a key the type cannot hold
   */
  public static byte[] encodePrivateKey(PrivateKey key, PemType type) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    return DerCodec.encodePrivateKey(key, type);
  }

  /**
   * Encodes a private key as PKCS#8 {@code EncryptedPrivateKeyInfo} DER (PBES2, PBKDF2-HMAC-SHA-256 with
   * {@value Pem#ENCRYPTION_ITERATIONS} iterations, AES-256-CBC).
   *
   * @throws IllegalArgumentException if the password is empty
   */
  public static byte[] encodeEncryptedPrivateKey(PrivateKey key, char[] password) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(password, "password");
    return DerCodec.encodeEncryptedPrivateKey(key, password);
  }

  /** The DER encoding of a certificate. */
  public static byte[] encodeCertificate(X509Certificate certificate) {
    Objects.requireNonNull(certificate, "certificate");
    return DerCodec.encodeCertificate(certificate);
  }
}
