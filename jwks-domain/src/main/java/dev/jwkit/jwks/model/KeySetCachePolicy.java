package dev.jwkit.jwks.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The cache policy of a remote key set (a JWKS fetched over HTTP): when to refresh, when an unknown
 * {@code kid} may trigger a fetch, how long unknown kids are remembered, and how long a stale set may
 * still be served during an outage. Pure: the HTTP adapter's caching key source does the I/O and keeps
 * a {@link KeySetCacheState} per issuer.
 *
 * <ul>
 *   <li><b>Refresh interval</b>: the server's {@code max-age} clamped to {@code [minRefresh,
 *       maxRefresh]}, or {@code defaultRefresh} when it sent none.
 *   <li><b>Refresh ahead</b>: a background refresh starts {@code refreshAhead} before expiry (at most
 *       half the refresh interval, so a short interval still serves its first half without a fetch), so
 *       that a call with a known kid never waits on the network.
 *   <li><b>Unknown kid</b>: a fetch at most every {@code unknownKidCooldown}, on a budget separate from
 *       scheduled refreshes; a kid still unknown after that fetch is remembered for {@code
 *       negativeCacheTtl} (at most {@code maxNegativeEntries} kids), so bogus kids can neither cause a
 *       fetch storm nor starve a legitimate refresh.
 *   <li><b>Failures</b>: retries back off from {@code failureRetry}, doubling up to {@code
 *       maxFailureRetry}; the last good set is served until it has been expired for {@code
 *       maxStaleness} (zero: not past expiry), then the source fails closed ({@link
 *       KeySourceError#STALE_BEYOND_LIMIT}).
 * </ul>
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use; builders are not.
 */
public final class KeySetCachePolicy {

  /** Shortest refresh interval: 1 min (Nimbus: 5 min TTL; Microsoft guidance refreshes hourly). */
  public static final Duration DEFAULT_MIN_REFRESH = Duration.ofMinutes(1);
  /** Longest refresh interval: 24 h (Microsoft guidance: 24 h TTL; Okta sends weeks). */
  public static final Duration DEFAULT_MAX_REFRESH = Duration.ofHours(24);
  /** Refresh interval without {@code max-age}: 10 min (jose4j HttpsJwks falls back to 1 h, Auth0 10 min). */
  public static final Duration DEFAULT_REFRESH = Duration.ofMinutes(10);
  /** Background refresh lead: 30 s before expiry (Nimbus refresh-ahead 30 s). */
  public static final Duration DEFAULT_REFRESH_AHEAD = Duration.ofSeconds(30);
  /** Unknown-kid fetch spacing: 30 s (Nimbus rate limit 30 s; panva jose cooldown 30 s). */
  public static final Duration DEFAULT_UNKNOWN_KID_COOLDOWN = Duration.ofSeconds(30);
  /** How long a kid still unknown after a fetch is remembered: 60 s. */
  public static final Duration DEFAULT_NEGATIVE_CACHE_TTL = Duration.ofSeconds(60);
  /** Bound on remembered unknown kids: 1,000 (memory stays bounded under a kid flood). */
  public static final int DEFAULT_MAX_NEGATIVE_ENTRIES = 1_000;
  /** First retry after a failed fetch: 10 s. */
  public static final Duration DEFAULT_FAILURE_RETRY = Duration.ofSeconds(10);
  /** Longest retry spacing after repeated failures: 5 min. */
  public static final Duration DEFAULT_MAX_FAILURE_RETRY = Duration.ofMinutes(5);
  /** How long an expired set is still served during an outage: 24 h (Nimbus outage tolerance off by default). */
  public static final Duration DEFAULT_MAX_STALENESS = Duration.ofHours(24);

  private static final KeySetCachePolicy DEFAULTS = builder().build();

  private final Duration minRefresh;
  private final Duration maxRefresh;
  private final Duration defaultRefresh;
  private final Duration refreshAhead;
  private final Duration unknownKidCooldown;
  private final Duration negativeCacheTtl;
  private final int maxNegativeEntries;
  private final Duration failureRetry;
  private final Duration maxFailureRetry;
  private final Duration maxStaleness;

  private KeySetCachePolicy(Builder b) {
    this.minRefresh = b.minRefresh;
    this.maxRefresh = b.maxRefresh;
    this.defaultRefresh = b.defaultRefresh;
    this.refreshAhead = b.refreshAhead;
    this.unknownKidCooldown = b.unknownKidCooldown;
    this.negativeCacheTtl = b.negativeCacheTtl;
    this.maxNegativeEntries = b.maxNegativeEntries;
    this.failureRetry = b.failureRetry;
    this.maxFailureRetry = b.maxFailureRetry;
    this.maxStaleness = b.maxStaleness;
  }

  /** The policy with every default. */
  public static KeySetCachePolicy defaults() {
    return DEFAULTS;
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The refresh interval for a response with this {@code max-age}, clamped to {@code [minRefresh, maxRefresh]}. */
  public Duration refreshInterval(Duration maxAge) {
    Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.compareTo(minRefresh) < 0) {
      return minRefresh;
    }
    return maxAge.compareTo(maxRefresh) > 0 ? maxRefresh : maxAge;
  }

  /** The refresh interval for a response without {@code max-age}: {@code defaultRefresh}. */
  public Duration refreshInterval() {
    return defaultRefresh;
  }

  /**
   * The retry delay after {@code consecutiveFailures} failed fetches (1 for the first): {@code
   * failureRetry × 2^(n−1)}, at most {@code maxFailureRetry}.
   */
  public Duration retryDelay(int consecutiveFailures) {
    if (consecutiveFailures < 1) {
      throw new IllegalArgumentException("consecutiveFailures must be at least 1");
    }
    Duration d = failureRetry;
    for (int i = 1; i < consecutiveFailures && d.compareTo(maxFailureRetry) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(maxFailureRetry) > 0 ? maxFailureRetry : d;
  }

  /**
   * How long before expiry a set fresh for {@code refreshInterval} is refreshed in the background: {@code
   * refreshAhead}, but at most half the interval.
   */
  public Duration refreshLead(Duration refreshInterval) {
    Objects.requireNonNull(refreshInterval, "refreshInterval");
    Duration half = refreshInterval.dividedBy(2);
    return refreshAhead.compareTo(half) > 0 ? half : refreshAhead;
  }

  /** The first instant a set that stopped being fresh at {@code expiresAt} may no longer be served. */
  public Instant staleLimit(Instant expiresAt) {
    return expiresAt.plus(maxStaleness);
  }

  /**
   * Whether a fetch for an unknown kid may start at {@code now}, the last one having started at {@code
   * lastFetch}: the cooldown has passed (or the clock went back).
   */
  public boolean mayFetchForUnknownKid(Instant lastFetch, Instant now) {
    return !now.isBefore(lastFetch.plus(unknownKidCooldown)) || now.isBefore(lastFetch);
  }

  /** Whether a kid remembered as unknown at {@code rememberedAt} is still remembered at {@code now}. */
  public boolean isStillUnknown(Instant rememberedAt, Instant now) {
    return now.isBefore(rememberedAt.plus(negativeCacheTtl)) && !now.isBefore(rememberedAt);
  }

  public Duration minRefresh() {
    return minRefresh;
  }

  public Duration maxRefresh() {
    return maxRefresh;
  }

  public Duration defaultRefresh() {
    return defaultRefresh;
  }

  public Duration refreshAhead() {
    return refreshAhead;
  }

  public Duration unknownKidCooldown() {
    return unknownKidCooldown;
  }

  public Duration negativeCacheTtl() {
    return negativeCacheTtl;
  }

  public int maxNegativeEntries() {
    return maxNegativeEntries;
  }

  public Duration failureRetry() {
    return failureRetry;
  }

  public Duration maxFailureRetry() {
    return maxFailureRetry;
  }

  public Duration maxStaleness() {
    return maxStaleness;
  }

  @Override
  public String toString() {
    return "KeySetCachePolicy[refresh=" + minRefresh + ".." + maxRefresh + " (default " + defaultRefresh
        + "), ahead=" + refreshAhead + ", unknownKidCooldown=" + unknownKidCooldown + ", negativeTtl="
        + negativeCacheTtl + ", retry=" + failureRetry + ".." + maxFailureRetry + ", maxStaleness=" + maxStaleness + "]";
  }

  /** A builder of {@link KeySetCachePolicy}; not thread-safe. Setters check their argument at once. */
  public static final class Builder {
    private Duration minRefresh = DEFAULT_MIN_REFRESH;
    private Duration maxRefresh = DEFAULT_MAX_REFRESH;
    private Duration defaultRefresh = DEFAULT_REFRESH;
    private Duration refreshAhead = DEFAULT_REFRESH_AHEAD;
    private Duration unknownKidCooldown = DEFAULT_UNKNOWN_KID_COOLDOWN;
    private Duration negativeCacheTtl = DEFAULT_NEGATIVE_CACHE_TTL;
    private int maxNegativeEntries = DEFAULT_MAX_NEGATIVE_ENTRIES;
    private Duration failureRetry = DEFAULT_FAILURE_RETRY;
    private Duration maxFailureRetry = DEFAULT_MAX_FAILURE_RETRY;
    private Duration maxStaleness = DEFAULT_MAX_STALENESS;

    private Builder() {}

    /** Lower bound of the refresh interval (positive). @return this builder */
    public Builder minRefresh(Duration d) {
      minRefresh = positive(d, "minRefresh");
      return this;
    }

    /** Upper bound of the refresh interval (positive). @return this builder */
    public Builder maxRefresh(Duration d) {
      maxRefresh = positive(d, "maxRefresh");
      return this;
    }

    /** Refresh interval when the server sends no {@code max-age} (positive). @return this builder */
    public Builder defaultRefresh(Duration d) {
      defaultRefresh = positive(d, "defaultRefresh");
      return this;
    }

    /** Background refresh lead before expiry (zero or more). @return this builder */
    public Builder refreshAhead(Duration d) {
      refreshAhead = nonNegative(d, "refreshAhead");
      return this;
    }

    /** Minimum spacing of fetches caused by unknown kids (positive). @return this builder */
    public Builder unknownKidCooldown(Duration d) {
      unknownKidCooldown = positive(d, "unknownKidCooldown");
      return this;
    }

    /** How long an unknown kid is remembered (zero disables). @return this builder */
    public Builder negativeCacheTtl(Duration d) {
      negativeCacheTtl = nonNegative(d, "negativeCacheTtl");
      return this;
    }

    /** Bound on remembered unknown kids (positive). @return this builder */
    public Builder maxNegativeEntries(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxNegativeEntries must be positive");
      }
      maxNegativeEntries = n;
      return this;
    }

    /** First retry delay after a failure (positive). @return this builder */
    public Builder failureRetry(Duration d) {
      failureRetry = positive(d, "failureRetry");
      return this;
    }

    /** Longest retry delay (positive). @return this builder */
    public Builder maxFailureRetry(Duration d) {
      maxFailureRetry = positive(d, "maxFailureRetry");
      return this;
    }

    /** How long an expired set may still be served during an outage (zero: fail closed at expiry). @return this builder */
    public Builder maxStaleness(Duration d) {
      maxStaleness = nonNegative(d, "maxStaleness");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @throws InvalidConfigurationException with {@link KeyRingError#POLICY_INVALID} listing every broken
     *     rule: {@code minRefresh ≤ maxRefresh}, {@code minRefresh ≤ defaultRefresh ≤ maxRefresh},
     *     {@code failureRetry ≤ maxFailureRetry}
     */
    public KeySetCachePolicy build() {
      List<String> problems = new ArrayList<>();
      if (minRefresh.compareTo(maxRefresh) > 0) {
        problems.add("minRefresh (" + minRefresh + ") must be <= maxRefresh (" + maxRefresh + ")");
      }
      if (defaultRefresh.compareTo(minRefresh) < 0 || defaultRefresh.compareTo(maxRefresh) > 0) {
        problems.add("defaultRefresh (" + defaultRefresh + ") must be within [minRefresh, maxRefresh]");
      }
      if (failureRetry.compareTo(maxFailureRetry) > 0) {
        problems.add("failureRetry (" + failureRetry + ") must be <= maxFailureRetry (" + maxFailureRetry + ")");
      }
      if (!problems.isEmpty()) {
        throw new InvalidConfigurationException(KeyRingError.POLICY_INVALID, "key set cache policy", problems);
      }
      return new KeySetCachePolicy(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return d;
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative");
      }
      return d;
    }
  }
}
