package dev.jwkit.jwks.model;

import dev.jwkit.jose.ErrorCode;
import dev.jwkit.jose.JwkitException;

/**
 * A key source cannot provide keys right now (fetch failed, staleness beyond the limit, never loaded).
 * Verification fails closed; the caller may retry later. Adapters translate I/O failures into this type
 * at the port boundary, with the cause attached.
 */
public final class KeySourceUnavailableException extends JwkitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code a {@link KeySourceError} (or an adapter's code)
   * @param message safe context (a location, a status code), never key material
   */
  public KeySourceUnavailableException(ErrorCode code, String message) {
    super(code, message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param code a {@link KeySourceError} (or an adapter's code)
   * @param message safe context (a location, a status code), never key material
   * @param cause the underlying failure
   */
  public KeySourceUnavailableException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
