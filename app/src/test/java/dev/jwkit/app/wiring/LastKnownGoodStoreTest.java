package dev.jwkit.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.adapters.file.keysource.FileLastKnownGoodStore;
import dev.jwkit.adapters.http.fetching.CachingKeySource;
import dev.jwkit.adapters.http.publishing.JwksDocument;
import dev.jwkit.adapters.http.publishing.JwksEndpoint;
import dev.jwkit.adapters.http.publishing.UndertowJwksServer;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.JwkGenerator;
import dev.jwkit.jose.jwk.JwkMetadata;
import dev.jwkit.jose.jwk.PrivateJwk;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP adapter's caching source and the file adapter's store, composed as the app composes them. */
class LastKnownGoodStoreTest {

  @TempDir Path directory;

  @Test
  void cachingSource_startingWhileTheServerIsDown_servesTheStoredSet() throws Exception {
    PrivateJwk generated = (PrivateJwk) JwkGenerator.generate(JwsAlgorithm.ES256);
    PrivateJwk key = generated.withMetadata(JwkMetadata.builder().kid("k1").build());
    UndertowJwksServer origin = UndertowJwksServer.builder().port(0)
        .endpoint(JwksEndpoint.builder().document(JwksDocument.jwks(List.of(key.toPublicJwk()), Duration.ofMinutes(5)))
            .build())
        .start();
    URI location = URI.create("http://127.0.0.1:" + origin.port() + JwksEndpoint.JWKS_PATH);
    Path file = directory.resolve("lkg/issuer.json");

    try (CachingKeySource first = CachingKeySource.builder().location(location)
        .lastKnownGoodStore(FileLastKnownGoodStore.of(file)).build()) {
      assertThat(first.keysFor("k1").keys()).hasSize(1);
    } finally {
      origin.close();
    }
    assertThat(Files.readString(file)).contains("\"k1\"").doesNotContain("\"d\"");

    try (CachingKeySource restarted = CachingKeySource.builder().location(location)
        .lastKnownGoodStore(FileLastKnownGoodStore.of(file)).build()) {
      assertThat(restarted.keysFor("k1").keys()).singleElement()
          .satisfies(k -> assertThat(k.thumbprint()).isEqualTo(key.thumbprint()));
      assertThat(restarted.health().isServing()).isTrue();
      assertThat(restarted.health().lastFailureCode()).isPresent();
    }
  }
}
