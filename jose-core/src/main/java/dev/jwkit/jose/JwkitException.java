package dev.jwkit.jose;

import java.util.Objects;

/**
 * The root of jwkit's exception hierarchy: every failure carries a stable {@link ErrorCode}.
 *
 * <p>Messages carry the code and safe context only (a {@code kid}, an {@code alg}, an issuer, a path),
 * never a token, claim values, key material or credentials. The message always begins with the code id,
 * so that logs can be grepped by code: {@code "jws.signature_invalid: signature does not verify (kid=k1)"}.
 *
 * <p>jwkit declares no checked exceptions in any public signature. Programming errors (a {@code null}
 * argument, a builder used wrongly) stay plain {@link NullPointerException}, {@link
 * IllegalArgumentException} or {@link IllegalStateException}.
 */
public class JwkitException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ErrorCode code;

  /**
   * Creates an exception with a code and a safe message.
   *
   * @param code the stable reason
   * @param message safe context for a human; must not contain secrets or token contents
   */
  public JwkitException(ErrorCode code, String message) {
    super(format(code, message));
    this.code = code;
  }

  /**
   * Creates an exception with a code, a safe message and the underlying cause.
   *
   * @param code the stable reason
   * @param message safe context for a human; must not contain secrets or token contents
   * @param cause the underlying failure
   */
  public JwkitException(ErrorCode code, String message, Throwable cause) {
    super(format(code, message), cause);
    this.code = code;
  }

  /** The stable reason for this failure. */
  public ErrorCode code() {
    return code;
  }

  private static String format(ErrorCode code, String message) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    return code.id() + ": " + message;
  }
}
