package dev.jwkit.jwks.model;

import dev.jwkit.jose.jwa.JwsAlgorithm;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One key of a {@link KeyRing}: its material, its lifecycle state and the instants of its transitions.
 *
 * <p>The instants are monotone: {@code publishedAt ≤ activatedAt ≤ retiredAt ≤ expiredAt}, and a revoked
 * key's {@code revokedAt} follows every other instant it has. Transitions are made by the {@link
 * RotationPlanner} and return new instances; a key never changes in place. Leaving {@link
 * KeyState#ACTIVE} or {@link KeyState#PENDING} for good drops local private material (ROTATION.md inv.
 * 8).
 *
 * <h2>Security</h2>
 * {@link #toString()} shows the kid, state and instants only. {@link #equals} compares the non-secret
 * parts (kid, algorithm, state, instants, custody reference, whether private material is held).
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use.
 */
public final class ManagedKey {

  private final KeyMaterial material;
  private final KeyState state;
  private final Instant publishedAt;
  private final Optional<Instant> activatedAt;
  private final Optional<Instant> retiredAt;
  private final Optional<Instant> expiredAt;
  private final Optional<Instant> revokedAt;
  private final Optional<String> revocationReason;

  private ManagedKey(Builder b) {
    this.material = Objects.requireNonNull(b.material, "material");
    this.state = Objects.requireNonNull(b.state, "state");
    this.publishedAt = Objects.requireNonNull(b.publishedAt, "publishedAt");
    this.activatedAt = Optional.ofNullable(b.activatedAt);
    this.retiredAt = Optional.ofNullable(b.retiredAt);
    this.expiredAt = Optional.ofNullable(b.expiredAt);
    this.revokedAt = Optional.ofNullable(b.revokedAt);
    this.revocationReason = Optional.ofNullable(b.revocationReason);
    checkConsistency();
  }

  /** A new pending key, published at {@code at}. */
  public static ManagedKey pending(KeyMaterial material, Instant at) {
    return builder(material, KeyState.PENDING, at).build();
  }

  /**
   * A builder for a key in any state, for repositories and document readers; {@link Builder#build()}
   * checks that the instants fit the state and are monotone.
   */
  public static Builder builder(KeyMaterial material, KeyState state, Instant publishedAt) {
    return new Builder(material, state, publishedAt);
  }

  private void checkConsistency() {
    boolean needsActivated = state == KeyState.ACTIVE || state == KeyState.RETIRED
        || (state == KeyState.EXPIRED && retiredAt.isPresent());
    if (needsActivated && activatedAt.isEmpty()) {
      throw new IllegalArgumentException("a key in state " + state + " needs activatedAt (kid=" + kid() + ")");
    }
    if (state == KeyState.PENDING && (activatedAt.isPresent() || retiredAt.isPresent() || expiredAt.isPresent())) {
      throw new IllegalArgumentException("a pending key has no later instants (kid=" + kid() + ")");
    }
    if (state == KeyState.ACTIVE && (retiredAt.isPresent() || expiredAt.isPresent())) {
      throw new IllegalArgumentException("an active key has not retired (kid=" + kid() + ")");
    }
    if (state == KeyState.RETIRED && (retiredAt.isEmpty() || expiredAt.isPresent())) {
      throw new IllegalArgumentException("a retired key has retiredAt and no expiredAt (kid=" + kid() + ")");
    }
    if (state == KeyState.EXPIRED && expiredAt.isEmpty()) {
      throw new IllegalArgumentException("an expired key has expiredAt (kid=" + kid() + ")");
    }
    if (state == KeyState.REVOKED && revokedAt.isEmpty()) {
      throw new IllegalArgumentException("a revoked key has revokedAt (kid=" + kid() + ")");
    }
    if (state != KeyState.REVOKED && (revokedAt.isPresent() || revocationReason.isPresent())) {
      throw new IllegalArgumentException("only a revoked key has revokedAt (kid=" + kid() + ")");
    }
    if (activatedAt.isEmpty() && retiredAt.isPresent()) {
      throw new IllegalArgumentException("a key retires only after it was active (kid=" + kid() + ")");
    }
    Instant last = publishedAt;
    for (Optional<Instant> next : java.util.List.of(activatedAt, retiredAt, expiredAt, revokedAt)) {
      if (next.isPresent()) {
        if (next.get().isBefore(last)) {
          throw new IllegalArgumentException("key instants must be monotone (kid=" + kid() + ")");
        }
        last = next.get();
      }
    }
    if (state.isTerminal() || state == KeyState.RETIRED) {
      if (material.hasPrivateKey()) {
        throw new IllegalArgumentException("a " + state + " key holds no private material (kid=" + kid() + ")");
      }
    }
  }

  /** The key id, unique in its ring forever. */
  public String kid() {
    return material.kid();
  }

  /** The algorithm the key signs with. */
  public JwsAlgorithm algorithm() {
    return material.algorithm();
  }

  /** The key material (public JWK, local private JWK if any, custody reference). */
  public KeyMaterial material() {
    return material;
  }

  /** The lifecycle state. */
  public KeyState state() {
    return state;
  }

  /** When the key was first published (created or imported). */
  public Instant publishedAt() {
    return publishedAt;
  }

  /** When the key started signing. */
  public Optional<Instant> activatedAt() {
    return activatedAt;
  }

  /** When the key stopped signing. */
  public Optional<Instant> retiredAt() {
    return retiredAt;
  }

  /** When the key was unpublished after its retirement window. */
  public Optional<Instant> expiredAt() {
    return expiredAt;
  }

  /** When the key was revoked. */
  public Optional<Instant> revokedAt() {
    return revokedAt;
  }

  /** Why the key was revoked, as the operator said (safe text, never key material). */
  public Optional<String> revocationReason() {
    return revocationReason;
  }

  /** How long the key has been published at {@code now} (zero if {@code now} is before publication). */
  public Duration age(Instant now) {
    Duration d = Duration.between(publishedAt, now);
    return d.isNegative() ? Duration.ZERO : d;
  }

  ManagedKey activate(Instant at) {
    requireTransition(KeyState.ACTIVE);
    return toBuilder(KeyState.ACTIVE).activatedAt(at).build();
  }

  ManagedKey retire(Instant at) {
    requireTransition(KeyState.RETIRED);
    Builder b = toBuilder(KeyState.RETIRED).retiredAt(at);
    b.material = material.withoutPrivateKey();
    return b.build();
  }

  ManagedKey expire(Instant at) {
    requireTransition(KeyState.EXPIRED);
    Builder b = toBuilder(KeyState.EXPIRED).expiredAt(at);
    b.material = material.withoutPrivateKey();
    return b.build();
  }

  ManagedKey revoke(Instant at, String reason) {
    requireTransition(KeyState.REVOKED);
    Builder b = toBuilder(KeyState.REVOKED).revokedAt(at).revocationReason(reason);
    b.material = material.withoutPrivateKey();
    return b.build();
  }

  private void requireTransition(KeyState next) {
    if (!state.canMoveTo(next)) {
      throw new dev.jwkit.jose.JwkitException(KeyRingError.ILLEGAL_TRANSITION,
          "key " + kid() + " cannot move from " + state + " to " + next);
    }
  }

  private Builder toBuilder(KeyState newState) {
    Builder b = new Builder(material, newState, publishedAt);
    b.activatedAt = activatedAt.orElse(null);
    b.retiredAt = retiredAt.orElse(null);
    b.expiredAt = expiredAt.orElse(null);
    b.revokedAt = revokedAt.orElse(null);
    b.revocationReason = revocationReason.orElse(null);
    return b;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ManagedKey)) {
      return false;
    }
    ManagedKey k = (ManagedKey) o;
    return kid().equals(k.kid()) && algorithm() == k.algorithm() && state == k.state
        && material.custody().equals(k.material.custody()) && material.reference().equals(k.material.reference())
        && material.hasPrivateKey() == k.material.hasPrivateKey()
        && publishedAt.equals(k.publishedAt) && activatedAt.equals(k.activatedAt) && retiredAt.equals(k.retiredAt)
        && expiredAt.equals(k.expiredAt) && revokedAt.equals(k.revokedAt)
        && revocationReason.equals(k.revocationReason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kid(), state, publishedAt, activatedAt, retiredAt, expiredAt, revokedAt);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("ManagedKey[kid=").append(kid()).append(", alg=")
        .append(algorithm().jwaName()).append(", state=").append(state).append(", published=").append(publishedAt);
    activatedAt.ifPresent(t -> s.append(", activated=").append(t));
    retiredAt.ifPresent(t -> s.append(", retired=").append(t));
    expiredAt.ifPresent(t -> s.append(", expired=").append(t));
    revokedAt.ifPresent(t -> s.append(", revoked=").append(t));
    return s.append(']').toString();
  }

  /** A builder of a {@link ManagedKey} in a given state; not thread-safe. */
  public static final class Builder {
    private KeyMaterial material;
    private final KeyState state;
    private final Instant publishedAt;
    private @Nullable Instant activatedAt;
    private @Nullable Instant retiredAt;
    private @Nullable Instant expiredAt;
    private @Nullable Instant revokedAt;
    private @Nullable String revocationReason;

    private Builder(KeyMaterial material, KeyState state, Instant publishedAt) {
      this.material = Objects.requireNonNull(material, "material");
      this.state = Objects.requireNonNull(state, "state");
      this.publishedAt = Objects.requireNonNull(publishedAt, "publishedAt");
    }

    /** When the key started signing. @return this builder */
    public Builder activatedAt(Instant at) {
      this.activatedAt = Objects.requireNonNull(at, "at");
      return this;
    }

    /** When the key stopped signing. @return this builder */
    public Builder retiredAt(Instant at) {
      this.retiredAt = Objects.requireNonNull(at, "at");
      return this;
    }

    /** When the key was unpublished. @return this builder */
    public Builder expiredAt(Instant at) {
      this.expiredAt = Objects.requireNonNull(at, "at");
      return this;
    }

    /** When the key was revoked. @return this builder */
    public Builder revokedAt(Instant at) {
      this.revokedAt = Objects.requireNonNull(at, "at");
      return this;
    }

    /** Why the key was revoked. @return this builder */
    public Builder revocationReason(String reason) {
      this.revocationReason = Objects.requireNonNull(reason, "reason");
      return this;
    }

    /**
     * Builds the key.
     *
     * @throws IllegalArgumentException if the instants do not fit the state or are not monotone, or a
     *     retired or terminal key holds private material
     */
    public ManagedKey build() {
      return new ManagedKey(this);
    }
  }
}
