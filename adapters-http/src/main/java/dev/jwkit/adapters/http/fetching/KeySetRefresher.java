package dev.jwkit.adapters.http.fetching;

import dev.jwkit.adapters.http.internal.CacheTiming;
import dev.jwkit.jose.ErrorCode;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jwks.model.KeySourceError;
import dev.jwkit.jwks.model.KeySourceUnavailableException;
import dev.jwkit.jwks.port.FetchOutcome;
import dev.jwkit.jwks.port.FetchedJwks;
import dev.jwkit.jwks.port.JwksFetcher;
import dev.jwkit.jwks.port.JwksLocation;
import dev.jwkit.jwks.port.KeySourceListener;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The fetching half of a {@link CachingKeySource}: the held snapshot, the single-flight fetch, failure
 * bookkeeping and backoff, background scheduling, the last-known-good store, and event delivery. The
 * lookup half (hot path, cold start, unknown {@code kid}s) stays in {@link CachingKeySource}.
 *
 * <h3>Thread safety</h3>
 * Safe for concurrent use; lock-free (atomic references and a compare-and-set single flight).
 */
final class KeySetRefresher {

  private static final System.Logger LOG = System.getLogger(CachingKeySource.class.getName());

  final String location;
  final CacheTiming policy;
  final Clock clock;
  private final JwksFetcher fetcher;
  private final JwksLocation jwksLocation;
  private final ScheduledExecutorService scheduler;
  private final Duration maxWait;
  private final List<KeySourceEventListener> listeners;
  private final List<KeySourceListener> outcomeListeners;
  private final @Nullable LastKnownGoodStore store;

  final AtomicReference<@Nullable KeySetSnapshot> current = new AtomicReference<>();
  final AtomicReference<@Nullable CompletableFuture<KeySetSnapshot>> inFlight = new AtomicReference<>();
  final AtomicReference<Instant> nextAttemptAt = new AtomicReference<>(Instant.MIN);
  final AtomicReference<Optional<Instant>> lastSuccess = new AtomicReference<>(Optional.empty());
  final AtomicReference<Optional<JwkitException>> lastFailure = new AtomicReference<>(Optional.empty());
  final AtomicReference<Optional<Instant>> lastFailureAt = new AtomicReference<>(Optional.empty());
  private final AtomicReference<@Nullable ScheduledFuture<?>> scheduled = new AtomicReference<>();
  private final AtomicInteger consecutiveFailures = new AtomicInteger();

  KeySetRefresher(String location, JwksLocation jwksLocation, JwksFetcher fetcher, CacheTiming policy,
      Clock clock, ScheduledExecutorService scheduler, Duration maxWait, List<KeySourceEventListener> listeners,
      List<KeySourceListener> outcomeListeners, @Nullable LastKnownGoodStore store) {
    this.location = location;
    this.jwksLocation = jwksLocation;
    this.fetcher = fetcher;
    this.policy = policy;
    this.clock = clock;
    this.scheduler = scheduler;
    this.maxWait = maxWait;
    this.listeners = List.copyOf(listeners);
    this.outcomeListeners = List.copyOf(outcomeListeners);
    this.store = store;
  }

  /** Stops background refreshes. */
  void cancelScheduled() {
    ScheduledFuture<?> f = scheduled.getAndSet(null);
    if (f != null) {
      f.cancel(false);
    }
  }

  void refreshInBackgroundIfDue(Instant now) {
    if (inFlight.get() == null && !now.isBefore(nextAttemptAt.get())) {
      refresh(false);
    }
  }

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
    KeySetSnapshot old = current.get();
    try {
      FetchedJwks fetched = old != null && old.etag.isPresent()
          ? fetcher.fetch(jwksLocation, old.etag.get())
          : fetcher.fetch(jwksLocation);
      Instant now = clock.instant();
      Duration lifetime = policy.lifetime(fetched.maxAge());
      Instant expiresAt = policy.expiresAt(now, lifetime);
      Instant refreshAt = policy.refreshAt(now, lifetime);
      Instant staleLimit = policy.staleLimit(expiresAt);
      KeySetSnapshot next;
      if (fetched.notModified() && old != null) {
        next = old.revalidated(fetched.etag(), now, expiresAt, refreshAt, staleLimit);
      } else if (fetched.notModified()) {
        throw unavailable(KeySourceError.INVALID_KEY_SET, "304 to an unconditional request at " + location);
      } else {
        next = KeySetSnapshot.decode(location, fetched.body(), fetched.etag(), now, expiresAt, refreshAt, staleLimit);
      }
      current.set(next);
      consecutiveFailures.set(0);
      nextAttemptAt.set(Instant.MIN);
      lastSuccess.set(Optional.of(now));
      Duration latency = Duration.ofNanos(System.nanoTime() - started);
      emit(new KeySourceEvent.Fetched(location, now, next.set.keys().size(), fetched.notModified(), latency,
          lifetime, onDemandFetch));
      outcome(new FetchOutcome(jwksLocation, now, fetched.notModified() ? FetchOutcome.Kind.NOT_MODIFIED
          : FetchOutcome.Kind.UPDATED, next.set.keys().size(), Optional.empty(), Duration.ZERO));
      if (!fetched.notModified()) {
        if (!next.skipped.isEmpty()) {
          emit(new KeySourceEvent.KeysSkipped(location, now, next.skipped));
          LOG.log(System.Logger.Level.WARNING, "skipped {0} unusable key(s) in the key set at {1} ({2})",
              String.valueOf(next.skipped.size()), location, KeySourceError.INVALID_KEY_SET.id());
        }
        LOG.log(System.Logger.Level.INFO, "loaded {0} key(s) from {1}, fresh for {2} s",
            String.valueOf(next.set.keys().size()), location, String.valueOf(lifetime.toSeconds()));
        save(next);
      }
      schedule(refreshAt, now);
      return next;
    } catch (JwkitException e) {
      throw failed(e, old, started);
    } catch (RuntimeException e) {
      throw failed(new KeySourceUnavailableException(KeySourceError.FETCH_FAILED,
          "unexpected " + e.getClass().getSimpleName() + " fetching " + location, e), old, started);
    }
  }

  private KeySourceUnavailableException failed(JwkitException e, @Nullable KeySetSnapshot old, long started) {
    Instant now = clock.instant();
    int failures = consecutiveFailures.incrementAndGet();
    Instant retry = policy.retryAt(now, failures);
    nextAttemptAt.set(retry);
    lastFailure.set(Optional.of(e));
    lastFailureAt.set(Optional.of(now));
    emit(new KeySourceEvent.FetchFailed(location, now, e.code(), String.valueOf(e.getMessage()),
        Duration.ofNanos(System.nanoTime() - started), failures));
    boolean serving = old != null && now.isBefore(old.staleLimit);
    outcome(new FetchOutcome(jwksLocation, now, serving ? FetchOutcome.Kind.FAILED_SERVING_STALE
        : FetchOutcome.Kind.FAILED_CLOSED, old == null ? 0 : old.set.keys().size(), Optional.of(e.code()),
        old == null || now.isBefore(old.expiresAt) ? Duration.ZERO : Duration.between(old.expiresAt, now)));
    if (old != null && !now.isBefore(old.expiresAt) && now.isBefore(old.staleLimit)) {
      Duration staleFor = Duration.between(old.expiresAt, now);
      Duration left = Duration.between(now, old.staleLimit);
      emit(new KeySourceEvent.ServingStale(location, now, staleFor, left));
      LOG.log(System.Logger.Level.WARNING, "serving the key set of {0} {1} s past its expiry, for {2} s more before "
          + "failing closed, because fetching failed ({3})", location, String.valueOf(staleFor.toSeconds()),
          String.valueOf(left.toSeconds()), e.code().id());
    } else {
      LOG.log(System.Logger.Level.WARNING, "fetching the key set at {0} failed ({1} in a row), retrying at {2}: {3}",
          location, String.valueOf(failures), retry, e.getMessage());
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
    Instant now = clock.instant();
    KeySetSnapshot s = current.get();
    if ((s == null || !now.isBefore(s.refreshAt)) && !now.isBefore(nextAttemptAt.get())) {
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

  Optional<KeySetSnapshot> fromStore(Instant now) {
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
      Instant staleLimit = policy.staleLimit(k.expiresAt());
      if (!now.isBefore(staleLimit)) {
        return Optional.empty();
      }
      Instant refreshAt = now.isBefore(k.expiresAt()) ? k.expiresAt() : now;
      KeySetSnapshot s = KeySetSnapshot.decode(location, k.body(), k.etag(), k.validatedAt(), k.expiresAt(),
          refreshAt, staleLimit);
      if (current.compareAndSet(null, s)) {
        LOG.log(System.Logger.Level.WARNING, "starting from the persisted key set of {0}, last validated at {1}",
            location, k.validatedAt());
        return Optional.of(s);
      }
      return Optional.ofNullable(current.get());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "the persisted key set of {0} is unusable: {1}", location,
          e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  private void save(KeySetSnapshot s) {
    LastKnownGoodStore st = store;
    if (st == null) {
      return;
    }
    try {
      st.save(new StoredKeySet(s.body, s.etag, s.validatedAt, s.expiresAt));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "could not persist the key set of {0}: {1}", location,
          e.getClass().getSimpleName());
    }
  }

  private void outcome(FetchOutcome o) {
    for (KeySourceListener l : outcomeListeners) {
      try {
        l.onFetch(o);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.DEBUG, "a key source listener failed", e);
      }
    }
  }

  void emit(KeySourceEvent event) {
    for (KeySourceEventListener l : listeners) {
      try {
        l.onEvent(event);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.DEBUG, "a key source listener failed", e);
      }
    }
  }

  KeySourceUnavailableException unavailable(ErrorCode code, String message) {
    Optional<JwkitException> cause = lastFailure.get();
    return cause.isPresent()
        ? new KeySourceUnavailableException(code, message, cause.get())
        : new KeySourceUnavailableException(code, message);
  }

  KeySetSnapshot coldStart(Instant now) {
    if (inFlight.get() == null && now.isBefore(nextAttemptAt.get())) {
      Optional<KeySetSnapshot> stored = fromStore(now);
      if (stored.isPresent()) {
        return stored.get();
      }
      throw unavailable(KeySourceError.NOT_LOADED, "no key set loaded; last fetch failed, next attempt at "
          + nextAttemptAt.get());
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

  KeySetSnapshot beyondLimit(KeySetSnapshot s, Instant now) {
    if (inFlight.get() != null || !now.isBefore(nextAttemptAt.get())) {
      try {
        KeySetSnapshot fresh = await(refresh(false), KeySourceError.STALE_BEYOND_LIMIT);
        if (now.isBefore(fresh.staleLimit)) {
          return fresh;
        }
      } catch (KeySourceUnavailableException e) {
        // fall through: fail closed below
      }
    }
    Duration staleFor = Duration.between(s.expiresAt, now);
    emit(new KeySourceEvent.FailedClosed(location, now, staleFor));
    throw unavailable(KeySourceError.STALE_BEYOND_LIMIT, "key set " + staleFor.toMinutes()
        + " min past expiry, beyond the maximum staleness of " + policy.maxStaleness());
  }
}
