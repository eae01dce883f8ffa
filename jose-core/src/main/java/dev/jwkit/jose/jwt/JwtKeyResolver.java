package dev.jwkit.jose.jwt;

import dev.jwkit.jose.jwk.JwkSet;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a {@link JwtVerifier} finds the keys it may verify a token with (Nimbus's {@code JWKSource}
 * idea): a fixed {@link JwkSet}, a local key ring, a cached remote JWKS, a file.
 *
 * <p>The verifier passes the token's {@code kid} as an opaque string that an attacker chose; an
 * implementation must use it only as a map key (never in a path, query or URL), and may ignore it and
 * return all its keys. The verifier then selects candidates with {@link JwkSet#candidatesFor}, so
 * returning too many keys is safe: private keys, unusable keys and keys of another type are never tried.
 *
 * <p>For {@link JwtVerifier}'s prepared-verifier cache to work, return the same {@code Jwk} instances
 * for as long as the keys do not change (for example one {@code JwkSet} per fetched document).
 *
 * <h2>Thread safety</h2>
 * Implementations must be safe for concurrent use.
 */
@FunctionalInterface
public interface JwtKeyResolver {

  /**
   * The keys that may have signed a token with this {@code kid}.
   *
   * @param kid the token's {@code kid} header, empty when it has none
   * @return the keys; an empty set makes the verification fail with {@code KEY_NOT_FOUND}
   */
  JwkSet keysFor(Optional<String> kid);

  /** A resolver that always returns the same set (the set's own {@code kid} lookup does the rest). */
  static JwtKeyResolver of(JwkSet keys) {
    Objects.requireNonNull(keys, "keys");
    return kid -> keys;
  }
}
