package dev.jwkit.jwks.application;

import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jose.jws.JwsHeader;
import dev.jwkit.jose.jwt.JwtKeyResolver;
import dev.jwkit.jose.jwt.JwtVerifier;
import dev.jwkit.jose.jwt.UnverifiedJwt;
import dev.jwkit.jwks.model.KeyRingError;
import dev.jwkit.jwks.port.KeySource;
import dev.jwkit.jwks.port.VerificationListener;
import dev.jwkit.jwks.port.VerificationOutcome;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Verifies JWTs with the public keys of a {@link KeySource} under a {@link VerificationPolicy}.
 *
 * <p>It wraps jose-core's {@link JwtVerifier}: the header is parsed strictly, the algorithm must be
 * allowed, the key is selected by {@code kid} (and with no {@code kid} only among keys whose type,
 * {@code alg}, {@code use} and {@code key_ops} fit, by {@code JwkSet.candidatesFor}), prepared JCA
 * verifiers are cached per key, and claims are checked only after the signature. In addition, a token
 * whose {@code kid} names a key the source knows to be revoked fails with its own code {@link
 * KeyRingError#KEY_REVOKED}, before any signature work.
 *
 * <pre>{@code
 * TokenVerifier verifier = TokenVerifier.builder()
 *     .keySource(RingKeySource.builder().repository(repository).clock(clock).build())
 *     .policy(VerificationPolicy.builder().allowedAlgorithms(JwsAlgorithm.ES256)
 *         .expectedIssuer("https://issuer.example").expectedAudience("api").build())
 *     .clock(clock)
 *     .build();
 * VerifiedToken token = verifier.verify(compact);
 * }</pre>
 *
 * <h2>Security</h2>
 * Every refusal is an {@link InvalidTokenException} with a stable code (jose-core's codes, or {@link
 * KeyRingError#KEY_REVOKED}); an unavailable key source fails closed with its own exception ({@code
 * KeySourceUnavailableException}), never by accepting the token. Messages and listener outcomes never
 * contain the token or its claims.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use.
 */
public final class TokenVerifier {

  private final JwtVerifier verifier;
  private final Clock clock;
  private final VerificationListener listener;
  private final VerificationPolicy policy;

  private TokenVerifier(Builder b) {
    KeySource source = Objects.requireNonNull(b.source, "keySource");
    this.policy = Objects.requireNonNull(b.policy, "policy");
    this.clock = Objects.requireNonNull(b.clock, "clock");
    this.listener = b.listener;
    this.verifier = policy.toJwtVerifierBuilder().clock(clock).keyResolver(resolver(source)).build();
  }

  /** A builder; key source, policy and clock are required. */
  public static Builder builder() {
    return new Builder();
  }

  private static JwtKeyResolver resolver(KeySource source) {
    return kid -> {
      if (kid.isPresent() && source.revokedKids().contains(kid.get())) {
        throw new InvalidTokenException(KeyRingError.KEY_REVOKED, "the token's key was revoked (kid=" + kid.get() + ")");
      }
      JwkSet keys = kid.isPresent() ? source.keysFor(kid.get()) : source.keys();
      return keys;
    };
  }

  /**
   * Verifies a compact JWT.
   *
   * @throws InvalidTokenException with a jose-core code ({@code jws.signature_invalid}, {@code
   *     jwt.expired}, {@code jwk.key_not_found}, …) or {@link KeyRingError#KEY_REVOKED}
   * @throws dev.jwkit.jwks.model.KeySourceUnavailableException if the key source cannot provide keys
   */
  public VerifiedToken verify(String token) {
    Objects.requireNonNull(token, "token");
    try {
      VerifiedToken verified = new VerifiedToken(verifier.verify(token));
      report(new VerificationOutcome(clock.instant(), verified.kid(), Optional.of(verified.algorithm().jwaName()),
          Optional.empty()));
      return verified;
    } catch (JwkitException e) {
      Optional<JwsHeader> header = headerOf(token);
      report(new VerificationOutcome(clock.instant(), header.flatMap(JwsHeader::kid),
          header.map(h -> h.alg().jwaName()), Optional.of(e.code())));
      throw e;
    }
  }

  private static Optional<JwsHeader> headerOf(String token) {
    try {
      return Optional.of(UnverifiedJwt.parse(token).unverifiedHeader());
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  private void report(VerificationOutcome outcome) {
    try {
      listener.onOutcome(outcome);
    } catch (RuntimeException ignored) {
      // A listener must not change the verification result (VerificationListener's contract).
    }
  }

  /** The policy this verifier applies. */
  public VerificationPolicy policy() {
    return policy;
  }

  @Override
  public String toString() {
    return "TokenVerifier[" + policy + "]";
  }

  /** A builder of {@link TokenVerifier}; not thread-safe. */
  public static final class Builder {
    private @Nullable KeySource source;
    private @Nullable VerificationPolicy policy;
    private @Nullable Clock clock;
    private VerificationListener listener = VerificationListener.NONE;

    private Builder() {}

    /** Where the public keys come from (required). @return this builder */
    public Builder keySource(KeySource source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /** What tokens are accepted (required). @return this builder */
    public Builder policy(VerificationPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The clock for {@code exp}, {@code nbf}, {@code iat} (required). @return this builder */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Receives every outcome. Default: none. @return this builder */
    public Builder listener(VerificationListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @throws IllegalStateException if the key source, the policy or the clock is missing
     */
    public TokenVerifier build() {
      if (source == null || policy == null || clock == null) {
        throw new IllegalStateException("keySource, policy and clock are required");
      }
      return new TokenVerifier(this);
    }
  }
}
