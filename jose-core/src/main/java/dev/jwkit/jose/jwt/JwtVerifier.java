package dev.jwkit.jose.jwt;

import dev.jwkit.jose.ErrorCode;
import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jose.jws.CompactJws;
import dev.jwkit.jose.jws.JwsHeader;
import dev.jwkit.jose.jws.JwsVerifier;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Verifies signed JWTs (compact JWS) against trusted keys and a set of claim rules, returning a {@link
 * VerifiedJwt} or throwing an {@link InvalidTokenException} with a stable code. It is jwkit's one
 * verifier: built once from where the keys come from, then immutable and shared.
 *
 * <pre>{@code
 * JwtVerifier verifier = JwtVerifier.builder(keys)      // a JwkSet, a JwtKeyResolver or a KeySource
 *     .expectedIssuer("https://issuer.example")
 *     .expectedAudience("api://orders")
 *     .build();
 * VerifiedJwt jwt = verifier.verify(token);
 * }</pre>
 *
 * <p>What a user does not restate (safe defaults, RFC 8725):
 * <ul>
 *   <li><b>algorithms come from the key, never from the token</b>: a token's {@code alg} is accepted
 *       only if the key that verifies it permits it ({@link dev.jwkit.jose.jwk.JwkAlgorithmBinding}: the
 *       key's {@code alg} member when present, otherwise what its {@code kty} and curve permit; HMAC only
 *       with {@code oct} keys; {@code none} never exists). {@link Builder#allowedAlgorithms} narrows this
 *       further; it never widens it;
 *   <li>{@code exp} is required (unless {@link Builder#allowMissingExpiration()});
 *   <li>{@code typ} must be absent or {@code JWT} (unless {@link Builder#expectedType} or {@link
 *       Builder#ignoreType()});
 *   <li>the system UTC clock, with {@link #DEFAULT_CLOCK_SKEW}.
 * </ul>
 * Issuer and audience are explicit decisions: {@link Builder#build()} fails unless each is given, or
 * deliberately skipped with {@link Builder#ignoreIssuer()} / {@link Builder#ignoreAudience()}.
 *
 * <p>A verification runs in this order, so that the cheapest and least revealing checks come first and a
 * claim is never judged before the signature is known to be good:
 * <ol>
 *   <li>structure and size: at most {@link Builder#maxTokenLength} characters, only base64url and dots,
 *       exactly three segments (the JWS JSON serialization and five-segment JWEs are refused);
 *   <li>header: strict JSON, {@code crit}, no {@code b64:false} (RFC 7797 is not for JWTs), the {@code
 *       alg} known ({@code UNSUPPORTED_ALGORITHM}, including {@code none}) and, when {@link
 *       Builder#allowedAlgorithms} was set, in that set ({@code ALGORITHM_NOT_ALLOWED});
 *   <li>keys: the resolver's keys for the {@code kid}, narrowed by {@link JwkSet#candidatesFor} to the
 *       keys that permit the algorithm; each candidate is tried in turn; when none verifies, the most
 *       specific reason wins ({@code SIGNATURE_INVALID} over {@code KEY_MISMATCH} over {@code
 *       KEY_NOT_FOUND}); a {@code kid} naming only keys that do not permit the algorithm is {@code
 *       KEY_MISMATCH};
 *   <li>claims and {@code typ}: see {@link Builder}.
 * </ol>
 *
 * <h2>Security</h2>
 * Keys come only from the {@link JwtKeyResolver}: {@code jwk}, {@code jku}, {@code x5u} and {@code x5c}
 * headers are never used to find or fetch a key. The header's {@code kid} is handed to the resolver as
 * an opaque string. Exception messages and {@link VerificationOutcome}s carry the code, the {@code alg}
 * and the {@code kid}, never the token, a claim value or key material.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use (the prepared-verifier cache is internally
 * synchronized); the {@link Builder} is not.
 */
public final class JwtVerifier {

  /** The default clock skew: one minute, as jose4j's and Nimbus's defaults (Tink's is zero). */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
  /** The largest clock skew accepted: ten minutes. A larger skew hides broken clocks and extends tokens. */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);
  /** The default maximum token length: 32 KiB of characters, far above real tokens (a few KB). */
  public static final int DEFAULT_MAX_TOKEN_LENGTH = 32 * 1024;
  /** The largest maximum token length that can be configured: 1 MiB of characters. */
  public static final int MAX_TOKEN_LENGTH_LIMIT = 1024 * 1024;
  /** The default number of prepared (key, algorithm) verifiers cached: enough for several rotating sets. */
  public static final int DEFAULT_MAX_CACHED_VERIFIERS = 64;

  private final Builder settings;
  private final Set<JwsAlgorithm> algorithms;
  private final JwtKeyResolver resolver;
  private final Clock clock;
  private final int maxTokenLength;
  private final ClaimRules rules;
  private final PreparedVerifiers prepared;
  private final @Nullable VerificationListener listener;

  private JwtVerifier(Builder builder) {
    this.settings = builder.copy();
    this.algorithms = builder.algorithms.isEmpty() ? EnumSet.allOf(JwsAlgorithm.class)
        : EnumSet.copyOf(builder.algorithms);
    this.resolver = builder.resolver;
    this.clock = builder.clock;
    this.maxTokenLength = builder.maxTokenLength;
    this.rules = new ClaimRules(builder.expectedType, builder.ignoreType, builder.issuers, builder.audiences,
        builder.subject, builder.requiredClaims, builder.requireExpiration, builder.maxTokenAge, builder.clockSkew);
    this.prepared = new PreparedVerifiers(builder.maxCachedVerifiers, builder.verifierFactory);
    this.listener = builder.listener;
  }

  /**
   * A builder of a verifier that trusts a fixed set of keys; same as {@code
   * builder(JwtKeyResolver.of(keys))}. The set is trusted as given: an {@code oct} key in it makes HMAC
   * tokens verifiable, so parse a public JWKS document with {@link JwkSet#parsePublic}, which skips every
   * {@code oct} and private key.
   *
   * @param keys the trusted keys
   * @return a builder with the defaults documented on its setters; the issuer and audience decisions remain
   */
  public static Builder builder(JwkSet keys) {
    return builder(JwtKeyResolver.of(keys));
  }

  /**
   * A builder of a verifier whose keys come from a resolver: a lambda of the {@code kid}, or a key source
   * of jwks-domain ({@code RingKeySource}, the HTTP {@code CachingKeySource}, {@code FileKeySource}).
   *
   * @param keys where the trusted keys come from
   * @return a builder with the defaults documented on its setters; the issuer and audience decisions remain
   */
  public static Builder builder(JwtKeyResolver keys) {
    return new Builder(Objects.requireNonNull(keys, "keys"));
  }

  /** A builder with this verifier's settings (keys and listener included), to derive a variant. The cache is not shared. */
  public Builder toBuilder() {
    return settings.copy();
  }

  /**
   * Verifies a compact JWT.
   *
   * @return the verified token
   * @throws InvalidTokenException {@code INPUT_TOO_LARGE}, {@code MALFORMED_INPUT}, {@code
   *     DUPLICATE_MEMBER}, {@code UNSUPPORTED_CRITICAL_HEADER}, {@code UNSUPPORTED_ALGORITHM}, {@code
   *     ALGORITHM_NOT_ALLOWED}, {@code KEY_NOT_FOUND}, {@code KEY_MISMATCH}, {@code SIGNATURE_INVALID},
   *     {@code TYPE_MISMATCH}, {@code TOKEN_EXPIRED}, {@code TOKEN_NOT_YET_VALID}, {@code
   *     TOKEN_AGE_INVALID}, {@code ISSUER_MISMATCH}, {@code AUDIENCE_MISMATCH}, {@code SUBJECT_MISMATCH},
   *     {@code CLAIM_MISSING}, {@code CLAIM_INVALID}
   * @throws JwkitException whatever the {@link JwtKeyResolver} throws (for example a key source that is
   *     unavailable), unchanged
   */
  public VerifiedJwt verify(String token) {
    Objects.requireNonNull(token, "token");
    VerificationListener l = listener;
    if (l != null) {
      return verifyReporting(token, l);
    }
    return verifyParsed(parse(token));
  }

  private CompactJws parse(String token) {
    try {
      return JwtHeaders.parse(token, maxTokenLength);
    } catch (InvalidTokenException e) {
      // The JWT-specific diagnosis (JSON serialization, JWE, segment count) runs only on failure: it
      // accepts exactly what CompactJws.parse accepts, so the valid path scans the token once.
      TokenFormat.checkCompactJws(token, maxTokenLength);
      throw e;
    }
  }

  private VerifiedJwt verifyParsed(CompactJws jws) {
    JwsHeader header = jws.header();
    JwsAlgorithm alg = JwtHeaders.checkForJwt(header, algorithms);

    JwkSet keys = resolver.resolve(header.kid().orElse(null));
    Jwk verifiedWith = KeyTrial.verify(jws, alg, keys, prepared);

    JwtClaims claims = JwtHeaders.claims(jws);
    rules.check(header.typ(), claims, clock.instant());
    return new VerifiedJwt(header, claims, alg, verifiedWith);
  }

  /** The verification with one outcome reported; the listener sees the result, and cannot change it. */
  private VerifiedJwt verifyReporting(String token, VerificationListener l) {
    @Nullable JwsHeader header = null;
    try {
      CompactJws jws = parse(token);
      header = jws.header();
      VerifiedJwt verified = verifyParsed(jws);
      report(l, header, Optional.empty());
      return verified;
    } catch (JwkitException e) {
      report(l, header, Optional.of(e.code()));
      throw e;
    }
  }

  private void report(VerificationListener l, @Nullable JwsHeader header, Optional<ErrorCode> failure) {
    try {
      l.onOutcome(new VerificationOutcome(clock.instant(),
          header == null ? Optional.empty() : header.kid(),
          header == null ? Optional.empty() : Optional.of(header.alg().jwaName()), failure));
    } catch (RuntimeException ignored) {
      // A listener must not change the verification result (VerificationListener's contract).
    }
  }

  /** The number of prepared verifiers currently cached (for tests and diagnostics). */
  int cachedVerifierCount() {
    return prepared.size();
  }

  /**
   * A builder of {@link JwtVerifier}. Setters check their argument at once; {@link #build()} checks the
   * combination.
   *
   * <p>Claim and {@code typ} rules, all applied only after the signature has verified, in this order:
   * <ul>
   *   <li>{@code typ}: with {@link #expectedType}, the header must name that type (RFC 7515 §4.1.9
   *       comparison: case-insensitive, {@code application/} prefix optional); with {@link #ignoreType()}
   *       anything goes; by default only an absent {@code typ} or {@code JWT} is accepted, so that a
   *       verifier for plain JWTs never accepts explicitly typed tokens such as {@code at+jwt} (RFC 8725
   *       §3.11–3.12);
   *   <li>{@code exp}: the clock must be before {@code exp + skew}; a missing {@code exp} is {@code
   *       CLAIM_MISSING} unless {@link #allowMissingExpiration()};
   *   <li>{@code nbf}: must not be after {@code now + skew};
   *   <li>{@code iat}: must not be after {@code now + skew}; with {@link #maxTokenAge} it is required and
   *       must not be before {@code now - maxAge - skew};
   *   <li>{@code iss}: exactly one of the expected issuers (case-sensitive, no normalization);
   *   <li>{@code aud}: a string or an array, one element of which is an expected audience;
   *   <li>{@code sub}: equal to {@link #expectedSubject}, when set;
   *   <li>every {@link #requiredClaims} name present.
   * </ul>
   * A claim the rules need but the token lacks is {@code CLAIM_MISSING}.
   */
  public static final class Builder {

    private final JwtKeyResolver resolver;
    private Set<JwsAlgorithm> algorithms = Set.of();
    private Set<String> issuers = Set.of();
    private boolean ignoreIssuer;
    private Set<String> audiences = Set.of();
    private boolean ignoreAudience;
    private Optional<String> expectedType = Optional.empty();
    private boolean ignoreType;
    private Optional<String> subject = Optional.empty();
    private Set<String> requiredClaims = Set.of();
    private boolean requireExpiration = true;
    private Optional<Duration> maxTokenAge = Optional.empty();
    private Clock clock = Clock.systemUTC();
    private Duration clockSkew = DEFAULT_CLOCK_SKEW;
    private int maxTokenLength = DEFAULT_MAX_TOKEN_LENGTH;
    private int maxCachedVerifiers = DEFAULT_MAX_CACHED_VERIFIERS;
    private BiFunction<Jwk, JwsAlgorithm, JwsVerifier> verifierFactory = JwsVerifier::of;
    private @Nullable VerificationListener listener;

    private Builder(JwtKeyResolver resolver) {
      this.resolver = resolver;
    }

    /**
     * Narrows the algorithms a token may use; any other {@code alg} fails with {@code
     * ALGORITHM_NOT_ALLOWED} before a key is looked at. Optional: by default the algorithm is the key's
     * decision (its {@code alg} member, or what its type and curve permit), and this set can only narrow
     * that, never let a key verify an algorithm it does not permit.
     *
     * @return this builder
     */
    public Builder allowedAlgorithms(JwsAlgorithm first, JwsAlgorithm... more) {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(more, "more");
      EnumSet<JwsAlgorithm> set = EnumSet.of(first, more);
      return allowedAlgorithms(set);
    }

    /**
     * The algorithms a token may use, replacing any earlier choice.
     *
     * @return this builder
     * @throws IllegalArgumentException if the set is empty
     */
    public Builder allowedAlgorithms(Set<JwsAlgorithm> algorithms) {
      Objects.requireNonNull(algorithms, "algorithms");
      if (algorithms.isEmpty()) {
        throw new IllegalArgumentException("allowedAlgorithms must not be empty");
      }
      this.algorithms = Set.copyOf(algorithms);
      return this;
    }

    /**
     * The one issuer accepted, compared exactly. Either this (or {@link #expectedIssuers}) or {@link
     * #ignoreIssuer()} is required.
     *
     * @return this builder
     * @throws IllegalArgumentException if the issuer is empty
     */
    public Builder expectedIssuer(String issuer) {
      return expectedIssuers(Set.of(nonEmpty(issuer, "issuer")));
    }

    /**
     * The issuers accepted, each compared exactly, replacing any earlier choice.
     *
     * @return this builder
     * @throws IllegalArgumentException if the set or an issuer is empty
     */
    public Builder expectedIssuers(Set<String> issuers) {
      this.issuers = nonEmptySet(issuers, "issuers");
      return this;
    }

    /** Accepts any issuer, and a missing {@code iss}: a deliberate choice, not a default. @return this builder */
    public Builder ignoreIssuer() {
      this.ignoreIssuer = true;
      return this;
    }

    /**
     * The one audience this verifier is, compared exactly against the string or each array element of
     * {@code aud}. Either this (or {@link #expectedAudiences}) or {@link #ignoreAudience()} is required.
     *
     * @return this builder
     * @throws IllegalArgumentException if the audience is empty
     */
    public Builder expectedAudience(String audience) {
      return expectedAudiences(Set.of(nonEmpty(audience, "audience")));
    }

    /**
     * The audiences accepted (one match is enough), replacing any earlier choice.
     *
     * @return this builder
     * @throws IllegalArgumentException if the set or an audience is empty
     */
    public Builder expectedAudiences(Set<String> audiences) {
      this.audiences = nonEmptySet(audiences, "audiences");
      return this;
    }

    /** Accepts any audience, and a missing {@code aud}: a deliberate choice, not a default. @return this builder */
    public Builder ignoreAudience() {
      this.ignoreAudience = true;
      return this;
    }

    /**
     * The {@code typ} header the token must carry, for example {@code at+jwt} (RFC 9068) or {@code
     * application/at+jwt} (the same). Without this or {@link #ignoreType()}, only an absent {@code typ}
     * or {@code JWT} is accepted.
     *
     * @return this builder
     * @throws IllegalArgumentException if the type is empty, has spaces or control characters, or has a
     *     slash other than an {@code application/} prefix
     */
    public Builder expectedType(String type) {
      Objects.requireNonNull(type, "type");
      if (!TokenType.isValidConfigured(type)) {
        throw new IllegalArgumentException("expectedType is not a valid media type name");
      }
      this.expectedType = Optional.of(type);
      return this;
    }

    /** Accepts any {@code typ} header, or none. @return this builder */
    public Builder ignoreType() {
      this.ignoreType = true;
      return this;
    }

    /**
     * The subject the token must have ({@code sub}, compared exactly). By default any subject, or none.
     *
     * @return this builder
     * @throws IllegalArgumentException if the subject is empty
     */
    public Builder expectedSubject(String subject) {
      this.subject = Optional.of(nonEmpty(subject, "subject"));
      return this;
    }

    /**
     * Claims that must be present (with any value), replacing any earlier choice; default none.
     *
     * @return this builder
     * @throws IllegalArgumentException if a name is empty
     */
    public Builder requiredClaims(String... names) {
      Objects.requireNonNull(names, "names");
      Set<String> set = new LinkedHashSet<>();
      for (String name : names) {
        set.add(nonEmpty(name, "claim name"));
      }
      this.requiredClaims = Set.copyOf(set);
      return this;
    }

    /** Accepts tokens without {@code exp} (which then never expire): a deliberate choice. @return this builder */
    public Builder allowMissingExpiration() {
      this.requireExpiration = false;
      return this;
    }

    /**
     * The maximum age of a token, measured from {@code iat} (then required). By default no limit.
     *
     * @return this builder
     * @throws IllegalArgumentException if the age is zero or negative
     */
    public Builder maxTokenAge(Duration maxAge) {
      Objects.requireNonNull(maxAge, "maxAge");
      if (maxAge.isZero() || maxAge.isNegative()) {
        throw new IllegalArgumentException("maxTokenAge must be positive");
      }
      this.maxTokenAge = Optional.of(maxAge);
      return this;
    }

    /** The clock the time claims are checked against. Default {@link Clock#systemUTC()}. @return this builder */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The tolerance for clock differences between issuer and verifier, applied to {@code exp}, {@code
     * nbf}, {@code iat} and the maximum age. Default {@link #DEFAULT_CLOCK_SKEW} (60 s); zero allowed.
     *
     * @return this builder
     * @throws IllegalArgumentException if negative or above {@link #MAX_CLOCK_SKEW} (10 minutes)
     */
    public Builder clockSkew(Duration skew) {
      Objects.requireNonNull(skew, "skew");
      if (skew.isNegative() || skew.compareTo(MAX_CLOCK_SKEW) > 0) {
        throw new IllegalArgumentException("clockSkew must be between 0 and " + MAX_CLOCK_SKEW);
      }
      this.clockSkew = skew;
      return this;
    }

    /**
     * The longest token accepted, in characters; longer ones fail with {@code INPUT_TOO_LARGE} before
     * any decoding. Default {@link #DEFAULT_MAX_TOKEN_LENGTH} (32 KiB).
     *
     * @return this builder
     * @throws IllegalArgumentException if below 16 or above {@link #MAX_TOKEN_LENGTH_LIMIT} (1 MiB)
     */
    public Builder maxTokenLength(int maxLength) {
      if (maxLength < 16 || maxLength > MAX_TOKEN_LENGTH_LIMIT) {
        throw new IllegalArgumentException("maxTokenLength must be between 16 and " + MAX_TOKEN_LENGTH_LIMIT);
      }
      this.maxTokenLength = maxLength;
      return this;
    }

    /**
     * How many prepared (key instance, algorithm) verifiers to keep, least recently used evicted first.
     * Default {@link #DEFAULT_MAX_CACHED_VERIFIERS} (64).
     *
     * @return this builder
     * @throws IllegalArgumentException if below 1 or above 10,000
     */
    public Builder maxCachedVerifiers(int maxCached) {
      if (maxCached < 1 || maxCached > 10_000) {
        throw new IllegalArgumentException("maxCachedVerifiers must be between 1 and 10000");
      }
      this.maxCachedVerifiers = maxCached;
      return this;
    }

    /**
     * Receives one {@link VerificationOutcome} per verification (verified or refused, with the reason
     * code), for metrics or an audit log; replaces any earlier listener. A listener that throws is ignored:
     * it cannot change the result. Default none, and then no outcome is even created.
     *
     * @return this builder
     */
    public Builder listener(VerificationListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Test seam: how a verifier is prepared for a key and an algorithm. */
    Builder verifierFactory(BiFunction<Jwk, JwsAlgorithm, JwsVerifier> factory) {
      this.verifierFactory = Objects.requireNonNull(factory, "factory");
      return this;
    }

    /**
     * The verifier.
     *
     * @throws IllegalStateException when neither or both of an issuer and {@code ignoreIssuer()} (or an
     *     audience and {@code ignoreAudience()}) were given, or both a type and {@code ignoreType()}
     */
    public JwtVerifier build() {
      requireOneOf(!issuers.isEmpty(), ignoreIssuer, "expectedIssuer", "ignoreIssuer()");
      requireOneOf(!audiences.isEmpty(), ignoreAudience, "expectedAudience", "ignoreAudience()");
      if (expectedType.isPresent() && ignoreType) {
        throw new IllegalStateException("expectedType and ignoreType() cannot be used together");
      }
      return new JwtVerifier(this);
    }

    private static void requireOneOf(boolean configured, boolean ignored, String setting, String ignore) {
      if (configured && ignored) {
        throw new IllegalStateException(setting + " and " + ignore + " cannot be used together");
      }
      if (!configured && !ignored) {
        throw new IllegalStateException(setting + " is required, or call " + ignore + " to skip that check explicitly");
      }
    }

    private Builder copy() {
      Builder b = new Builder(resolver);
      b.algorithms = algorithms;
      b.issuers = issuers;
      b.ignoreIssuer = ignoreIssuer;
      b.audiences = audiences;
      b.ignoreAudience = ignoreAudience;
      b.expectedType = expectedType;
      b.ignoreType = ignoreType;
      b.subject = subject;
      b.requiredClaims = requiredClaims;
      b.requireExpiration = requireExpiration;
      b.maxTokenAge = maxTokenAge;
      b.clock = clock;
      b.clockSkew = clockSkew;
      b.maxTokenLength = maxTokenLength;
      b.maxCachedVerifiers = maxCachedVerifiers;
      b.verifierFactory = verifierFactory;
      b.listener = listener;
      return b;
    }

    private static String nonEmpty(String value, String what) {
      Objects.requireNonNull(value, what);
      if (value.isEmpty()) {
        throw new IllegalArgumentException(what + " must not be empty");
      }
      return value;
    }

    private static Set<String> nonEmptySet(Set<String> values, String what) {
      Objects.requireNonNull(values, what);
      if (values.isEmpty()) {
        throw new IllegalArgumentException(what + " must not be empty");
      }
      for (String value : values) {
        nonEmpty(value, what + " element");
      }
      return Set.copyOf(values);
    }
  }
}
