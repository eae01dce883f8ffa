package dev.jwkit.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * The training run of the class-data sharing archive that the {@code jwkit} launcher makes next to the
 * jar: runs the one-shot commands scripts call (help, key generation, {@code keys public}, {@code token
 * sign}, {@code token verify} and {@code token inspect} for RSA, EC and Ed25519) in one JVM, so that the
 * JVM started with {@code -XX:ArchiveClassesAtExit} archives the classes they load.
 *
 * <p>Works in a temporary directory that it deletes, touches no key ring, and prints nothing; a failing
 * step ends the run with exit code 1 (the launcher then starts without an archive). Not part of the
 * command line: the launcher runs it with {@code java -cp jwkit.jar dev.jwkit.app.cli.CdsTraining}.
 */
public final class CdsTraining {
  private CdsTraining() {}

  /**
   * Runs the training commands.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    try {
      train();
    } catch (RuntimeException | IOException e) {
      System.exit(JwkitCommand.EXIT_INVALID);
    }
  }

  /** Runs every training command; throws if one of them does not succeed. */
  static void train() throws IOException {
    Path dir = Files.createTempDirectory("jwkit-cds");
    try {
      run("--help");
      List<String> keys = new ArrayList<>();
      for (String alg : List.of("RS256", "ES256", "EdDSA")) {
        String key = run("keys", "generate", "--alg", alg);
        Path file = dir.resolve(alg + ".json");
        Files.writeString(file, key);
        keys.add(key.strip());
        String token = run("token", "sign", "--key", file.toString(), "--claims", "{\"sub\":\"training\"}");
        Path set = dir.resolve(alg + "-set.json");
        Files.writeString(set, "{\"keys\":[" + key.strip() + "]}");
        Files.writeString(dir.resolve(alg + "-public.json"), run("keys", "public", set.toString()));
        run("token", "verify", "--jwks", dir.resolve(alg + "-public.json").toString(), token.strip());
        run("token", "inspect", token.strip());
      }
      Path all = dir.resolve("all.json");
      Files.writeString(all, "{\"keys\":[" + String.join(",", keys) + "]}");
      run("keys", "public", all.toString());
    } finally {
      delete(dir);
    }
  }

  /** Runs one command as {@link JwkitCommand#run} does and returns its standard output. */
  private static String run(String... args) {
    String[] effective = JwkitCommand.withDefaultCommand(args);
    CommandLine commandLine = JwkitCommand.commandLine(effective);
    StringWriter out = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(new StringWriter(), true));
    int exit = commandLine.execute(effective);
    if (exit != JwkitCommand.EXIT_OK) {
      throw new IllegalStateException("training step " + String.join(" ", List.of(args).subList(0, Math.min(2, args.length)))
          + " failed with exit " + exit);
    }
    return out.toString();
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
