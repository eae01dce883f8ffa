/**
 * JSON Web Tokens (RFC 7519) on compact JWS, validated by the rules of RFC 8725.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link dev.jwkit.jose.jwt.JwtClaims}: the claims set, built with {@code JwtClaims.builder()} or
 *       parsed strictly; registered claims have typed accessors.
 *   <li>{@link dev.jwkit.jose.jwt.JwtSigner}: creates a signed JWT ({@code alg}, {@code kid} and {@code
 *       typ} set from the key and the settings).
 *   <li>{@link dev.jwkit.jose.jwt.JwtVerifier}: jwkit's one verifier, configured with {@code
 *       JwtVerifier.builder(keys)} (the keys as a {@code JwkSet} or a {@link
 *       dev.jwkit.jose.jwt.JwtKeyResolver}; issuer and audience decisions; optionally {@code typ}, clock
 *       and skew, required claims, maximum age, narrower algorithms, a {@link
 *       dev.jwkit.jose.jwt.VerificationListener}) and returning a {@link dev.jwkit.jose.jwt.VerifiedJwt},
 *       which only the verifier can create. Algorithms come from the key, never from the token.
 *   <li>{@link dev.jwkit.jose.jwt.UnverifiedJwt}: a read of a token's header and claims without any
 *       verification, for routing and inspection only.
 * </ul>
 *
 * <p>Every failure is a {@link dev.jwkit.jose.InvalidTokenException} (or, for claims built by the
 * caller, an {@link java.lang.IllegalArgumentException}) with a stable {@link dev.jwkit.jose.JoseError}
 * code; messages never contain the token, claim values or key material.
 */
@NullMarked
package dev.jwkit.jose.jwt;

import org.jspecify.annotations.NullMarked;
