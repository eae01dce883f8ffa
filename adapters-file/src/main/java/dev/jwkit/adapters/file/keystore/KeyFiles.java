package dev.jwkit.adapters.file.keystore;

import dev.jwkit.adapters.file.FileError;
import dev.jwkit.adapters.file.internal.AtomicFiles;
import dev.jwkit.adapters.file.internal.Files2;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jose.jwk.PrivateJwk;
import dev.jwkit.jose.jwk.PublicJwk;
import dev.jwkit.jose.pem.CertificateChain;
import dev.jwkit.jose.pem.JwkPem;
import dev.jwkit.jose.pem.Pem;
import dev.jwkit.jose.pem.PemBundle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Imports and exports single keys and key sets as PEM, JWK and JWKS files.
 *
 * <p>Every reader names the file and what is wrong on failure. Every writer replaces the file atomically;
 * files that may hold private keys are owner-only (0600). {@link #writePublicJwkSet} writes public keys
 * only, whatever it is given: the form to publish elsewhere.
 */
public final class KeyFiles {

  private KeyFiles() {}

  /**
   * Reads a PEM file: a private key (PKCS#8, PKCS#1, SEC1), a public key (SPKI, PKCS#1), or a certificate
   * chain (whose leaf key becomes the JWK, with {@code x5c}). A private key wins over the rest of a
   * bundle.
   *
   * @throws JwkitException {@link FileError#CORRUPT} or {@link FileError#UNSUPPORTED_KEY} naming the file
   */
  public static Jwk readPem(Path file) {
    return readPem(file, null);
  }

  /**
   * Reads a PEM file whose private key may be encrypted (PKCS#8 with a password).
   *
   * @throws JwkitException also {@link FileError#WRONG_PASSWORD}
   */
  public static Jwk readPem(Path file, char[] password) {
    Objects.requireNonNull(file, "file");
    String text = Files2.readUtf8(file);
    Jwk key;
    try {
      PemBundle bundle = password == null ? Pem.parse(text) : Pem.parse(text, password);
      if (!bundle.keyPairs().isEmpty()) {
        PrivateJwk privateKey = PrivateJwk.of(bundle.keyPairs().get(0));
        if (bundle.certificateChain().isPresent()) {
          CertificateChain chain = bundle.certificateChain().get();
          chain.requireLeafKey(bundle.keyPairs().get(0).getPublic());
          privateKey = privateKey.withMetadata(privateKey.metadata().toBuilder()
              .x5c(chain.toX5c()).x5tS256(chain.x5tS256()).build());
        }
        key = privateKey;
      } else if (bundle.certificateChain().isPresent()) {
        key = JwkPem.toPublicJwk(bundle.certificateChain().get());
      } else if (!bundle.publicKeys().isEmpty()) {
        key = PublicJwk.of(bundle.publicKeys().get(0));
      } else {
        throw new JwkitException(FileError.CORRUPT, file + " holds no PEM key or certificate");
      }
    } catch (JwkitException e) {
      throw e.code() instanceof FileError ? e : translate(file, e);
    }
    return key.kid().isPresent() ? key : key.withMetadata(key.metadata().withKid(key.thumbprint().toBase64Url()));
  }

  /**
   * Writes a key as PEM: PKCS#8 for a private key, SPKI for a public one.
   *
   * @throws JwkitException {@link FileError#WRITE_FAILED}
   */
  public static void writePem(Path file, Jwk key) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(key, "key");
    String pem;
    if (key instanceof PrivateJwk) {
      pem = JwkPem.writePrivateKey((PrivateJwk) key);
    } else if (key instanceof PublicJwk) {
      pem = JwkPem.writePublicKey(key);
    } else {
      throw new IllegalArgumentException("a symmetric key has no PEM form; write it as a JWK");
    }
    AtomicFiles.write(file, pem.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Reads a single JWK file.
   *
   * @throws JwkitException {@link FileError#CORRUPT} or {@link FileError#UNSUPPORTED_KEY} naming the file
   */
  public static Jwk readJwk(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      return Jwk.parse(Files2.readUtf8(file));
    } catch (JwkitException e) {
      throw translate(file, e);
    }
  }

  /**
   * Reads a JWKS file; unusable keys are skipped and listed in {@link JwkSet#skipped()}. Private and
   * {@code oct} keys are kept (this reads one's own key files): a set that must be public, such as one a
   * verifier trusts, is read with {@link dev.jwkit.adapters.file.keysource.FileKeySource} or {@link
   * JwkSet#parsePublic}, which skip them.
   *
   * @throws JwkitException {@link FileError#CORRUPT} naming the file if it is not a JWK Set
   */
  public static JwkSet readJwkSet(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      return JwkSet.parse(Files2.readUtf8(file));
    } catch (JwkitException e) {
      throw translate(file, e);
    }
  }

  /**
   * Writes the public form of {@code keys}: private keys are projected to public keys and symmetric keys
   * are dropped, so the file is safe to publish.
   */
  public static void writePublicJwkSet(Path file, JwkSet keys) {
    Objects.requireNonNull(keys, "keys");
    AtomicFiles.write(file, keys.toPublicSet().toJson().getBytes(StandardCharsets.UTF_8));
  }

  private static JwkitException translate(Path file, JwkitException e) {
    String code = e.code().id();
    FileError fileError = code.equals("pem.wrong_password") ? FileError.WRONG_PASSWORD
        : code.equals("jwk.unsupported_key") ? FileError.UNSUPPORTED_KEY
        : FileError.CORRUPT;
    return new JwkitException(fileError, file + ": " + e.getMessage(), e);
  }
}
