/**
 * JSON Web Tokens (RFC 7519) on compact JWS, with the validation rules of RFC 8725.
 *
 * <p>{@link dev.jwkit.jose.jwt.JwtClaims} is the claims set (registered claims with typed accessors,
 * custom claims, strict parsing).
 */
@NullMarked
package dev.jwkit.jose.jwt;

import org.jspecify.annotations.NullMarked;
