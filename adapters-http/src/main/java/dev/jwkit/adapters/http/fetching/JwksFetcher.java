package dev.jwkit.adapters.http.fetching;

import dev.jwkit.jwks.model.KeySourceUnavailableException;

/**
 * Fetches one JWKS document: bytes plus cache metadata.
 *
 * <p>Stand-in for the domain port {@code dev.jwkit.jwks.port.JwksFetcher} until the domain branch is
 * merged. Implementations must be safe for concurrent use and must throw only
 * {@link KeySourceUnavailableException} (no infrastructure exception crosses this interface).
 */
public interface JwksFetcher {

  /**
   * Fetches the document unconditionally.
   *
   * @return the body and its cache metadata
   * @throws KeySourceUnavailableException when the document cannot be fetched or is not acceptable
   */
  FetchedJwks fetch();

  /**
   * Fetches the document unless it still has the given entity tag ({@code If-None-Match}).
   *
   * @param etag the entity tag of the copy held, as the server sent it
   * @return the new body, or a {@linkplain FetchedJwks#notModified() not-modified} result
   * @throws KeySourceUnavailableException when the document cannot be fetched or is not acceptable
   */
  FetchedJwks fetchIfNoneMatch(String etag);

  /** Where the document is fetched from, safe to log (no query, no user info). */
  String location();
}
