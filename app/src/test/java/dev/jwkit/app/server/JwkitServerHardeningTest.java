package dev.jwkit.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.app.config.ConfigLoader;
import dev.jwkit.app.config.JwkitConfig;
import dev.jwkit.app.wiring.KeyRingAccess;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.EcPrivateJwk;
import dev.jwkit.jose.jwk.JwkGenerator;
import dev.jwkit.jose.jwk.PrivateJwk;
import dev.jwkit.jwks.model.KeyMaterial;
import dev.jwkit.jwks.model.KeyRingEvent;
import dev.jwkit.jwks.port.KeyRingEventListener;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, adversarial review: the server's answers and meters. */
class JwkitServerHardeningTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir Path dir;

  private JwkitConfig config() {
    return ConfigLoader.of(Map.of()).load(Optional.empty(), Map.of(
        "storage.file.dataDir", dir.resolve("data").toString(), "server.port", "0"));
  }

  private static HttpResponse<String> send(String method, String url) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
        .method(method, HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : "x")).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void metrics_answersOtherMethodsWith405AndAllow() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (JwkitServer server = JwkitServer.start(KeyRingAccess.of(config(), Clock.systemUTC(),
        new RotationEventLog(registry)), registry)) {
      String metrics = "http://127.0.0.1:" + server.address().getPort() + "/metrics";
      for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
        HttpResponse<String> response = send(method, metrics);
        assertThat(response.statusCode()).as(method).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).as(method).contains("GET, HEAD");
        assertThat(response.body()).as(method).doesNotContain("jwkit_");
      }
      assertThat(send("GET", metrics).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void metrics_rightAfterStartOnAnExistingRing_listEveryKeyRingEventAtZero() throws Exception {
    // the ring exists before serve starts, so serve itself emits no event
    KeyRingAccess.of(config(), Clock.systemUTC(), KeyRingEventListener.NONE).rotation().start();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (JwkitServer server = JwkitServer.start(KeyRingAccess.of(config(), Clock.systemUTC(),
        new RotationEventLog(registry)), registry)) {
      String body = send("GET", "http://127.0.0.1:" + server.address().getPort() + "/metrics").body();
      for (Class<?> event : KeyRingEvent.class.getPermittedSubclasses()) {
        assertThat(body).contains("jwkit_keyring_events_total{event=\"" + event.getSimpleName() + "\"} 0.0");
      }
      assertThat(body).contains("jwkit_keyring_reload_failures_total 0.0");
    }
  }

  @Test
  void jwks_ofAnImportedKeyWithUnknownMembers_publishesOnlyPublicMembers() throws Exception {
    EcPrivateJwk generated = JwkGenerator.generateEc(Curve.P_256);
    Map<String, Object> json = new LinkedHashMap<>(generated.toJsonObject());
    String d = (String) json.get("d");
    json.put("kid", "imported");
    json.put("priv", d);
    json.put("passphrase", "hunter2-passphrase");
    PrivateJwk hostile = (PrivateJwk) dev.jwkit.jose.jwk.Jwk.parse(Json.write(json));
    KeyRingAccess writer = KeyRingAccess.of(config(), Clock.systemUTC(), KeyRingEventListener.NONE);
    writer.rotation().importKey(KeyMaterial.local(hostile, JwsAlgorithm.ES256));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (JwkitServer server = JwkitServer.start(KeyRingAccess.of(config(), Clock.systemUTC(),
        new RotationEventLog(registry)), registry)) {
      String jwks = send("GET", "http://127.0.0.1:" + server.address().getPort() + "/.well-known/jwks.json").body();
      assertThat(jwks).contains("imported").doesNotContain(d).doesNotContain("hunter2-passphrase")
          .doesNotContain("\"priv\"");
    }
  }
}
