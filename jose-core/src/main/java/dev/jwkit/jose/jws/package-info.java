/**
 * JSON Web Signature (RFC 7515): {@link dev.jwkit.jose.jws.JwsHeader}, the strict unverified forms
 * {@link dev.jwkit.jose.jws.CompactJws} and {@link dev.jwkit.jose.jws.FlattenedJws}, and the prepared,
 * thread-safe {@link dev.jwkit.jose.jws.JwsSigner} and {@link dev.jwkit.jose.jws.JwsVerifier}.
 *
 * <p>Entry points: {@code CompactJws.parse(token)} then {@code JwsVerifier.of(key, alg).verify(jws)} to
 * verify; {@code JwsSigner.of(key, alg).signCompact(header, payload)} to sign. RFC 7797 unencoded
 * payloads ({@code "b64": false}, listed in {@code crit}) are supported; {@code b64} is the only critical
 * extension jwkit understands. The general JSON serialization (several signatures) is not supported.
 */
@NullMarked
package dev.jwkit.jose.jws;

import org.jspecify.annotations.NullMarked;
