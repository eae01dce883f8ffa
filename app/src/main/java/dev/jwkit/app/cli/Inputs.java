package dev.jwkit.app.cli;

import dev.jwkit.adapters.file.keystore.KeyFiles;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwk.Jwk;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/** Reading the command line's inputs: files, {@code -} for standard input, {@code @FILE} arguments. */
final class Inputs {
  private static final int MAX_INPUT = 1024 * 1024;

  private Inputs() {}

  /** Reads a file, or standard input for {@code -}. */
  static String readText(String fileOrDash, CommandSpec spec) {
    if ("-".equals(fileOrDash)) {
      return readStdin();
    }
    return readFile(Path.of(fileOrDash));
  }

  static String readStdin() {
    try {
      BufferedReader in = new BufferedReader(new InputStreamReader(JwkitCommand.stdin(), StandardCharsets.UTF_8));
      StringWriter w = new StringWriter();
      char[] buf = new char[8192];
      int n;
      while ((n = in.read(buf)) >= 0) {
        w.write(buf, 0, n);
        if (w.getBuffer().length() > MAX_INPUT) {
          throw CliException.io("standard input is larger than 1 MiB");
        }
      }
      return w.toString();
    } catch (IOException e) {
      throw CliException.io("cannot read standard input: " + e.getMessage(), e);
    }
  }

  static String readFile(Path file) {
    try {
      if (Files.size(file) > MAX_INPUT) {
        throw CliException.io(file + " is larger than 1 MiB");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw CliException.io(file + " does not exist; check the path");
    } catch (IOException e) {
      throw CliException.io("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** A JSON argument given inline, as {@code @FILE}, or as {@code @-} (standard input). */
  static String jsonArgument(String value) {
    if (value.startsWith("@")) {
      String f = value.substring(1);
      return "-".equals(f) ? readStdin() : readFile(Path.of(f));
    }
    return value;
  }

  static Map<String, Object> parseJson(String text, String what) {
    try {
      return Json.parseObject(text.trim());
    } catch (JwkitException e) {
      throw CliException.io(what + " is not a JSON object: " + e.getMessage());
    }
  }

  /** Reads a key file: a JWK (JSON) or PEM. */
  static Jwk readKey(Path file) {
    String text = readFile(file);
    try {
      if (text.trim().startsWith("{")) {
        return Jwk.fromJsonObject(parseJson(text, file.toString()));
      }
      return KeyFiles.readPem(file);
    } catch (JwkitException e) {
      throw CliException.io(file + " holds no usable key: " + e.code().id() + ": " + e.getMessage());
    }
  }
}
