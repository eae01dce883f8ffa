package dev.jwkit.jwks.application;

import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.port.KeyRingRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A ring loaded from a repository and reused for at most {@code maxAge}, with a value derived from it
 * (a key set, a publication) kept as long as the ring's version does not change. Lock-free: concurrent
 * callers may both reload, and the last load wins.
 */
final class RingCache<T> {

  /** A loaded ring (empty if not stored), when it was loaded, and the derived value. */
  static final class Snapshot<T> {
    final Optional<KeyRing> ring;
    final Instant loadedAt;
    final T derived;

    Snapshot(Optional<KeyRing> ring, Instant loadedAt, T derived) {
      this.ring = ring;
      this.loadedAt = loadedAt;
      this.derived = derived;
    }
  }

  private final KeyRingRepository repository;
  private final KeyRingId ringId;
  private final Clock clock;
  private final Duration maxAge;
  private final Function<Optional<KeyRing>, T> derive;
  private final AtomicReference<Snapshot<T>> current = new AtomicReference<>();

  RingCache(KeyRingRepository repository, KeyRingId ringId, Clock clock, Duration maxAge,
      Function<Optional<KeyRing>, T> derive) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.ringId = Objects.requireNonNull(ringId, "ringId");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    this.derive = Objects.requireNonNull(derive, "derive");
  }

  Snapshot<T> get() {
    Snapshot<T> s = current.get();
    Instant now = clock.instant();
    if (s == null || !now.isBefore(s.loadedAt.plus(maxAge)) || now.isBefore(s.loadedAt)) {
      return reload();
    }
    return s;
  }

  Snapshot<T> reload() {
    Instant now = clock.instant();
    Optional<KeyRing> ring = repository.load(ringId);
    Snapshot<T> old = current.get();
    T derived = old != null && sameVersion(old.ring, ring) ? old.derived : derive.apply(ring);
    Snapshot<T> fresh = new Snapshot<>(ring, now, derived);
    current.set(fresh);
    return fresh;
  }

  Instant now() {
    return clock.instant();
  }

  KeyRingId ringId() {
    return ringId;
  }

  private static boolean sameVersion(Optional<KeyRing> a, Optional<KeyRing> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() && b.isEmpty();
    }
    return a.get().version() == b.get().version() && a.get().sameContentAs(b.get());
  }
}
