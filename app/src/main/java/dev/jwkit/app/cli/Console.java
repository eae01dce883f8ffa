package dev.jwkit.app.cli;

import dev.jwkit.jose.Json;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one place where jwkit writes to the user: standard output for results, standard error for
 * messages. Commands get it from their picocli spec, so tests capture both streams in-process.
 *
 * <p>Not thread-safe beyond what {@link PrintWriter} guarantees.
 */
final class Console {
  private final PrintWriter out;
  private final PrintWriter err;

  private Console(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  static Console of(CommandSpec spec) {
    return new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** Prints one result line on standard output. */
  void out(String line) {
    out.println(line);
    out.flush();
  }

  /** Prints a JSON object on standard output. */
  void json(Map<String, ?> object) {
    out(Json.write(object));
  }

  /** Prints one message line on standard error. */
  void err(String line) {
    err.println(line);
    err.flush();
  }
}
