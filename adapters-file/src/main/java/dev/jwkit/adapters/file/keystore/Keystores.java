package dev.jwkit.adapters.file.keystore;

import dev.jwkit.adapters.file.FileError;
import dev.jwkit.adapters.file.internal.AtomicFiles;
import dev.jwkit.adapters.file.internal.Files2;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwk.JwkMetadata;
import dev.jwkit.jose.jwk.PrivateJwk;
import dev.jwkit.jose.pem.CertificateChain;
import dev.jwkit.jose.pem.CertificateTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Imports signing keys from PKCS#12 and JKS keystores and exports them to one.
 *
 * <p>Reading detects the format (PKCS#12 first, then JKS). Each private key entry becomes a {@link
 * KeystoreEntry} whose key has {@code kid} = its RFC 7638 thumbprint and the entry's certificate chain in
 * {@code x5c}; trusted-certificate and secret-key entries are skipped. Writing stores each key under its
 * {@code kid} as alias, with its {@code x5c} chain or, when it has none, a self-signed certificate (a
 * keystore cannot hold a private key without one); the file is written atomically and owner-only.
 *
 * <h2>Security</h2>
 * Passwords are {@code char[]} so that callers can clear them; they never appear in messages.
 */
public final class Keystores {

  /** Validity of the self-signed certificate made for a key without {@code x5c}: 10 years. */
  public static final Duration SELF_SIGNED_VALIDITY = Duration.ofDays(3650);

  private Keystores() {}

  /**
   * Reads every private key entry, with {@code password} for the store and its keys.
   *
   * @throws JwkitException {@link FileError#WRONG_PASSWORD}, {@link FileError#CORRUPT} (not a keystore),
   *     {@link FileError#UNSUPPORTED_KEY} (a key jwkit cannot use) or {@link FileError#UNREADABLE}; each
   *     names the file
   */
  public static List<KeystoreEntry> read(Path file, char[] password) {
    return read(file, password, password);
  }

  /**
   * Reads every private key entry, with one password for the store and another for its keys.
   *
   * @throws JwkitException as {@link #read(Path, char[])}
   */
  public static List<KeystoreEntry> read(Path file, char[] storePassword, char[] keyPassword) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(storePassword, "storePassword");
    Objects.requireNonNull(keyPassword, "keyPassword");
    KeyStore store = load(file, Files2.read(file), storePassword);
    List<KeystoreEntry> entries = new ArrayList<>();
    try {
      for (String alias : Collections.list(store.aliases())) {
        if (!store.isKeyEntry(alias)) {
          continue;
        }
        Key key = key(store, alias, keyPassword, file);
        Certificate[] certificates = store.getCertificateChain(alias);
        if (!(key instanceof PrivateKey) || certificates == null || certificates.length == 0) {
          continue; // a secret key entry, or a private key without a certificate (not importable)
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate certificate : certificates) {
          chain.add((X509Certificate) certificate);
        }
        entries.add(entry(file, alias, (PrivateKey) key, CertificateChain.of(chain)));
      }
    } catch (GeneralSecurityException e) {
      throw new JwkitException(FileError.CORRUPT, file + " could not be read as a keystore", e);
    }
    return List.copyOf(entries);
  }

  /**
   * Writes {@code keys} into a new keystore file, each under its {@code kid}, replacing the file
   * atomically (owner-only permissions).
   *
   * @throws IllegalArgumentException if a key has no {@code kid} or two keys share one
   * @throws JwkitException {@link FileError#WRITE_FAILED}
   */
  public static void write(Path file, KeystoreType type, List<PrivateJwk> keys, char[] password, Instant now) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(now, "now");
    try {
      KeyStore store = KeyStore.getInstance(type.jcaName());
      store.load(null, password);
      for (PrivateJwk key : keys) {
        String alias = key.kid().orElseThrow(() -> new IllegalArgumentException("every key needs a kid"));
        if (store.containsAlias(alias)) {
          throw new IllegalArgumentException("two keys share kid '" + alias + "'");
        }
        store.setKeyEntry(alias, key.toPrivateKey(), password, chainOf(key, now).toArray(new Certificate[0]));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      store.store(out, password);
      AtomicFiles.write(file, out.toByteArray());
    } catch (GeneralSecurityException | IOException e) {
      throw new JwkitException(FileError.WRITE_FAILED, "could not write keystore " + file, e);
    }
  }

  private static List<X509Certificate> chainOf(PrivateJwk key, Instant now) {
    List<String> x5c = key.metadata().x5c();
    if (!x5c.isEmpty()) {
      CertificateChain chain = CertificateChain.fromX5c(x5c);
      chain.requireLeafKey(key.toPublicJwk().toPublicKey());
      return chain.certificates();
    }
    X509Certificate certificate = CertificateTemplate.builder()
        .subject("CN=" + key.kid().orElse("jwkit"))
        .notBefore(now)
        .notAfter(now.plus(SELF_SIGNED_VALIDITY))
        .build()
        .selfSign(new KeyPair(key.toPublicJwk().toPublicKey(), key.toPrivateKey()));
    return List.of(certificate);
  }

  private static KeystoreEntry entry(Path file, String alias, PrivateKey privateKey, CertificateChain chain) {
    PrivateJwk jwk;
    try {
      jwk = PrivateJwk.of(new KeyPair(chain.leafPublicKey(), privateKey));
    } catch (JwkitException e) {
      throw new JwkitException(FileError.UNSUPPORTED_KEY, file + ": entry '" + alias + "' holds a key jwkit cannot use ("
          + e.code().id() + ")", e);
    }
    JwkMetadata metadata = jwk.metadata().toBuilder()
        .kid(jwk.thumbprint().toBase64Url())
        .x5c(chain.toX5c())
        .x5tS256(chain.x5tS256())
        .build();
    return new KeystoreEntry(alias, jwk.withMetadata(metadata), chain);
  }

  private static Key key(KeyStore store, String alias, char[] keyPassword, Path file) throws GeneralSecurityException {
    try {
      return store.getKey(alias, keyPassword);
    } catch (UnrecoverableKeyException e) {
      throw new JwkitException(FileError.WRONG_PASSWORD, file + ": wrong password for key '" + alias + "'", e);
    }
  }

  private static KeyStore load(Path file, byte[] bytes, char[] password) {
    IOException firstFailure = null;
    for (KeystoreType type : KeystoreType.values()) {
      try {
        KeyStore store = KeyStore.getInstance(type.jcaName());
        store.load(new ByteArrayInputStream(bytes), password);
        return store;
      } catch (IOException e) {
        if (e.getCause() instanceof UnrecoverableKeyException) {
          throw new JwkitException(FileError.WRONG_PASSWORD, file + ": wrong keystore password", e);
        }
        if (firstFailure == null) {
          firstFailure = e;
        }
      } catch (GeneralSecurityException e) {
        throw new JwkitException(FileError.CORRUPT, file + " could not be read as a keystore", e);
      }
    }
    throw new JwkitException(FileError.CORRUPT, file + " is neither a PKCS#12 nor a JKS keystore", firstFailure);
  }
}
