package dev.jwkit.jwks.port;

import dev.jwkit.jose.jwk.JwkSet;
import java.util.Set;

/**
 * The public keys a verifier may use: a local ring, a remote JWKS cache, a file. The domain's {@code
 * TokenVerifier} selects among them by {@code kid} and algorithm (jose-core's {@code
 * JwkSet.candidatesFor}).
 *
 * <p>Adapters: {@code RingKeySource} (application), {@code CachingKeySource} (HTTP), {@code FileKeySource}.
 *
 * <h2>Thread safety</h2>
 * Implementations must be safe for concurrent use; {@link #keysFor} is on the hot path of every
 * verification and should not block on I/O when the kid is known.
 */
public interface KeySource {

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
}
