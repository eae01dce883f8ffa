package dev.jwkit.adapters.http.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The instant arithmetic of the remote key-set cache policy, as pure functions of time: how long a
 * fetched set is fresh, when to refresh it ahead of expiry, when to retry after a failure, whether an
 * unknown {@code kid} may trigger a refetch, and how long a stale set may still be served.
 *
 * <p>The settings come from the domain's {@link dev.jwkit.jwks.model.KeySetCachePolicy} ({@link
 * #of}); this record only turns them into instants for the caching key source's lock-free state. No
 * I/O, no threads, no ambient time: every function takes {@code now}. It was written before the domain
 * had its policy and can be folded into {@code KeySetCacheState}.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use.
 *
 * @param minRefresh the shortest freshness lifetime honoured, whatever the server advertises
 * @param maxRefresh the longest freshness lifetime honoured
 * @param defaultRefresh the lifetime when the server advertises none
 * @param refreshAhead how long before expiry a background refresh starts (at most half the lifetime)
 * @param unknownKidCooldown the least time between two refetches caused by unknown {@code kid}s
 * @param negativeTtl how long an unknown {@code kid} is remembered as unknown after a refetch
 * @param maxStaleness how long after expiry the last good set may still be served when refreshes fail
 * @param retryMin the first retry delay after a failed refresh
 * @param retryMax the longest retry delay after repeated failures
 */
public record CacheTiming(
    Duration minRefresh,
    Duration maxRefresh,
    Duration defaultRefresh,
    Duration refreshAhead,
    Duration unknownKidCooldown,
    Duration negativeTtl,
    Duration maxStaleness,
    Duration retryMin,
    Duration retryMax) {

  /** Where a set stands at an instant. */
  public enum Freshness {
    /** Before expiry. */
    FRESH,
    /** Past expiry, within the maximum staleness: served, with a warning. */
    STALE,
    /** Past expiry plus the maximum staleness: not served (fail closed). */
    EXPIRED
  }

  /**
   * The timing of a domain policy.
   *
   * @param p the domain's policy
   * @return the same settings as instant arithmetic
   */
  public static CacheTiming of(dev.jwkit.jwks.model.KeySetCachePolicy p) {
    return new CacheTiming(p.minRefresh(), p.maxRefresh(), p.defaultRefresh(), p.refreshAhead(),
        p.unknownKidCooldown(), p.negativeCacheTtl(), p.maxStaleness(), p.failureRetry(), p.maxFailureRetry());
  }

  /** Validates the combination. */
  public CacheTiming {
    Objects.requireNonNull(minRefresh, "minRefresh");
    Objects.requireNonNull(maxRefresh, "maxRefresh");
    Objects.requireNonNull(defaultRefresh, "defaultRefresh");
    Objects.requireNonNull(refreshAhead, "refreshAhead");
    Objects.requireNonNull(unknownKidCooldown, "unknownKidCooldown");
    Objects.requireNonNull(negativeTtl, "negativeTtl");
    Objects.requireNonNull(maxStaleness, "maxStaleness");
    Objects.requireNonNull(retryMin, "retryMin");
    Objects.requireNonNull(retryMax, "retryMax");
    positive(minRefresh, "minRefresh");
    positive(retryMin, "retryMin");
    positive(unknownKidCooldown, "unknownKidCooldown");
    notNegative(refreshAhead, "refreshAhead");
    notNegative(negativeTtl, "negativeTtl");
    notNegative(maxStaleness, "maxStaleness");
    if (maxRefresh.compareTo(minRefresh) < 0) {
      throw new IllegalArgumentException("maxRefresh must not be shorter than minRefresh");
    }
    if (defaultRefresh.compareTo(minRefresh) < 0 || defaultRefresh.compareTo(maxRefresh) > 0) {
      throw new IllegalArgumentException("defaultRefresh must lie between minRefresh and maxRefresh");
    }
    if (retryMax.compareTo(retryMin) < 0) {
      throw new IllegalArgumentException("retryMax must not be shorter than retryMin");
    }
  }

  private static void positive(Duration d, String name) {
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  private static void notNegative(Duration d, String name) {
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
  }

  /** The freshness lifetime to use: the advertised one (or the default) clamped to [min, max]. */
  public Duration lifetime(Optional<Duration> advertised) {
    Duration d = advertised.orElse(defaultRefresh);
    if (d.compareTo(minRefresh) < 0) {
      return minRefresh;
    }
    return d.compareTo(maxRefresh) > 0 ? maxRefresh : d;
  }

  /** When a set validated at {@code validatedAt} with that lifetime stops being fresh. */
  public Instant expiresAt(Instant validatedAt, Duration lifetime) {
    return validatedAt.plus(lifetime);
  }

  /** When to start the background refresh: {@code refreshAhead} before expiry, but not before half the lifetime. */
  public Instant refreshAt(Instant validatedAt, Duration lifetime) {
    Duration half = lifetime.dividedBy(2);
    Duration ahead = refreshAhead.compareTo(half) > 0 ? half : refreshAhead;
    return validatedAt.plus(lifetime).minus(ahead);
  }

  /** The last instant a set expiring at {@code expiresAt} may be served. */
  public Instant staleLimit(Instant expiresAt) {
    return expiresAt.plus(maxStaleness);
  }

  /** Where a set expiring at {@code expiresAt} stands at {@code now}. */
  public Freshness freshness(Instant now, Instant expiresAt) {
    if (now.isBefore(expiresAt)) {
      return Freshness.FRESH;
    }
    return now.isBefore(staleLimit(expiresAt)) ? Freshness.STALE : Freshness.EXPIRED;
  }

  /** When to retry after {@code consecutiveFailures} (≥ 1) failed refreshes: exponential from retryMin, capped. */
  public Instant retryAt(Instant now, int consecutiveFailures) {
    int n = Math.max(1, Math.min(consecutiveFailures, 30));
    Duration d = retryMin;
    for (int i = 1; i < n && d.compareTo(retryMax) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return now.plus(d.compareTo(retryMax) > 0 ? retryMax : d);
  }

  /** Whether an unknown {@code kid} may trigger a refetch now, given when the last such refetch started. */
  public boolean mayRefetchForUnknownKid(Instant now, Optional<Instant> lastOnDemandRefetch) {
    return lastOnDemandRefetch.map(last -> !now.isBefore(last.plus(unknownKidCooldown))).orElse(true);
  }

  /** Until when a {@code kid} found unknown at {@code now} is answered as unknown without a lookup. */
  public Instant negativeUntil(Instant now) {
    return now.plus(negativeTtl);
  }
}
