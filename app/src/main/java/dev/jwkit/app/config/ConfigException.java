package dev.jwkit.app.config;

import java.util.List;

/**
 * A configuration that cannot be used, with every problem found (not only the first).
 *
 * <p>Messages name the configuration key and its environment variable; they never contain secrets
 * such as a Vault token.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /**
   * A failed configuration.
   *
   * @param problems one line per problem, at least one
   */
  public ConfigException(List<String> problems) {
    super("invalid configuration: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, one line each. */
  public List<String> problems() {
    return problems;
  }
}
