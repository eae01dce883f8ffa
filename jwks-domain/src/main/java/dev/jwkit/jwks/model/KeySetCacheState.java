package dev.jwkit.jwks.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The timing state of one cached remote key set, advanced by pure transitions under a {@link
 * KeySetCachePolicy}. The HTTP adapter's caching key source keeps one (in one {@code AtomicReference}
 * with the parsed set) and asks it what to do: serve, refresh in the background, fetch for an unknown
 * kid, or fail closed. This is the only model of the cache's timing: the adapter does no instant
 * arithmetic of its own.
 *
 * @param loadedAt when the set being served was fetched or confirmed (304); empty before the first
 *     success
 * @param expiresAt when it stops being fresh ({@code loadedAt} plus the refresh interval)
 * @param lastUnknownKidFetch when a fetch was last made because of an unknown kid
 * @param consecutiveFailures failed fetches since the last success
 * @param nextAttemptAt when the next scheduled fetch may start (refresh ahead of expiry, or after a
 *     failure's back-off, whichever is later)
 */
public record KeySetCacheState(Optional<Instant> loadedAt, Optional<Instant> expiresAt,
    Optional<Instant> lastUnknownKidFetch, int consecutiveFailures, Instant nextAttemptAt) {

  /** What the cache should do with a request at an instant. */
  public enum Freshness {
    /** Nothing loaded yet: fetch (coalesced) and wait, bounded by the fetcher's timeouts. */
    EMPTY,
    /** Serve the cached set. */
    FRESH,
    /** Serve the cached set and start a background refresh (single flight). */
    REFRESH_DUE,
    /** The set has expired but is within the maximum staleness: serve it, keep retrying, report. */
    STALE,
    /** The set has been expired for the maximum staleness or longer: fail closed. */
    STALE_BEYOND_LIMIT
  }

  /** Validates the record. */
  public KeySetCacheState {
    Objects.requireNonNull(loadedAt, "loadedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(lastUnknownKidFetch, "lastUnknownKidFetch");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    if (consecutiveFailures < 0) {
      throw new IllegalArgumentException("consecutiveFailures must not be negative");
    }
    if (loadedAt.isPresent() != expiresAt.isPresent()) {
      throw new IllegalArgumentException("loadedAt and expiresAt are set together");
    }
  }

  /** The state before the first fetch: a fetch is due at once. */
  public static KeySetCacheState initial(Instant now) {
    return new KeySetCacheState(Optional.empty(), Optional.empty(), Optional.empty(), 0, now);
  }

  /** After a successful fetch or a 304 at {@code now} whose response gave this {@code max-age}. */
  public KeySetCacheState onSuccess(Instant now, Duration maxAge, KeySetCachePolicy policy) {
    return loaded(now, policy.refreshInterval(maxAge), policy);
  }

  /** After a successful fetch or a 304 at {@code now} whose response gave no {@code max-age}. */
  public KeySetCacheState onSuccess(Instant now, KeySetCachePolicy policy) {
    return loaded(now, policy.refreshInterval(), policy);
  }

  private KeySetCacheState loaded(Instant now, Duration interval, KeySetCachePolicy policy) {
    Instant expires = now.plus(interval);
    Instant refreshAt = expires.minus(policy.refreshLead(interval));
    return new KeySetCacheState(Optional.of(now), Optional.of(expires), lastUnknownKidFetch, 0, refreshAt);
  }

  /**
   * After a failed fetch at {@code now}: back off; the last good set (if any) is kept. A failure never
   * brings the next attempt forward (an unknown-kid fetch failing before the refresh time does not start
   * the scheduled refreshes early).
   */
  public KeySetCacheState onFailure(Instant now, KeySetCachePolicy policy) {
    int failures = consecutiveFailures + 1;
    Instant retry = now.plus(policy.retryDelay(failures));
    return new KeySetCacheState(loadedAt, expiresAt, lastUnknownKidFetch, failures, later(retry, nextAttemptAt));
  }

  /**
   * After a set persisted earlier (validated at {@code validatedAt}, fresh until {@code expiresAt}) was
   * restored at {@code now}, while the server could not be reached: it is refreshed at its expiry (at
   * once if it has expired), but not before the back-off of the failures so far.
   */
  public KeySetCacheState onRestore(Instant validatedAt, Instant expiresAt, Instant now) {
    Instant refreshAt = now.isBefore(expiresAt) ? expiresAt : now;
    return new KeySetCacheState(Optional.of(validatedAt), Optional.of(expiresAt), lastUnknownKidFetch,
        consecutiveFailures, later(refreshAt, nextAttemptAt));
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /**
   * Whether a fetch for an unknown kid may start at {@code now} (the cooldown has passed since the last
   * one). Scheduled refreshes do not spend this budget, and this budget does not delay them.
   */
  public boolean mayFetchForUnknownKid(Instant now, KeySetCachePolicy policy) {
    return lastUnknownKidFetch.map(t -> policy.mayFetchForUnknownKid(t, now)).orElse(true);
  }

  /** After starting a fetch for an unknown kid at {@code now}. */
  public KeySetCacheState onUnknownKidFetch(Instant now) {
    return new KeySetCacheState(loadedAt, expiresAt, Optional.of(now), consecutiveFailures, nextAttemptAt);
  }

  /** What to do with a request at {@code now}. */
  public Freshness freshness(Instant now, KeySetCachePolicy policy) {
    if (expiresAt.isEmpty()) {
      return Freshness.EMPTY;
    }
    Instant expires = expiresAt.get();
    if (now.isBefore(expires)) {
      return now.isBefore(nextAttemptAt) ? Freshness.FRESH : Freshness.REFRESH_DUE;
    }
    return now.isBefore(policy.staleLimit(expires)) ? Freshness.STALE : Freshness.STALE_BEYOND_LIMIT;
  }

  /** Whether a scheduled (background) fetch may start at {@code now}. */
  public boolean isFetchDue(Instant now) {
    return !now.isBefore(nextAttemptAt);
  }

  /** How long the served set has been expired at {@code now} (zero while fresh or before any load). */
  public Duration staleFor(Instant now) {
    if (expiresAt.isEmpty() || now.isBefore(expiresAt.get())) {
      return Duration.ZERO;
    }
    return Duration.between(expiresAt.get(), now);
  }

  /** How long the served set may still be used at {@code now} before the source fails closed. */
  public Duration timeLeft(Instant now, KeySetCachePolicy policy) {
    if (expiresAt.isEmpty()) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(now, expiresAt.get().plus(policy.maxStaleness()));
    return left.isNegative() ? Duration.ZERO : left;
  }
}
