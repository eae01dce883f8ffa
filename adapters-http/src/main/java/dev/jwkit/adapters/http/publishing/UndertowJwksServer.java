package dev.jwkit.adapters.http.publishing;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@link JwksEndpoint} on an embedded Undertow server: the binding chosen for throughput (see the
 * module README for the measurement against the JDK's {@code com.sun.net.httpserver}).
 *
 * <pre>{@code
 * try (UndertowJwksServer server = UndertowJwksServer.builder().endpoint(endpoint).host("0.0.0.0").port(8080).start()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Requests are answered on Undertow's I/O threads (the endpoint never blocks: responses are prepared
 * when a document is published), so there is no worker pool to size.
 *
 * <h2>Security</h2>
 * Binds to {@code 127.0.0.1} unless another host is given: exposing the endpoint is an explicit choice.
 * Request headers are capped at 16 KiB, a request must arrive within 10 s of the connection's first byte
 * (slow-loris), and idle connections close after 60 s. Request bodies are never read.
 *
 * <h2>Thread safety</h2>
 * Instances are safe for concurrent use; {@link #close()} may be called from any thread.
 */
public final class UndertowJwksServer implements AutoCloseable {

  /** Default bind address: loopback, so that exposing the endpoint is explicit. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** Default port: 8080. Zero picks an ephemeral port. */
  public static final int DEFAULT_PORT = 8080;
  /** Default I/O threads: one per core, at least two (Undertow's own default). */
  public static final int DEFAULT_IO_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

  private final Undertow undertow;
  private final InetSocketAddress address;

  private UndertowJwksServer(Undertow undertow) {
    this.undertow = undertow;
    this.address = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The bound address (with the actual port when 0 was asked). */
  public InetSocketAddress address() {
    return address;
  }

  /** The bound port. */
  public int port() {
    return address.getPort();
  }

  /** Stops the server. */
  @Override
  public void close() {
    undertow.stop();
  }

  /** The Undertow handler of an endpoint, for embedding in an existing Undertow server. */
  public static HttpHandler handler(JwksEndpoint endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    return exchange -> answer(endpoint, exchange);
  }

  private static void answer(JwksEndpoint endpoint, HttpServerExchange exchange) {
    HeaderMap in = exchange.getRequestHeaders();
    EndpointRequest request = new EndpointRequest(exchange.getRequestMethod().toString(),
        exchange.getRequestPath(),
        Optional.ofNullable(in.getFirst(Headers.IF_NONE_MATCH)),
        Optional.ofNullable(in.getFirst(Headers.ACCEPT_ENCODING)));
    EndpointResponse response = endpoint.handle(request);
    exchange.setStatusCode(response.status());
    HeaderMap out = exchange.getResponseHeaders();
    List<EndpointResponse.Header> headers = response.headers();
    for (int i = 0; i < headers.size(); i++) {
      EndpointResponse.Header h = headers.get(i);
      out.put(HttpString.tryFromString(h.name()), h.value());
    }
    out.put(Headers.CONTENT_LENGTH, response.contentLength());
    if (response.hasBody()) {
      exchange.getResponseSender().send(response.body());
    } else {
      exchange.endExchange();
    }
  }

  /** Settings for an {@link UndertowJwksServer}. */
  public static final class Builder {
    private @Nullable JwksEndpoint endpoint;
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private int ioThreads = DEFAULT_IO_THREADS;

    private Builder() {}

    /** The endpoint to serve. Required. @param endpoint the endpoint @return this builder */
    public Builder endpoint(JwksEndpoint endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /** The address to bind. Default {@link #DEFAULT_HOST}. @param host a host name or literal @return this builder */
    public Builder host(String host) {
      Objects.requireNonNull(host, "host");
      if (host.isBlank()) {
        throw new IllegalArgumentException("host must not be blank");
      }
      this.host = host;
      return this;
    }

    /** The port. Default {@link #DEFAULT_PORT}; zero picks an ephemeral port. @param port 0 to 65535 @return this builder */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be between 0 and 65535");
      }
      this.port = port;
      return this;
    }

    /** The number of I/O threads. Default {@link #DEFAULT_IO_THREADS}. @param threads 1 to 256 @return this builder */
    public Builder ioThreads(int threads) {
      if (threads < 1 || threads > 256) {
        throw new IllegalArgumentException("ioThreads must be between 1 and 256");
      }
      this.ioThreads = threads;
      return this;
    }

    /**
     * Builds and starts the server.
     *
     * @return the running server
     * @throws IllegalStateException when no endpoint was given or the address cannot be bound
     */
    public UndertowJwksServer start() {
      if (endpoint == null) {
        throw new IllegalStateException("endpoint is required");
      }
      Undertow undertow = Undertow.builder()
          .addHttpListener(port, host)
          .setIoThreads(ioThreads)
          .setWorkerThreads(1)
          .setServerOption(UndertowOptions.MAX_HEADER_SIZE, 16 * 1024)
          .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, 10_000)
          .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 60_000)
          .setServerOption(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, false)
          .setHandler(handler(endpoint))
          .build();
      try {
        undertow.start();
      } catch (RuntimeException e) {
        throw new IllegalStateException("cannot start the JWKS server on " + host + ":" + port, e);
      }
      return new UndertowJwksServer(undertow);
    }
  }
}
