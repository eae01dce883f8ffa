package dev.jwkit.jose.pem;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import java.io.IOException;
import java.io.StringWriter;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.jspecify.annotations.Nullable;

/**
 * Reading and writing PEM text (RFC 7468): public keys, private keys (plain, encrypted, PKCS#1 and SEC1),
 * and X.509 certificates, as JCA objects.
 *
 * <p>Readers accept the blocks of {@link PemType}; {@code EC PARAMETERS} blocks (written by {@code
 * openssl ecparam -genkey}) are skipped, any other block type is refused, and text outside blocks is
 * ignored, as OpenSSL does. Supported keys: RSA, EC on P-256, P-384, P-521 and secp256k1 (named curves
 * only), Ed25519, Ed448, X25519 and X448. A private key always comes back as a {@link KeyPair}: the
 * public key is derived from the private one, and a public key embedded in the block (SEC1, PKCS#8 v2)
 * must match it.
 *
 * <pre>{@code
 * KeyPair pair = Pem.readKeyPair(pemText);
 * String spki = Pem.writePublicKey(pair.getPublic());
 * String sec1 = Pem.writePrivateKey(pair.getPrivate(), PemType.EC_PRIVATE_KEY);
 * PemBundle bundle = Pem.parse(keyAndChain, password);   // key + certificate chain in one text
 * }</pre>
 *
 * <h2>Security</h2>
 * Error messages name the block (1-based number and type) and what is wrong, never key bytes. Passwords
 * are neither kept nor modified; clear them when done. Encrypted private keys are written as PKCS#8
 * PBES2 with PBKDF2-HMAC-SHA-256 ({@value #ENCRYPTION_ITERATIONS} iterations) and AES-256-CBC;
 * decryption refuses work factors beyond {@value #MAX_DECRYPTION_ITERATIONS} PBKDF2 iterations (or
 * scrypt beyond 256 MiB) so that a hostile file cannot pin a CPU. OpenSSL's "traditional" encryption
 * ({@code Proc-Type: 4,ENCRYPTED}) is read, never written. Input is bounded to {@value
 * #MAX_INPUT_LENGTH} characters.
 *
 * <h2>Thread safety</h2>
 * This class is stateless and safe for concurrent use.
 *
 * @see Der for the same structures without the PEM armour
 */
public final class Pem {

  /** The longest PEM text accepted, in characters (4 MiB: far above any key plus chain). */
  public static final int MAX_INPUT_LENGTH = 4 * 1024 * 1024;
  /** The PBKDF2-HMAC-SHA-256 iteration count used to encrypt private keys (OWASP 2023 guidance). */
  public static final int ENCRYPTION_ITERATIONS = DerCodec.PBKDF2_ITERATIONS;
  /** The largest PBKDF2 (or PKCS#12 PBE) iteration count accepted when decrypting a private key. */
  public static final int MAX_DECRYPTION_ITERATIONS = DerCodec.MAX_PBKDF2_ITERATIONS;

  private Pem() {}

  // ---------------------------------------------------------------- reading

  /**
   * Reads every block of a PEM text that holds no encrypted private key.
   *
   * @throws JwkitException MALFORMED_INPUT (truncated or garbled text, unknown block type, no block),
   *     INPUT_TOO_LARGE, UNSUPPORTED_KEY, INVALID_KEY, or PEM_PASSWORD_REQUIRED for an encrypted key
   */
  public static PemBundle parse(String text) {
    Objects.requireNonNull(text, "text");
    return parseBlocks(text, null);
  }

  /**
   * Reads every block of a PEM text, decrypting encrypted private keys with the password.
   *
   * @throws JwkitException as {@link #parse(String)}, and PEM_WRONG_PASSWORD
   */
  public static PemBundle parse(String text, char[] password) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(password, "password");
    return parseBlocks(text, password);
  }

  private static PemBundle parseBlocks(String text, char @Nullable [] password) {
    List<KeyPair> keyPairs = new ArrayList<>();
    List<PublicKey> publicKeys = new ArrayList<>();
    List<X509Certificate> certificates = new ArrayList<>();
    for (PemBlock block : PemBlock.lex(text)) {
      if (block.type().isPrivateKey()) {
        keyPairs.add(block.keyPair(password));
      } else if (block.type().isPublicKey()) {
        publicKeys.add(block.publicKey());
      } else {
        certificates.add(block.certificate());
      }
    }
    return new PemBundle(keyPairs, publicKeys, certificates);
  }

  /**
   * Reads a text of exactly one public key block ({@code PUBLIC KEY} or {@code RSA PUBLIC KEY}).
   *
   * @throws JwkitException MALFORMED_INPUT for any other block or several blocks; UNSUPPORTED_KEY;
   *     INVALID_KEY
   */
  public static PublicKey readPublicKey(String text) {
    Objects.requireNonNull(text, "text");
    return single(text, "a public key (PUBLIC KEY or RSA PUBLIC KEY)", true).publicKey();
  }

  /**
   * Reads a text of exactly one unencrypted private key block ({@code PRIVATE KEY}, {@code RSA PRIVATE
   * KEY}, {@code EC PRIVATE KEY}).
   *
   * @throws JwkitException MALFORMED_INPUT for any other block or several blocks; PEM_PASSWORD_REQUIRED;
   *     UNSUPPORTED_KEY; INVALID_KEY
   */
  public static KeyPair readKeyPair(String text) {
    Objects.requireNonNull(text, "text");
    return single(text, "a private key", false).keyPair(null);
  }

  /**
   * Reads a text of exactly one private key block, decrypting it with the password if it is encrypted
   * ({@code ENCRYPTED PRIVATE KEY}, or a traditional block with {@code Proc-Type: 4,ENCRYPTED}).
   *
   * @throws JwkitException as {@link #readKeyPair(String)}, and PEM_WRONG_PASSWORD
   */
  public static KeyPair readKeyPair(String text, char[] password) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(password, "password");
    return single(text, "a private key", false).keyPair(password);
  }

  /**
   * Reads a text of one or more {@code CERTIFICATE} blocks and nothing else, in order.
   *
   * @throws JwkitException MALFORMED_INPUT for any other block or a certificate that does not parse
   */
  public static List<X509Certificate> readCertificates(String text) {
    Objects.requireNonNull(text, "text");
    List<X509Certificate> certificates = new ArrayList<>();
    for (PemBlock block : PemBlock.lex(text)) {
      if (block.type() != PemType.CERTIFICATE) {
        throw wrongType(block, "certificates (CERTIFICATE)");
      }
      certificates.add(block.certificate());
    }
    return List.copyOf(certificates);
  }

  private static PemBlock single(String text, String expected, boolean publicKey) {
    List<PemBlock> blocks = PemBlock.lex(text);
    for (PemBlock block : blocks) {
      if (publicKey ? !block.type().isPublicKey() : !block.type().isPrivateKey()) {
        throw wrongType(block, expected);
      }
    }
    if (blocks.size() != 1) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, "expected one PEM block with " + expected + ", found " + blocks.size());
    }
    return blocks.get(0);
  }

  private static JwkitException wrongType(PemBlock block, String expected) {
    return new JwkitException(JoseError.MALFORMED_INPUT, block.context() + ": expected " + expected);
  }

  // ---------------------------------------------------------------- writing

  /** Writes a public key as a {@code PUBLIC KEY} (SPKI) block. */
  public static String writePublicKey(PublicKey key) {
    return writePublicKey(key, PemType.PUBLIC_KEY);
  }

  /**
   * Writes a public key as a {@code PUBLIC KEY} (SPKI) or {@code RSA PUBLIC KEY} (PKCS#1) block.
   *
   * @throws IllegalArgumentException if the type is not a public key type
   * @throws JwkitException UNSUPPORTED_KEY for a key the type cannot hold (PKCS#1 for a non-RSA key)
   */
  public static String writePublicKey(PublicKey key, PemType type) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    return armour(type, DerCodec.encodePublicKey(key, type));
  }

  /** Writes a private key as a {@code PRIVATE KEY} (unencrypted PKCS#8) block. */
  public static String writePrivateKey(PrivateKey key) {
    return writePrivateKey(key, PemType.PRIVATE_KEY);
  }

  /**
   * Writes a private key unencrypted as {@code PRIVATE KEY} (PKCS#8), {@code RSA PRIVATE KEY} (PKCS#1)
   * or {@code EC PRIVATE KEY} (SEC1, with the named curve and the public key).
   *
   * @throws IllegalArgumentException if the type is not an unencrypted private key type
   * @throws JwkitException UNSUPPORTED_KEY for a key the type cannot hold, or a non-extractable key
   */
  public static String writePrivateKey(PrivateKey key, PemType type) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    return armour(type, DerCodec.encodePrivateKey(key, type));
  }

  /**
   * Writes a private key as an {@code ENCRYPTED PRIVATE KEY} block (PKCS#8 PBES2, PBKDF2-HMAC-SHA-256,
   * AES-256-CBC, a fresh random salt and IV), readable by OpenSSL and the JDK.
   *
   * @throws IllegalArgumentException if the password is empty
   * @throws JwkitException UNSUPPORTED_KEY for an unsupported or non-extractable key
   */
  public static String writeEncryptedPrivateKey(PrivateKey key, char[] password) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(password, "password");
    return armour(PemType.ENCRYPTED_PRIVATE_KEY, DerCodec.encodeEncryptedPrivateKey(key, password));
  }

  /** Writes certificates as consecutive {@code CERTIFICATE} blocks, in the given order. */
  public static String writeCertificates(List<X509Certificate> certificates) {
    Objects.requireNonNull(certificates, "certificates");
    StringBuilder text = new StringBuilder();
    for (X509Certificate certificate : certificates) {
      text.append(armour(PemType.CERTIFICATE, DerCodec.encodeCertificate(Objects.requireNonNull(certificate, "certificate"))));
    }
    return text.toString();
  }

  /** Writes one certificate as a {@code CERTIFICATE} block. */
  public static String writeCertificate(X509Certificate certificate) {
    return writeCertificates(List.of(Objects.requireNonNull(certificate, "certificate")));
  }

  static String armour(PemType type, byte[] der) {
    StringWriter text = new StringWriter();
    try (PemWriter writer = new PemWriter(text)) {
      writer.writeObject(new PemObject(type.label(), der));
    } catch (IOException e) {
      throw new IllegalStateException("writing to a string failed", e);
    } finally {
      if (type.isPrivateKey()) {
        Arrays.fill(der, (byte) 0);
      }
    }
    return text.toString();
  }
}
