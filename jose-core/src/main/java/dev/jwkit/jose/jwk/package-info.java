/**
 * JSON Web Keys (RFC 7517) and JWK Sets: {@link dev.jwkit.jose.jwk.Jwk#parse} and {@link
 * dev.jwkit.jose.jwk.JwkSet#parse} read and validate keys, {@link dev.jwkit.jose.jwk.JwkGenerator} makes new
 * ones, {@link dev.jwkit.jose.jwk.PublicJwk#of} and {@link dev.jwkit.jose.jwk.PrivateJwk#of} import JCA keys,
 * and {@link dev.jwkit.jose.jwk.JwkAlgorithmBinding#checkUsableFor} is the one rule for whether a key fits a
 * JWS algorithm. RFC 7638 thumbprints and RFC 9278 thumbprint URIs are {@link dev.jwkit.jose.jwk.Thumbprint}s.
 *
 * <p>The type hierarchy separates public from secret material: {@link dev.jwkit.jose.jwk.PublicJwk} (RSA, EC,
 * OKP) has no private member by construction; {@link dev.jwkit.jose.jwk.PrivateJwk} and {@link
 * dev.jwkit.jose.jwk.OctJwk} redact their secrets in {@code toString()} and compare them in constant time.
 * Every failure is a {@link dev.jwkit.jose.JwkitException} with a {@link dev.jwkit.jose.JoseError} code.
 */
@NullMarked
package dev.jwkit.jose.jwk;

import org.jspecify.annotations.NullMarked;
