package dev.jwkit.jwks.port;

import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingConflictException;
import dev.jwkit.jwks.model.KeyRingId;
import java.util.Optional;

/**
 * Where key rings are stored, with optimistic concurrency: every stored ring has a version, and a save
 * succeeds only if the stored version is still the one the ring was loaded at (compare-and-set). A stale
 * save fails with {@link KeyRingConflictException} and never overwrites.
 *
 * <p>Adapters: {@code InMemoryKeyRingRepository}, {@code FileKeyRingRepository}, {@code
 * VaultKvKeyRingRepository}. Each runs {@code KeyRingRepositoryContract}.
 *
 * <h2>Thread safety</h2>
 * Implementations must be safe for concurrent use, including by several processes sharing one store.
 */
public interface KeyRingRepository {

  /**
   * The stored ring with the given id, carrying its stored version ({@code ≥ 1}); empty if none is
   * stored.
   *
   * @throws dev.jwkit.jose.JwkitException an adapter's code if the store is unreachable or the document
   *     cannot be read ({@code KeyRingError.DOCUMENT_INVALID})
   */
  Optional<KeyRing> load(KeyRingId id);

  /**
   * Saves a ring if the stored version equals {@code ring.version()} ({@code 0}: only if no ring with this
   * id is stored), and returns the ring with its new version, which is greater than the old one. The
   * stored ring is either entirely the old one or entirely the new one, also after a crash.
   *
   * @throws KeyRingConflictException if the stored version differs; the store is unchanged
   */
  KeyRing save(KeyRing ring);
}
