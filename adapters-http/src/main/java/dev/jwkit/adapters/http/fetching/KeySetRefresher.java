package dev.jwkit.adapters.http.fetching;

import dev.jwkit.jose.ErrorCode;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jwks.model.KeySetCachePolicy;
import dev.jwkit.jwks.model.KeySetCacheState;
import dev.jwkit.jwks.model.KeySourceError;
import dev.jwkit.jwks.model.KeySourceUnavailableException;
import dev.jwkit.jwks.port.FetchedJwks;
import dev.jwkit.jwks.port.JwksFetcher;
import dev.jwkit.jwks.port.JwksLocation;
import dev.jwkit.jwks.port.KeySourceEvent;
import dev.jwkit.jwks.port.KeySourceListener;
import dev.jwkit.jwks.port.LastKnownGoodStore;
import dev.jwkit.jwks.port.StoredKeySet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The held key set of a {@link CachingKeySource} and everything that changes it: the set with its timing
 * (the domain's {@link KeySetCacheState}, swapped together with the set), the single-flight fetch, failure
 * bookkeeping, background scheduling, the last-known-good store, and event delivery. It answers the
 * lookup path's one question, {@link #usable(Instant)}: the set to serve now, or why none may be served.
 * The unknown-{@code kid} budget is {@link UnknownKids}'; counting hits and misses is the source's.
 *
 * <h2>Thread safety</h2>
 * Safe for concurrent use; lock-free (atomic references and a compare-and-set single flight).
 */
final class KeySetRefresher {

  private static final System.Logger LOG = System.getLogger(CachingKeySource.class.getName());

  private final String location;
  private final KeySetCachePolicy policy;
  private final Clock clock;
  private final JwksFetcher fetcher;
  private final JwksLocation jwksLocation;
  private final ScheduledExecutorService scheduler;
  private final Duration maxWait;
  private final List<KeySourceListener> listeners;
  private final @Nullable LastKnownGoodStore store;

  private final AtomicReference<Held> held =
      new AtomicReference<>(new Held(null, KeySetCacheState.initial(Instant.MIN)));
  private final AtomicReference<@Nullable CompletableFuture<KeySetSnapshot>> inFlight = new AtomicReference<>();
  private final AtomicReference<Optional<Instant>> lastSuccess = new AtomicReference<>(Optional.empty());
  private final AtomicReference<Optional<JwkitException>> lastFailure = new AtomicReference<>(Optional.empty());
  private final AtomicReference<Optional<Instant>> lastFailureAt = new AtomicReference<>(Optional.empty());
  private final AtomicReference<@Nullable ScheduledFuture<?>> scheduled = new AtomicReference<>();

  /** The set being served (none before the first load) and its timing, replaced together. */
  private static final class Held {
    final @Nullable KeySetSnapshot keys;
    final KeySetCacheState timing;

    Held(@Nullable KeySetSnapshot keys, KeySetCacheState timing) {
      this.keys = keys;
      this.timing = timing;
    }
  }

  KeySetRefresher(String location, JwksLocation jwksLocation, JwksFetcher fetcher, KeySetCachePolicy policy,
      Clock clock, ScheduledExecutorService scheduler, Duration maxWait, List<KeySourceListener> listeners,
      @Nullable LastKnownGoodStore store) {
    this.location = location;
    this.jwksLocation = jwksLocation;
    this.fetcher = fetcher;
    this.policy = policy;
    this.clock = clock;
    this.scheduler = scheduler;
    this.maxWait = maxWait;
    this.listeners = List.copyOf(listeners);
    this.store = store;
  }

  // ---------------------------------------------------------------- what callers see

  /**
   * The set to serve at {@code now}: the held one while it is within the staleness limit (starting a
   * background refresh when one is due, without waiting for it), else the outcome of a fetch.
   *
   * @throws KeySourceUnavailableException {@link KeySourceError#NOT_LOADED} or {@link
   *     KeySourceError#STALE_BEYOND_LIMIT}
   */
  KeySetSnapshot usable(Instant now) {
    Held h = held.get();
    switch (h.timing.freshness(now, policy)) {
      case FRESH:
        return h.keys;
      case REFRESH_DUE:
      case STALE:
        if (inFlight.get() == null && h.timing.isFetchDue(now)) {
          refresh(false);
        }
        return h.keys;
      case EMPTY:
        return coldStart(now);
      default:
        return beyondLimit(h.timing, now);
    }
  }

  /** The set held now, if any, without fetching. */
  Optional<KeySetSnapshot> held() {
    return Optional.ofNullable(held.get().keys);
  }

  /** A health report at {@code now}, with the lookup counts the source keeps. */
  KeySourceHealth health(Instant now, long hits, long misses) {
    Held h = held.get();
    KeySourceHealth.Status status;
    switch (h.timing.freshness(now, policy)) {
      case EMPTY: status = KeySourceHealth.Status.NOT_LOADED; break;
      case FRESH:
      case REFRESH_DUE: status = KeySourceHealth.Status.FRESH; break;
      case STALE: status = KeySourceHealth.Status.STALE; break;
      default: status = KeySourceHealth.Status.EXPIRED; break;
    }
    Optional<JwkitException> failure = lastFailure.get();
    return new KeySourceHealth(location, status, lastSuccess.get(), lastFailureAt.get(),
        failure.map(JwkitException::code), failure.map(Throwable::getMessage),
        h.timing.loadedAt().map(at -> Duration.between(at, now)),
        h.keys == null ? 0 : h.keys.set.keys().size(), hits, misses);
  }

  /** The fetch in progress, if any. */
  Optional<CompletableFuture<KeySetSnapshot>> inFlight() {
    return Optional.ofNullable(inFlight.get());
  }

  /** Stops background refreshes. */
  void cancelScheduled() {
    ScheduledFuture<?> f = scheduled.getAndSet(null);
    if (f != null) {
      f.cancel(false);
    }
  }

  // ---------------------------------------------------------------- fetching

  /** Starts a fetch, or joins the one in progress (single flight, no lock). */
  CompletableFuture<KeySetSnapshot> refresh(boolean onDemandFetch) {
    while (true) {
      CompletableFuture<KeySetSnapshot> running = inFlight.get();
      if (running != null) {
        return running;
      }
      CompletableFuture<KeySetSnapshot> mine = new CompletableFuture<>();
      if (inFlight.compareAndSet(null, mine)) {
        try {
          scheduler.execute(() -> runFetch(mine, onDemandFetch));
        } catch (RejectedExecutionException e) {
          inFlight.compareAndSet(mine, null);
          mine.completeExceptionally(unavailable(KeySourceError.FETCH_FAILED, "key source is closed"));
        }
        return mine;
      }
    }
  }

  private void runFetch(CompletableFuture<KeySetSnapshot> mine, boolean onDemandFetch) {
    long started = System.nanoTime();
    try {
      KeySetSnapshot next = fetchOnce(started, onDemandFetch);
      inFlight.compareAndSet(mine, null);
      mine.complete(next);
    } catch (RuntimeException e) {
      inFlight.compareAndSet(mine, null);
      mine.completeExceptionally(e);
    }
  }

  private KeySetSnapshot fetchOnce(long started, boolean onDemandFetch) {
    KeySetSnapshot old = held.get().keys;
    try {
      FetchedJwks fetched = old != null && old.etag.isPresent()
          ? fetcher.fetch(jwksLocation, old.etag.get())
          : fetcher.fetch(jwksLocation);
      Instant now = clock.instant();
      Duration lifetime = fetched.maxAge().map(policy::refreshInterval).orElseGet(policy::refreshInterval);
      KeySetSnapshot next;
      if (fetched.notModified() && old != null) {
        next = old.revalidated(fetched.etag());
      } else if (fetched.notModified()) {
        throw unavailable(KeySourceError.INVALID_KEY_SET, "304 to an unconditional request at " + location);
      } else {
        next = KeySetSnapshot.decode(location, fetched.body(), fetched.etag());
      }
      Held installed = held.updateAndGet(h -> new Held(next, h.timing.onSuccess(now, lifetime, policy)));
      lastSuccess.set(Optional.of(now));
      emit(new KeySourceEvent.Fetched(location, now, next.set.keys().size(), fetched.notModified(),
          Duration.ofNanos(System.nanoTime() - started), lifetime, onDemandFetch));
      if (!fetched.notModified()) {
        if (!next.skipped.isEmpty()) {
          emit(new KeySourceEvent.KeysSkipped(location, now, next.skipped));
          LOG.log(System.Logger.Level.WARNING, "skipped {0} unusable key(s) in the key set at {1} ({2})",
              String.valueOf(next.skipped.size()), location, KeySourceError.INVALID_KEY_SET.id());
        }
        LOG.log(System.Logger.Level.INFO, "loaded {0} key(s) from {1}, fresh for {2} s",
            String.valueOf(next.set.keys().size()), location, String.valueOf(lifetime.toSeconds()));
        save(next, installed.timing);
      }
      schedule(installed.timing.nextAttemptAt(), now);
      return next;
    } catch (JwkitException e) {
      throw failed(e, started);
    } catch (RuntimeException e) {
      throw failed(new KeySourceUnavailableException(KeySourceError.FETCH_FAILED,
          "unexpected " + e.getClass().getSimpleName() + " fetching " + location, e), started);
    }
  }

  private KeySourceUnavailableException failed(JwkitException e, long started) {
    Instant now = clock.instant();
    KeySetCacheState timing = held.updateAndGet(h -> new Held(h.keys, h.timing.onFailure(now, policy))).timing;
    Instant retry = timing.nextAttemptAt();
    lastFailure.set(Optional.of(e));
    lastFailureAt.set(Optional.of(now));
    emit(new KeySourceEvent.FetchFailed(location, now, e.code(), String.valueOf(e.getMessage()),
        Duration.ofNanos(System.nanoTime() - started), timing.consecutiveFailures()));
    if (timing.freshness(now, policy) == KeySetCacheState.Freshness.STALE) {
      Duration staleFor = timing.staleFor(now);
      Duration left = timing.timeLeft(now, policy);
      emit(new KeySourceEvent.ServingStale(location, now, staleFor, left));
      LOG.log(System.Logger.Level.WARNING, "serving the key set of {0} {1} s past its expiry, for {2} s more before "
          + "failing closed, because fetching failed ({3})", location, String.valueOf(staleFor.toSeconds()),
          String.valueOf(left.toSeconds()), e.code().id());
    } else {
      LOG.log(System.Logger.Level.WARNING, "fetching the key set at {0} failed ({1} in a row), retrying at {2}: {3}",
          location, String.valueOf(timing.consecutiveFailures()), retry, e.getMessage());
    }
    schedule(retry, now);
    return e instanceof KeySourceUnavailableException
        ? (KeySourceUnavailableException) e
        : new KeySourceUnavailableException(e.code(), String.valueOf(e.getMessage()), e);
  }

  private void schedule(Instant at, Instant now) {
    long delayMillis = Math.max(0, Duration.between(now, at).toMillis());
    try {
      ScheduledFuture<?> next = scheduler.schedule(this::tick, delayMillis, TimeUnit.MILLISECONDS);
      ScheduledFuture<?> previous = scheduled.getAndSet(next);
      if (previous != null) {
        previous.cancel(false);
      }
    } catch (RejectedExecutionException e) {
      // closed: no more background refreshes
    }
  }

  private void tick() {
    if (held.get().timing.isFetchDue(clock.instant())) {
      refresh(false);
    }
  }

  KeySetSnapshot await(CompletableFuture<KeySetSnapshot> f, ErrorCode code) {
    try {
      return f.get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(code, "interrupted while waiting for the key set from " + location);
    } catch (TimeoutException e) {
      throw unavailable(code, "no key set from " + location + " within " + maxWait.toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String reason = cause instanceof JwkitException ? ((JwkitException) cause).code().id() : "fetch failed";
      throw new KeySourceUnavailableException(code, reason + " (" + location + ")", cause == null ? e : cause);
    }
  }

  private KeySetSnapshot coldStart(Instant now) {
    Held h = held.get();
    if (inFlight.get() == null && !h.timing.isFetchDue(now)) {
      Optional<KeySetSnapshot> stored = fromStore(now);
      if (stored.isPresent()) {
        return stored.get();
      }
      throw unavailable(KeySourceError.NOT_LOADED, "no key set loaded; last fetch failed, next attempt at "
          + h.timing.nextAttemptAt());
    }
    try {
      return await(refresh(false), KeySourceError.NOT_LOADED);
    } catch (KeySourceUnavailableException e) {
      Optional<KeySetSnapshot> stored = fromStore(now);
      if (stored.isPresent()) {
        return stored.get();
      }
      throw e;
    }
  }

  private KeySetSnapshot beyondLimit(KeySetCacheState timing, Instant now) {
    if (inFlight.get() != null || timing.isFetchDue(now)) {
      try {
        await(refresh(false), KeySourceError.STALE_BEYOND_LIMIT);
        Held after = held.get();
        KeySetCacheState.Freshness f = after.timing.freshness(now, policy);
        if (after.keys != null && f != KeySetCacheState.Freshness.STALE_BEYOND_LIMIT
            && f != KeySetCacheState.Freshness.EMPTY) {
          return after.keys;
        }
      } catch (KeySourceUnavailableException e) {
        // fall through: fail closed below
      }
    }
    Duration staleFor = timing.staleFor(now);
    emit(new KeySourceEvent.FailedClosed(location, now, staleFor));
    throw unavailable(KeySourceError.STALE_BEYOND_LIMIT, "key set " + staleFor.toMinutes()
        + " min past expiry, beyond the maximum staleness of " + policy.maxStaleness());
  }

  // ---------------------------------------------------------------- last known good

  private Optional<KeySetSnapshot> fromStore(Instant now) {
    LastKnownGoodStore st = store;
    if (st == null) {
      return Optional.empty();
    }
    try {
      Optional<StoredKeySet> stored = st.load();
      if (stored.isEmpty()) {
        return Optional.empty();
      }
      StoredKeySet k = stored.get();
      if (!now.isBefore(policy.staleLimit(k.expiresAt()))) {
        return Optional.empty();
      }
      KeySetSnapshot s = KeySetSnapshot.decode(location, k.body(), k.etag());
      while (true) {
        Held h = held.get();
        if (h.keys != null) {
          return Optional.of(h.keys);
        }
        if (held.compareAndSet(h, new Held(s, h.timing.onRestore(k.validatedAt(), k.expiresAt(), now)))) {
          LOG.log(System.Logger.Level.WARNING, "starting from the persisted key set of {0} validated at {1}",
              location, k.validatedAt());
          return Optional.of(s);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "the persisted key set of {0} is unusable: {1}", location,
          e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  private void save(KeySetSnapshot s, KeySetCacheState timing) {
    LastKnownGoodStore st = store;
    if (st == null || timing.loadedAt().isEmpty() || timing.expiresAt().isEmpty()) {
      return;
    }
    try {
      st.save(new StoredKeySet(s.body, s.etag, timing.loadedAt().get(), timing.expiresAt().get()));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "could not persist the key set of {0}: {1}", location,
          e.getClass().getSimpleName());
    }
  }

  // ---------------------------------------------------------------- events

  void emit(KeySourceEvent event) {
    for (KeySourceListener l : listeners) {
      try {
        l.onEvent(event);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.DEBUG, "a key source listener failed", e);
      }
    }
  }

  private KeySourceUnavailableException unavailable(ErrorCode code, String message) {
    Optional<JwkitException> cause = lastFailure.get();
    return cause.isPresent()
        ? new KeySourceUnavailableException(code, message, cause.get())
        : new KeySourceUnavailableException(code, message);
  }
}
