package dev.jwkit.adapters.http.publishing;

import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwk.JwkGenerator;
import dev.jwkit.jose.jwk.PublicJwk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a JWKS endpoint for an external load generator ({@code wrk}); not a test. Arguments:
 * {@code undertow|jdk port [threads] [jwks-out-file]}. Serves 3 RSA-2048 and 2 P-256 public keys.
 */
public final class EndpointBench {

  private EndpointBench() {}

  public static void main(String[] args) throws Exception {
    List<PublicJwk> keys = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      keys.add(JwkGenerator.generateRsa(2048).toPublicJwk());
    }
    for (int i = 0; i < 2; i++) {
      keys.add(JwkGenerator.generateEc(Curve.P_256).toPublicJwk());
    }
    JwksDocument doc = JwksDocument.jwks(keys, Duration.ofMinutes(5));
    if (args.length > 3) {
      Files.write(Path.of(args[3]), doc.bytes());
    }
    JwksEndpoint endpoint = JwksEndpoint.builder().document(doc).build();
    int port = Integer.parseInt(args[1]);
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    AutoCloseable server = args[0].equals("jdk")
        ? new JdkJwksServer(endpoint, port, threads)
        : UndertowJwksServer.builder().endpoint(endpoint).port(port).ioThreads(threads).start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        // exiting
      }
    }));
    new CountDownLatch(1).await();
  }
}
