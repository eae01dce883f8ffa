package dev.jwkit.jose;

/**
 * The token presented is not acceptable: malformed, signed with a disallowed algorithm, not verifiable
 * with any trusted key, expired, for another audience, and so on. This is the "401" class of failure:
 * the caller should reject the request, not retry.
 *
 * <p>The message never contains the token or its claim values.
 */
public final class InvalidTokenException extends JwkitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a code and a safe message.
   *
   * @param code the stable reason
   * @param message safe context; must not contain the token or claim values
   */
  public InvalidTokenException(ErrorCode code, String message) {
    super(code, message);
  }

  /**
   * Creates an exception with a code, a safe message and the underlying cause.
   *
   * @param code the stable reason
   * @param message safe context; must not contain the token or claim values
   * @param cause the underlying failure
   */
  public InvalidTokenException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
