package dev.jwkit.adapters.http.fetching;

import dev.jwkit.jose.ErrorCode;
import dev.jwkit.jose.JwkitException;

/**
 * A key source cannot provide keys right now: fail closed, retry later.
 *
 * <p>Stand-in for {@code dev.jwkit.jwks.model.KeySourceUnavailableException} until the domain branch is
 * merged; it is replaced by the domain's type then.
 */
public final class KeySourceUnavailableException extends JwkitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code the stable reason
   * @param message safe context (a location, a status code), never key material
   */
  public KeySourceUnavailableException(ErrorCode code, String message) {
    super(code, message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param code the stable reason
   * @param message safe context (a location, a status code), never key material
   * @param cause the underlying failure
   */
  public KeySourceUnavailableException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
