package dev.jwkit.adapters.http.testing;

import dev.jwkit.jwks.port.LastKnownGoodStore;
import dev.jwkit.jwks.port.StoredKeySet;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** A last-known-good store in memory, for tests (the production one is adapters-file's FileLastKnownGoodStore). */
public final class MemoryLastKnownGoodStore implements LastKnownGoodStore {

  private final AtomicReference<StoredKeySet> saved = new AtomicReference<>();

  @Override
  public Optional<StoredKeySet> load() {
    return Optional.ofNullable(saved.get());
  }

  @Override
  public void save(StoredKeySet set) {
    saved.set(set);
  }

  /** The set saved last, if any. */
  public Optional<StoredKeySet> saved() {
    return Optional.ofNullable(saved.get());
  }
}
