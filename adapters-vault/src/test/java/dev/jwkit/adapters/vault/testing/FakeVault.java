package dev.jwkit.adapters.vault.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.JsonLimits;
import dev.jwkit.jose.JwkitException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * An in-process double of the Vault HTTP API, for tests only: KV v1/v2, Transit, AppRole, token
 * lookup/renewal, sys/health and the mount preflight, on the JDK's {@link HttpServer} bound to
 * 127.0.0.1 on an ephemeral port. Bodies, status codes and messages follow the shared VAULT-API.md notes.
 *
 * <p>Fault injection: {@link #seal()}, {@link #failNext}, {@link #delayNext}, {@link #beforeNextWrite}
 * (a conflicting writer between a read and a write), {@link FakeAuth#expire(String)} (403 expired token).
 */
public final class FakeVault implements AutoCloseable {

  /** Vault's default max_request_size is 32 MiB. */
  private static final JsonLimits REQUEST_LIMITS = new JsonLimits(32 * 1024 * 1024, 32, 4_000_000, 1024 * 1024, 64);

  private final HttpServer server;
  private final ExecutorService executor;
  private final Clock clock;
  private final FakeAuth auth;
  private final Map<String, FakeKv> kv = new ConcurrentHashMap<>();
  private final Map<String, FakeTransit> transit = new ConcurrentHashMap<>();
  private final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final List<String> deniedPrefixes = new CopyOnWriteArrayList<>();
  private volatile boolean sealed;
  private volatile Standby standby = Standby.ACTIVE;
  private final int[] standbyRequests = {0};

  /**
   * How a node that is not the active one answers a request, as {@code http/handler.go} does
   * (hashicorp/vault; openbao/openbao {@code internal/http/handler.go}).
   */
  public enum Standby {
    /** The active node: requests are handled. */
    ACTIVE,
    /** 503 {@code Vault is in standby mode} ({@code consts.ErrStandby}, the core's answer on a standby). */
    UNAVAILABLE_503,
    /**
     * 500 {@code local node not active but active cluster node not found} ({@code forwardRequest} in
     * {@code http/handler.go}: the standby knows no leader address to forward to, e.g. during an election).
     */
    NO_ACTIVE_NODE_500,
    /**
     * 307 with {@code Location} set to the active node's address, same path and query, and no body
     * ({@code respondStandby} in {@code http/handler.go}, when request forwarding is off).
     */
    REDIRECT_307
  }

  /** One request as the double received it. */
  public record Recorded(String method, String path, Map<String, String> query, Map<String, Object> body,
      Optional<String> token, Optional<String> namespace) {}

  private record Fault(Predicate<String> path, int[] remaining, Reply reply, Duration delay, Runnable before, Duration stallAfter) {
    Fault(Predicate<String> path, int[] remaining, Reply reply, Duration delay, Runnable before) {
      this(path, remaining, reply, delay, before, null);
    }
  }

  /** The stall of the request this server thread is answering (see {@link #commitThenStall}). */
  private static final ThreadLocal<Duration> STALL = new ThreadLocal<>();

  private final boolean tls;

  private FakeVault(Clock clock, javax.net.ssl.SSLContext sslContext) throws IOException {
    this.clock = clock;
    this.auth = new FakeAuth(clock);
    this.tls = sslContext != null;
    if (sslContext != null) {
      com.sun.net.httpserver.HttpsServer https =
          com.sun.net.httpserver.HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
      https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(sslContext));
      this.server = https;
    } else {
      this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    }
    this.executor = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "fake-vault");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a double with a KV v2 mount at {@code secret/} and Transit at {@code transit/}, like dev mode. */
  public static FakeVault start(Clock clock) {
    return start(clock, null);
  }

  /** Starts a double serving HTTPS with the given server TLS context. */
  public static FakeVault startTls(javax.net.ssl.SSLContext serverContext) {
    return start(Clock.systemUTC(), serverContext);
  }

  private static FakeVault start(Clock clock, javax.net.ssl.SSLContext sslContext) {
    try {
      FakeVault v = new FakeVault(clock, sslContext);
      v.mountKv("secret", 2);
      v.mountTransit("transit");
      return v;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static FakeVault start() {
    return start(Clock.systemUTC());
  }

  public URI address() {
    return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort());
  }

  public FakeAuth auth() {
    return auth;
  }

  public String rootToken() {
    return FakeAuth.ROOT_TOKEN;
  }

  public void mountKv(String mount, int version) {
    kv.put(mount, new FakeKv(mount, version, clock));
  }

  public void mountTransit(String mount) {
    transit.put(mount, new FakeTransit(mount, clock));
  }

  public FakeKv kv(String mount) {
    return kv.get(mount);
  }

  public FakeTransit transit(String mount) {
    return transit.get(mount);
  }

  public void seal() {
    sealed = true;
  }

  public void unseal() {
    sealed = false;
  }

  public void standby(boolean on) {
    standby(on ? Standby.UNAVAILABLE_503 : Standby.ACTIVE);
  }

  /** Makes this node answer every request (but {@code sys/health}) as the given kind of standby. */
  public void standby(Standby mode) {
    synchronized (standbyRequests) {
      standby = mode;
      standbyRequests[0] = Integer.MAX_VALUE;
    }
  }

  /**
   * Answers the next {@code requests} requests as the given kind of standby, then becomes active again
   * (a leader election that ends).
   */
  public void standbyFor(int requests, Standby mode) {
    synchronized (standbyRequests) {
      standby = mode;
      standbyRequests[0] = requests;
    }
  }

  private Reply standbyReply(String rawPathAndQuery) {
    Standby mode;
    synchronized (standbyRequests) {
      mode = standby;
      if (mode == Standby.ACTIVE) {
        return null;
      }
      if (standbyRequests[0] != Integer.MAX_VALUE && --standbyRequests[0] <= 0) {
        standby = Standby.ACTIVE;
      }
    }
    switch (mode) {
      case NO_ACTIVE_NODE_500:
        // http/handler.go forwardRequest: respondError(w, 500, errors.New(...)), a plain (not multierror) error
        return Reply.error(500, "local node not active but active cluster node not found");
      case REDIRECT_307: {
        // http/handler.go respondStandby: Location = active node + same path and query, no body
        Reply r = Reply.empty(307);
        r.headers.put("Location", "https://active.vault.invalid:8200" + rawPathAndQuery);
        return r;
      }
      default:
        return Reply.error(503, "Vault is in standby mode");
    }
  }

  /** Denies (403) every path starting with the prefix to every token but root. */
  public void deny(String pathPrefix) {
    deniedPrefixes.add(pathPrefix);
  }

  /** The next {@code times} requests whose path contains {@code pathPart} get this error envelope. */
  public void failNext(int times, String pathPart, int status, String... errors) {
    faults.add(new Fault(p -> p.contains(pathPart), new int[] {times}, Reply.error(status, errors), null, null));
  }

  /** Like {@link #failNext} with a {@code Retry-After} header. */
  public void rateLimitNext(int times, String pathPart, long retryAfterSeconds) {
    Reply r = Reply.error(429, "request path \"" + pathPart + "\": rate limit quota exceeded");
    r.headers.put("Retry-After", Long.toString(retryAfterSeconds));
    faults.add(new Fault(p -> p.contains(pathPart), new int[] {times}, r, null, null));
  }

  /** The next {@code times} requests whose path contains {@code pathPart} are answered after a delay. */
  public void delayNext(int times, String pathPart, Duration delay) {
    faults.add(new Fault(p -> p.contains(pathPart), new int[] {times}, null, delay, null));
  }

  /**
   * The next {@code times} requests whose path contains {@code pathPart} are handled (a write commits)
   * and their answer is held back for {@code stall}: a client with a shorter timeout sees a timeout for a
   * request that did take effect.
   */
  public void commitThenStall(int times, String pathPart, Duration stall) {
    faults.add(new Fault(p -> p.contains(pathPart), new int[] {times}, null, null, null, stall));
  }

  /** Runs {@code action} (e.g. another writer's save) just before the next request on that path is handled. */
  public void beforeNextWrite(String pathPart, Runnable action) {
    faults.add(new Fault(p -> p.contains(pathPart), new int[] {1}, null, null, action));
  }

  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  public List<Recorded> requests(String pathPart) {
    return requests.stream().filter(r -> r.path().contains(pathPart)).toList();
  }

  public void clearRequests() {
    requests.clear();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ------------------------------------------------------------------------------------------

  private void handle(HttpExchange ex) throws IOException {
    Reply reply;
    STALL.remove();
    try {
      reply = dispatch(ex);
    } catch (RuntimeException e) {
      reply = Reply.coreError(500, "fake vault: " + e);
    }
    Duration stall = STALL.get();
    if (stall != null) {
      try {
        Thread.sleep(stall.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    send(ex, reply);
  }

  private Reply dispatch(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String rawPath = ex.getRequestURI().getRawPath();
    Map<String, String> query = query(ex.getRequestURI().getRawQuery());
    byte[] bytes = ex.getRequestBody().readAllBytes();
    Map<String, Object> body = Map.of();
    Reply bad = null;
    if (bytes.length > 0) {
      try {
        body = Json.parseObject(bytes, REQUEST_LIMITS);
      } catch (JwkitException e) {
        bad = Reply.error(400, "failed to decode JSON input: " + e.code().id());
      }
    }
    Optional<String> token = Optional.ofNullable(ex.getRequestHeaders().getFirst("X-Vault-Token"))
        .or(() -> Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization"))
            .filter(h -> h.startsWith("Bearer ")).map(h -> h.substring(7)));
    Optional<String> namespace = Optional.ofNullable(ex.getRequestHeaders().getFirst("X-Vault-Namespace"));
    namespace.ifPresent(ns -> ex.getResponseHeaders().set("X-Vault-Namespace", ns));
    if (!rawPath.startsWith("/v1/")) {
      return Reply.error(404);
    }
    String path = URLDecoder.decode(rawPath.substring(4), StandardCharsets.UTF_8);
    boolean list = method.equals("LIST") || "true".equals(query.get("list"));
    if (list) {
      path = path.endsWith("/") ? path : path + "/";
    }
    requests.add(new Recorded(method, path, query, body, token, namespace));

    for (Fault f : matchingFaults(path)) {
      if (f.before() != null) {
        f.before().run();
      }
      if (f.stallAfter() != null) {
        STALL.set(f.stallAfter());
      }
      if (f.delay() != null) {
        try {
          Thread.sleep(f.delay().toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (f.reply() != null) {
        return f.reply();
      }
    }
    if (bad != null) {
      return bad;
    }
    if (path.equals("sys/health")) {
      return health(query);
    }
    if (sealed) {
      return Reply.error(503, "Vault is sealed");
    }
    Reply standbyAnswer = standbyReply(ex.getRequestURI().getRawPath()
        + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()));
    if (standbyAnswer != null) {
      return standbyAnswer;
    }
    String verb = list ? "LIST" : method;
    if (path.startsWith("auth/") && path.endsWith("/login")) {
      return auth.login(path.substring(5, path.length() - 6), body);
    }
    Optional<FakeAuth.TokenEntry> entry = token.flatMap(auth::lookup);
    if (entry.isEmpty()) {
      return auth.invalidToken();
    }
    boolean root = entry.get().root();
    for (String prefix : deniedPrefixes) {
      if (!root && path.startsWith(prefix)) {
        return Reply.coreError(403, "permission denied");
      }
    }
    if (path.startsWith("sys/internal/ui/mounts/")) {
      // an unauthenticated path (vault/logical_system.go) that walks the token's ACL itself
      String mountPath = path.substring("sys/internal/ui/mounts/".length());
      return FakeAuth.hasMountAccess(entry.get(), firstSegment(mountPath))
          ? preflight(mountPath) : preflightDenied(mountPath);
    }
    if (!FakeAuth.allows(entry.get(), path)) {
      return Reply.coreError(403, "permission denied");
    }
    if (path.equals("auth/token/lookup-self")) {
      return auth.lookupSelf(entry.get());
    }
    if (path.equals("auth/token/renew-self")) {
      return auth.renewSelf(entry.get(), body);
    }
    for (Map.Entry<String, FakeKv> m : kv.entrySet()) {
      if (path.startsWith(m.getKey() + "/")) {
        return m.getValue().handle(verb, path.substring(m.getKey().length() + 1), query, body);
      }
    }
    for (Map.Entry<String, FakeTransit> m : transit.entrySet()) {
      if (path.startsWith(m.getKey() + "/")) {
        return m.getValue().handle(verb, path.substring(m.getKey().length() + 1), query, body);
      }
    }
    return Reply.coreError(404, "no handler for route \"" + path + "\". route entry not found.");
  }

  private List<Fault> matchingFaults(String path) {
    List<Fault> hits = new ArrayList<>();
    synchronized (faults) {
      for (var it = faults.iterator(); it.hasNext(); ) {
        Fault f = it.next();
        if (f.path().test(path)) {
          hits.add(f);
          if (--f.remaining()[0] <= 0) {
            it.remove();
          }
        }
      }
    }
    return hits;
  }

  private Reply preflight(String mountPath) {
    String mount = mountPath.endsWith("/") ? mountPath.substring(0, mountPath.length() - 1) : mountPath;
    for (String m : kv.keySet()) {
      if (mount.equals(m) || mount.startsWith(m + "/")) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("accessor", "kv_" + Integer.toHexString(m.hashCode()));
        data.put("config", Map.of("default_lease_ttl", 0L, "force_no_cache", false, "max_lease_ttl", 0L));
        data.put("description", "");
        data.put("external_entropy_access", false);
        data.put("local", false);
        data.put("options", Map.of("version", Integer.toString(kv.get(m).version())));
        data.put("path", m + "/");
        data.put("seal_wrap", false);
        data.put("type", "kv");
        data.put("uuid", "00000000-0000-0000-0000-" + String.format("%012x", m.hashCode() & 0xffffffffL));
        return Reply.ok(data, null, "system");
      }
    }
    for (String m : transit.keySet()) {
      if (mount.equals(m) || mount.startsWith(m + "/")) {
        return Reply.ok(Map.of("options", Json.NULL, "path", m + "/", "type", "transit"), null, "system");
      }
    }
    return preflightDenied(mountPath);
  }

  private static Reply preflightDenied(String mountPath) {
    return Reply.error(403, "preflight capability check returned 403, please ensure client's policies grant access to path \"" + mountPath + "\"");
  }

  private static String firstSegment(String path) {
    int slash = path.indexOf('/');
    return slash < 0 ? path : path.substring(0, slash);
  }

  private Reply health(Map<String, String> query) {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("initialized", true);
    h.put("sealed", sealed);
    h.put("standby", standby != Standby.ACTIVE);
    h.put("performance_standby", false);
    h.put("replication_performance_mode", "disabled");
    h.put("replication_dr_mode", "disabled");
    h.put("server_time_utc", clock.instant().getEpochSecond());
    h.put("version", "1.17.0");
    h.put("cluster_name", "vault-cluster-fake");
    h.put("cluster_id", "00000000-0000-0000-0000-000000000000");
    int status;
    try {
      if (sealed) {
        status = Integer.parseInt(query.getOrDefault("sealedcode", "503"));
      } else if (standby != Standby.ACTIVE) {
        status = "true".equals(query.get("standbyok"))
            ? Integer.parseInt(query.getOrDefault("activecode", "200"))
            : Integer.parseInt(query.getOrDefault("standbycode", "429"));
      } else {
        status = Integer.parseInt(query.getOrDefault("activecode", "200"));
      }
    } catch (NumberFormatException e) {
      return Reply.error(400, "bad code parameter");
    }
    return Reply.raw(status, h);
  }

  private static void send(HttpExchange ex, Reply reply) throws IOException {
    reply.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.getResponseHeaders().set("Content-Type", "application/json");
    if (reply.body == null || ex.getRequestMethod().equals("HEAD")) {
      ex.sendResponseHeaders(reply.status, -1);
      ex.close();
      return;
    }
    byte[] out = (Json.write(reply.body) + "\n").getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(reply.status, out.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(out);
    } catch (IOException e) {
      // the client gave up (timeout test): nothing to do
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      q.put(k, v);
    }
    return q;
  }
}
