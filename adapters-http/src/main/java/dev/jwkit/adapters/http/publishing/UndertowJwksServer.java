package dev.jwkit.adapters.http.publishing;

import dev.jwkit.jwks.model.Publication;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.PathHandler;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The {@link JwksEndpoint} on an embedded Undertow server: the binding chosen for throughput (see the
 * module README for the measurement against the JDK's {@code com.sun.net.httpserver}), and the one place
 * that configures Undertow in jwkit (the {@code jwkit serve} server is built with this builder too).
 *
 * <p>Serving a ring's JWKS takes one call: {@link #start(Supplier, InetSocketAddress)} serves the
 * publication (its {@code ETag} and {@code Cache-Control: max-age} come from the rotation policy) and
 * republishes it when the ring changes:
 *
 * <pre>{@code
 * JwksPublication jwks = JwksPublication.builder(repository).clock(Clock.systemUTC()).build();
 * UndertowJwksServer server = UndertowJwksServer.start(jwks::current, new InetSocketAddress("127.0.0.1", 8080));
 * }</pre>
 *
 * <p>Undertow ({@code io.undertow:undertow-core}) is an optional dependency of this module: a user who
 * publishes adds it; a user who only fetches keys never loads this class.
 *
 * <p>Requests are answered on Undertow's I/O threads (the endpoint never blocks: responses are prepared
 * when a document is published), so there is no worker pool to size.
 *
 * <h3>Security</h3>
 * Binds to {@code 127.0.0.1} unless another host is given: exposing the endpoint is an explicit choice.
 * Request headers are capped at 16 KiB, a request must arrive within 10 s of the connection's first byte
 * (slow-loris), and idle connections close after 60 s. Request bodies are never read. Only public keys
 * can be published ({@link JwksDocument}).
 *
 * <h3>Thread safety</h3>
 * Instances are safe for concurrent use; {@link #close()} may be called from any thread.
 */
public final class UndertowJwksServer implements AutoCloseable {

  /** Default bind address: loopback, so that exposing the endpoint is explicit. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** Default port: 8080. Zero picks an ephemeral port. */
  public static final int DEFAULT_PORT = 8080;
  /** Default I/O threads: one per core, at least two (Undertow's own default). */
  public static final int DEFAULT_IO_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());
  /** Default worker threads: one, since the JWKS is answered on the I/O threads; extra routes may dispatch. */
  public static final int DEFAULT_WORKER_THREADS = 1;
  /** How often {@link #start(Supplier, InetSocketAddress)} asks for the current publication: 1 s. */
  public static final Duration DEFAULT_REPUBLISH_INTERVAL = Duration.ofSeconds(1);

  private static final System.Logger LOG = System.getLogger(UndertowJwksServer.class.getName());

  private final Undertow undertow;
  private final InetSocketAddress address;
  private final @Nullable ScheduledExecutorService republisher;

  private UndertowJwksServer(Undertow undertow, @Nullable ScheduledExecutorService republisher) {
    this.undertow = undertow;
    this.address = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
    this.republisher = republisher;
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Serves a ring's JWKS at {@link JwksEndpoint#JWKS_PATH} on {@code address}: the publication {@code
   * publications} gives now (public keys, {@code ETag}, {@code Cache-Control: max-age} from the rotation
   * policy), asked again every {@link #DEFAULT_REPUBLISH_INTERVAL} on a daemon thread and republished
   * atomically when its content changed. A failing supplier is logged and the last publication served.
   *
   * @param publications the current publication, for example {@code JwksPublication::current}
   * @param address where to listen (port 0 picks an ephemeral port)
   * @return the running server; {@link #close()} stops it and the republishing
   * @throws IllegalStateException when the address cannot be bound
   */
  public static UndertowJwksServer start(Supplier<Publication> publications, InetSocketAddress address) {
    Objects.requireNonNull(publications, "publications");
    Objects.requireNonNull(address, "address");
    Publication first = Objects.requireNonNull(publications.get(), "publication");
    JwksEndpoint endpoint = JwksEndpoint.builder().document(JwksDocument.from(first)).build();
    ScheduledExecutorService republisher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "jwkit-jwks-publish");
      t.setDaemon(true);
      return t;
    });
    UndertowJwksServer server;
    try {
      server = builder().endpoint(endpoint).host(address.getHostString()).port(address.getPort())
          .start(republisher);
    } catch (RuntimeException e) {
      republisher.shutdownNow();
      throw e;
    }
    String[] tag = {first.contentTag()};
    long every = DEFAULT_REPUBLISH_INTERVAL.toMillis();
    republisher.scheduleWithFixedDelay(() -> {
      try {
        Publication p = publications.get();
        if (!p.contentTag().equals(tag[0])) {
          endpoint.publish(JwksDocument.from(p));
          tag[0] = p.contentTag();
        }
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot read the publication (serving the last one): {0}",
            e.getMessage());
      }
    }, every, every, TimeUnit.MILLISECONDS);
    return server;
  }

  /** The bound address (with the actual port when 0 was asked). */
  public InetSocketAddress address() {
    return address;
  }

  /** The bound port. */
  public int port() {
    return address.getPort();
  }

  /** Stops the server (and the republishing of {@link #start(Supplier, InetSocketAddress)}). */
  @Override
  public void close() {
    if (republisher != null) {
      republisher.shutdownNow();
    }
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
    private int workerThreads = DEFAULT_WORKER_THREADS;
    private final Map<String, HttpHandler> routes = new LinkedHashMap<>();

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
     * The number of worker threads, for routes that dispatch blocking work ({@link
     * HttpServerExchange#dispatch}). Default {@link #DEFAULT_WORKER_THREADS}.
     *
     * @param threads 1 to 256
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder workerThreads(int threads) {
      if (threads < 1 || threads > 256) {
        throw new IllegalArgumentException("workerThreads must be between 1 and 256");
      }
      this.workerThreads = threads;
      return this;
    }

    /**
     * Serves another exact path on the same server (for example {@code /health}); every other path goes
     * to the endpoint. Default: none.
     *
     * @param path an absolute path, neither the endpoint's JWKS path nor the discovery path
     * @param handler the handler; it runs on an I/O thread and must dispatch blocking work
     * @return this builder
     * @throws IllegalArgumentException when the path does not start with {@code /} or is the JWKS or
     *     discovery path
     */
    public Builder route(String path, HttpHandler handler) {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(handler, "handler");
      if (!path.startsWith("/") || path.equals(JwksEndpoint.DISCOVERY_PATH)
          || path.equals(endpoint == null ? JwksEndpoint.JWKS_PATH : endpoint.jwksPath())) {
        throw new IllegalArgumentException("route must be an absolute path other than the endpoint's");
      }
      routes.put(path, handler);
      return this;
    }

    /**
     * Builds and starts the server.
     *
     * @return the running server
     * @throws IllegalStateException when no endpoint was given or the address cannot be bound
     */
    public UndertowJwksServer start() {
      return start(null);
    }

    private UndertowJwksServer start(@Nullable ScheduledExecutorService republisher) {
      if (endpoint == null) {
        throw new IllegalStateException("endpoint is required");
      }
      HttpHandler root = handler(endpoint);
      if (!routes.isEmpty()) {
        PathHandler paths = Handlers.path(root);
        routes.forEach(paths::addExactPath);
        root = paths;
      }
      Undertow undertow = Undertow.builder()
          .addHttpListener(port, host)
          .setIoThreads(ioThreads)
          .setWorkerThreads(workerThreads)
          .setServerOption(UndertowOptions.MAX_HEADER_SIZE, 16 * 1024)
          .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, 10_000)
          .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 60_000)
          .setServerOption(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, false)
          .setHandler(root)
          .build();
      try {
        undertow.start();
      } catch (RuntimeException e) {
        throw new IllegalStateException("cannot start the JWKS server on " + host + ":" + port, e);
      }
      return new UndertowJwksServer(undertow, republisher);
    }
  }
}
