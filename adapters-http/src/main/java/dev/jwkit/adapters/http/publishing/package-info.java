/**
 * Publishing a public JWKS over HTTP.
 *
 * <p>Entry points: {@link dev.jwkit.adapters.http.publishing.JwksEndpoint#builder()} (the
 * framework-neutral handler for {@code GET}/{@code HEAD /.well-known/jwks.json}),
 * {@link dev.jwkit.adapters.http.publishing.UndertowJwksServer#start} (a ring's JWKS served in one call)
 * and {@link dev.jwkit.adapters.http.publishing.UndertowJwksServer#builder()} (the endpoint on an
 * embedded Undertow server, with more routes). Undertow is an optional dependency of this module.
 */
@NullMarked
package dev.jwkit.adapters.http.publishing;

import org.jspecify.annotations.NullMarked;
