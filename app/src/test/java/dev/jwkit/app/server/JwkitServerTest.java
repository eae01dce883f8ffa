package dev.jwkit.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.app.config.ConfigLoader;
import dev.jwkit.app.config.JwkitConfig;
import dev.jwkit.app.wiring.KeyRingAccess;
import dev.jwkit.jwks.port.KeyRingEventListener;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwkitServerTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir Path dir;

  private static HttpResponse<String> get(String url, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void serves_jwksDiscoveryHealthMetrics_andPicksUpAnotherWritersRotation() throws Exception {
    JwkitConfig config = ConfigLoader.of(Map.of()).load(Optional.empty(), Map.of(
        "storage.file.dataDir", dir.resolve("data").toString(), "server.port", "0",
        "server.reloadInterval", "200ms", "issuer.url", "https://issuer.example"));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    KeyRingAccess access = KeyRingAccess.of(config, Clock.systemUTC(), new RotationEventLog(registry));
    String base;
    try (JwkitServer server = JwkitServer.start(access, registry)) {
      base = "http://127.0.0.1:" + server.address().getPort();
      assertThat(server.isReady()).isTrue();

      HttpResponse<String> health = get(base + "/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"UP\"").contains("activeKid");

      HttpResponse<String> discovery = get(base + "/.well-known/openid-configuration");
      assertThat(discovery.statusCode()).isEqualTo(200);
      assertThat(discovery.body()).contains("\"issuer\":\"https://issuer.example\"")
          .contains("https://issuer.example/.well-known/jwks.json");

      HttpResponse<String> jwks = get(base + "/.well-known/jwks.json");
      String etag = jwks.headers().firstValue("ETag").orElseThrow();
      assertThat(get(base + "/.well-known/jwks.json", "If-None-Match", etag).statusCode()).isEqualTo(304);
      assertThat(get(base + "/metrics").body()).contains("jwkit_keyring_keys{state=\"ACTIVE\"} 1.0")
          .contains("jwkit_keyring_events_total").contains("jwkit_ready 1.0");
      assertThat(get(base + "/nope").statusCode()).isEqualTo(404);

      // another writer (as a CLI process would) rotates the ring
      String before = access.load().orElseThrow().activeKey().kid();
      KeyRingAccess other = KeyRingAccess.of(config, Clock.systemUTC(), KeyRingEventListener.NONE);
      String after = other.rotation().rotateNow().ring().activeKey().kid();
      assertThat(after).isNotEqualTo(before);
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (!get(base + "/health").body().contains(after)) {
        assertThat(System.nanoTime()).as("reload within seconds").isLessThan(deadline);
        Thread.sleep(100);
      }
      assertThat(get(base + "/.well-known/jwks.json", "If-None-Match", etag).statusCode()).isEqualTo(200);
    }
    assertThatThrownBy(() -> get(base + "/health")).isInstanceOf(IOException.class);
  }

  @Test
  void withoutIssuer_noDiscoveryDocument() throws Exception {
    JwkitConfig config = ConfigLoader.of(Map.of()).load(Optional.empty(), Map.of(
        "storage.file.dataDir", dir.resolve("data").toString(), "server.port", "0"));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (JwkitServer server = JwkitServer.start(KeyRingAccess.of(config, Clock.systemUTC(),
        new RotationEventLog(registry)), registry)) {
      String base = "http://127.0.0.1:" + server.address().getPort();
      assertThat(get(base + "/.well-known/openid-configuration").statusCode()).isEqualTo(404);
      assertThat(get(base + "/.well-known/jwks.json").statusCode()).isEqualTo(200);
    }
  }
}
