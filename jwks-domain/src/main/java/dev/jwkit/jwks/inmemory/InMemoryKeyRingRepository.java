package dev.jwkit.jwks.inmemory;

import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingConflictException;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.port.KeyRingRepository;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link KeyRingRepository} in a concurrent map: for tests, and for embedding where the ring need not
 * outlive the process. Saves are atomic compare-and-set operations on the version.
 *
 * <h2>Thread safety</h2>
 * Safe for concurrent use by any number of threads (not shared between processes).
 */
public final class InMemoryKeyRingRepository implements KeyRingRepository {

  private final ConcurrentMap<KeyRingId, KeyRing> rings = new ConcurrentHashMap<>();

  /** An empty repository. */
  public InMemoryKeyRingRepository() {}

  @Override
  public Optional<KeyRing> load(KeyRingId id) {
    Objects.requireNonNull(id, "id");
    return Optional.ofNullable(rings.get(id));
  }

  @Override
  public KeyRing save(KeyRing ring) {
    Objects.requireNonNull(ring, "ring");
    KeyRing[] saved = new KeyRing[1];
    rings.compute(ring.id(), (id, stored) -> {
      long storedVersion = stored == null ? 0 : stored.version();
      if (storedVersion != ring.version()) {
        throw new KeyRingConflictException(id, ring.version());
      }
      saved[0] = ring.withVersion(storedVersion + 1);
      return saved[0];
    });
    return saved[0];
  }

  @Override
  public String toString() {
    return "InMemoryKeyRingRepository[rings=" + rings.keySet() + "]";
  }
}
