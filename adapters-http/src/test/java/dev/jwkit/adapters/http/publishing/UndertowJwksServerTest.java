package dev.jwkit.adapters.http.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.jose.Json;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkGenerator;
import dev.jwkit.jose.jwk.JwkSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The endpoint over real loopback HTTP, on both bindings measured (Undertow, the shipped one, and the JDK's). */
class UndertowJwksServerTest {

  static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

  static JwkSet ring;
  static JwksEndpoint endpoint;
  static UndertowJwksServer undertow;
  static JdkJwksServer jdk;
  static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() throws IOException {
    // a ring as the domain holds it: private keys and an HMAC key among them
    ring = JwkSet.of(List.of(JwkGenerator.generateEc(Curve.P_256), JwkGenerator.generateRsa(2048),
        JwkGenerator.generateOkp(Curve.ED25519), JwkGenerator.generateOct(256)));
    endpoint = JwksEndpoint.builder().document(JwksDocument.jwks(ring.publicKeys(), Duration.ofMinutes(5))).build();
    undertow = UndertowJwksServer.builder().endpoint(endpoint).port(0).ioThreads(2).start();
    jdk = new JdkJwksServer(endpoint, 0, 2);
  }

  @AfterAll
  static void stop() {
    undertow.close();
    jdk.close();
  }

  static URI uri(String binding, String path) {
    int port = binding.equals("undertow") ? undertow.port() : jdk.port();
    return URI.create("http://127.0.0.1:" + port + path);
  }

  static HttpResponse<byte[]> send(HttpRequest.Builder b) throws Exception {
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @ParameterizedTest
  @ValueSource(strings = {"undertow", "jdk"})
  void get_headersAndAPublicOnlyBody(String binding) throws Exception {
    HttpResponse<byte[]> r = send(HttpRequest.newBuilder(uri(binding, JwksEndpoint.JWKS_PATH)));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).contains("application/json");
    assertThat(r.headers().firstValue("cache-control")).contains("public, max-age=300");
    assertThat(r.headers().firstValue("etag")).contains(endpoint.document().etag());
    assertThat(r.headers().firstValue("access-control-allow-origin")).contains("*");
    assertThat(r.headers().firstValueAsLong("content-length")).hasValue(r.body().length);
    Map<String, Object> doc = Json.parseObject(r.body());
    List<?> keys = (List<?>) doc.get("keys");
    assertThat(keys).hasSize(3); // the oct key is never published
    for (Object k : keys) {
      assertThat(((Map<?, ?>) k).keySet().stream().map(String::valueOf)).doesNotContainAnyElementsOf(PRIVATE_MEMBERS);
    }
    assertThat(JwkSet.parse(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).keys())
        .allMatch(k -> k instanceof dev.jwkit.jose.jwk.PublicJwk);
  }

  @ParameterizedTest
  @ValueSource(strings = {"undertow", "jdk"})
  void conditionalGet_304Flow(String binding) throws Exception {
    HttpResponse<byte[]> first = send(HttpRequest.newBuilder(uri(binding, JwksEndpoint.JWKS_PATH)));
    String etag = first.headers().firstValue("etag").orElseThrow();
    HttpResponse<byte[]> second = send(HttpRequest.newBuilder(uri(binding, JwksEndpoint.JWKS_PATH))
        .header("If-None-Match", etag));
    assertThat(second.statusCode()).isEqualTo(304);
    assertThat(second.body()).isEmpty();
    assertThat(second.headers().firstValue("etag")).contains(etag);
    HttpResponse<byte[]> star = send(HttpRequest.newBuilder(uri(binding, JwksEndpoint.JWKS_PATH))
        .header("If-None-Match", "\"x\", *"));
    assertThat(star.statusCode()).isEqualTo(304);
  }

  @ParameterizedTest
  @ValueSource(strings = {"undertow", "jdk"})
  void head_hasNoBody(String binding) throws Exception {
    HttpResponse<byte[]> r = send(HttpRequest.newBuilder(uri(binding, JwksEndpoint.JWKS_PATH))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEmpty();
    assertThat(r.headers().firstValue("etag")).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"undertow", "jdk"})
  void post_gets405WithAllow(String binding) throws Exception {
    HttpResponse<byte[]> r = send(HttpRequest.newBuilder(uri(binding, JwksEndpoint.JWKS_PATH))
        .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("allow")).contains("GET, HEAD, OPTIONS");
  }

  @ParameterizedTest
  @ValueSource(strings = {"undertow", "jdk"})
  void options_corsPreflight(String binding) throws Exception {
    HttpResponse<byte[]> r = send(HttpRequest.newBuilder(uri(binding, JwksEndpoint.JWKS_PATH))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "https://app.example").header("Access-Control-Request-Method", "GET"));
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.headers().firstValue("access-control-allow-origin")).contains("*");
    assertThat(r.headers().firstValue("access-control-allow-methods")).contains("GET, HEAD, OPTIONS");
  }

  @ParameterizedTest
  @ValueSource(strings = {"undertow", "jdk"})
  void gzip_whenAccepted(String binding) throws Exception {
    HttpResponse<byte[]> r = send(HttpRequest.newBuilder(uri(binding, JwksEndpoint.JWKS_PATH))
        .header("Accept-Encoding", "gzip"));
    assertThat(r.headers().firstValue("content-encoding")).contains("gzip");
    byte[] plain = new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes();
    assertThat(plain).isEqualTo(endpoint.document().bytes());
  }

  @ParameterizedTest
  @ValueSource(strings = {"undertow", "jdk"})
  void unknownPath_gets404(String binding) throws Exception {
    assertThat(send(HttpRequest.newBuilder(uri(binding, "/.well-known/other"))).statusCode()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"undertow"})
  void rotation_isServedAfterPublish(String binding) throws Exception {
    Jwk next = JwkGenerator.generateEc(Curve.P_384);
    JwksDocument before = endpoint.document();
    try {
      endpoint.publish(JwksDocument.jwks(JwkSet.of(List.of(next)).publicKeys(), Duration.ofMinutes(1)));
      HttpResponse<byte[]> r = send(HttpRequest.newBuilder(uri(binding, JwksEndpoint.JWKS_PATH))
          .header("If-None-Match", before.etag()));
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("P-384");
    } finally {
      endpoint.publish(before);
    }
  }
}
