package dev.jwkit.app.cli;

/**
 * A failure that the CLI reports as one line on standard error with a given exit code. The message says
 * what to do.
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }

  static CliException usage(String message) {
    return new CliException(JwkitCommand.EXIT_USAGE, message);
  }

  static CliException io(String message) {
    return new CliException(JwkitCommand.EXIT_IO, message);
  }

  static CliException io(String message, Throwable cause) {
    return new CliException(JwkitCommand.EXIT_IO, message, cause);
  }
}
