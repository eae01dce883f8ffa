package dev.jwkit.jwks.model;

import dev.jwkit.jose.jwa.JwsAlgorithm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The timing parameters of a key ring's lifecycle, validated against the invariants of ROTATION.md.
 *
 * <p>Parameters (ROTATION.md letters): publish lead {@code L}, rotation period {@code R}, retirement
 * window {@code W}, maximum token lifetime {@code T}, verifier clock skew {@code S}, served
 * {@code Cache-Control: max-age} {@code M}, assumed client cache age {@code C}, propagation delay
 * {@code P}, scheduler tick {@code Δ} and acceptable post-revocation exposure {@code E}; plus the signing
 * algorithm of new keys.
 *
 * <p>{@link Builder#build()} checks every rule and, if any is broken, throws one {@link
 * InvalidConfigurationException} with code {@link KeyRingError#POLICY_INVALID} that lists them all:
 * <ul>
 *   <li>{@code L ≥ C + P} — a key is visible to every caching client before it signs (inv. 1);
 *   <li>{@code M ≤ L − P} and {@code M ≤ C} — honoring clients satisfy inv. 1; C is the worst case (inv. 2);
 *   <li>{@code M + P ≤ E} — a revoked key is trusted at most E after revocation (inv. 2, 9);
 *   <li>{@code W ≥ T + S + Δ} — a token signed just before retirement verifies until {@code exp} plus
 *       leeway, even when the signer's view of the ring is one tick old (inv. 3);
 *   <li>{@code R ≥ L} — a rotation always finds a pending key old enough to promote (inv. 5);
 *   <li>{@code W ≤ 10 × R} — bounds the published set (inv. 7, Vault's limit);
 *   <li>{@code 2Δ ≤ min(L, W)} — the tick is small against the states it times (inv. 10);
 *   <li>{@code R ≥ 1 minute} (Vault's minimum) and the algorithm is asymmetric (keys are published).
 * </ul>
 *
 * <pre>{@code
 * RotationPolicy policy = RotationPolicy.builder()
 *     .algorithm(JwsAlgorithm.ES256)
 *     .rotationPeriod(Duration.ofDays(7))
 *     .build();
 * }</pre>
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use; builders are not.
 */
public final class RotationPolicy {

  /** Default algorithm of new keys: ES256 — small keys, fast signing, universally supported. */
  public static final JwsAlgorithm DEFAULT_ALGORITHM = JwsAlgorithm.ES256;
  /** Default {@code T}: 15 minutes, a common access-token lifetime (Auth0 and Okta default to 1 h–24 h). */
  public static final Duration DEFAULT_MAX_TOKEN_LIFETIME = Duration.ofMinutes(15);
  /** Default {@code S}: 2 minutes of verifier leeway (Nimbus 60 s, jose4j 0, Spring 60 s). */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(2);
  /** Default {@code P}: 1 minute for replicas and CDNs to converge. */
  public static final Duration DEFAULT_PROPAGATION_DELAY = Duration.ofMinutes(1);
  /** Default {@code M}: 5 minutes of served max-age (Auth0 ~15 s, Firebase ~6 h, B2C 24 h). */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);
  /** Default {@code C}: 15 minutes, assuming some clients ignore {@code max-age} and cache longer. */
  public static final Duration DEFAULT_CLIENT_CACHE_AGE = Duration.ofMinutes(15);
  /** Default {@code L}: 1 hour of pre-publication (Vault: one rotation period; Okta: weeks). */
  public static final Duration DEFAULT_PUBLISH_LEAD = Duration.ofHours(1);
  /** Default {@code R}: 30 days (Okta rotates quarterly, Vault OIDC daily, Keycloak advises 3–6 months). */
  public static final Duration DEFAULT_ROTATION_PERIOD = Duration.ofDays(30);
  /** Default {@code W}: 1 hour ≥ T + S + Δ with a safety margin (Vault: verification_ttl 24 h). */
  public static final Duration DEFAULT_RETIREMENT_WINDOW = Duration.ofHours(1);
  /** Default {@code Δ}: the scheduler runs every minute (Vault OIDC: up to 60 s late; Transit: hourly). */
  public static final Duration DEFAULT_TICK = Duration.ofMinutes(1);
  /** Default {@code E}: 15 minutes of acceptable post-revocation exposure (≥ M + P). */
  public static final Duration DEFAULT_REVOCATION_EXPOSURE = Duration.ofMinutes(15);
  /** The shortest rotation period accepted (Vault: "rotation_period must be at least one minute"). */
  public static final Duration MINIMUM_ROTATION_PERIOD = Duration.ofMinutes(1);

  private static final RotationPolicy DEFAULTS = builder().build();

  private final JwsAlgorithm algorithm;
  private final Duration publishLead;
  private final Duration rotationPeriod;
  private final Duration retirementWindow;
  private final Duration maxTokenLifetime;
  private final Duration clockSkew;
  private final Duration maxAge;
  private final Duration clientCacheAge;
  private final Duration propagationDelay;
  private final Duration tick;
  private final Duration revocationExposure;

  private RotationPolicy(Builder b) {
    this.algorithm = b.algorithm;
    this.publishLead = b.publishLead;
    this.rotationPeriod = b.rotationPeriod;
    this.retirementWindow = b.retirementWindow;
    this.maxTokenLifetime = b.maxTokenLifetime;
    this.clockSkew = b.clockSkew;
    this.maxAge = b.maxAge;
    this.clientCacheAge = b.clientCacheAge;
    this.propagationDelay = b.propagationDelay;
    this.tick = b.tick;
    this.revocationExposure = b.revocationExposure;
  }

  /** The policy with every default (valid by construction). */
  public static RotationPolicy defaults() {
    return DEFAULTS;
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this policy's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.algorithm = algorithm;
    b.publishLead = publishLead;
    b.rotationPeriod = rotationPeriod;
    b.retirementWindow = retirementWindow;
    b.maxTokenLifetime = maxTokenLifetime;
    b.clockSkew = clockSkew;
    b.maxAge = maxAge;
    b.clientCacheAge = clientCacheAge;
    b.propagationDelay = propagationDelay;
    b.tick = tick;
    b.revocationExposure = revocationExposure;
    return b;
  }

  /** The algorithm new keys are generated for. */
  public JwsAlgorithm algorithm() {
    return algorithm;
  }

  /** {@code L}: the minimum time a key is published before it signs. */
  public Duration publishLead() {
    return publishLead;
  }

  /** {@code R}: how long a key signs before a scheduled rotation replaces it. */
  public Duration rotationPeriod() {
    return rotationPeriod;
  }

  /** {@code W}: how long a retired key stays published after its last signature. */
  public Duration retirementWindow() {
    return retirementWindow;
  }

  /** {@code T}: the maximum lifetime ({@code exp − iat}) of an issued token. */
  public Duration maxTokenLifetime() {
    return maxTokenLifetime;
  }

  /** {@code S}: the maximum clock skew (leeway) of verifiers. */
  public Duration clockSkew() {
    return clockSkew;
  }

  /** {@code M}: the {@code Cache-Control: max-age} served with the JWKS (an upper bound). */
  public Duration maxAge() {
    return maxAge;
  }

  /** {@code C}: the longest any client is assumed to cache the JWKS. */
  public Duration clientCacheAge() {
    return clientCacheAge;
  }

  /** {@code P}: the delay for a saved ring to reach every replica and CDN edge. */
  public Duration propagationDelay() {
    return propagationDelay;
  }

  /** {@code Δ}: the interval of the rotation scheduler. */
  public Duration tick() {
    return tick;
  }

  /** {@code E}: the acceptable time a revoked key may still be trusted by honoring clients. */
  public Duration revocationExposure() {
    return revocationExposure;
  }

  /**
   * The lifetime to give a token asked to live {@code requested}: {@code min(requested, T, W − S − Δ)}
   * (ROTATION.md inv. 4, the issuance guard).
   *
   * @throws IllegalArgumentException if {@code requested} is zero or negative
   */
  public Duration clampTokenLifetime(Duration requested) {
    Objects.requireNonNull(requested, "requested");
    if (requested.isNegative() || requested.isZero()) {
      throw new IllegalArgumentException("token lifetime must be positive");
    }
    Duration bound = min(maxTokenLifetime, retirementWindow.minus(clockSkew).minus(tick));
    return min(requested, bound);
  }

  /**
   * How long clients that cached the set before a key was published may not know it, if that key starts
   * signing when it is {@code age} old: {@code max(0, C + P − age)}. Zero means the promotion is safe.
   */
  public Duration exposureOfPromotionAt(Duration age) {
    Objects.requireNonNull(age, "age");
    Duration exposure = clientCacheAge.plus(propagationDelay).minus(age);
    return exposure.isNegative() ? Duration.ZERO : exposure;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RotationPolicy)) {
      return false;
    }
    RotationPolicy p = (RotationPolicy) o;
    return algorithm == p.algorithm && publishLead.equals(p.publishLead) && rotationPeriod.equals(p.rotationPeriod)
        && retirementWindow.equals(p.retirementWindow) && maxTokenLifetime.equals(p.maxTokenLifetime)
        && clockSkew.equals(p.clockSkew) && maxAge.equals(p.maxAge) && clientCacheAge.equals(p.clientCacheAge)
        && propagationDelay.equals(p.propagationDelay) && tick.equals(p.tick)
        && revocationExposure.equals(p.revocationExposure);
  }

  @Override
  public int hashCode() {
    return Objects.hash(algorithm, publishLead, rotationPeriod, retirementWindow, maxTokenLifetime, clockSkew,
        maxAge, clientCacheAge, propagationDelay, tick, revocationExposure);
  }

  @Override
  public String toString() {
    return "RotationPolicy[alg=" + algorithm.jwaName() + ", L=" + publishLead + ", R=" + rotationPeriod
        + ", W=" + retirementWindow + ", T=" + maxTokenLifetime + ", S=" + clockSkew + ", M=" + maxAge
        + ", C=" + clientCacheAge + ", P=" + propagationDelay + ", tick=" + tick + ", E=" + revocationExposure + "]";
  }

  /**
   * A builder of {@link RotationPolicy}. Each setter checks its argument at once; {@link #build()} checks
   * the rules that relate several parameters. Builders are not thread-safe.
   */
  public static final class Builder {
    private JwsAlgorithm algorithm = DEFAULT_ALGORITHM;
    private Duration publishLead = DEFAULT_PUBLISH_LEAD;
    private Duration rotationPeriod = DEFAULT_ROTATION_PERIOD;
    private Duration retirementWindow = DEFAULT_RETIREMENT_WINDOW;
    private Duration maxTokenLifetime = DEFAULT_MAX_TOKEN_LIFETIME;
    private Duration clockSkew = DEFAULT_CLOCK_SKEW;
    private Duration maxAge = DEFAULT_MAX_AGE;
    private Duration clientCacheAge = DEFAULT_CLIENT_CACHE_AGE;
    private Duration propagationDelay = DEFAULT_PROPAGATION_DELAY;
    private Duration tick = DEFAULT_TICK;
    private Duration revocationExposure = DEFAULT_REVOCATION_EXPOSURE;

    private Builder() {}

    /**
     * The algorithm new keys are generated for. Default {@link #DEFAULT_ALGORITHM}.
     *
     * @return this builder
     * @throws IllegalArgumentException for a symmetric (HS*) algorithm: ring keys are published
     */
    public Builder algorithm(JwsAlgorithm algorithm) {
      Objects.requireNonNull(algorithm, "algorithm");
      if (algorithm.isSymmetric()) {
        throw new IllegalArgumentException("a key ring's algorithm must be asymmetric: its keys are published");
      }
      this.algorithm = algorithm;
      return this;
    }

    /** {@code L}, positive. Default {@link #DEFAULT_PUBLISH_LEAD}. @return this builder */
    public Builder publishLead(Duration publishLead) {
      this.publishLead = positive(publishLead, "publishLead");
      return this;
    }

    /** {@code R}, positive (at least a minute, checked by {@link #build()}). Default {@link #DEFAULT_ROTATION_PERIOD}. @return this builder */
    public Builder rotationPeriod(Duration rotationPeriod) {
      this.rotationPeriod = positive(rotationPeriod, "rotationPeriod");
      return this;
    }

    /** {@code W}, positive. Default {@link #DEFAULT_RETIREMENT_WINDOW}. @return this builder */
    public Builder retirementWindow(Duration retirementWindow) {
      this.retirementWindow = positive(retirementWindow, "retirementWindow");
      return this;
    }

    /** {@code T}, positive. Default {@link #DEFAULT_MAX_TOKEN_LIFETIME}. @return this builder */
    public Builder maxTokenLifetime(Duration maxTokenLifetime) {
      this.maxTokenLifetime = positive(maxTokenLifetime, "maxTokenLifetime");
      return this;
    }

    /** {@code S}, zero or more. Default {@link #DEFAULT_CLOCK_SKEW}. @return this builder */
    public Builder clockSkew(Duration clockSkew) {
      this.clockSkew = nonNegative(clockSkew, "clockSkew");
      return this;
    }

    /** {@code M}, zero (no caching) or more. Default {@link #DEFAULT_MAX_AGE}. @return this builder */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = nonNegative(maxAge, "maxAge");
      return this;
    }

    /** {@code C}, positive. Default {@link #DEFAULT_CLIENT_CACHE_AGE}. @return this builder */
    public Builder clientCacheAge(Duration clientCacheAge) {
      this.clientCacheAge = positive(clientCacheAge, "clientCacheAge");
      return this;
    }

    /** {@code P}, zero or more. Default {@link #DEFAULT_PROPAGATION_DELAY}. @return this builder */
    public Builder propagationDelay(Duration propagationDelay) {
      this.propagationDelay = nonNegative(propagationDelay, "propagationDelay");
      return this;
    }

    /** {@code Δ}, positive. Default {@link #DEFAULT_TICK}. @return this builder */
    public Builder tick(Duration tick) {
      this.tick = positive(tick, "tick");
      return this;
    }

    /** {@code E}, positive. Default {@link #DEFAULT_REVOCATION_EXPOSURE}. @return this builder */
    public Builder revocationExposure(Duration revocationExposure) {
      this.revocationExposure = positive(revocationExposure, "revocationExposure");
      return this;
    }

    /**
     * Checks every rule and builds the policy.
     *
     * @throws InvalidConfigurationException with {@link KeyRingError#POLICY_INVALID}, listing every
     *     broken rule
     */
    public RotationPolicy build() {
      List<String> problems = new ArrayList<>();
      Duration cPlusP = clientCacheAge.plus(propagationDelay);
      if (publishLead.compareTo(cPlusP) < 0) {
        problems.add("publishLead (L=" + publishLead + ") must be >= clientCacheAge + propagationDelay (C+P="
            + cPlusP + ") so every caching client sees a key before it signs");
      }
      Duration lMinusP = publishLead.minus(propagationDelay);
      if (maxAge.compareTo(lMinusP) > 0) {
        problems.add("maxAge (M=" + maxAge + ") must be <= publishLead - propagationDelay (L-P=" + lMinusP + ")");
      }
      if (maxAge.compareTo(clientCacheAge) > 0) {
        problems.add("maxAge (M=" + maxAge + ") must be <= clientCacheAge (C=" + clientCacheAge
            + "): C is the longest cache assumed");
      }
      Duration mPlusP = maxAge.plus(propagationDelay);
      if (mPlusP.compareTo(revocationExposure) > 0) {
        problems.add("maxAge + propagationDelay (M+P=" + mPlusP + ") must be <= revocationExposure (E="
            + revocationExposure + ")");
      }
      Duration tsd = maxTokenLifetime.plus(clockSkew).plus(tick);
      if (retirementWindow.compareTo(tsd) < 0) {
        problems.add("retirementWindow (W=" + retirementWindow + ") must be >= maxTokenLifetime + clockSkew + tick"
            + " (T+S+tick=" + tsd + ") so tokens signed before retirement verify until they expire");
      }
      if (rotationPeriod.compareTo(publishLead) < 0) {
        problems.add("rotationPeriod (R=" + rotationPeriod + ") must be >= publishLead (L=" + publishLead + ")");
      }
      if (rotationPeriod.compareTo(MINIMUM_ROTATION_PERIOD) < 0) {
        problems.add("rotationPeriod (R=" + rotationPeriod + ") must be at least " + MINIMUM_ROTATION_PERIOD);
      }
      if (retirementWindow.compareTo(rotationPeriod.multipliedBy(10)) > 0) {
        problems.add("retirementWindow (W=" + retirementWindow + ") must be <= 10 x rotationPeriod (10R="
            + rotationPeriod.multipliedBy(10) + ") to bound the published set");
      }
      Duration shortest = publishLead.compareTo(retirementWindow) <= 0 ? publishLead : retirementWindow;
      if (tick.multipliedBy(2).compareTo(shortest) > 0) {
        problems.add("tick (" + tick + ") must be <= half of min(publishLead, retirementWindow) (" + shortest + ")");
      }
      if (!problems.isEmpty()) {
        throw new InvalidConfigurationException(KeyRingError.POLICY_INVALID, "rotation policy", problems);
      }
      return new RotationPolicy(this);
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
