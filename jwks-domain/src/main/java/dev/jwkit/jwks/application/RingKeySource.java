package dev.jwkit.jwks.application;

import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.model.ManagedKey;
import dev.jwkit.jwks.port.KeyRingRepository;
import dev.jwkit.jwks.port.KeySource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A local key ring as a {@link KeySource}: the published keys (pending, active, retired) as public JWKs,
 * and the ring's revoked kids, so that jose-core's {@code JwtVerifier}, given this source as its key
 * resolver, refuses tokens of revoked keys with {@code keyring.key_revoked}.
 *
 * <pre>{@code
 * JwtVerifier verifier = JwtVerifier.builder(RingKeySource.of(repository))
 *     .expectedIssuer("https://issuer.example").expectedAudience("api://orders").build();
 * }</pre>
 *
 * <p>The ring is reloaded from the repository at most every {@link Builder#refreshInterval} (default
 * {@link #DEFAULT_REFRESH_INTERVAL}), and at once (at most every {@link #UNKNOWN_KID_REFRESH_INTERVAL})
 * for a token naming a kid it does not know. The same {@link JwkSet} instance is returned while the
 * ring does not change, so jose-core's prepared-verifier cache stays warm. An unstored ring gives an
 * empty set.
 *
 * <h2>Thread safety</h2>
 * Instances are safe for concurrent use (lock-free).
 */
public final class RingKeySource implements KeySource {

  /** Default reload interval: 5 s, so a rotation by another process is seen within seconds. */
  public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(5);
  /** Minimum spacing of reloads caused by unknown kids: 1 s, so bogus kids cannot hammer the store. */
  public static final Duration UNKNOWN_KID_REFRESH_INTERVAL = Duration.ofSeconds(1);

  /** The keys of one ring version. */
  private static final class Keys {
    final JwkSet set;
    final Set<String> kids;
    final Set<String> revoked;

    Keys(Optional<KeyRing> ring) {
      List<dev.jwkit.jose.jwk.Jwk> jwks = new ArrayList<>();
      List<String> kidList = new ArrayList<>();
      ring.ifPresent(r -> {
        for (ManagedKey k : r.published()) {
          jwks.add(k.material().publicJwk());
          kidList.add(k.kid());
        }
      });
      this.set = JwkSet.of(jwks);
      this.kids = Set.copyOf(kidList);
      this.revoked = ring.map(KeyRing::revokedKids).orElse(Set.of());
    }
  }

  private final RingCache<Keys> cache;

  private RingKeySource(Builder b) {
    this.cache = new RingCache<>(b.repository, b.ringId, b.clock, b.refreshInterval, Keys::new);
  }

  /**
   * The keys of the default ring in {@code repository}, with every default.
   *
   * @param repository where the ring is stored
   * @return the source
   */
  public static RingKeySource of(KeyRingRepository repository) {
    return builder(repository).build();
  }

  /**
   * A builder of a source over a ring in {@code repository}; every other setting has a default.
   *
   * @param repository where the ring is stored
   * @return the builder
   */
  public static Builder builder(KeyRingRepository repository) {
    return new Builder(Objects.requireNonNull(repository, "repository"));
  }

  @Override
  public JwkSet keys() {
    return cache.get().derived.set;
  }

  @Override
  public JwkSet keysFor(String kid) {
    Objects.requireNonNull(kid, "kid");
    RingCache.Snapshot<Keys> s = cache.get();
    if (!s.derived.kids.contains(kid) && !s.derived.revoked.contains(kid)
        && !cache.now().isBefore(s.loadedAt.plus(UNKNOWN_KID_REFRESH_INTERVAL))) {
      s = cache.reload();
    }
    return s.derived.set;
  }

  @Override
  public Set<String> revokedKids() {
    return cache.get().derived.revoked;
  }

  @Override
  public String toString() {
    return "RingKeySource[ring=" + cache.ringId() + "]";
  }

  /** A builder of {@link RingKeySource}; not thread-safe. */
  public static final class Builder {
    private final KeyRingRepository repository;
    private KeyRingId ringId = KeyRingId.DEFAULT;
    private Clock clock = SystemClock.utc();
    private Duration refreshInterval = DEFAULT_REFRESH_INTERVAL;

    private Builder(KeyRingRepository repository) {
      this.repository = repository;
    }

    /** The ring. Default {@link KeyRingId#DEFAULT}. @return this builder */
    public Builder ringId(KeyRingId ringId) {
      this.ringId = Objects.requireNonNull(ringId, "ringId");
      return this;
    }

    /** The clock that times reloads. Default the system UTC clock. @return this builder */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long a loaded ring is reused; zero reloads on every call. Default {@link
     * #DEFAULT_REFRESH_INTERVAL}. Keep it within the policy's propagation delay {@code P}.
     *
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder refreshInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative()) {
        throw new IllegalArgumentException("refreshInterval must not be negative");
      }
      this.refreshInterval = interval;
      return this;
    }

    /** Builds the source; the ring is loaded on the first lookup. */
    public RingKeySource build() {
      return new RingKeySource(this);
    }
  }
}
