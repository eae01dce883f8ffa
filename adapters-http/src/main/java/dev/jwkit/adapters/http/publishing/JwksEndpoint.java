package dev.jwkit.adapters.http.publishing;

import dev.jwkit.adapters.http.publishing.EndpointResponse.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A framework-neutral HTTP handler for {@code GET}/{@code HEAD /.well-known/jwks.json} (and optionally
 * {@code /.well-known/openid-configuration}): any server can bind it by turning its request into an
 * {@link EndpointRequest} and writing the {@link EndpointResponse}.
 *
 * <pre>{@code
 * JwksEndpoint endpoint = JwksEndpoint.builder()
 *     .document(JwksDocument.jwks(publicKeys, Duration.ofMinutes(5)))
 *     .build();
 * endpoint.publish(JwksDocument.jwks(rotatedKeys, Duration.ofMinutes(5)));   // atomic swap
 * EndpointResponse r = endpoint.handle(EndpointRequest.of("GET", "/.well-known/jwks.json"));
 * }</pre>
 *
 * <p>Answers: 200 with {@code Content-Type: application/json} (or {@code application/jwk-set+json}),
 * a strong {@code ETag}, {@code Cache-Control: public, max-age=…} from the document, {@code Vary:
 * Accept-Encoding}, gzip when the client accepts it, and CORS headers ({@code Access-Control-Allow-Origin:
 * *}); 304 when {@code If-None-Match} names the current tag (a list, weak tags, or {@code *}); 204 to
 * a CORS preflight {@code OPTIONS}; 405 with {@code Allow} to other methods; 404 elsewhere.
 *
 * <h2>Security</h2>
 * Documents are built from {@code PublicJwk}s only, so the endpoint cannot publish a private or
 * symmetric member. The JWKS is public by nature: CORS allows any origin, and no credentials are
 * honoured ({@code Access-Control-Allow-Credentials} is never sent). {@code X-Content-Type-Options:
 * nosniff} is always sent.
 *
 * <h2>Thread safety</h2>
 * Instances are safe for concurrent use; {@link #publish} swaps prepared responses atomically and
 * {@link #handle} only reads them, without locks or allocation beyond header parsing.
 */
public final class JwksEndpoint {

  /** The JWKS path (RFC 8414 convention, used by every major issuer). */
  public static final String JWKS_PATH = "/.well-known/jwks.json";
  /** The OpenID Provider configuration path (OpenID Connect Discovery 1.0 §4). */
  public static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
  /** How long browsers may cache a preflight answer: 86,400 s (Firefox's cap; Chromium caps at 7,200 s). */
  public static final int DEFAULT_PREFLIGHT_MAX_AGE_SECONDS = 86_400;

  /** The media type announced for the JWKS. */
  public enum MediaType {
    /** {@code application/json}: what every peer and most clients expect. The default. */
    JSON("application/json"),
    /** {@code application/jwk-set+json} (RFC 7517 §8.5.1): exact, but some older clients refuse it. */
    JWK_SET_JSON("application/jwk-set+json");

    private final String value;

    MediaType(String value) {
      this.value = value;
    }

    /** The header value. */
    public String value() {
      return value;
    }
  }

  private static final String ALLOW = "GET, HEAD, OPTIONS";
  private static final EndpointResponse NOT_FOUND = EndpointResponse.empty(404,
      List.of(new Header("X-Content-Type-Options", "nosniff")));

  private final String jwksPath;
  private final MediaType mediaType;
  private final boolean cors;
  private final AtomicReference<Prepared> jwks;
  private final @Nullable Prepared discovery;
  private final EndpointResponse methodNotAllowed;
  private final EndpointResponse preflight;

  private JwksEndpoint(Builder b, JwksDocument document) {
    this.jwksPath = b.jwksPath;
    this.mediaType = b.mediaType;
    this.cors = b.cors;
    this.jwks = new AtomicReference<>(prepare(document, mediaType.value()));
    this.discovery = b.discovery == null ? null : prepare(b.discovery, "application/json");
    this.methodNotAllowed = EndpointResponse.empty(405, List.of(new Header("Allow", ALLOW),
        new Header("X-Content-Type-Options", "nosniff")));
    List<Header> pre = new ArrayList<>();
    pre.add(new Header("Allow", ALLOW));
    if (cors) {
      pre.add(new Header("Access-Control-Allow-Origin", "*"));
      pre.add(new Header("Access-Control-Allow-Methods", ALLOW));
      pre.add(new Header("Access-Control-Allow-Headers", "If-None-Match"));
      pre.add(new Header("Access-Control-Max-Age", Integer.toString(b.preflightMaxAgeSeconds)));
    }
    this.preflight = EndpointResponse.empty(204, pre);
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Replaces the published JWKS atomically; requests already being answered finish with the old one.
   *
   * @param document the new document
   */
  public void publish(JwksDocument document) {
    jwks.set(prepare(Objects.requireNonNull(document, "document"), mediaType.value()));
  }

  /** The JWKS currently published. */
  public JwksDocument document() {
    return jwks.get().document;
  }

  /** The path the JWKS is served at. */
  public String jwksPath() {
    return jwksPath;
  }

  /**
   * Answers one request.
   *
   * @param request the request
   * @return the prepared response
   */
  public EndpointResponse handle(EndpointRequest request) {
    Objects.requireNonNull(request, "request");
    Prepared p;
    if (request.path().equals(jwksPath)) {
      p = jwks.get();
    } else if (request.path().equals(DISCOVERY_PATH) && discovery != null) {
      p = discovery;
    } else {
      return NOT_FOUND;
    }
    String method = request.method();
    boolean head = method.equals("HEAD");
    if (!head && !method.equals("GET")) {
      return method.equals("OPTIONS") ? preflight : methodNotAllowed;
    }
    boolean gzip = acceptsGzip(request.acceptEncoding()) && p.gzipWorthIt;
    if (request.ifNoneMatch().isPresent() && matches(request.ifNoneMatch().get(), p.document)) {
      return gzip ? p.notModifiedGzip : p.notModified;
    }
    if (gzip) {
      return head ? p.headGzip : p.okGzip;
    }
    return head ? p.head : p.ok;
  }

  /** Prepared responses for one document: built once per publication, shared by every request. */
  private static final class Prepared {
    final JwksDocument document;
    final boolean gzipWorthIt;
    final EndpointResponse ok;
    final EndpointResponse head;
    final EndpointResponse okGzip;
    final EndpointResponse headGzip;
    final EndpointResponse notModified;
    final EndpointResponse notModifiedGzip;

    Prepared(JwksDocument document, EndpointResponse ok, EndpointResponse head, EndpointResponse okGzip,
        EndpointResponse headGzip, EndpointResponse notModified, EndpointResponse notModifiedGzip) {
      this.document = document;
      this.gzipWorthIt = document.gzipBytes().length < document.identityBytes().length;
      this.ok = ok;
      this.head = head;
      this.okGzip = okGzip;
      this.headGzip = headGzip;
      this.notModified = notModified;
      this.notModifiedGzip = notModifiedGzip;
    }
  }

  private Prepared prepare(JwksDocument d, String contentType) {
    List<Header> plain = common(d, d.etag(), contentType, false);
    List<Header> gz = common(d, d.gzipEtag(), contentType, true);
    List<Header> nm = validators(d, d.etag());
    List<Header> nmGz = validators(d, d.gzipEtag());
    return new Prepared(d,
        new EndpointResponse(200, plain, d.identityBytes(), true),
        new EndpointResponse(200, plain, d.identityBytes(), false),
        new EndpointResponse(200, gz, d.gzipBytes(), true),
        new EndpointResponse(200, gz, d.gzipBytes(), false),
        EndpointResponse.empty(304, nm),
        EndpointResponse.empty(304, nmGz));
  }

  private List<Header> common(JwksDocument d, String etag, String contentType, boolean gzip) {
    List<Header> h = new ArrayList<>();
    h.add(new Header("Content-Type", contentType));
    if (gzip) {
      h.add(new Header("Content-Encoding", "gzip"));
    }
    h.addAll(validators(d, etag));
    h.add(new Header("X-Content-Type-Options", "nosniff"));
    return h;
  }

  private List<Header> validators(JwksDocument d, String etag) {
    List<Header> h = new ArrayList<>();
    h.add(new Header("ETag", etag));
    h.add(new Header("Cache-Control", "public, max-age=" + d.maxAge().toSeconds()));
    h.add(new Header("Vary", "Accept-Encoding"));
    if (cors) {
      h.add(new Header("Access-Control-Allow-Origin", "*"));
      h.add(new Header("Access-Control-Expose-Headers", "ETag"));
    }
    return h;
  }

  /** RFC 9110 §13.1.2: weak comparison; {@code *} matches any current representation. */
  static boolean matches(String ifNoneMatch, JwksDocument d) {
    for (String raw : ifNoneMatch.split(",")) {
      String tag = raw.trim();
      if (tag.equals("*")) {
        return true;
      }
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals(d.etag()) || tag.equals(d.gzipEtag())) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code Accept-Encoding} accepts gzip (by name or {@code *}) with a non-zero quality. */
  static boolean acceptsGzip(Optional<String> acceptEncoding) {
    if (acceptEncoding.isEmpty()) {
      return false;
    }
    boolean gzip = false;
    boolean gzipRefused = false;
    boolean star = false;
    for (String part : acceptEncoding.get().split(",")) {
      String[] pieces = part.split(";");
      String coding = pieces[0].trim().toLowerCase(Locale.ROOT);
      boolean zero = false;
      for (int i = 1; i < pieces.length; i++) {
        String p = pieces[i].trim().toLowerCase(Locale.ROOT);
        if (p.startsWith("q=")) {
          zero = p.substring(2).trim().matches("0(\\.0{0,3})?");
        }
      }
      if (coding.equals("gzip") || coding.equals("x-gzip")) {
        gzip = !zero;
        gzipRefused = zero;
      } else if (coding.equals("*")) {
        star = !zero;
      }
    }
    return gzip || (star && !gzipRefused);
  }

  /** Settings for a {@link JwksEndpoint}. */
  public static final class Builder {
    private @Nullable JwksDocument document;
    private @Nullable JwksDocument discovery;
    private String jwksPath = JWKS_PATH;
    private MediaType mediaType = MediaType.JSON;
    private boolean cors = true;
    private int preflightMaxAgeSeconds = DEFAULT_PREFLIGHT_MAX_AGE_SECONDS;

    private Builder() {}

    /** The JWKS to serve first. Required. @param document the document @return this builder */
    public Builder document(JwksDocument document) {
      this.document = Objects.requireNonNull(document, "document");
      return this;
    }

    /** An OpenID Provider configuration to serve at {@link #DISCOVERY_PATH}. Default: none (404). @param document the document @return this builder */
    public Builder discovery(JwksDocument document) {
      this.discovery = Objects.requireNonNull(document, "document");
      return this;
    }

    /**
     * The JWKS path. Default {@link #JWKS_PATH}.
     *
     * @param path an absolute path without query
     * @return this builder
     * @throws IllegalArgumentException when not starting with {@code /} or containing {@code ?} or {@code #}
     */
    public Builder jwksPath(String path) {
      Objects.requireNonNull(path, "path");
      if (!path.startsWith("/") || path.contains("?") || path.contains("#")) {
        throw new IllegalArgumentException("jwksPath must be an absolute path without query or fragment");
      }
      this.jwksPath = path;
      return this;
    }

    /** The media type announced. Default {@link MediaType#JSON}. @param type the type @return this builder */
    public Builder mediaType(MediaType type) {
      this.mediaType = Objects.requireNonNull(type, "type");
      return this;
    }

    /** Sends no CORS headers (browsers on other origins then cannot read the set). Default: CORS on. @return this builder */
    public Builder withoutCors() {
      this.cors = false;
      return this;
    }

    /** How long browsers may cache a preflight answer. Default {@link #DEFAULT_PREFLIGHT_MAX_AGE_SECONDS}. @param seconds 0 to 86,400 @return this builder */
    public Builder preflightMaxAgeSeconds(int seconds) {
      if (seconds < 0 || seconds > 86_400) {
        throw new IllegalArgumentException("preflightMaxAgeSeconds must be between 0 and 86400");
      }
      this.preflightMaxAgeSeconds = seconds;
      return this;
    }

    /**
     * Builds the endpoint.
     *
     * @return the endpoint
     * @throws IllegalStateException when no document was given, or the JWKS path is the discovery path
     */
    public JwksEndpoint build() {
      if (document == null) {
        throw new IllegalStateException("document is required");
      }
      if (jwksPath.equals(DISCOVERY_PATH)) {
        throw new IllegalStateException("jwksPath cannot be the discovery path");
      }
      return new JwksEndpoint(this, document);
    }
  }
}
