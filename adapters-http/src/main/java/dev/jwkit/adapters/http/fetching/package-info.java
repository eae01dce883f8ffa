/**
 * Fetching remote JWKS safely and caching them for verifiers.
 *
 * <p>Entry points: {@link dev.jwkit.adapters.http.fetching.HttpJwksFetcher#builder()} (one HTTP fetch
 * with safe defaults), {@link dev.jwkit.adapters.http.fetching.CachingKeySource#builder()} (the key
 * source verifiers use), {@link dev.jwkit.adapters.http.fetching.IssuerDiscovery} (OpenID Connect and
 * RFC 8414 metadata), {@link dev.jwkit.adapters.http.fetching.MultiIssuerKeySource} (a bounded set of
 * trusted issuers). Events go to the domain's {@link dev.jwkit.jwks.port.KeySourceListener}; Micrometer
 * meters ({@code CachingKeySource.Builder#meterRegistry}) are an adapter of it, and Micrometer is an
 * optional dependency loaded only then. Failures are {@link dev.jwkit.jwks.model.KeySourceUnavailableException}s with stable
 * codes ({@link dev.jwkit.adapters.http.fetching.HttpJwksError}).
 */
@NullMarked
package dev.jwkit.adapters.http.fetching;

import org.jspecify.annotations.NullMarked;
