package dev.jwkit.adapters.http.fetching;

import dev.jwkit.jose.ErrorCode;

/**
 * The error codes of the HTTP adapter's fetching side. The ids are stable: they are listed in the module
 * README and renaming one is a breaking change.
 *
 * <p>They are carried by a {@code KeySourceUnavailableException} (the failure is the network's or the
 * remote server's, not the token's), except {@link #ISSUER_MISMATCH} during discovery, which is also a
 * key-source failure: a discovery document for another issuer is never used.
 */
public enum HttpJwksError implements ErrorCode {
  /** The location is malformed, or not {@code https} (nor plain {@code http} to a loopback host, nor explicitly allowed). */
  LOCATION_REFUSED("http.location_refused"),
  /** The TCP or TLS connection could not be established. */
  CONNECT_FAILED("http.connect_failed"),
  /** The connect timeout, the read timeout or the overall deadline passed. */
  TIMEOUT("http.timeout"),
  /** The connection broke while reading (reset, truncated body, malformed HTTP). */
  IO_FAILED("http.io_failed"),
  /** The server answered with a status other than 2xx (or 304 to a conditional request). */
  BAD_STATUS("http.bad_status"),
  /** The server answered with a redirect and following redirects is off (the default) or not allowed there. */
  REDIRECT_REFUSED("http.redirect_refused"),
  /** The response's {@code Content-Type} is not a JSON type ({@code application/json}, {@code application/jwk-set+json}). */
  BAD_CONTENT_TYPE("http.bad_content_type"),
  /** The body (after decompression) is larger than the configured cap. */
  BODY_TOO_LARGE("http.body_too_large"),
  /** A {@code Content-Encoding} other than {@code gzip} or {@code identity}, or a corrupt gzip stream. */
  BAD_CONTENT_ENCODING("http.bad_content_encoding"),
  /** The body is not a JSON object with a {@code keys} array. */
  MALFORMED_JWKS("http.malformed_jwks"),
  /** The set holds more keys than the configured cap. */
  TOO_MANY_KEYS("http.too_many_keys"),
  /** A discovery document that is not usable (not JSON, no {@code jwks_uri}, insecure {@code jwks_uri}). */
  DISCOVERY_INVALID("http.discovery_invalid"),
  /** A discovery document whose {@code issuer} is not exactly the expected issuer. */
  ISSUER_MISMATCH("http.discovery_issuer_mismatch");

  private final String id;

  HttpJwksError(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }
}
