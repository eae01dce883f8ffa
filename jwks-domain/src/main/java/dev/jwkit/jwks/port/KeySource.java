package dev.jwkit.jwks.port;

import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jose.jwt.JwtKeyResolver;
import dev.jwkit.jwks.model.KeyRingError;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The public keys a verifier may use: a local ring, a remote JWKS cache, a file. Every key source is a
 * jose-core {@link JwtKeyResolver}, so it is handed straight to the verifier:
 *
 * <pre>{@code
 * JwtVerifier verifier = JwtVerifier.builder(keySource)
 *     .expectedIssuer("https://issuer.example").expectedAudience("api://orders")
 *     .build();
 * }</pre>
 *
 * <p>The verifier selects among the keys by {@code kid} and algorithm (jose-core's {@code
 * JwkSet.candidatesFor}); a token whose {@code kid} this source knows to be revoked is refused by {@link
 * #resolve} with {@link KeyRingError#KEY_REVOKED} before any signature work.
 *
 * <p>Adapters: {@code RingKeySource} (application), {@code CachingKeySource} (HTTP), {@code FileKeySource}.
 *
 * <h2>Security</h2>
 * A key source returns public asymmetric keys only: never a private key and never an {@code oct} key, so
 * that a verifier over a published key set can never accept an HMAC token (the verifier takes the
 * algorithm from the key). Implementations enforce this when they load keys, not per token.
 *
 * <h2>Thread safety</h2>
 * Implementations must be safe for concurrent use; {@link #keysFor} is on the hot path of every
 * verification and should not block on I/O when the kid is known.
 */
public interface KeySource extends JwtKeyResolver {

  /**
   * The current trusted public keys.
   *
   * @throws dev.jwkit.jwks.model.KeySourceUnavailableException if no usable set is available (never loaded,
   *     or stale beyond the limit)
   */
  JwkSet keys();

  /**
   * The current keys, for a token whose header names {@code kid}. A source may refresh (rate-limited) when
   * the kid is unknown; the result may still not contain it.
   *
   * @throws dev.jwkit.jwks.model.KeySourceUnavailableException as {@link #keys()}
   */
  default JwkSet keysFor(String kid) {
    return keys();
  }

  /**
   * The kids this source knows to be revoked; a token naming one fails with {@code
   * KeyRingError.KEY_REVOKED}. Sources that cannot know (a remote JWKS) return an empty set.
   */
  default Set<String> revokedKids() {
    return Set.of();
  }

  /**
   * The keys for a token, as the verifier asks for them: {@link #keys()} for a token without a {@code kid},
   * {@link #keysFor(String)} otherwise, after refusing a revoked {@code kid}. Implementations override
   * {@link #keys()}, {@link #keysFor(String)} and {@link #revokedKids()}, not this method.
   *
   * @param kid the token's {@code kid}, or {@code null} when it has none
   * @throws InvalidTokenException {@link KeyRingError#KEY_REVOKED} when {@code kid} is in {@link #revokedKids()}
   * @throws dev.jwkit.jwks.model.KeySourceUnavailableException as {@link #keys()}
   */
  @Override
  default JwkSet resolve(@Nullable String kid) {
    if (kid == null) {
      return keys();
    }
    if (revokedKids().contains(kid)) {
      throw new InvalidTokenException(KeyRingError.KEY_REVOKED, "the token's key was revoked (kid=" + kid + ")");
    }
    return keysFor(kid);
  }
}
