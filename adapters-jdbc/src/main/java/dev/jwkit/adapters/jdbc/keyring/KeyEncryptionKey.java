package dev.jwkit.adapters.jdbc.keyring;

import dev.jwkit.adapters.jdbc.JdbcError;
import dev.jwkit.jose.JwkitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A key-encryption key (KEK): a 256-bit AES key, kept outside the database, that seals the private members
 * of the keys stored by {@link JdbcKeyRingRepository}. Each KEK has an id, stored beside every ciphertext
 * it made, so that a repository can open rows sealed with an older KEK while it seals new ones with the
 * current KEK (rotation).
 *
 * <p>The key is given as base64 (standard or URL-safe alphabet, padding optional) of exactly 32 bytes, for
 * example the output of {@code openssl rand -base64 32}, in a file or an environment variable.
 *
 * <h2>Security</h2>
 * This is not a record and has no {@code equals}: {@link #toString()} shows the id only. Whoever holds
 * the KEK and a database dump holds the private keys; keep the KEK in a secret store or a file readable
 * only by jwkit, never in the database.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use.
 */
public final class KeyEncryptionKey {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final int KEY_BYTES = 32;

  private final String id;
  private final SecretKey key;

  private KeyEncryptionKey(String id, byte[] key) {
    this.id = id;
    this.key = new SecretKeySpec(key, "AES");
  }

  /**
   * A KEK from its base64 text.
   *
   * @param id the KEK's id, stored with each ciphertext ({@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}}, for example
   *     {@code 2026-01})
   * @throws IllegalArgumentException if the id is not valid
   * @throws JwkitException {@link JdbcError#KEK_UNAVAILABLE} if the text is not base64 of 32 bytes
   */
  public static KeyEncryptionKey fromBase64(String id, String base64) {
    Objects.requireNonNull(base64, "base64");
    return decode(requireId(id), base64, "the value given");
  }

  /**
   * A KEK read from a file holding its base64 text (surrounding white space ignored).
   *
   * @throws JwkitException {@link JdbcError#KEK_UNAVAILABLE} if the file cannot be read or does not hold
   *     base64 of 32 bytes; the message names the file
   */
  public static KeyEncryptionKey fromFile(String id, Path file) {
    Objects.requireNonNull(file, "file");
    requireId(id);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new JwkitException(JdbcError.KEK_UNAVAILABLE, "key-encryption key '" + id + "': file " + file
          + " does not exist", e);
    } catch (IOException e) {
      throw new JwkitException(JdbcError.KEK_UNAVAILABLE, "key-encryption key '" + id + "': cannot read " + file
          + " (" + e.getClass().getSimpleName() + ")", e);
    }
    try {
      return decode(id, new String(bytes, StandardCharsets.US_ASCII), "file " + file);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * A KEK read from an environment variable holding its base64 text.
   *
   * @throws JwkitException {@link JdbcError#KEK_UNAVAILABLE} if the variable is not set or does not hold
   *     base64 of 32 bytes; the message names the variable
   */
  public static KeyEncryptionKey fromEnvironment(String id, String variable) {
    return fromEnvironment(id, variable, System::getenv);
  }

  static KeyEncryptionKey fromEnvironment(String id, String variable, Function<String, String> environment) {
    Objects.requireNonNull(variable, "variable");
    requireId(id);
    String value = environment.apply(variable);
    if (value == null || value.isBlank()) {
      throw new JwkitException(JdbcError.KEK_UNAVAILABLE, "key-encryption key '" + id + "': environment variable "
          + variable + " is not set");
    }
    return decode(id, value, "environment variable " + variable);
  }

  private static String requireId(String id) {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a key-encryption key id must match [A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    }
    return id;
  }

  private static KeyEncryptionKey decode(String id, String text, String source) {
    String compact = text.strip().replace('-', '+').replace('_', '/');
    byte[] key;
    try {
      key = Base64.getMimeDecoder().decode(compact);
    } catch (IllegalArgumentException e) {
      throw new JwkitException(JdbcError.KEK_UNAVAILABLE, "key-encryption key '" + id + "': " + source
          + " is not base64");
    }
    try {
      if (key.length != KEY_BYTES) {
        throw new JwkitException(JdbcError.KEK_UNAVAILABLE, "key-encryption key '" + id + "': " + source + " holds "
            + key.length + " bytes, not the 32 of an AES-256 key (make one with: openssl rand -base64 32)");
      }
      return new KeyEncryptionKey(id, key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** The KEK's id, stored beside every ciphertext it made. */
  public String id() {
    return id;
  }

  SecretKey secretKey() {
    return key;
  }

  @Override
  public String toString() {
    return "KeyEncryptionKey[id=" + id + ", key=<redacted>]";
  }
}
