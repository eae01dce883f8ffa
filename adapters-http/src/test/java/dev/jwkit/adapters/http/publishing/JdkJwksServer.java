package dev.jwkit.adapters.http.publishing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The {@link JwksEndpoint} on the JDK's {@code com.sun.net.httpserver}: the candidate measured against
 * Undertow (module README), kept in tests as a second binding that the endpoint tests also run against.
 */
final class JdkJwksServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService pool;

  JdkJwksServer(JwksEndpoint endpoint, int port, int threads) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
    pool = Executors.newFixedThreadPool(threads);
    server.setExecutor(pool);
    server.createContext("/", exchange -> answer(endpoint, exchange));
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private static void answer(JwksEndpoint endpoint, HttpExchange exchange) throws IOException {
    try (exchange) {
      EndpointRequest request = new EndpointRequest(exchange.getRequestMethod(),
          exchange.getRequestURI().getRawPath(),
          Optional.ofNullable(exchange.getRequestHeaders().getFirst("If-None-Match")),
          Optional.ofNullable(exchange.getRequestHeaders().getFirst("Accept-Encoding")));
      EndpointResponse response = endpoint.handle(request);
      response.headers().forEach(h -> exchange.getResponseHeaders().add(h.name(), h.value()));
      if (response.hasBody()) {
        exchange.sendResponseHeaders(response.status(), response.contentLength());
        try (OutputStream out = exchange.getResponseBody()) {
          response.writeBody(out);
        }
      } else {
        if (request.method().equals("HEAD") && response.status() == 200) {
          exchange.getResponseHeaders().set("Content-Length", Integer.toString(response.contentLength()));
        }
        exchange.sendResponseHeaders(response.status(), -1);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
