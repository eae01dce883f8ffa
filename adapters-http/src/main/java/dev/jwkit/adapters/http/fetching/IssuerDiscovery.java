package dev.jwkit.adapters.http.fetching;

import dev.jwkit.adapters.http.internal.Locations;
import dev.jwkit.jwks.model.KeySourceUnavailableException;
import dev.jwkit.jwks.port.JwksLocation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds an issuer's {@code jwks_uri} from its metadata: OpenID Connect Discovery
 * ({@code {issuer}/.well-known/openid-configuration}), then RFC 8414
 * ({@code https://host/.well-known/oauth-authorization-server{path}}), and checks that the document's
 * {@code issuer} is exactly the expected one (OpenID Connect Discovery §4.3, RFC 8414 §3.3).
 *
 * <pre>{@code
 * IssuerMetadata meta = IssuerDiscovery.of(HttpJwksFetcher.builder().build()).discover("https://issuer.example");
 * CachingKeySource keys = CachingKeySource.builder().location(meta.jwksUri()).build();
 * }</pre>
 *
 * <h2>Security</h2>
 * The comparison is exact and case-sensitive (a document for {@code https://issuer.example.evil} or with
 * a trailing slash does not match), so a metadata document cannot redirect trust to another issuer. The
 * metadata and the {@code jwks_uri} must both pass the fetcher's location rule (HTTPS, or plain HTTP to
 * loopback). Fetches use the fetcher's timeouts, caps and no-redirect default.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use.
 */
public final class IssuerDiscovery {

  /** The OpenID Connect Discovery suffix. */
  public static final String OPENID_CONFIGURATION = "/.well-known/openid-configuration";
  /** The RFC 8414 well-known segment. */
  public static final String OAUTH_AUTHORIZATION_SERVER = "/.well-known/oauth-authorization-server";

  private final HttpJwksFetcher fetcher;

  private IssuerDiscovery(HttpJwksFetcher fetcher) {
    this.fetcher = fetcher;
  }

  /** Discovery with this fetcher's settings. @param fetcher the fetcher @return the discovery */
  public static IssuerDiscovery of(HttpJwksFetcher fetcher) {
    return new IssuerDiscovery(Objects.requireNonNull(fetcher, "fetcher"));
  }

  /** The fetcher used (so that key sources of discovered issuers can share it). */
  HttpJwksFetcher fetcher() {
    return fetcher;
  }

  /**
   * Fetches and checks the issuer's metadata.
   *
   * @param issuer the expected issuer identifier ({@code https} URL without query or fragment)
   * @return the metadata
   * @throws IllegalArgumentException when {@code issuer} is not such a URL
   * @throws KeySourceUnavailableException {@link HttpJwksError#ISSUER_MISMATCH} when the document names
   *     another issuer, {@link HttpJwksError#DISCOVERY_INVALID} when it has no usable {@code jwks_uri},
   *     or the fetch failure of the last location tried
   */
  public IssuerMetadata discover(String issuer) {
    URI iss = issuerUri(issuer);
    fetcher.refusal(iss).ifPresent(r -> {
      throw new IllegalArgumentException("issuer refused: " + r);
    });
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    KeySourceUnavailableException first;
    try {
      return check(issuer, fetcher.fetchJsonObject(URI.create(base + OPENID_CONFIGURATION)));
    } catch (KeySourceUnavailableException e) {
      if (e.code() == HttpJwksError.ISSUER_MISMATCH) {
        throw e;
      }
      first = e;
    }
    String path = iss.getRawPath() == null || iss.getRawPath().equals("/") ? "" : iss.getRawPath();
    URI rfc8414 = URI.create(iss.getScheme() + "://" + iss.getRawAuthority() + OAUTH_AUTHORIZATION_SERVER + path);
    try {
      return check(issuer, fetcher.fetchJsonObject(rfc8414));
    } catch (KeySourceUnavailableException e) {
      e.addSuppressed(first);
      throw e;
    }
  }

  private IssuerMetadata check(String expected, Map<String, Object> doc) {
    Object iss = doc.get("issuer");
    if (!expected.equals(iss)) {
      throw new KeySourceUnavailableException(HttpJwksError.ISSUER_MISMATCH,
          "metadata names another issuer than " + expected);
    }
    Object jwks = doc.get("jwks_uri");
    if (!(jwks instanceof String)) {
      throw new KeySourceUnavailableException(HttpJwksError.DISCOVERY_INVALID, "no jwks_uri for " + expected);
    }
    URI uri;
    try {
      uri = new URI((String) jwks);
    } catch (URISyntaxException e) {
      throw new KeySourceUnavailableException(HttpJwksError.DISCOVERY_INVALID, "malformed jwks_uri for " + expected, e);
    }
    Optional<String> refusal = fetcher.refusal(uri);
    if (refusal.isPresent()) {
      throw new KeySourceUnavailableException(HttpJwksError.DISCOVERY_INVALID,
          "jwks_uri refused (" + refusal.get() + ") for " + expected);
    }
    return new IssuerMetadata(expected, JwksLocation.of(uri.toString()), doc);
  }

  static URI issuerUri(String issuer) {
    Objects.requireNonNull(issuer, "issuer");
    URI uri;
    try {
      uri = new URI(issuer);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("issuer is not a URL", e);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || Locations.refusal(uri, true).isPresent()) {
      throw new IllegalArgumentException("issuer must be an absolute http(s) URL without query or fragment");
    }
    return uri;
  }
}
