package dev.jwkit.jwks.application;

import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.model.Publication;
import dev.jwkit.jwks.model.RotationPolicy;
import dev.jwkit.jwks.port.KeyRingRepository;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The service behind a JWKS endpoint: the {@link Publication} of the stored ring now (public keys only,
 * content tag for {@code ETag}, {@code max-age}). The ring is reloaded at most every propagation delay
 * {@code P} of the policy (on every call when {@code P} is zero), which is what {@code P} accounts for.
 *
 * <pre>{@code
 * JwksPublication jwks = JwksPublication.builder(repository).policy(policy).build();
 * Publication p = jwks.current();   // p.toJsonBytes(), p.etag(), p.maxAge()
 * }</pre>
 *
 * <h2>Thread safety</h2>
 * Instances are safe for concurrent use (lock-free).
 */
public final class JwksPublication {

  private final RingCache<Optional<KeyRing>> cache;
  private final RotationPolicy policy;

  private JwksPublication(Builder b) {
    this.policy = b.policy;
    this.cache = new RingCache<>(b.repository, b.ringId, b.clock, policy.propagationDelay(), ring -> ring);
  }

  /**
   * A builder of the publication of a ring in {@code repository}; every other setting has a default (the
   * ring {@link KeyRingId#DEFAULT}, {@link RotationPolicy#defaults()}, the system UTC clock).
   *
   * @param repository where the ring is stored
   * @return the builder
   */
  public static Builder builder(KeyRingRepository repository) {
    return new Builder(Objects.requireNonNull(repository, "repository"));
  }

  /** The publication at the clock's instant; an empty key set if the ring is not stored. */
  public Publication current() {
    RingCache.Snapshot<Optional<KeyRing>> s = cache.get();
    KeyRing ring = s.ring.orElseGet(() -> KeyRing.empty(cache.ringId()));
    return Publication.of(ring, policy, cache.now());
  }

  @Override
  public String toString() {
    return "JwksPublication[ring=" + cache.ringId() + "]";
  }

  /** A builder of {@link JwksPublication}; not thread-safe. */
  public static final class Builder {
    private final KeyRingRepository repository;
    private KeyRingId ringId = KeyRingId.DEFAULT;
    private RotationPolicy policy = RotationPolicy.defaults();
    private Clock clock = SystemClock.utc();

    private Builder(KeyRingRepository repository) {
      this.repository = repository;
    }

    /** The ring. Default {@link KeyRingId#DEFAULT}. @return this builder */
    public Builder ringId(KeyRingId ringId) {
      this.ringId = Objects.requireNonNull(ringId, "ringId");
      return this;
    }

    /** The rotation policy (for {@code max-age} and the reload interval). Default: defaults. @return this builder */
    public Builder policy(RotationPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The clock the publication is computed at. Default the system UTC clock. @return this builder */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Builds the service; the ring is loaded on the first {@link JwksPublication#current()}. */
    public JwksPublication build() {
      return new JwksPublication(this);
    }
  }
}
