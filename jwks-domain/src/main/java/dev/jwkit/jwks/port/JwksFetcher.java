package dev.jwkit.jwks.port;

/**
 * Fetches a JWKS document. The HTTP adapter ({@code HttpJwksFetcher}) implements it on
 * {@code java.net.http} with timeouts, a body cap and conditional requests; the caching key source in
 * front of it applies the domain's {@link dev.jwkit.jwks.model.KeySetCachePolicy}.
 *
 * <h2>Thread safety</h2>
 * Implementations must be safe for concurrent use.
 */
public interface JwksFetcher {

  /**
   * Fetches the document.
   *
   * @throws dev.jwkit.jwks.model.KeySourceUnavailableException {@code KeySourceError.FETCH_FAILED} (or an
   *     adapter's code) on any I/O failure, timeout, bad status or content type; never an I/O exception
   */
  FetchedJwks fetch(JwksLocation location);

  /**
   * Fetches the document conditionally: the server may answer {@link FetchedJwks#notModified()} if its
   * current {@code ETag} equals {@code etag}.
   *
   * @throws dev.jwkit.jwks.model.KeySourceUnavailableException as {@link #fetch(JwksLocation)}
   */
  FetchedJwks fetch(JwksLocation location, String etag);
}
