package dev.jwkit.adapters.http.fetching;

import dev.jwkit.adapters.http.internal.Locations;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jwks.model.InvalidConfigurationException;
import dev.jwkit.jwks.model.KeySetCachePolicy;
import dev.jwkit.jwks.model.KeySourceError;
import dev.jwkit.jwks.model.KeySourceUnavailableException;
import dev.jwkit.jwks.port.JwksFetcher;
import dev.jwkit.jwks.port.JwksLocation;
import dev.jwkit.jwks.port.KeySource;
import dev.jwkit.jwks.port.KeySourceEvent;
import dev.jwkit.jwks.port.KeySourceListener;
import dev.jwkit.jwks.port.LastKnownGoodStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The public keys of a remote JWKS, cached so that verification never melts down: the domain's
 * {@link KeySource} for one issuer, over a {@link JwksFetcher} ({@link HttpJwksFetcher} by default).
 *
 * <pre>{@code
 * CachingKeySource keys = CachingKeySource.builder()
 *     .location("https://issuer.example/.well-known/jwks.json")
 *     .build();                                  // every other setting has a safe default
 * JwtVerifier verifier = JwtVerifier.builder(keys).expectedIssuer(issuer).expectedAudience(audience).build();
 * }</pre>
 *
 * <p>The source is then handed to a verifier as its key source. Meters ({@link Builder#meterRegistry})
 * need Micrometer on the class path; nothing else here does.
 *
 * <p>Behaviour: the set is fresh for the server's {@code max-age} (or {@code Expires}) clamped to
 * [{@link Builder#minRefresh}, {@link Builder#maxRefresh}], {@link #DEFAULT_REFRESH} when absent; it is
 * refreshed in the background {@link #DEFAULT_REFRESH_AHEAD} before expiry, with {@code If-None-Match},
 * so a lookup of a known {@code kid} never waits on the network. The first lookup loads the set; callers
 * arriving meanwhile share that one fetch and wait at most {@link Builder#maxWait}. A lookup with an
 * unknown {@code kid} may trigger one refetch per {@link #DEFAULT_UNKNOWN_KID_COOLDOWN}, on a budget of
 * its own (scheduled refreshes are never held back by it), and every caller during that refetch shares
 * it; a {@code kid} still unknown afterwards is answered from a short negative cache. When refreshes
 * fail, the last good set is served until {@link #DEFAULT_MAX_STALENESS} past its expiry, with a
 * {@link KeySourceEvent.ServingStale} event telling the time left; then lookups fail closed with
 * {@link KeySourceError#STALE_BEYOND_LIMIT}. A fetched set that cannot be parsed, or holds no usable
 * public key, never replaces a good one. Unusable keys are skipped and reported; private and symmetric
 * keys are refused by the parser ({@link dev.jwkit.jose.jwk.JwkSet#parsePublic}, {@code jwk.not_public}).
 *
 * <h2>Security</h2>
 * Only public asymmetric keys are ever returned. Unknown {@code kid}s cannot cause more than one fetch
 * per cooldown however many arrive, nor delay a scheduled refresh. The source fails closed once the held
 * set is older than the staleness limit. {@code kid}s are opaque map keys: never used in a path or query.
 *
 * <h2>Thread safety</h2>
 * Instances are safe for concurrent use; lookups take no lock (an atomic snapshot read and a map lookup),
 * so they are safe under virtual threads.
 */
public final class CachingKeySource implements KeySource, AutoCloseable {

  /** Shortest freshness honoured: 1 min, so that {@code max-age=0} cannot turn every lookup into a fetch. Nimbus: fixed TTL 5 min regardless of headers. */
  public static final Duration DEFAULT_MIN_REFRESH = KeySetCachePolicy.DEFAULT_MIN_REFRESH;
  /** Longest freshness honoured: 24 h, so that a rotated key is seen within a day whatever the server says. jose4j honours any max-age. */
  public static final Duration DEFAULT_MAX_REFRESH = KeySetCachePolicy.DEFAULT_MAX_REFRESH;
  /** Freshness when the server sends no cache headers: 10 min. panva {@code cacheMaxAge} 10 min, Nimbus 5 min, jose4j 1 h, Auth0 10 h. */
  public static final Duration DEFAULT_REFRESH = KeySetCachePolicy.DEFAULT_REFRESH;
  /** How long before expiry the background refresh starts: 30 s (at most half the lifetime). Nimbus 30 s. */
  public static final Duration DEFAULT_REFRESH_AHEAD = KeySetCachePolicy.DEFAULT_REFRESH_AHEAD;
  /** Least time between refetches caused by unknown {@code kid}s: 30 s. panva {@code cooldownDuration} 30 s, Nimbus rate limit 30 s (shared with refreshes), Auth0 10/min. */
  public static final Duration DEFAULT_UNKNOWN_KID_COOLDOWN = KeySetCachePolicy.DEFAULT_UNKNOWN_KID_COOLDOWN;
  /** How long a {@code kid} found unknown after a refetch is answered as unknown without waiting: 60 s (the domain default). No peer has one. */
  public static final Duration DEFAULT_NEGATIVE_TTL = KeySetCachePolicy.DEFAULT_NEGATIVE_CACHE_TTL;
  /** How long past expiry the last good set is served while refreshes fail: 24 h. Nimbus outage tolerance off by default, jose4j 0, Auth0 forever. */
  public static final Duration DEFAULT_MAX_STALENESS = KeySetCachePolicy.DEFAULT_MAX_STALENESS;
  /** First retry delay after a failed refresh: 10 s, doubling (the domain default). */
  public static final Duration DEFAULT_RETRY_MIN = KeySetCachePolicy.DEFAULT_FAILURE_RETRY;
  /** Longest retry delay after repeated failures: 5 min. */
  public static final Duration DEFAULT_RETRY_MAX = KeySetCachePolicy.DEFAULT_MAX_FAILURE_RETRY;
  /** Longest a lookup waits for a fetch (cold start, unknown kid): 11 s, just above the fetcher's 10 s deadline. Nimbus cache refresh timeout 15 s. */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(11);

  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;
  private final Duration maxWait;
  private final KeySetRefresher r;
  private final UnknownKids unknown;
  private final Clock clock;
  private final String location;

  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  private CachingKeySource(Builder b, KeySetCachePolicy policy, JwksFetcher fetcher, JwksLocation jwksLocation,
      URI uri) {
    this.location = Locations.safe(uri);
    this.clock = b.clock;
    this.maxWait = b.maxWait;
    if (b.scheduler != null) {
      this.scheduler = b.scheduler;
      this.ownsScheduler = false;
    } else {
      this.scheduler = Executors.newSingleThreadScheduledExecutor(t -> {
        Thread thread = new Thread(t, "jwkit-jwks-refresh");
        thread.setDaemon(true);
        return thread;
      });
      this.ownsScheduler = true;
    }
    List<KeySourceListener> ls = new ArrayList<>(b.listeners);
    if (b.meterRegistry != null) {
      // the only reference to Micrometer outside KeySourceMetrics: loaded only when meters were asked for
      ls.add(KeySourceMetrics.register(b.meterRegistry, this));
    }
    this.r = new KeySetRefresher(location, jwksLocation, fetcher, policy, clock, scheduler, maxWait, ls, b.store);
    this.unknown = new UnknownKids(r, policy, location, maxWait);
  }

  /** Starts a builder with the documented defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The key set location, without query. */
  public String location() {
    return location;
  }

  /**
   * The held keys, for a token whose header names {@code kid}; the verifier selects among them
   * ({@code JwkSet.candidatesFor}). A known {@code kid} never waits on the network. An unknown one may
   * trigger one refetch per cooldown (shared by every caller meanwhile); if the {@code kid} is still
   * unknown, the held set is returned and the verifier reports {@code jwk.key_not_found}.
   *
   * @param kid the token's {@code kid}
   * @return the held public keys (after the refetch, if one was allowed)
   * @throws KeySourceUnavailableException {@link KeySourceError#NOT_LOADED} when no set could be loaded,
   *     {@link KeySourceError#STALE_BEYOND_LIMIT} when the held set is beyond the maximum staleness
   */
  @Override
  public JwkSet keysFor(String kid) {
    Objects.requireNonNull(kid, "kid");
    Instant now = clock.instant();
    KeySetSnapshot s = usable(now);
    if (s.byKid.containsKey(kid)) {
      hits.increment();
      return s.set;
    }
    misses.increment();
    return unknown.lookup(kid, now, s).set;
  }

  /**
   * Every usable key held (loading the set on first use).
   *
   * @return the held public keys
   * @throws KeySourceUnavailableException as {@link #keysFor(String)}
   */
  @Override
  public JwkSet keys() {
    Instant now = clock.instant();
    KeySetSnapshot s = usable(now);
    hits.increment();
    return s.set;
  }

  /**
   * The keys with this {@code kid} only (empty when unknown after the refetch the cooldown allows): for
   * callers that select keys themselves.
   *
   * @param kid the {@code kid}
   * @return the keys with that {@code kid}
   * @throws KeySourceUnavailableException as {@link #keysFor(String)}
   */
  public JwkSet keysWithKid(String kid) {
    JwkSet held = keysFor(kid);
    JwkSet found = r.held().map(s -> s.byKid.get(kid)).orElse(null);
    return found == null || held.keys().isEmpty() ? JwkSet.empty() : found;
  }

  /**
   * Fetches now (joining a fetch in progress) and waits for it, at most {@link Builder#maxWait}: to warm
   * the cache before taking traffic. Not rate limited: for operators, not for request paths.
   *
   * @throws KeySourceUnavailableException when the fetch fails or the set is refused
   */
  public void refreshNow() {
    r.await(r.refresh(false), KeySourceError.FETCH_FAILED);
  }

  /** A health report at this instant. */
  public KeySourceHealth health() {
    return r.health(clock.instant(), hits.sum(), misses.sum());
  }

  /** Stops background refreshes (and the scheduler, when the source created it). Lookups keep working on the held set. */
  @Override
  public void close() {
    r.cancelScheduled();
    if (ownsScheduler) {
      scheduler.shutdownNow();
    }
  }

  // ---------------------------------------------------------------- lookups

  private KeySetSnapshot usable(Instant now) {
    return r.usable(now);
  }

  long hitCount() {
    return hits.sum();
  }

  long missCount() {
    return misses.sum();
  }

  /** For tests: the fetch in progress, if any. */
  Optional<CompletableFuture<KeySetSnapshot>> inFlight() {
    return r.inFlight();
  }

  /**
   * Settings for a {@link CachingKeySource}. Every setter checks its argument at once and documents its
   * default; {@link #build()} checks the combination (for example {@code minRefresh ≤ defaultRefresh ≤
   * maxRefresh}).
   */
  public static final class Builder {
    private @Nullable JwksFetcher fetcher;
    private @Nullable JwksLocation location;
    private Duration minRefresh = DEFAULT_MIN_REFRESH;
    private Duration maxRefresh = DEFAULT_MAX_REFRESH;
    private Duration defaultRefresh = DEFAULT_REFRESH;
    private Duration refreshAhead = DEFAULT_REFRESH_AHEAD;
    private Duration unknownKidCooldown = DEFAULT_UNKNOWN_KID_COOLDOWN;
    private Duration negativeTtl = DEFAULT_NEGATIVE_TTL;
    private Duration maxStaleness = DEFAULT_MAX_STALENESS;
    private Duration retryMin = DEFAULT_RETRY_MIN;
    private Duration retryMax = DEFAULT_RETRY_MAX;
    private Duration maxWait = DEFAULT_MAX_WAIT;
    private int maxNegativeEntries = KeySetCachePolicy.DEFAULT_MAX_NEGATIVE_ENTRIES;
    private Clock clock = Clock.systemUTC();
    private @Nullable ScheduledExecutorService scheduler;
    private final List<KeySourceListener> listeners = new ArrayList<>();
    private @Nullable LastKnownGoodStore store;
    private @Nullable MeterRegistry meterRegistry;

    private Builder() {}

    /**
     * The key set location. Required. With the default fetcher it must be {@code https} (or plain
     * {@code http} to a loopback host).
     *
     * @param location the location
     * @return this builder
     */
    public Builder location(JwksLocation location) {
      this.location = Objects.requireNonNull(location, "location");
      return this;
    }

    /**
     * The key set location as a URL string.
     *
     * @param location an absolute {@code https} URL
     * @return this builder
     * @throws IllegalArgumentException when not an absolute http(s) URL
     */
    public Builder location(String location) {
      return location(JwksLocation.of(Objects.requireNonNull(location, "location")));
    }

    /**
     * The key set location as a URI.
     *
     * @param location an absolute {@code https} URI
     * @return this builder
     * @throws IllegalArgumentException when not an absolute http(s) URI
     */
    public Builder location(URI location) {
      return location(Objects.requireNonNull(location, "location").toString());
    }

    /** The fetcher. Default: an {@link HttpJwksFetcher} with its defaults. @param fetcher the fetcher @return this builder */
    public Builder fetcher(JwksFetcher fetcher) {
      this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
      return this;
    }

    /**
     * The shortest freshness lifetime honoured, whatever the server advertises. Default {@link #DEFAULT_MIN_REFRESH}.
     *
     * @param d at least one second
     * @return this builder
     * @throws IllegalArgumentException when shorter than a second
     */
    public Builder minRefresh(Duration d) {
      this.minRefresh = atLeast(d, Duration.ofSeconds(1), "minRefresh");
      return this;
    }

    /** The longest freshness honoured. Default {@link #DEFAULT_MAX_REFRESH}. @param d positive @return this builder */
    public Builder maxRefresh(Duration d) {
      this.maxRefresh = atLeast(d, Duration.ofSeconds(1), "maxRefresh");
      return this;
    }

    /** The freshness when the server advertises none. Default {@link #DEFAULT_REFRESH}. @param d positive @return this builder */
    public Builder defaultRefresh(Duration d) {
      this.defaultRefresh = atLeast(d, Duration.ofSeconds(1), "defaultRefresh");
      return this;
    }

    /** How long before expiry to refresh in the background; zero refreshes at expiry. Default {@link #DEFAULT_REFRESH_AHEAD}. @param d not negative @return this builder */
    public Builder refreshAhead(Duration d) {
      this.refreshAhead = atLeast(d, Duration.ZERO, "refreshAhead");
      return this;
    }

    /** The least time between refetches caused by unknown {@code kid}s. Default {@link #DEFAULT_UNKNOWN_KID_COOLDOWN}. @param d at least one second @return this builder */
    public Builder unknownKidCooldown(Duration d) {
      this.unknownKidCooldown = atLeast(d, Duration.ofSeconds(1), "unknownKidCooldown");
      return this;
    }

    /** How long an unknown {@code kid} is remembered; zero disables the negative cache. Default {@link #DEFAULT_NEGATIVE_TTL}. @param d not negative @return this builder */
    public Builder negativeTtl(Duration d) {
      this.negativeTtl = atLeast(d, Duration.ZERO, "negativeTtl");
      return this;
    }

    /** How long past expiry the last good set is served while refreshes fail; zero fails closed at expiry. Default {@link #DEFAULT_MAX_STALENESS}. @param d not negative, at most 30 days @return this builder */
    public Builder maxStaleness(Duration d) {
      this.maxStaleness = atLeast(d, Duration.ZERO, "maxStaleness");
      if (d.compareTo(Duration.ofDays(30)) > 0) {
        throw new IllegalArgumentException("maxStaleness must be at most 30 days");
      }
      return this;
    }

    /**
     * Takes every cache setting from a domain policy (refresh bounds, refresh ahead, unknown-kid
     * cooldown, negative cache, retry back-off, maximum staleness). Default {@link KeySetCachePolicy#defaults()}.
     *
     * @param policy the domain's policy
     * @return this builder
     */
    public Builder policy(KeySetCachePolicy policy) {
      Objects.requireNonNull(policy, "policy");
      this.minRefresh = policy.minRefresh();
      this.maxRefresh = policy.maxRefresh();
      this.defaultRefresh = policy.defaultRefresh();
      this.refreshAhead = policy.refreshAhead();
      this.unknownKidCooldown = policy.unknownKidCooldown();
      this.negativeTtl = policy.negativeCacheTtl();
      this.maxNegativeEntries = policy.maxNegativeEntries();
      this.retryMin = policy.failureRetry();
      this.retryMax = policy.maxFailureRetry();
      this.maxStaleness = policy.maxStaleness();
      return this;
    }

    /** The longest a lookup waits for a fetch. Default {@link #DEFAULT_MAX_WAIT}. @param d positive, at most a minute @return this builder */
    public Builder maxWait(Duration d) {
      this.maxWait = atLeast(d, Duration.ofMillis(1), "maxWait");
      if (d.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException("maxWait must be at most one minute");
      }
      return this;
    }

    /** The clock that governs freshness, cooldowns and staleness. Default {@link Clock#systemUTC()}. @param clock the clock @return this builder */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Where fetches and background refreshes run. Default: a single daemon thread owned (and closed) by
     * the source. A given scheduler is not shut down by {@link CachingKeySource#close()}.
     *
     * @param scheduler the scheduler
     * @return this builder
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * Adds a listener, told every {@link KeySourceEvent} (fetched, fetch failed, serving stale, failed
     * closed, keys skipped, unknown-kid refetch). Default: none.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(KeySourceListener listener) {
      this.listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Persists the last good set, to start from it when the server is down at startup. Default: none. @param store the store @return this builder */
    public Builder lastKnownGoodStore(LastKnownGoodStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Registers the source's meters in this registry: {@code jwkit.jwks.fetch} (timer, tags
     * {@code location}, {@code outcome}), {@code jwkit.jwks.lookups} (tags {@code result=hit|miss}),
     * {@code jwkit.jwks.keys} and {@code jwkit.jwks.age} (gauges). Default: no meters. Micrometer is an
     * optional dependency of this module: a caller of this method has {@code micrometer-core} on its class
     * path already (it holds a registry); no other code path loads a Micrometer class.
     *
     * @param registry the caller's registry
     * @return this builder
     */
    public Builder meterRegistry(MeterRegistry registry) {
      this.meterRegistry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Builds the source. No fetch happens until the first lookup (or {@link CachingKeySource#refreshNow()}).
     *
     * @return the source
     * @throws IllegalStateException when no location was given, the default fetcher would refuse it
     *     (plain http to a non-loopback host), or the refresh or retry bounds do not fit together
     */
    public CachingKeySource build() {
      if (location == null) {
        throw new IllegalStateException("location is required");
      }
      URI uri;
      try {
        uri = new URI(location.value());
      } catch (java.net.URISyntaxException e) {
        throw new IllegalStateException("location is not a URL", e);
      }
      JwksFetcher f = fetcher;
      if (f == null) {
        HttpJwksFetcher http = HttpJwksFetcher.builder().build();
        http.refusal(uri).ifPresent(r -> {
          throw new IllegalStateException("location refused: " + r
              + "; give a fetcher built with HttpJwksFetcher.Builder#allowInsecureHttp() to allow it");
        });
        f = http;
      } else if (f instanceof HttpJwksFetcher) {
        ((HttpJwksFetcher) f).refusal(uri).ifPresent(r -> {
          throw new IllegalStateException("location refused: " + r);
        });
      }
      KeySetCachePolicy policy;
      try {
        policy = KeySetCachePolicy.builder().minRefresh(minRefresh).maxRefresh(maxRefresh)
            .defaultRefresh(defaultRefresh).refreshAhead(refreshAhead).unknownKidCooldown(unknownKidCooldown)
            .negativeCacheTtl(negativeTtl).maxNegativeEntries(maxNegativeEntries).failureRetry(retryMin)
            .maxFailureRetry(retryMax).maxStaleness(maxStaleness).build();
      } catch (InvalidConfigurationException | IllegalArgumentException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
      return new CachingKeySource(this, policy, f, location, uri);
    }

    private static Duration atLeast(Duration d, Duration min, String name) {
      Objects.requireNonNull(d, name);
      if (d.compareTo(min) < 0) {
        throw new IllegalArgumentException(name + " must be at least " + min);
      }
      return d;
    }
  }
}
