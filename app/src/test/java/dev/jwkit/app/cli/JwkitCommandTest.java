package dev.jwkit.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class JwkitCommandTest {

  @Test
  void version_printsVersionAndExitsZero() {
    StringWriter out = new StringWriter();
    CommandLine commandLine = new CommandLine(new JwkitCommand());
    commandLine.setOut(new PrintWriter(out));

    int exit = commandLine.execute("--version");

    assertThat(exit).isEqualTo(JwkitCommand.EXIT_OK);
    assertThat(out.toString()).startsWith("jwkit ");
  }

  @Test
  void unknownOption_exitsWithUsageError() {
    CommandLine commandLine = new CommandLine(new JwkitCommand());
    commandLine.setErr(new PrintWriter(new StringWriter()));

    assertThat(commandLine.execute("--no-such-option")).isEqualTo(JwkitCommand.EXIT_USAGE);
  }
}
