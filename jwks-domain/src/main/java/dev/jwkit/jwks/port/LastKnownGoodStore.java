package dev.jwkit.jwks.port;

import java.util.Optional;

/**
 * Persists the last good key set of a remote key source (the HTTP adapter's {@code CachingKeySource}), so
 * that a process starting during an outage of the key server can still verify tokens (until the set is
 * beyond the maximum staleness).
 *
 * <p>The file adapter implements it ({@code FileLastKnownGoodStore}); it lives here, in the domain's ports,
 * because adapters do not depend on each other. A stored set holds public keys only. Implementations must
 * be safe for concurrent use. Failures should be thrown as unchecked exceptions; the key source logs them
 * and carries on without the store.
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
