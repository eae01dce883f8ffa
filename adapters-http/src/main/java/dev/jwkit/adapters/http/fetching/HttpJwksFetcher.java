package dev.jwkit.adapters.http.fetching;

import static dev.jwkit.adapters.http.fetching.HttpResponses.fail;

import dev.jwkit.jwks.model.KeySourceUnavailableException;
import dev.jwkit.jwks.port.FetchedJwks;
import dev.jwkit.jwks.port.JwksFetcher;
import dev.jwkit.jwks.port.JwksLocation;
import dev.jwkit.adapters.http.internal.CacheHeaders;
import dev.jwkit.adapters.http.internal.CappedBodySubscriber;
import dev.jwkit.adapters.http.internal.Locations;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.JsonLimits;
import dev.jwkit.jose.JwkitException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * The domain's {@link JwksFetcher} on {@link java.net.http.HttpClient} with safe defaults: HTTPS only,
 * bounded time, bounded size, no redirects, JSON only. One fetcher (one connection pool) can serve many
 * locations.
 *
 * <p>Create one with {@link #builder()}:
 * <pre>{@code
 * HttpJwksFetcher fetcher = HttpJwksFetcher.builder().build();
 * FetchedJwks fetched = fetcher.fetch(JwksLocation.of("https://issuer.example/.well-known/jwks.json"));
 * }</pre>
 *
 * <p>Each fetch sends {@code Accept: application/jwk-set+json, application/json} and
 * {@code Accept-Encoding: gzip}; a conditional fetch adds {@code If-None-Match}. The response must be
 * 2xx (or 304 to a conditional fetch) with a JSON content type; the body is read under a byte cap that
 * applies while streaming and again to the decompressed size; it must be a JSON object whose
 * {@code keys} array holds at most {@link Builder#maxKeys(int) maxKeys} objects. The advertised
 * freshness ({@code Cache-Control: max-age}, {@code Expires}) is returned with the body.
 *
 * <h2>Security</h2>
 * Plain {@code http} is refused except to loopback hosts (or when {@link Builder#allowInsecureHttp()}
 * is called), so a misconfigured location cannot downgrade key transport. Redirects are not followed
 * unless {@link Builder#maxRedirects(int)} allows them, and each hop is checked by the same rule. No
 * cookies, credentials or custom headers are sent. A location is checked on every fetch (and by
 * {@link CachingKeySource.Builder#build()} up front). Every failure is a
 * {@link KeySourceUnavailableException} with an {@link HttpJwksError} code; messages name the location
 * without its query.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use.
 */
public final class HttpJwksFetcher implements JwksFetcher {

  /** Connect timeout: 2 s. A JWKS host that takes longer is down for our purpose. Nimbus 500 ms, jose4j 20 s, Auth0 none (JDK default: infinite), panva 5 s (whole request). */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  /** Time to the response headers: 5 s. Nimbus 500 ms read, jose4j 20 s, Auth0 none, panva 5 s (whole request). */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);
  /** The whole exchange, redirects included: 10 s, so that no fetch hangs a caller (cold start) for longer. Nimbus 15 s cache refresh timeout. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);
  /** Body cap (decompressed): 128 KiB, room for ~100 RSA-4096 keys with x5c chains. Nimbus 50 KiB, jose4j 512 KiB, Auth0 none, panva none. */
  public static final int DEFAULT_MAX_BODY_BYTES = 128 * 1024;
  /** Key-count cap: 100. Real issuers publish 2–10 keys; more is a mistake or an attack. No peer caps the count. */
  public static final int DEFAULT_MAX_KEYS = 100;
  /** Redirects followed: 0. A JWKS URL is configuration; a redirect is a change of trust. Nimbus and jose4j follow (HttpURLConnection default, same protocol only), panva follows (fetch default). */
  public static final int DEFAULT_MAX_REDIRECTS = 0;

  /** The content types accepted for a key set, compared without parameters, case-insensitively. */
  public static final Set<String> JSON_CONTENT_TYPES = Set.of("application/json", "application/jwk-set+json");

  private static final String ACCEPT = "application/jwk-set+json, application/json;q=0.9";

  private final Duration readTimeout;
  private final Duration deadline;
  private final int maxBodyBytes;
  private final int maxKeys;
  private final int maxRedirects;
  private final boolean allowInsecureHttp;
  private final Clock clock;
  private final HttpClient client;
  private final JsonLimits jsonLimits;
  private final Builder settings;

  private HttpJwksFetcher(Builder b) {
    this.settings = b.copy();
    this.readTimeout = b.readTimeout;
    this.deadline = b.deadline;
    this.maxBodyBytes = b.maxBodyBytes;
    this.maxKeys = b.maxKeys;
    this.maxRedirects = b.maxRedirects;
    this.allowInsecureHttp = b.allowInsecureHttp;
    this.clock = b.clock;
    HttpClient.Builder cb = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(b.connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER);
    if (b.sslContext != null) {
      cb.sslContext(b.sslContext);
    }
    this.client = cb.build();
    this.jsonLimits = new JsonLimits(maxBodyBytes, 16, 50_000, 64 * 1024, 64);
  }

  /** Starts a builder with the documented defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this fetcher's settings, to derive a changed copy. */
  public Builder toBuilder() {
    return settings.copy();
  }

  /**
   * Fetches the key set at {@code location}.
   *
   * @throws KeySourceUnavailableException with an {@link HttpJwksError} code on any failure
   */
  @Override
  public FetchedJwks fetch(JwksLocation location) {
    Objects.requireNonNull(location, "location");
    return exchange(uri(location), null);
  }

  /**
   * Fetches the key set at {@code location} with {@code If-None-Match: etag}; a 304 gives a
   * not-modified answer.
   *
   * @throws KeySourceUnavailableException with an {@link HttpJwksError} code on any failure
   */
  @Override
  public FetchedJwks fetch(JwksLocation location, String etag) {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(etag, "etag");
    return exchange(uri(location), etag);
  }

  /** Whether this fetcher would fetch {@code location} (scheme and host rules), without fetching it. */
  public Optional<String> refusal(URI location) {
    return Locations.refusal(location, allowInsecureHttp);
  }

  static URI uri(JwksLocation location) {
    try {
      return new URI(location.value());
    } catch (java.net.URISyntaxException e) {
      throw new KeySourceUnavailableException(HttpJwksError.LOCATION_REFUSED, "malformed location", e);
    }
  }

  /**
   * Fetches any JSON document (a discovery document) under the same rules, without the key-set checks.
   *
   * @param uri the document's location
   * @return the document as a JSON object
   * @throws KeySourceUnavailableException on any failure
   */
  Map<String, Object> fetchJsonObject(URI uri) {
    Exchange ex = send(uri, null, Set.of("application/json"));
    try {
      return Json.parseObject(ex.body, jsonLimits);
    } catch (JwkitException e) {
      throw new KeySourceUnavailableException(HttpJwksError.DISCOVERY_INVALID,
          "not a JSON object at " + Locations.safe(ex.uri), e);
    }
  }

  private FetchedJwks exchange(URI location, @Nullable String etag) {
    Exchange ex = send(location, etag, JSON_CONTENT_TYPES);
    if (ex.notModified) {
      return new FetchedJwks(new byte[0], true, ex.etag, ex.maxAge, clock.instant());
    }
    checkKeySet(ex);
    return new FetchedJwks(ex.body, false, ex.etag, ex.maxAge, clock.instant());
  }

  private void checkKeySet(Exchange ex) {
    Map<String, Object> doc;
    try {
      doc = Json.parseObject(ex.body, jsonLimits);
    } catch (JwkitException e) {
      throw fail(HttpJwksError.MALFORMED_JWKS, "body is not a JSON object", ex.uri, e);
    }
    Object keys = doc.get("keys");
    if (!(keys instanceof List)) {
      throw fail(HttpJwksError.MALFORMED_JWKS, "no \"keys\" array", ex.uri, null);
    }
    List<?> list = (List<?>) keys;
    if (list.size() > maxKeys) {
      throw fail(HttpJwksError.TOO_MANY_KEYS, list.size() + " keys, more than " + maxKeys, ex.uri, null);
    }
    for (Object k : list) {
      if (!(k instanceof Map)) {
        throw fail(HttpJwksError.MALFORMED_JWKS, "a \"keys\" entry is not an object", ex.uri, null);
      }
    }
  }

  private static final class Exchange {
    final URI uri;
    final byte[] body;
    final Optional<String> etag;
    final Optional<Duration> maxAge;
    final boolean notModified;

    Exchange(URI uri, byte[] body, Optional<String> etag, Optional<Duration> maxAge, boolean notModified) {
      this.uri = uri;
      this.body = body;
      this.etag = etag;
      this.maxAge = maxAge;
      this.notModified = notModified;
    }
  }

  private Exchange send(URI start, @Nullable String etag, Set<String> contentTypes) {
    long deadlineNanos = System.nanoTime() + deadline.toNanos();
    URI uri = start;
    for (int hop = 0; ; hop++) {
      Optional<String> refusal = Locations.refusal(uri, allowInsecureHttp);
      if (refusal.isPresent()) {
        throw fail(HttpJwksError.LOCATION_REFUSED, refusal.get(), uri, null);
      }
      HttpRequest.Builder rb = HttpRequest.newBuilder(uri)
          .GET()
          .timeout(readTimeout)
          .header("Accept", ACCEPT)
          .header("Accept-Encoding", "gzip");
      if (etag != null) {
        rb.header("If-None-Match", etag);
      }
      HttpResponse<byte[]> response = await(uri, rb.build(), contentTypes, deadlineNanos);
      int status = response.statusCode();
      Instant now = clock.instant();
      Optional<String> newEtag = response.headers().firstValue("ETag");
      if (status == 304 && etag != null) {
        return new Exchange(uri, new byte[0], newEtag.or(() -> Optional.of(etag)),
            CacheHeaders.freshness(response.headers(), now), true);
      }
      if (HttpResponses.isRedirect(status)) {
        Optional<String> target = response.headers().firstValue("Location");
        if (hop >= maxRedirects || target.isEmpty()) {
          throw fail(HttpJwksError.REDIRECT_REFUSED, "status " + status + " not followed", uri, null);
        }
        try {
          uri = uri.resolve(target.get());
        } catch (IllegalArgumentException e) {
          throw fail(HttpJwksError.REDIRECT_REFUSED, "malformed Location", uri, e);
        }
        continue;
      }
      if (status < 200 || status > 299) {
        throw fail(HttpJwksError.BAD_STATUS, "status " + status, uri, null);
      }
      if (!HttpResponses.hasContentType(response, contentTypes)) {
        throw fail(HttpJwksError.BAD_CONTENT_TYPE, "content type "
            + response.headers().firstValue("Content-Type").orElse("(none)"), uri, null);
      }
      byte[] body = HttpResponses.decode(uri, response, maxBodyBytes);
      return new Exchange(uri, body, newEtag, CacheHeaders.freshness(response.headers(), now), false);
    }
  }

  private HttpResponse<byte[]> await(URI uri, HttpRequest request, Set<String> contentTypes, long deadlineNanos) {
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining <= 0) {
      throw fail(HttpJwksError.TIMEOUT, "deadline of " + deadline + " passed", uri, null);
    }
    HttpResponse.BodyHandler<byte[]> handler = info -> {
      boolean wanted = info.statusCode() >= 200 && info.statusCode() <= 299 && HttpResponses.hasContentType(info, contentTypes);
      if (!wanted) {
        return HttpResponse.BodySubscribers.replacing(new byte[0]);
      }
      long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1L);
      return new CappedBodySubscriber(maxBodyBytes, declared);
    };
    CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, handler);
    try {
      return future.get(remaining, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw fail(HttpJwksError.TIMEOUT, "deadline of " + deadline + " passed", uri, e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw fail(HttpJwksError.IO_FAILED, "interrupted", uri, e);
    } catch (ExecutionException e) {
      throw translate(uri, e.getCause() == null ? e : e.getCause());
    }
  }

  private KeySourceUnavailableException translate(URI uri, Throwable t) {
    Throwable c = t;
    for (Throwable x = t; x != null; x = x.getCause()) {
      if (x instanceof CappedBodySubscriber.BodyTooLargeException) {
        return fail(HttpJwksError.BODY_TOO_LARGE, "body larger than " + maxBodyBytes + " bytes", uri, t);
      }
    }
    if (c instanceof HttpConnectTimeoutException) {
      return fail(HttpJwksError.TIMEOUT, "connect timeout", uri, t);
    }
    if (c instanceof HttpTimeoutException) {
      return fail(HttpJwksError.TIMEOUT, "read timeout of " + readTimeout, uri, t);
    }
    if (c instanceof ConnectException || c instanceof SSLException) {
      return fail(HttpJwksError.CONNECT_FAILED, c.getClass().getSimpleName(), uri, t);
    }
    if (c instanceof IOException) {
      return fail(HttpJwksError.IO_FAILED, c.getClass().getSimpleName(), uri, t);
    }
    return fail(HttpJwksError.IO_FAILED, "unexpected " + c.getClass().getSimpleName(), uri, t);
  }

  /**
   * Settings for an {@link HttpJwksFetcher}. Every setter checks its argument at once; {@link #build()}
   * checks the combination.
   */
  public static final class Builder {
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration deadline = DEFAULT_DEADLINE;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int maxKeys = DEFAULT_MAX_KEYS;
    private int maxRedirects = DEFAULT_MAX_REDIRECTS;
    private boolean allowInsecureHttp;
    private Clock clock = Clock.systemUTC();
    private @Nullable SSLContext sslContext;

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.connectTimeout = connectTimeout;
      b.readTimeout = readTimeout;
      b.deadline = deadline;
      b.maxBodyBytes = maxBodyBytes;
      b.maxKeys = maxKeys;
      b.maxRedirects = maxRedirects;
      b.allowInsecureHttp = allowInsecureHttp;
      b.clock = clock;
      b.sslContext = sslContext;
      return b;
    }

    /**
     * How long to wait for the TCP (and TLS) connection. Default {@link #DEFAULT_CONNECT_TIMEOUT}.
     *
     * @param timeout positive, at most one minute
     * @return this builder
     * @throws IllegalArgumentException when zero, negative or longer than a minute
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = bounded(timeout, "connectTimeout");
      return this;
    }

    /**
     * How long to wait for the response headers once the request is sent. Default
     * {@link #DEFAULT_READ_TIMEOUT}.
     *
     * @param timeout positive, at most one minute
     * @return this builder
     * @throws IllegalArgumentException when zero, negative or longer than a minute
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = bounded(timeout, "readTimeout");
      return this;
    }

    /**
     * The longest a whole fetch may take, redirects and body included. Default {@link #DEFAULT_DEADLINE}.
     *
     * @param deadline positive, at most one minute
     * @return this builder
     * @throws IllegalArgumentException when zero, negative or longer than a minute
     */
    public Builder deadline(Duration deadline) {
      this.deadline = bounded(deadline, "deadline");
      return this;
    }

    /**
     * The largest body accepted, after decompression. Default {@link #DEFAULT_MAX_BODY_BYTES}.
     *
     * @param bytes between 1 KiB and 16 MiB
     * @return this builder
     * @throws IllegalArgumentException when outside that range
     */
    public Builder maxBodyBytes(int bytes) {
      if (bytes < 1024 || bytes > 16 * 1024 * 1024) {
        throw new IllegalArgumentException("maxBodyBytes must be between 1 KiB and 16 MiB");
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /**
     * The largest number of keys accepted in a set. Default {@link #DEFAULT_MAX_KEYS}.
     *
     * @param keys between 1 and 10,000
     * @return this builder
     * @throws IllegalArgumentException when outside that range
     */
    public Builder maxKeys(int keys) {
      if (keys < 1 || keys > 10_000) {
        throw new IllegalArgumentException("maxKeys must be between 1 and 10000");
      }
      this.maxKeys = keys;
      return this;
    }

    /**
     * How many redirects to follow; each target must pass the same location rule. Default
     * {@link #DEFAULT_MAX_REDIRECTS} (none).
     *
     * @param redirects between 0 and 5
     * @return this builder
     * @throws IllegalArgumentException when outside that range
     */
    public Builder maxRedirects(int redirects) {
      if (redirects < 0 || redirects > 5) {
        throw new IllegalArgumentException("maxRedirects must be between 0 and 5");
      }
      this.maxRedirects = redirects;
      return this;
    }

    /**
     * Allows plain {@code http} to any host. Off by default: keys fetched over plain HTTP from another
     * host can be replaced by anyone on the path. Loopback hosts are always allowed.
     *
     * @return this builder
     */
    public Builder allowInsecureHttp() {
      this.allowInsecureHttp = true;
      return this;
    }

    /**
     * The clock used to interpret {@code Expires} when the response has no {@code Date}. Default
     * {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The TLS context (trust store) for {@code https}. Default: the JDK's default context.
     *
     * @param sslContext the context
     * @return this builder
     */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
      return this;
    }

    /**
     * Builds the fetcher.
     *
     * @return the fetcher
     * @throws IllegalStateException when the deadline is shorter than the read timeout
     */
    public HttpJwksFetcher build() {
      if (deadline.compareTo(readTimeout) < 0) {
        throw new IllegalStateException("deadline (" + deadline + ") cannot be shorter than readTimeout (" + readTimeout + ")");
      }
      return new HttpJwksFetcher(this);
    }

    private static Duration bounded(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException(name + " must be positive and at most one minute");
      }
      return d;
    }
  }
}
