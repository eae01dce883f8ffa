package dev.jwkit.app.server;

import dev.jwkit.adapters.http.publishing.JwksDocument;
import dev.jwkit.adapters.http.publishing.JwksEndpoint;
import dev.jwkit.adapters.http.publishing.UndertowJwksServer;
import dev.jwkit.app.config.JwkitConfig;
import dev.jwkit.app.wiring.KeyRingAccess;
import dev.jwkit.jose.Json;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyState;
import dev.jwkit.jwks.model.ManagedKey;
import dev.jwkit.jwks.model.Publication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The running jwkit server: starts the ring (first key on first start), publishes its JWKS, ticks the
 * rotation schedule every {@code policy.tick()}, re-reads the ring every {@code server.reloadInterval} so
 * that a ring changed by another process (CLI {@code keys rotate}, another {@code serve}) is served within
 * seconds, and serves {@code /health} and {@code /metrics}.
 *
 * <p>Several servers may share one data directory: every write is the file repository's compare-and-set,
 * and the rotation service re-plans on a conflict, so they converge on one ring.
 *
 * <h2>Thread safety</h2>
 * Safe for concurrent use; {@link #close()} is idempotent.
 */
public final class JwkitServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.jwkit.server");

  private final KeyRingAccess access;
  private final PrometheusMeterRegistry registry;
  private final JwksEndpoint endpoint;
  private final AtomicReference<@Nullable KeyRing> ring = new AtomicReference<>();
  private final AtomicReference<String> publishedTag = new AtomicReference<>("");
  private final ScheduledExecutorService scheduler;
  private final Counter reloadFailures;
  private final UndertowJwksServer server;
  private final InetSocketAddress address;
  private volatile boolean closed;

  private JwkitServer(KeyRingAccess access, PrometheusMeterRegistry registry) {
    this.access = access;
    this.registry = registry;
    JwkitConfig config = access.config();
    access.rotation().start();
    KeyRing started = access.rotation().load();
    ring.set(started);
    Publication publication = access.publication(started);
    publishedTag.set(publication.contentTag());
    JwksEndpoint.Builder eb = JwksEndpoint.builder().document(document(publication));
    config.issuer().ifPresent(iss -> eb.discovery(discovery(iss.toString(), config)));
    this.endpoint = eb.build();
    this.reloadFailures = Counter.builder("jwkit.keyring.reload.failures")
        .description("Failed reads of the key ring").register(registry);
    Gauge.builder("jwkit.keyring.version", ring, r -> r.get() == null ? 0 : r.get().version())
        .description("Version of the loaded key ring").register(registry);
    Gauge.builder("jwkit.ready", this, s -> s.isReady() ? 1 : 0).description("1 when the ring has an active key")
        .register(registry);
    for (KeyState state : KeyState.values()) {
      Gauge.builder("jwkit.keyring.keys", ring, r -> r.get() == null ? 0 : r.get().keys(state).size())
          .tag("state", state.name()).description("Keys of the ring by state").register(registry);
    }
    // the Undertow settings (header cap, slow-loris and idle timeouts) are UndertowJwksServer's
    this.server = UndertowJwksServer.builder().endpoint(endpoint)
        .host(config.host()).port(config.port()).ioThreads(2).workerThreads(2)
        .route("/health", this::health)
        .route("/metrics", this::metrics)
        .start();
    this.address = server.address();
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "jwkit-rotation");
      t.setDaemon(true);
      return t;
    });
    long tick = config.policy().tick().toMillis();
    long reload = config.reloadInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(this::reload, reload, reload, TimeUnit.MILLISECONDS);
    LOG.log(Level.INFO, "serving ring {0} from {1} on http://{2}:{3}{4}; active key {5}", config.ringId().value(),
        access.location(), address.getHostString(), String.valueOf(address.getPort()), JwksEndpoint.JWKS_PATH,
        started.activeKey().kid());
  }

  /**
   * Starts a server: starts the ring if needed, binds, and schedules rotation and reloads.
   *
   * @param access the ring (its listener should be a {@link RotationEventLog} on {@code registry})
   * @param registry the metrics registry served at {@code /metrics}
   * @return the running server
   * @throws dev.jwkit.jose.JwkitException if the ring cannot be read or started
   * @throws IllegalStateException if the address cannot be bound
   */
  public static JwkitServer start(KeyRingAccess access, PrometheusMeterRegistry registry) {
    return new JwkitServer(access, registry);
  }

  /** The bound address (with the actual port when 0 was asked). */
  public InetSocketAddress address() {
    return address;
  }

  /** Whether the ring is loaded and has an active key. */
  public boolean isReady() {
    KeyRing r = ring.get();
    return !closed && r != null && r.active().isPresent();
  }

  /** Runs the rotation schedule once (also called by the scheduler). */
  void tick() {
    try {
      access.rotation().tick();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "rotation tick failed, retrying at the next tick: {0}", e.getMessage());
    }
    reload();
  }

  /** Re-reads the ring and republishes the JWKS when it changed. */
  void reload() {
    try {
      Optional<KeyRing> loaded = access.load();
      if (loaded.isEmpty()) {
        LOG.log(Level.WARNING, "the key ring in {0} disappeared; serving the last one", access.location());
        return;
      }
      KeyRing current = loaded.get();
      KeyRing previous = ring.getAndSet(current);
      if (previous != null && previous.version() != current.version()) {
        LOG.log(Level.DEBUG, "ring reloaded at version {0}", String.valueOf(current.version()));
      }
      Publication publication = access.publication(current);
      String tag = publication.contentTag();
      if (!tag.equals(publishedTag.getAndSet(tag))) {
        endpoint.publish(document(publication));
        LOG.log(Level.INFO, "publishing the JWKS with keys {0}", String.join(", ", publication.kids()));
      }
    } catch (RuntimeException e) {
      reloadFailures.increment();
      LOG.log(Level.WARNING, "cannot reload the key ring, serving the last one: {0}", e.getMessage());
    }
  }

  private static JwksDocument document(Publication publication) {
    return JwksDocument.from(publication);
  }

  private static JwksDocument discovery(String issuer, JwkitConfig config) {
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("issuer", issuer);
    doc.put("jwks_uri", base + JwksEndpoint.JWKS_PATH);
    doc.put("id_token_signing_alg_values_supported", List.of(config.policy().algorithm().jwaName()));
    doc.put("response_types_supported", List.of("id_token"));
    doc.put("subject_types_supported", List.of("public"));
    return JwksDocument.json(doc, config.policy().maxAge());
  }

  /** Answers 405 with {@code Allow: GET, HEAD} to any other method; true when it did. */
  private static boolean refuseUnlessGetOrHead(HttpServerExchange exchange) {
    if (Methods.GET.equals(exchange.getRequestMethod()) || Methods.HEAD.equals(exchange.getRequestMethod())) {
      return false;
    }
    exchange.setStatusCode(405);
    exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
    exchange.endExchange();
    return true;
  }

  private void health(HttpServerExchange exchange) {
    if (refuseUnlessGetOrHead(exchange)) {
      return;
    }
    KeyRing r = ring.get();
    Map<String, Object> body = new LinkedHashMap<>();
    boolean ready = isReady();
    body.put("status", ready ? "UP" : "DOWN");
    if (r != null) {
      body.put("ring", r.id().value());
      body.put("version", r.version());
      r.active().map(ManagedKey::kid).ifPresent(k -> body.put("activeKid", k));
    }
    if (!ready) {
      body.put("reason", closed ? "shutting down" : r == null ? "ring not loaded" : "no active key");
    }
    exchange.setStatusCode(ready ? 200 : 503);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    exchange.getResponseSender().send(Json.write(body));
  }

  private void metrics(HttpServerExchange exchange) {
    if (refuseUnlessGetOrHead(exchange)) {
      return;
    }
    if (exchange.isInIoThread()) {
      exchange.dispatch(this::metrics);
      return;
    }
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    exchange.getResponseSender().send(registry.scrape());
  }

  /** Stops scheduling, then the HTTP server. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.close();
    LOG.log(Level.INFO, "stopped serving ring {0}", access.config().ringId().value());
  }
}
