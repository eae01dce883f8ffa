/**
 * The application services, public final classes named for their job: {@link
 * dev.jwkit.jwks.application.KeyRotationService} (start, tick, rotate now, revoke, import — load, plan,
 * compare-and-set save, retry on conflict), {@link dev.jwkit.jwks.application.JwtIssuer} (issue a JWT
 * from a ring: the active key signs through the custody; {@code JwtIssuer.of(repository, custody)}),
 * {@link dev.jwkit.jwks.application.JwksPublication} (the public JWKS to serve now) and {@link
 * dev.jwkit.jwks.application.RingKeySource} (a local ring as a key source, which jose-core's {@code
 * JwtVerifier.builder(..)} takes directly: tokens are verified by jose-core's one verifier).
 *
 * <p>Services are configured with builders whose required parts are arguments ({@code
 * JwtIssuer.builder(repository, custody)}); they read time from a {@link java.time.Clock}, the system UTC
 * clock unless one is given; they have only final fields and are safe for concurrent use.
 */
@NullMarked
package dev.jwkit.jwks.application;

import org.jspecify.annotations.NullMarked;
