package dev.jwkit.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code jwkit} command line: the entry point of the composed distribution.
 *
 * <p>Exit codes are a contract: 0 success, 1 invalid token or failed check, 2 usage error, 3 input or
 * I/O error.
 */
@Command(
    name = "jwkit",
    mixinStandardHelpOptions = true,
    versionProvider = JwkitCommand.Version.class,
    description = "Manage signing keys, publish them as a JWKS, sign and verify JWTs.")
public final class JwkitCommand implements Callable<Integer> {

  /** Success. */
  public static final int EXIT_OK = 0;
  /** The token is invalid or a check failed. */
  public static final int EXIT_INVALID = 1;
  /** The command line is wrong. */
  public static final int EXIT_USAGE = 2;
  /** Input could not be read or written. */
  public static final int EXIT_IO = 3;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("jwkit " + Version.current());
    spec.commandLine().usage(out);
    return EXIT_OK;
  }

  /** Runs the command line and returns the exit code, without exiting the JVM. */
  public static int run(String... args) {
    CommandLine commandLine = new CommandLine(new JwkitCommand());
    return commandLine.execute(args);
  }

  /** The process entry point. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Reads the version from the jar manifest, falling back to "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"jwkit " + current()};
    }

    static String current() {
      String version = JwkitCommand.class.getPackage().getImplementationVersion();
      return version == null ? "development" : version;
    }
  }
}
