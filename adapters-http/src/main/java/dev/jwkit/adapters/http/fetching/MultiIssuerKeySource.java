package dev.jwkit.adapters.http.fetching;

import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jwks.model.KeySourceError;
import dev.jwkit.jwks.model.KeySourceUnavailableException;
import dev.jwkit.jwks.port.KeySource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Key sources for a bounded set of trusted issuers, each with its own cache: the keys for a token are
 * looked up by its (unverified) {@code iss}, and an issuer outside the set is refused before any fetch.
 *
 * <pre>{@code
 * MultiIssuerKeySource issuers = MultiIssuerKeySource.builder()
 *     .issuer("https://a.example", CachingKeySource.builder().location("https://a.example/jwks").build())
 *     .discoveredIssuer("https://b.example")         // jwks_uri from its metadata, on first use
 *     .build();
 * KeySource keys = issuers.forIssuer(unverifiedIss);  // then verify with expectedIssuer(unverifiedIss)
 * }</pre>
 *
 * <h2>Security</h2>
 * The set of issuers is fixed at build time and bounded ({@link Builder#maxIssuers}); a token naming any
 * other issuer fails with {@code jwt.issuer_mismatch} and causes no network traffic, so attacker-chosen
 * {@code iss} values cannot make the verifier fetch anything (SSRF) or grow memory. The caller must still
 * verify the token with that issuer as the expected one: choosing keys by {@code iss} is not a check of
 * {@code iss}. A discovered issuer's metadata must name exactly that issuer.
 *
 * <h2>Thread safety</h2>
 * Instances are safe for concurrent use; lookups take no lock.
 */
public final class MultiIssuerKeySource implements AutoCloseable {

  /** The most issuers one instance holds by default: 32. */
  public static final int DEFAULT_MAX_ISSUERS = 32;
  /** After a failed discovery, the least time before the next attempt: 30 s (as the unknown-kid cooldown). */
  public static final Duration DEFAULT_DISCOVERY_RETRY = Duration.ofSeconds(30);

  private final Map<String, Entry> entries;

  private MultiIssuerKeySource(Map<String, Entry> entries) {
    this.entries = Map.copyOf(entries);
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The trusted issuers. */
  public Set<String> issuers() {
    return entries.keySet();
  }

  /**
   * The key source of a trusted issuer.
   *
   * @param issuer the token's {@code iss}
   * @return its key source
   * @throws InvalidTokenException {@code jwt.issuer_mismatch} when the issuer is not trusted
   * @throws KeySourceUnavailableException when the issuer's metadata could not be discovered
   */
  public KeySource forIssuer(String issuer) {
    Objects.requireNonNull(issuer, "issuer");
    Entry e = entries.get(issuer);
    if (e == null) {
      throw new InvalidTokenException(JoseError.ISSUER_MISMATCH, "issuer is not trusted");
    }
    return e.source();
  }

  /**
   * The keys of a trusted issuer for a token naming {@code kid}.
   *
   * @param issuer the token's {@code iss}
   * @param kid the token's {@code kid}
   * @return the issuer's held keys
   * @throws InvalidTokenException {@code jwt.issuer_mismatch} when the issuer is not trusted
   * @throws KeySourceUnavailableException as {@link CachingKeySource#keysFor(String)}
   */
  public JwkSet keysFor(String issuer, String kid) {
    return forIssuer(issuer).keysFor(kid);
  }

  /** The health of each issuer's cache (issuers not discovered yet are absent). */
  public Map<String, KeySourceHealth> health() {
    Map<String, KeySourceHealth> h = new LinkedHashMap<>();
    entries.forEach((iss, e) -> {
      CachingKeySource s = e.ready();
      if (s != null) {
        h.put(iss, s.health());
      }
    });
    return h;
  }

  /** Closes every issuer's key source. */
  @Override
  public void close() {
    entries.values().forEach(e -> {
      CachingKeySource s = e.ready();
      if (s != null) {
        s.close();
      }
    });
  }

  /** One issuer: a ready source, or a discovery to run on first use (retried after a cooldown). */
  private static final class Entry {
    private final String issuer;
    private final @Nullable Function<String, CachingKeySource> discover;
    private final Clock clock;
    private final Duration retry;
    private final AtomicReference<@Nullable CachingKeySource> source = new AtomicReference<>();
    private final AtomicReference<@Nullable Failure> failure = new AtomicReference<>();

    private static final class Failure {
      final Instant at;
      final KeySourceUnavailableException cause;

      Failure(Instant at, KeySourceUnavailableException cause) {
        this.at = at;
        this.cause = cause;
      }
    }

    Entry(String issuer, CachingKeySource ready) {
      this.issuer = issuer;
      this.discover = null;
      this.clock = Clock.systemUTC();
      this.retry = Duration.ZERO;
      this.source.set(ready);
    }

    Entry(String issuer, Function<String, CachingKeySource> discover, Clock clock, Duration retry) {
      this.issuer = issuer;
      this.discover = discover;
      this.clock = clock;
      this.retry = retry;
    }

    @Nullable CachingKeySource ready() {
      return source.get();
    }

    KeySource source() {
      CachingKeySource s = source.get();
      if (s != null) {
        return s;
      }
      Failure f = failure.get();
      Instant now = clock.instant();
      if (f != null && now.isBefore(f.at.plus(retry))) {
        throw new KeySourceUnavailableException(KeySourceError.NOT_LOADED,
            "metadata of " + issuer + " not discovered; next attempt at " + f.at.plus(retry), f.cause);
      }
      try {
        CachingKeySource created = Objects.requireNonNull(discover).apply(issuer);
        if (source.compareAndSet(null, created)) {
          failure.set(null);
          return created;
        }
        created.close();
        return Objects.requireNonNull(source.get());
      } catch (KeySourceUnavailableException e) {
        failure.set(new Failure(now, e));
        throw e;
      }
    }
  }

  /** Settings for a {@link MultiIssuerKeySource}. */
  public static final class Builder {
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Boolean> discovered = new LinkedHashMap<>();
    private int maxIssuers = DEFAULT_MAX_ISSUERS;
    private @Nullable IssuerDiscovery discovery;
    private @Nullable Function<IssuerMetadata, CachingKeySource> sourceFactory;
    private Clock clock = Clock.systemUTC();
    private Duration discoveryRetry = DEFAULT_DISCOVERY_RETRY;

    private Builder() {}

    /**
     * Trusts an issuer with its own key source.
     *
     * @param issuer the exact issuer identifier
     * @param source its key source
     * @return this builder
     * @throws IllegalArgumentException when the issuer is given twice or is not an http(s) URL
     */
    public Builder issuer(String issuer, CachingKeySource source) {
      IssuerDiscovery.issuerUri(issuer);
      Objects.requireNonNull(source, "source");
      if (entries.containsKey(issuer) || discovered.containsKey(issuer)) {
        throw new IllegalArgumentException("issuer given twice: " + issuer);
      }
      entries.put(issuer, new Entry(issuer, source));
      return this;
    }

    /**
     * Trusts an issuer whose {@code jwks_uri} is discovered from its metadata on first use.
     *
     * @param issuer the exact issuer identifier
     * @return this builder
     * @throws IllegalArgumentException when the issuer is given twice or is not an http(s) URL
     */
    public Builder discoveredIssuer(String issuer) {
      IssuerDiscovery.issuerUri(issuer);
      if (entries.containsKey(issuer) || discovered.containsKey(issuer)) {
        throw new IllegalArgumentException("issuer given twice: " + issuer);
      }
      discovered.put(issuer, Boolean.TRUE);
      return this;
    }

    /** The discovery used for {@link #discoveredIssuer}. Default: {@link HttpJwksFetcher} defaults. @param discovery the discovery @return this builder */
    public Builder discovery(IssuerDiscovery discovery) {
      this.discovery = Objects.requireNonNull(discovery, "discovery");
      return this;
    }

    /** How a discovered issuer's key source is built. Default: a {@link CachingKeySource} with its defaults, sharing one {@link HttpJwksFetcher} (one connection pool) with discovery. @param factory the factory @return this builder */
    public Builder sourceFactory(Function<IssuerMetadata, CachingKeySource> factory) {
      this.sourceFactory = Objects.requireNonNull(factory, "factory");
      return this;
    }

    /** The clock for discovery retries. Default {@link Clock#systemUTC()}. @param clock the clock @return this builder */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The least time between discovery attempts for one issuer. Default {@link #DEFAULT_DISCOVERY_RETRY}. @param d positive @return this builder */
    public Builder discoveryRetry(Duration d) {
      Objects.requireNonNull(d, "d");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("discoveryRetry must be positive");
      }
      this.discoveryRetry = d;
      return this;
    }

    /** The most issuers allowed. Default {@link #DEFAULT_MAX_ISSUERS}. @param max 1 to 1,000 @return this builder */
    public Builder maxIssuers(int max) {
      if (max < 1 || max > 1_000) {
        throw new IllegalArgumentException("maxIssuers must be between 1 and 1000");
      }
      this.maxIssuers = max;
      return this;
    }

    /**
     * Builds the source. No network traffic happens here.
     *
     * @return the source
     * @throws IllegalStateException when no issuer was given or more than {@link #maxIssuers}
     */
    public MultiIssuerKeySource build() {
      int count = entries.size() + discovered.size();
      if (count == 0) {
        throw new IllegalStateException("at least one issuer is required");
      }
      if (count > maxIssuers) {
        throw new IllegalStateException(count + " issuers, more than maxIssuers (" + maxIssuers + ")");
      }
      IssuerDiscovery d = discovery != null ? discovery : IssuerDiscovery.of(HttpJwksFetcher.builder().build());
      Function<IssuerMetadata, CachingKeySource> factory = sourceFactory != null ? sourceFactory
          : meta -> CachingKeySource.builder().location(meta.jwksUri()).fetcher(d.fetcher()).build();
      Map<String, Entry> all = new LinkedHashMap<>(entries);
      for (String iss : discovered.keySet()) {
        all.put(iss, new Entry(iss, i -> factory.apply(d.discover(i)), clock, discoveryRetry));
      }
      return new MultiIssuerKeySource(all);
    }
  }
}
