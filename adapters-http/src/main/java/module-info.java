/**
 * The HTTP adapters: fetching and caching remote JWKS, OpenID/RFC 8414 discovery, and the JWKS
 * publishing endpoint.
 *
 * <p>Reads {@code dev.jwkit.jwks} (and so {@code dev.jwkit.jose}) transitively. Micrometer and Undertow
 * are optional ({@code requires static}, not transitive, so that a consumer compiles without them): only
 * {@code CachingKeySource.Builder.meterRegistry} and {@code UndertowJwksServer} use them, and an
 * application that calls those requires {@code micrometer.core} or {@code undertow.core} itself. Neither
 * ships a module descriptor, so both are automatic modules, which javac would otherwise warn about.
 */
@SuppressWarnings("requires-automatic")
module dev.jwkit.adapters.http {
  requires transitive dev.jwkit.jwks;
  requires java.net.http;
  requires static micrometer.core;
  requires static undertow.core;
  requires static transitive org.jspecify;

  exports dev.jwkit.adapters.http.fetching;
  exports dev.jwkit.adapters.http.publishing;
}
