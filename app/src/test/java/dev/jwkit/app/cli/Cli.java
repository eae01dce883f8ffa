package dev.jwkit.app.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs the jwkit command line in-process with captured standard output and error. */
final class Cli {
  final int exit;
  final String out;
  final String err;

  private Cli(int exit, String out, String err) {
    this.exit = exit;
    this.out = out;
    this.err = err;
  }

  static Cli run(String... args) {
    return runWithInput(null, args);
  }

  static Cli runWithInput(String stdin, String... given) {
    String[] args = JwkitCommand.withDefaultCommand(given);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = JwkitCommand.commandLine(args);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    InputStream previous = JwkitCommand.stdin();
    if (stdin != null) {
      JwkitCommand.stdin(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      int exit = cl.execute(args);
      return new Cli(exit, out.toString(), err.toString());
    } finally {
      JwkitCommand.stdin(previous);
    }
  }

  @Override
  public String toString() {
    return "exit=" + exit + "\nout=" + out + "\nerr=" + err;
  }
}
