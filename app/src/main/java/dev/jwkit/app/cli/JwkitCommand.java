package dev.jwkit.app.cli;

import dev.jwkit.app.config.ConfigException;
import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jwks.model.InvalidConfigurationException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code jwkit} command line: the entry point of the composed distribution.
 *
 * <p>Exit codes are a contract: 0 success, 1 invalid token or failed check, 2 usage error (including a
 * bad configuration), 3 input or I/O error (including a missing key ring).
 *
 * <p>Options without a command run {@code serve} with them ({@code jwkit --port 8081}); see {@link
 * #withDefaultCommand}. Start-up matters (scripts call {@code jwkit token verify} once per token), so
 * picocli models only the command that is named, not the whole tree, unless help is asked for.
 */
@Command(
    name = "jwkit",
    mixinStandardHelpOptions = true,
    versionProvider = JwkitCommand.Version.class,
    description = "Manage signing keys, publish them as a JWKS, sign and verify JWTs.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:invalid token or failed check", "2:usage or configuration error",
        "3:input, I/O or storage error (e.g. no key ring yet)"})
public final class JwkitCommand implements Callable<Integer> {

  /** Success. */
  public static final int EXIT_OK = 0;
  /** The token is invalid or a check failed. */
  public static final int EXIT_INVALID = 1;
  /** The command line is wrong. */
  public static final int EXIT_USAGE = 2;
  /** Input could not be read or written. */
  public static final int EXIT_IO = 3;

  /** The subcommands' names in help order; {@link #subcommand} maps each to its class. */
  static final List<String> SUBCOMMANDS = List.of("keys", "token", "jwks", "serve", "help");

  /** The command that options alone run. */
  static final String DEFAULT_COMMAND = "serve";

  /** Options of {@code jwkit} itself: they never imply the default command. */
  private static final Set<String> OWN_OPTIONS = Set.of("-h", "--help", "-V", "--version", "--verbose");

  @Spec private CommandSpec spec;

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "Print stack traces of failures (for bug reports).")
  boolean verbose;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("jwkit " + Version.current());
    spec.commandLine().usage(out);
    return EXIT_OK;
  }

  /** Runs the command line and returns the exit code, without exiting the JVM. */
  public static int run(String... args) {
    String[] effective = withDefaultCommand(args);
    return commandLine(effective).execute(effective);
  }

  /**
   * The arguments to execute: {@code args} as given, or {@code serve} followed by them when they start
   * with an option that is not {@code jwkit}'s own ({@code --port 8081}, {@code --data-dir d}). {@code
   * --help}, {@code --version} and {@code --verbose} alone stay {@code jwkit}'s.
   */
  static String[] withDefaultCommand(String... args) {
    for (String arg : args) {
      if (OWN_OPTIONS.contains(arg)) {
        continue;
      }
      if (!arg.startsWith("-")) {
        return args;
      }
      String[] effective = new String[args.length + 1];
      effective[0] = DEFAULT_COMMAND;
      System.arraycopy(args, 0, effective, 1, args.length);
      return effective;
    }
    return args;
  }

  /**
   * The configured picocli command line (exit codes and error handling set) for these arguments, for
   * tests and {@link #run}. When {@code args} name a command other than {@code help}, only that command is
   * added: the others are not modelled (nor their classes loaded), which is most of picocli's start-up
   * time; otherwise (help, usage, an unknown name) every command is added, so help lists them all.
   */
  static CommandLine commandLine(String... args) {
    boolean verbose = Arrays.asList(args).contains("--verbose");
    CommandLine commandLine = new CommandLine(new JwkitCommand());
    String named = firstCommandName(args);
    boolean all = named == null || named.equals("help") || !SUBCOMMANDS.contains(named);
    for (String name : SUBCOMMANDS) {
      // an unknown name gets the whole list too: picocli reports it with suggestions
      if (all || named.equals(name)) {
        commandLine.addSubcommand(name, subcommand(name));
      }
    }
    // --claims @FILE is jwkit's own syntax: picocli's argument files would swallow it
    commandLine.setExpandAtFiles(false);
    commandLine.setExitCodeExceptionMapper(e -> exitCodeOf(e));
    commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
      PrintWriter err = cl.getErr();
      report(e, err, verbose);
      err.flush();
      return exitCodeOf(e);
    });
    return commandLine;
  }

  /**
   * The class of a subcommand. A switch, not a list of class literals: loading a command class (and
   * reading its annotation) loads its nested commands and, when linked, the types its code uses (the
   * server's, for serve), which a one-shot command does not need.
   */
  private static Class<?> subcommand(String name) {
    switch (name) {
      case "keys":
        return KeysCommand.class;
      case "token":
        return TokenCommand.class;
      case "jwks":
        return JwksCommand.class;
      case "serve":
        return ServeCommand.class;
      case "help":
        return CommandLine.HelpCommand.class;
      default:
        throw new IllegalArgumentException("no command " + name);
    }
  }

  /** The first argument that is not one of {@code jwkit}'s own options, or null. */
  private static @Nullable String firstCommandName(String... args) {
    for (String arg : args) {
      if (!OWN_OPTIONS.contains(arg)) {
        return arg.startsWith("-") ? null : arg;
      }
    }
    return null;
  }

  static int exitCodeOf(Throwable e) {
    if (e instanceof CliException) {
      return ((CliException) e).exitCode();
    }
    if (e instanceof CommandLine.ParameterException || e instanceof ConfigException
        || e instanceof InvalidConfigurationException || e instanceof IllegalArgumentException) {
      return EXIT_USAGE;
    }
    if (e instanceof InvalidTokenException) {
      return EXIT_INVALID;
    }
    return EXIT_IO;
  }

  private static void report(Exception e, PrintWriter err, boolean verbose) {
    if (e instanceof ConfigException) {
      err.println("jwkit: invalid configuration (fix every line below, then start again):");
      for (String p : ((ConfigException) e).problems()) {
        err.println("  - " + p);
      }
    } else if (e instanceof InvalidConfigurationException) {
      err.println("jwkit: invalid configuration (fix every line below, then start again):");
      for (String p : ((InvalidConfigurationException) e).problems()) {
        err.println("  - " + p);
      }
    } else if (e instanceof CliException) {
      err.println("jwkit: " + e.getMessage());
    } else if (e instanceof JwkitException) {
      String id = ((JwkitException) e).code().id();
      String m = String.valueOf(e.getMessage());
      err.println("jwkit: " + (m.startsWith(id + ": ") ? m : id + ": " + m));
    } else if (e instanceof IllegalArgumentException) {
      err.println("jwkit: " + e.getMessage() + " (see --help)");
    } else {
      err.println("jwkit: unexpected error: " + e + " (rerun with --verbose and report it)");
    }
    if (verbose) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(trace);
    }
  }

  private static volatile java.io.InputStream stdin = System.in;

  /** Standard input (replaceable by tests). */
  static java.io.InputStream stdin() {
    return stdin;
  }

  static void stdin(java.io.InputStream in) {
    stdin = in;
  }

  /** The process environment, read once per command. */
  static Map<String, String> environment() {
    return System.getenv();
  }

  /** The process entry point. */
  public static void main(String[] args) {
    int code = run(args);
    if (code != EXIT_OK || !ServeCommand.isServing()) {
      System.exit(code);
    }
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
