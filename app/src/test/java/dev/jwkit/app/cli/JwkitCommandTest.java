package dev.jwkit.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class JwkitCommandTest {
  @TempDir Path dir;

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

  @Test
  void optionsWithoutCommand_runServe() {
    assertThat(JwkitCommand.withDefaultCommand("--port", "8081")).containsExactly("serve", "--port", "8081");
    assertThat(JwkitCommand.withDefaultCommand("--data-dir", "d")).containsExactly("serve", "--data-dir", "d");
    assertThat(JwkitCommand.withDefaultCommand("--verbose", "--port", "1"))
        .containsExactly("serve", "--verbose", "--port", "1");
  }

  @Test
  void ownOptionsAndCommands_areLeftAlone() {
    assertThat(JwkitCommand.withDefaultCommand()).isEmpty();
    assertThat(JwkitCommand.withDefaultCommand("--help")).containsExactly("--help");
    assertThat(JwkitCommand.withDefaultCommand("-h")).containsExactly("-h");
    assertThat(JwkitCommand.withDefaultCommand("--version")).containsExactly("--version");
    assertThat(JwkitCommand.withDefaultCommand("-V")).containsExactly("-V");
    assertThat(JwkitCommand.withDefaultCommand("--verbose")).containsExactly("--verbose");
    assertThat(JwkitCommand.withDefaultCommand("token", "verify", "--jwks", "f", "t"))
        .containsExactly("token", "verify", "--jwks", "f", "t");
    assertThat(JwkitCommand.withDefaultCommand("--verbose", "keys", "list")).containsExactly("--verbose", "keys", "list");
  }

  @Test
  void portFlagAlone_isParsedByServe() {
    Cli r = Cli.run("--port", "abc");

    assertThat(r.exit).as(r.toString()).isEqualTo(JwkitCommand.EXIT_USAGE);
    assertThat(r.err).contains("--port").contains("Usage: jwkit serve");
  }

  @Test
  void dataDirFlagAlone_reachesServesConfiguration() throws Exception {
    Path config = dir.resolve("c.yaml");
    Files.writeString(config, "server:\n  port: -1\n");

    Cli r = Cli.run("--data-dir", dir.resolve("d").toString(), "--config", config.toString());

    assertThat(r.exit).as(r.toString()).isEqualTo(JwkitCommand.EXIT_USAGE);
    assertThat(r.err).contains("invalid configuration").contains("server.port");
  }

  @Test
  void help_listsEveryCommand() {
    Cli r = Cli.run("--help");

    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).startsWith("Usage: jwkit [").contains("  keys ").contains("  token ").contains("  jwks ")
        .contains("  serve ").contains("  help ");
    assertThat(Cli.run("--version").out).startsWith("jwkit ");
  }

  @Test
  void helpCommand_showsTheNamedCommand() {
    Cli r = Cli.run("help", "token");

    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).startsWith("Usage: jwkit token");
  }

  @Test
  void namedCommand_isTheOnlyOneModelled() {
    assertThat(JwkitCommand.commandLine("token", "verify", "--jwks", "f", "t").getSubcommands()).containsOnlyKeys("token");
    assertThat(JwkitCommand.commandLine("--verbose", "keys", "list").getSubcommands()).containsOnlyKeys("keys");
    assertThat(JwkitCommand.commandLine("--help").getSubcommands())
        .containsOnlyKeys("keys", "token", "jwks", "serve", "help");
    assertThat(JwkitCommand.commandLine("help", "keys").getSubcommands()).hasSize(5);
    for (String name : JwkitCommand.SUBCOMMANDS) {
      CommandLine named = JwkitCommand.commandLine(name);
      assertThat(named.getSubcommands()).as(name).hasSize(name.equals("help") ? 5 : 1).containsKey(name);
      assertThat(named.getSubcommands().get(name).getCommandName()).isEqualTo(name);
    }
  }

  @Test
  void unknownCommand_isUsageErrorWithSuggestion() {
    Cli r = Cli.run("tokne", "verify");

    assertThat(r.exit).as(r.toString()).isEqualTo(JwkitCommand.EXIT_USAGE);
    assertThat(r.err).contains("tokne").contains("token");
  }
}
