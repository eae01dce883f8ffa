package dev.jwkit.adapters.http.publishing;

import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link JwksEndpoint} needs of an HTTP request; a server binding builds one per request.
 *
 * @param method the request method, as sent ({@code GET}, {@code HEAD}, …; case-sensitive)
 * @param path the request path without query string
 * @param ifNoneMatch the {@code If-None-Match} header, if any
 * @param acceptEncoding the {@code Accept-Encoding} header, if any
 */
public record EndpointRequest(String method, String path, Optional<String> ifNoneMatch, Optional<String> acceptEncoding) {

  /** Validates. */
  public EndpointRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(ifNoneMatch, "ifNoneMatch");
    Objects.requireNonNull(acceptEncoding, "acceptEncoding");
  }

  /** A request without conditional or encoding headers. */
  public static EndpointRequest of(String method, String path) {
    return new EndpointRequest(method, path, Optional.empty(), Optional.empty());
  }
}
