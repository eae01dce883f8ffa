package dev.jwkit.benchmarks;

import dev.jwkit.adapters.http.publishing.JwksDocument;
import dev.jwkit.adapters.http.publishing.JwksEndpoint;
import dev.jwkit.adapters.http.publishing.UndertowJwksServer;
import dev.jwkit.jose.jwk.JwkSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Starts jwkit's JWKS server (the {@code JwksEndpoint} on {@code UndertowJwksServer}, loopback only)
 * over the benchmark's 10-key public JWKS, for {@code benchmarks/endpoint}. Writes the exact bytes it
 * serves to a file, so that nginx serves the same bytes, and runs until killed.
 *
 * <p>Arguments: {@code port bytes-out-file}.
 */
public final class JwksServerMain {

  private JwksServerMain() {}

  /**
   * Starts the server.
   *
   * @param args the port and the file to write the served bytes to
   * @throws IOException if the file cannot be written
   * @throws InterruptedException never in practice: the server runs until the JVM is killed
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: JwksServerMain port bytes-out-file");
    }
    JwksDocument document = JwksDocument.jwks(JwkSet.parse(Fixture.mixedPublicJwks()).publicKeys(),
        Duration.ofMinutes(5));
    Files.write(Path.of(args[1]), document.bytes());
    JwksEndpoint endpoint = JwksEndpoint.builder().document(document).build();
    UndertowJwksServer server = UndertowJwksServer.builder()
        .endpoint(endpoint)
        .host(UndertowJwksServer.DEFAULT_HOST)
        .port(Integer.parseInt(args[0]))
        .start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    new CountDownLatch(1).await();
  }
}
