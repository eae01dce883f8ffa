package dev.jwkit.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwkit.jose.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end against the built jar ({@code app/target/jwkit.jar}, made in the package phase) run as
 * separate processes: serve, JWKS over HTTP with ETag/304 and Cache-Control, sign from the ring, verify
 * against the URL, rotate, old and new tokens, a second serve on the same data directory (started by its
 * options alone, without the command name), SIGTERM.
 */
class JwkitJarIT {
  private static final Path JAR = Path.of("target", "jwkit.jar");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir Path dir;
  private final List<Process> servers = new ArrayList<>();

  @AfterEach
  void stopServers() {
    for (Process p : servers) {
      p.destroyForcibly();
    }
  }

  record Result(int exit, String out, String err) {}

  private static List<String> java(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(JAR.toString());
    cmd.addAll(List.of(args));
    return cmd;
  }

  private Result jwkit(String... args) throws Exception {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = new ProcessBuilder(java(args)).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("jwkit " + String.join(" ", args) + " finished").isTrue();
    return new Result(p.exitValue(), Files.readString(out).trim(), Files.readString(err).trim());
  }

  /** Starts {@code serve}, named or (withoutCommand) implied by its options alone. */
  private Process serve(Path data, int port, Path log, boolean withoutCommand) throws IOException {
    Path config = dir.resolve("jwkit.yaml");
    Files.writeString(config, "server:\n  reloadInterval: 500ms\n");
    List<String> args = new ArrayList<>(List.of("--data-dir", data.toString(), "--port", String.valueOf(port),
        "--config", config.toString()));
    if (!withoutCommand) {
      args.add(0, "serve");
    }
    Process p = new ProcessBuilder(java(args.toArray(String[]::new)))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    servers.add(p);
    return p;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static HttpResponse<String> get(String url, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static void awaitHealthy(String base, Process p, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      assertThat(p.isAlive()).as("serve is running; log:\n%s", Files.readString(log)).isTrue();
      try {
        if (get(base + "/health").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("serve did not become healthy; log:\n" + Files.readString(log));
  }

  private static String kidOf(String token) {
    String header = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    return (String) Json.parseObject(header).get("kid");
  }

  @Test
  void serveSignVerifyRotate_andSigterm() throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "skipped: " + JAR.toAbsolutePath() + " is missing (run mvn -B verify, which packages it first)");
    Path data = dir.resolve("data");
    int port = freePort();
    String base = "http://127.0.0.1:" + port;
    Path log = dir.resolve("serve.log");
    Process server = serve(data, port, log, false);
    awaitHealthy(base, server, log);

    // JWKS over HTTP: Cache-Control, ETag, 304
    HttpResponse<String> jwks = get(base + "/.well-known/jwks.json");
    assertThat(jwks.statusCode()).isEqualTo(200);
    assertThat(jwks.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
    String etag = jwks.headers().firstValue("ETag").orElseThrow();
    assertThat(jwks.body()).contains("\"keys\"").doesNotContain("\"d\"");
    assertThat(get(base + "/.well-known/jwks.json", "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(get(base + "/metrics").body()).contains("jwkit_keyring_version");
    assertThat(get(base + "/health").body()).contains("\"status\":\"UP\"");

    // sign from the ring, verify against the URL
    Result signed = jwkit("token", "sign", "--data-dir", data.toString(), "--claims", "{\"sub\":\"alice\"}");
    assertThat(signed.exit()).as(signed.toString()).isZero();
    String oldToken = signed.out();
    Result verified = jwkit("token", "verify", "--jwks", base + "/.well-known/jwks.json", oldToken);
    assertThat(verified.exit()).as(verified.toString()).isZero();
    assertThat(verified.out()).contains("alice");

    // rotate from another process: the server picks the change up within seconds
    Result rotated = jwkit("keys", "rotate", "--data-dir", data.toString());
    assertThat(rotated.exit()).as(rotated.toString()).isZero();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (get(base + "/.well-known/jwks.json", "If-None-Match", etag).statusCode() == 304) {
      assertThat(System.nanoTime()).as("JWKS changed after keys rotate").isLessThan(deadline);
      Thread.sleep(200);
    }
    Result newSigned = jwkit("token", "sign", "--data-dir", data.toString(), "--claims", "{\"sub\":\"bob\"}");
    String newToken = newSigned.out();
    assertThat(kidOf(newToken)).isNotEqualTo(kidOf(oldToken));
    assertThat(rotated.out()).contains(kidOf(newToken));
    assertThat(jwkit("token", "verify", "--jwks", base + "/.well-known/jwks.json", oldToken).exit()).isZero();
    assertThat(jwkit("token", "verify", "--jwks", base + "/.well-known/jwks.json", newToken).exit()).isZero();
    Result tampered = jwkit("token", "verify", "--jwks", base + "/.well-known/jwks.json", newToken + "A");
    assertThat(tampered.exit()).isEqualTo(1);
    assertThat(tampered.err()).startsWith("invalid: ");

    // a second serve on the same data directory shares the ring (another port; started as
    // `jwkit --data-dir D --port P`: options alone run serve) ...
    int port2 = freePort();
    Path log2 = dir.resolve("serve2.log");
    Process second = serve(data, port2, log2, true);
    awaitHealthy("http://127.0.0.1:" + port2, second, log2);
    assertThat(get("http://127.0.0.1:" + port2 + "/.well-known/jwks.json").body())
        .contains(kidOf(newToken)).contains(kidOf(oldToken));
    // ... and on the same port it is refused with exit 3
    Result samePort = jwkit("--port", String.valueOf(port), "--data-dir", data.toString());
    assertThat(samePort.exit()).as(samePort.toString()).isEqualTo(3);
    assertThat(samePort.err()).contains("cannot listen");

    // SIGTERM stops both cleanly
    for (Process p : List.of(second, server)) {
      p.destroy();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
    }
    assertThat(Files.readString(log)).contains("stopped").doesNotContain("Exception");
    Map<String, Object> keys = Json.parseObject(jwkit("keys", "list", "--json", "--data-dir", data.toString()).out());
    assertThat(keys.get("keys").toString()).contains("ACTIVE");
  }
}
