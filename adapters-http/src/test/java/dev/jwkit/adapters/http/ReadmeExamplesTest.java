package dev.jwkit.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.adapters.http.fetching.CachingKeySource;
import dev.jwkit.adapters.http.fetching.HttpJwksFetcher;
import dev.jwkit.adapters.http.publishing.EndpointRequest;
import dev.jwkit.adapters.http.publishing.EndpointResponse;
import dev.jwkit.adapters.http.publishing.JwksDocument;
import dev.jwkit.adapters.http.publishing.JwksEndpoint;
import dev.jwkit.adapters.http.publishing.UndertowJwksServer;
import dev.jwkit.adapters.http.testing.MemoryLastKnownGoodStore;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jwks.application.JwksPublication;
import dev.jwkit.jwks.application.KeyRotationService;
import dev.jwkit.jwks.inmemory.InMemoryKeyRingRepository;
import dev.jwkit.jwks.custody.LocalKeyCustody;
import dev.jwkit.jwks.model.RotationPolicy;
import dev.jwkit.jwks.port.KeyRingRepository;
import dev.jwkit.jwks.port.KeySourceEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The Java examples of README.md, run: each region is copied into the README and checked by {@link ReadmeTest}. */
class ReadmeExamplesTest {

  /** A ring's JWKS served, then the caching source reading it back over loopback. */
  @Test
  void serveARing_thenFetchItWithTheCachingSource() throws Exception {
    int port = 0;
    // region:serveRing
    KeyRingRepository repository = new InMemoryKeyRingRepository();   // or FileKeyRingRepository, Vault KV
    KeyRotationService rotation = KeyRotationService.builder(repository, new LocalKeyCustody())
        .policy(RotationPolicy.defaults()).clock(Clock.systemUTC()).build();
    rotation.start();                                                  // the first key: published and signing
    JwksPublication jwks = JwksPublication.builder(repository).clock(Clock.systemUTC()).build();
    UndertowJwksServer server = UndertowJwksServer.start(jwks::current, new InetSocketAddress("127.0.0.1", port));
    // endregion
    try (server) {
      URI jwksUri = URI.create("http://127.0.0.1:" + server.port() + "/.well-known/jwks.json");
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(jwksUri).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("ETag")).contains(jwks.current().etag());
      assertThat(response.headers().firstValue("Cache-Control"))
          .contains("public, max-age=" + jwks.current().maxAge().toSeconds());
      assertThat(response.body()).contains(rotation.load().activeKey().kid()).doesNotContain("\"d\"");

      String kid = rotation.load().activeKey().kid();
      // region:cachingSource
      CachingKeySource keys = CachingKeySource.builder()
          .location(jwksUri)               // the issuer's https://…/.well-known/jwks.json
          .build();                        // every other setting has a safe default (table below)
      JwkSet candidates = keys.keysFor(kid);   // what a verifier asks for each token's kid
      // endregion
      keys.close();
      assertThat(candidates.keys()).extracting(k -> k.kid().orElseThrow()).contains(kid);
    }
  }

  /** The optional parts of the caching source: meters, a listener, a last-known-good store. */
  @Test
  void cachingSource_withMetersListenerAndStore() throws Exception {
    KeyRingRepository repository = new InMemoryKeyRingRepository();
    KeyRotationService.builder(repository, new LocalKeyCustody())
        .policy(RotationPolicy.defaults()).clock(Clock.systemUTC()).build().start();
    JwksPublication jwks = JwksPublication.builder(repository).clock(Clock.systemUTC()).build();
    try (UndertowJwksServer server = UndertowJwksServer.start(jwks::current, new InetSocketAddress("127.0.0.1", 0))) {
      URI jwksUri = URI.create("http://127.0.0.1:" + server.port() + "/.well-known/jwks.json");
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      List<KeySourceEvent> audit = new CopyOnWriteArrayList<>();
      MemoryLastKnownGoodStore store = new MemoryLastKnownGoodStore();
      // region:cachingSourceOptions
      CachingKeySource keys = CachingKeySource.builder()
          .location(jwksUri)
          .fetcher(HttpJwksFetcher.builder().build())   // the default; its limits are in the table below
          .meterRegistry(registry)                      // optional: needs micrometer-core on the class path
          .listener(audit::add)                         // every KeySourceEvent: fetched, failed, serving stale…
          .lastKnownGoodStore(store)                    // optional: adapters-file's FileLastKnownGoodStore
          .build();
      keys.refreshNow();                                // warm the cache before taking traffic
      // endregion
      keys.close();
      assertThat(audit).first().isInstanceOf(KeySourceEvent.Fetched.class);
      assertThat(registry.get("jwkit.jwks.fetch").tag("outcome", "success").timer().count()).isEqualTo(1);
      assertThat(store.saved()).isPresent();
    }
  }

  /** The framework-neutral endpoint, for a server other than the Undertow binding. */
  @Test
  void endpoint_answersWithoutAServer() {
    KeyRingRepository repository = new InMemoryKeyRingRepository();
    KeyRotationService.builder(repository, new LocalKeyCustody())
        .policy(RotationPolicy.defaults()).clock(Clock.systemUTC()).build().start();
    JwksPublication jwks = JwksPublication.builder(repository).clock(Clock.systemUTC()).build();
    // region:endpoint
    JwksEndpoint endpoint = JwksEndpoint.builder().document(JwksDocument.from(jwks.current())).build();
    EndpointResponse response = endpoint.handle(EndpointRequest.of("GET", JwksEndpoint.JWKS_PATH));
    // on each change of the ring: endpoint.publish(JwksDocument.from(jwks.current()));
    // endregion
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers()).anyMatch(h -> h.name().equals("ETag") && h.value().equals(jwks.current().etag()));
  }
}
