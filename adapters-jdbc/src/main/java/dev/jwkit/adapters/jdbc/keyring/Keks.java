package dev.jwkit.adapters.jdbc.keyring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured key-encryption keys: the current one, which seals, and previous ones, which only open. */
final class Keks {

  private final KeyEncryptionKey current;
  private final Map<String, KeyEncryptionKey> byId = new LinkedHashMap<>();

  Keks(KeyEncryptionKey current, List<KeyEncryptionKey> previous) {
    this.current = current;
    byId.put(current.id(), current);
    for (KeyEncryptionKey k : previous) {
      if (byId.putIfAbsent(k.id(), k) != null) {
        throw new IllegalArgumentException("two key-encryption keys have the id '" + k.id() + "'");
      }
    }
  }

  KeyEncryptionKey current() {
    return current;
  }

  Optional<KeyEncryptionKey> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  Iterable<KeyEncryptionKey> all() {
    return byId.values();
  }

  boolean has(String id) {
    return byId.containsKey(id);
  }
}
