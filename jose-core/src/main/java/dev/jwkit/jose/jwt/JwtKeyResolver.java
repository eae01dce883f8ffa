package dev.jwkit.jose.jwt;

import dev.jwkit.jose.jwk.JwkSet;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a {@link JwtVerifier} finds the keys it may verify a token with (Nimbus's {@code JWKSource}
 * idea): a fixed {@link JwkSet} ({@link #of}), a function of the {@code kid} (a lambda), or a key source
 * of jwks-domain (a local key ring, a cached remote JWKS, a JWKS file), which implements this interface.
 *
 * <p>The contract is one method, {@link #resolve}, called once per token with the token's {@code kid}
 * header, or {@code null} when the token has none. The {@code kid} is an opaque string an attacker chose:
 * an implementation must use it only as a map key (never in a path, query or URL), and may ignore it and
 * return all its keys. The verifier then selects candidates with {@link JwkSet#candidatesFor}, so
 * returning too many keys is safe: private keys, unusable keys and keys that do not fit the token's
 * algorithm are never tried. A resolver may refuse a token outright by throwing (for example a key
 * source that knows the {@code kid} was revoked); the exception reaches the caller of {@link
 * JwtVerifier#verify} unchanged.
 *
 * <pre>{@code
 * JwtKeyResolver fixed = JwtKeyResolver.of(jwks);
 * JwtKeyResolver byTenant = kid -> kid == null ? JwkSet.empty() : keysOfTenant(kid);
 * }</pre>
 *
 * <p>For {@link JwtVerifier}'s prepared-verifier cache to work, return the same {@code Jwk} instances
 * for as long as the keys do not change (for example one {@code JwkSet} per fetched document).
 *
 * <h2>Security</h2>
 * The keys a resolver returns are trusted: a verifier accepts a token's algorithm only if the key that
 * verifies it permits it ({@link dev.jwkit.jose.jwk.JwkAlgorithmBinding}), so an {@code oct} key returned
 * here makes HMAC tokens verifiable. A resolver over a public JWKS must therefore never return {@code
 * oct} keys: parse such a document with {@link JwkSet#parsePublic} (jwkit's key sources all do).
 *
 * <h2>Thread safety</h2>
 * Implementations must be safe for concurrent use.
 */
@FunctionalInterface
public interface JwtKeyResolver {

  /**
   * The keys that may have signed a token with this {@code kid}.
   *
   * @param kid the token's {@code kid} header, or {@code null} when the token has none
   * @return the keys; an empty set makes the verification fail with {@code KEY_NOT_FOUND}
   * @throws dev.jwkit.jose.JwkitException to refuse the token or report that no keys are available
   */
  JwkSet resolve(@Nullable String kid);

  /** A resolver that always returns the same set (the set's own {@code kid} lookup does the rest). */
  static JwtKeyResolver of(JwkSet keys) {
    Objects.requireNonNull(keys, "keys");
    return kid -> keys;
  }
}
