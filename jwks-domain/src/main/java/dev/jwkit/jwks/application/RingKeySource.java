package dev.jwkit.jwks.application;

import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.model.ManagedKey;
import dev.jwkit.jwks.model.RotationPolicy;
import dev.jwkit.jwks.port.KeyRingRepository;
import dev.jwkit.jwks.port.KeySource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A local key ring as a {@link KeySource}: the published keys (pending, active, retired) as public JWKs,
 * and the ring's revoked kids, so that a {@link TokenVerifier} refuses tokens of revoked keys with
 * {@code keyring.key_revoked}.
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
    this.cache = new RingCache<>(Objects.requireNonNull(b.repository, "repository"), b.ringId,
        Objects.requireNonNull(b.clock, "clock"), b.refreshInterval, Keys::new);
  }

  /** A builder; repository and clock are required. */
  public static Builder builder() {
    return new Builder();
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
    private @Nullable KeyRingRepository repository;
    private KeyRingId ringId = KeyRingId.DEFAULT;
    private @Nullable Clock clock;
    private Duration refreshInterval = DEFAULT_REFRESH_INTERVAL;

    private Builder() {}

    /** Where the ring is stored (required). @return this builder */
    public Builder repository(KeyRingRepository repository) {
      this.repository = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /** The ring. Default {@link KeyRingId#DEFAULT}. @return this builder */
    public Builder ringId(KeyRingId ringId) {
      this.ringId = Objects.requireNonNull(ringId, "ringId");
      return this;
    }

    /** The clock (required). @return this builder */
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

    /** Uses the policy's propagation delay {@code P} as the refresh interval. @return this builder */
    public Builder refreshWithin(RotationPolicy policy) {
      return refreshInterval(Objects.requireNonNull(policy, "policy").propagationDelay());
    }

    /**
     * Builds the source.
     *
     * @throws IllegalStateException if the repository or the clock is missing
     */
    public RingKeySource build() {
      if (repository == null || clock == null) {
        throw new IllegalStateException("repository and clock are required");
      }
      return new RingKeySource(this);
    }
  }
}
