package dev.jwkit.adapters.http.fetching;

import java.util.Optional;

/**
 * Persists the last good key set of a {@link CachingKeySource}, so that a process starting during an
 * outage of the key server can still verify tokens (until the set is beyond the maximum staleness).
 *
 * <p>This module does not write files itself (adapters do not depend on each other); the file adapter or
 * the application implements this interface. Implementations must be safe for concurrent use. Failures
 * should be thrown as unchecked exceptions; the key source logs them and carries on without the store.
 */
public interface LastKnownGoodStore {

  /**
   * The stored set, if any.
   *
   * @return the last saved set
   */
  Optional<StoredKeySet> load();

  /**
   * Replaces the stored set. Called after each successful fetch of a changed set.
   *
   * @param set the set to keep
   */
  void save(StoredKeySet set);
}
