/**
 * Cross-cutting types of jose-core: the exception hierarchy ({@link dev.jwkit.jose.JwkitException}, with
 * a stable {@link dev.jwkit.jose.ErrorCode} on every failure) and strict base64url ({@link
 * dev.jwkit.jose.Base64Url}).
 *
 * <p>The JOSE types live in subpackages that follow the specifications: {@code jwk}, {@code jwa},
 * {@code jws}, {@code jwt}, {@code pem}. Nothing under {@code internal} is API.
 */
@NullMarked
package dev.jwkit.jose;

import org.jspecify.annotations.NullMarked;
