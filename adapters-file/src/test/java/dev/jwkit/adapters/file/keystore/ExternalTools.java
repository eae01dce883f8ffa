package dev.jwkit.adapters.file.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the JDK's keytool and OpenSSL from tests, and says whether they are there. */
final class ExternalTools {

  private ExternalTools() {}

  static Path keytool() {
    return Path.of(System.getProperty("java.home"), "bin", "keytool");
  }

  static boolean hasKeytool() {
    return Files.isExecutable(keytool());
  }

  static boolean hasOpenssl() {
    try {
      return run(List.of("openssl", "version")).exitCode == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Runs a command to completion and fails the test if it does not exit 0. */
  static String runOk(List<String> command) throws IOException {
    Result result = run(command);
    assertThat(result.exitCode).as("%s exited %d: %s", command, result.exitCode, result.output).isZero();
    return result.output;
  }

  static Result run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("timed out: " + command);
      }
      return new Result(process.exitValue(), output);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  static final class Result {
    final int exitCode;
    final String output;

    Result(int exitCode, String output) {
      this.exitCode = exitCode;
      this.output = output;
    }
  }
}
