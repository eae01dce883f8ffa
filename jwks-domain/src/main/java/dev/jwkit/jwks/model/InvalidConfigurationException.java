package dev.jwkit.jwks.model;

import dev.jwkit.jose.ErrorCode;
import dev.jwkit.jose.JwkitException;
import java.util.List;
import java.util.Objects;

/**
 * A configuration (a rotation policy, a cache policy) breaks one or more rules. Every broken rule is
 * listed at once, so that an operator can fix them all in one edit; this is a startup failure.
 */
public final class InvalidConfigurationException extends JwkitException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /**
   * Creates the exception.
   *
   * @param code the code, usually {@link KeyRingError#POLICY_INVALID}
   * @param subject what was being configured, for example {@code "rotation policy"}
   * @param problems every broken rule, each a sentence naming the rule and the values involved
   */
  public InvalidConfigurationException(ErrorCode code, String subject, List<String> problems) {
    super(code, Objects.requireNonNull(subject, "subject") + " is invalid: " + String.join("; ", problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems must not be empty");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every broken rule, in the order they were checked. */
  public List<String> problems() {
    return problems;
  }
}
