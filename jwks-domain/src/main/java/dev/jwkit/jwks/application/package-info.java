/**
 * The application services, public final classes named for their job: {@link
 * dev.jwkit.jwks.application.KeyRotationService} (start, tick, rotate now, revoke, import — load, plan,
 * compare-and-set save, retry on conflict), {@link dev.jwkit.jwks.application.TokenIssuer} (sign a JWT
 * with the active key through the custody), {@link dev.jwkit.jwks.application.TokenVerifier} (verify a
 * JWT with the keys of a {@link dev.jwkit.jwks.port.KeySource}), {@link
 * dev.jwkit.jwks.application.JwksPublication} (the public JWKS to serve now) and {@link
 * dev.jwkit.jwks.application.RingKeySource} (a local ring as a key source).
 *
 * <p>Services are configured with builders, take a {@link java.time.Clock}, have only final fields and
 * are safe for concurrent use.
 */
@NullMarked
package dev.jwkit.jwks.application;

import org.jspecify.annotations.NullMarked;
