package dev.jwkit.jwks.application;

import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwt.JwtVerifier;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link TokenVerifier} accepts: allowed algorithms (required, there is no "any"), expected issuers
 * and audiences (or an explicit {@code ignoreIssuer()}/{@code ignoreAudience()}), {@code typ}, clock
 * skew, required claims, maximum token age, and whether {@code exp} may be missing (it may not, by
 * default). The rules are jose-core's {@link JwtVerifier} rules; this value only carries them.
 *
 * <pre>{@code
 * VerificationPolicy policy = VerificationPolicy.builder()
 *     .allowedAlgorithms(JwsAlgorithm.ES256)
 *     .expectedIssuer("https://issuer.example")
 *     .expectedAudience("api")
 *     .build();
 * }</pre>
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use; builders are not.
 */
public final class VerificationPolicy {

  /** Default verifier leeway: jose-core's {@link JwtVerifier#DEFAULT_CLOCK_SKEW} (60 s; Nimbus 60 s). */
  public static final Duration DEFAULT_CLOCK_SKEW = JwtVerifier.DEFAULT_CLOCK_SKEW;

  private final Set<JwsAlgorithm> algorithms;
  private final Set<String> issuers;
  private final boolean ignoreIssuer;
  private final Set<String> audiences;
  private final boolean ignoreAudience;
  private final Optional<String> expectedType;
  private final boolean ignoreType;
  private final Set<String> requiredClaims;
  private final Optional<Duration> maxTokenAge;
  private final Duration clockSkew;
  private final boolean allowMissingExpiration;

  private VerificationPolicy(Builder b) {
    this.algorithms = Set.copyOf(b.algorithms);
    this.issuers = Set.copyOf(b.issuers);
    this.ignoreIssuer = b.ignoreIssuer;
    this.audiences = Set.copyOf(b.audiences);
    this.ignoreAudience = b.ignoreAudience;
    this.expectedType = b.expectedType;
    this.ignoreType = b.ignoreType;
    this.requiredClaims = Set.copyOf(b.requiredClaims);
    this.maxTokenAge = b.maxTokenAge;
    this.clockSkew = b.clockSkew;
    this.allowMissingExpiration = b.allowMissingExpiration;
  }

  /** A builder with no algorithms, issuers or audiences set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The allowed algorithms. */
  public Set<JwsAlgorithm> allowedAlgorithms() {
    return algorithms;
  }

  /** The expected issuers (empty when ignored). */
  public Set<String> expectedIssuers() {
    return issuers;
  }

  /** The expected audiences (empty when ignored). */
  public Set<String> expectedAudiences() {
    return audiences;
  }

  /** The verifier leeway. */
  public Duration clockSkew() {
    return clockSkew;
  }

  /** A jose-core verifier builder carrying these rules (keys and clock still to be set). */
  JwtVerifier.Builder toJwtVerifierBuilder() {
    JwtVerifier.Builder b = JwtVerifier.builder().allowedAlgorithms(algorithms).clockSkew(clockSkew);
    if (ignoreIssuer) {
      b.ignoreIssuer();
    } else {
      b.expectedIssuers(issuers);
    }
    if (ignoreAudience) {
      b.ignoreAudience();
    } else {
      b.expectedAudiences(audiences);
    }
    expectedType.ifPresent(b::expectedType);
    if (ignoreType) {
      b.ignoreType();
    }
    if (!requiredClaims.isEmpty()) {
      b.requiredClaims(requiredClaims.toArray(new String[0]));
    }
    maxTokenAge.ifPresent(b::maxTokenAge);
    if (allowMissingExpiration) {
      b.allowMissingExpiration();
    }
    return b;
  }

  @Override
  public String toString() {
    return "VerificationPolicy[algs=" + algorithms + ", issuers=" + (ignoreIssuer ? "<ignored>" : issuers)
        + ", audiences=" + (ignoreAudience ? "<ignored>" : audiences) + ", skew=" + clockSkew + "]";
  }

  /** A builder of {@link VerificationPolicy}; not thread-safe. */
  public static final class Builder {
    private Set<JwsAlgorithm> algorithms = EnumSet.noneOf(JwsAlgorithm.class);
    private Set<String> issuers = new LinkedHashSet<>();
    private boolean ignoreIssuer;
    private Set<String> audiences = new LinkedHashSet<>();
    private boolean ignoreAudience;
    private Optional<String> expectedType = Optional.empty();
    private boolean ignoreType;
    private Set<String> requiredClaims = new LinkedHashSet<>();
    private Optional<Duration> maxTokenAge = Optional.empty();
    private Duration clockSkew = DEFAULT_CLOCK_SKEW;
    private boolean allowMissingExpiration;

    private Builder() {}

    /** The algorithms tokens may use (required, at least one). @return this builder */
    public Builder allowedAlgorithms(JwsAlgorithm first, JwsAlgorithm... more) {
      Objects.requireNonNull(first, "first");
      algorithms.add(first);
      for (JwsAlgorithm a : more) {
        algorithms.add(Objects.requireNonNull(a, "algorithm"));
      }
      return this;
    }

    /** The algorithms tokens may use (required, at least one). @return this builder */
    public Builder allowedAlgorithms(Set<JwsAlgorithm> algs) {
      Objects.requireNonNull(algs, "algs").forEach(a -> algorithms.add(Objects.requireNonNull(a, "algorithm")));
      return this;
    }

    /** An accepted {@code iss}; may be called several times. @return this builder */
    public Builder expectedIssuer(String issuer) {
      issuers.add(Objects.requireNonNull(issuer, "issuer"));
      return this;
    }

    /** Accept any issuer (an explicit, risky choice). @return this builder */
    public Builder ignoreIssuer() {
      ignoreIssuer = true;
      return this;
    }

    /** An accepted {@code aud}; may be called several times. @return this builder */
    public Builder expectedAudience(String audience) {
      audiences.add(Objects.requireNonNull(audience, "audience"));
      return this;
    }

    /** Accept any audience (an explicit, risky choice). @return this builder */
    public Builder ignoreAudience() {
      ignoreAudience = true;
      return this;
    }

    /** The {@code typ} tokens must carry (default: absent or {@code JWT}). @return this builder */
    public Builder expectedType(String type) {
      expectedType = Optional.of(Objects.requireNonNull(type, "type"));
      return this;
    }

    /** Accept any {@code typ}. @return this builder */
    public Builder ignoreType() {
      ignoreType = true;
      return this;
    }

    /** Claims that must be present. @return this builder */
    public Builder requiredClaims(String... names) {
      requiredClaims.addAll(List.of(names));
      return this;
    }

    /** The maximum age of a token by its {@code iat} (makes {@code iat} required). @return this builder */
    public Builder maxTokenAge(Duration maxAge) {
      Objects.requireNonNull(maxAge, "maxAge");
      if (maxAge.isNegative() || maxAge.isZero()) {
        throw new IllegalArgumentException("maxTokenAge must be positive");
      }
      maxTokenAge = Optional.of(maxAge);
      return this;
    }

    /**
     * The leeway for {@code exp}, {@code nbf} and {@code iat}; zero or more, at most jose-core's {@link
     * JwtVerifier#MAX_CLOCK_SKEW}. Default {@link #DEFAULT_CLOCK_SKEW}.
     *
     * @return this builder
     */
    public Builder clockSkew(Duration skew) {
      Objects.requireNonNull(skew, "skew");
      if (skew.isNegative() || skew.compareTo(JwtVerifier.MAX_CLOCK_SKEW) > 0) {
        throw new IllegalArgumentException("clockSkew must be between 0 and " + JwtVerifier.MAX_CLOCK_SKEW);
      }
      clockSkew = skew;
      return this;
    }

    /** Accept tokens without {@code exp} (an explicit, risky choice). @return this builder */
    public Builder allowMissingExpiration() {
      allowMissingExpiration = true;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @throws IllegalStateException when no algorithm is allowed, when neither or both of an issuer and
     *     {@code ignoreIssuer()} (likewise audience, type) were given
     */
    public VerificationPolicy build() {
      if (algorithms.isEmpty()) {
        throw new IllegalStateException("allowedAlgorithms is required: there is no default set of algorithms");
      }
      requireOneOf(!issuers.isEmpty(), ignoreIssuer, "expectedIssuer", "ignoreIssuer()");
      requireOneOf(!audiences.isEmpty(), ignoreAudience, "expectedAudience", "ignoreAudience()");
      if (expectedType.isPresent() && ignoreType) {
        throw new IllegalStateException("expectedType and ignoreType() cannot be used together");
      }
      return new VerificationPolicy(this);
    }

    private static void requireOneOf(boolean configured, boolean ignored, String setting, String ignore) {
      if (configured && ignored) {
        throw new IllegalStateException(setting + " and " + ignore + " cannot be used together");
      }
      if (!configured && !ignored) {
        throw new IllegalStateException(setting + " is required, or call " + ignore + " to skip that check");
      }
    }
  }
}
