package dev.jwkit.adapters.jdbc.keyring;

import java.security.SecureRandom;
import java.util.Base64;

/** Key-encryption keys for tests: fresh random ones, and their base64 text. */
final class Keys {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Keys() {}

  static String randomBase64() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  static KeyEncryptionKey kek(String id) {
    return KeyEncryptionKey.fromBase64(id, randomBase64());
  }
}
