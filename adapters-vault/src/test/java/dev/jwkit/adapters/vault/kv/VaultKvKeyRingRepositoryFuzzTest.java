package dev.jwkit.adapters.vault.kv;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jwkit.adapters.vault.VaultAuth;
import dev.jwkit.adapters.vault.VaultError;
import dev.jwkit.adapters.vault.VaultSettings;
import dev.jwkit.jose.ErrorCode;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingError;
import dev.jwkit.jwks.model.KeyRingId;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Jazzer fuzz target for a ring as {@link VaultKvKeyRingRepository#load} reads it from Vault KV v2: the
 * input is the whole body of Vault's answer to the read of the ring's path (status 200), served by a
 * loopback server that answers the token lookup and the mount preflight as a KV v2 Vault does. The
 * outcome is a ring, nothing, or a {@link JwkitException} with {@link VaultError#UNEXPECTED_RESPONSE},
 * {@link VaultError#KV_VERSION_MISMATCH}, {@link VaultError#RING_DELETED} (an answer whose metadata says the
 * latest version was deleted or destroyed) or {@link KeyRingError#DOCUMENT_INVALID}; anything else is a crash.
 *
 * <p>Regression inputs: {@code VaultKvKeyRingRepositoryFuzzTestInputs/load/} (Vault answers around the
 * ring documents of {@code KeyRingDocumentFuzzTest}); fuzzing: {@code fuzz/run VaultKvKeyRingRepositoryFuzzTest}.
 */
class VaultKvKeyRingRepositoryFuzzTest {

  private static final KeyRingId RING = KeyRingId.of("fuzz");
  private static final Set<ErrorCode> CODES =
      Set.of(VaultError.UNEXPECTED_RESPONSE, VaultError.KV_VERSION_MISMATCH, VaultError.RING_DELETED,
          KeyRingError.DOCUMENT_INVALID);
  private static volatile byte[] answer = new byte[0];
  private static final HttpServer VAULT = start();
  private static final VaultKvKeyRingRepository REPOSITORY = VaultKvKeyRingRepository.builder()
      .settings(VaultSettings.builder()
          .address(URI.create("http://127.0.0.1:" + VAULT.getAddress().getPort()))
          .allowPlaintextHttp()
          .auth(VaultAuth.token(() -> "fuzz-token"))
          .build())
      .build();

  @FuzzTest
  void load(byte[] input) {
    answer = input;
    Optional<KeyRing> ring;
    try {
      ring = REPOSITORY.load(RING);
    } catch (JwkitException e) {
      assertThat(e.code()).isIn(CODES);
      return;
    }
    ring.ifPresent(r -> assertThat(r.id()).isEqualTo(RING));
  }

  private static HttpServer start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", VaultKvKeyRingRepositoryFuzzTest::answer);
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    byte[] body;
    if (path.equals("/v1/auth/token/lookup-self")) {
      body = "{\"data\":{\"ttl\":0,\"renewable\":false}}".getBytes(StandardCharsets.UTF_8);
    } else if (path.startsWith("/v1/sys/internal/ui/mounts/")) {
      body = "{\"data\":{\"type\":\"kv\",\"options\":{\"version\":\"2\"}}}".getBytes(StandardCharsets.UTF_8);
    } else {
      body = answer;
    }
    exchange.getRequestBody().readAllBytes();
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
