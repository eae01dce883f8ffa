package dev.jwkit.buildsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the Java code blocks of a README equal to regions of compiled, tested source files.
 *
 * <p>Every {@code ```java} block in a README must be preceded (on the line before the fence) by a marker
 * {@code <!-- snippet: src/test/java/.../QuickStartTest.java#verify -->}; the path is relative to the
 * README's folder, and the block's text must equal the lines between {@code // region:verify} and
 * {@code // endregion} in that file, with their common indentation removed. A test in each module calls
 * {@link #check(Path)} and fails on any difference, so a README cannot drift from code that compiles and runs.
 *
 * <p>The "small script" is this file run with the JDK's single-file launcher, which rewrites the blocks
 * from their regions: {@code java build-support/src/main/java/dev/jwkit/buildsupport/ReadmeSnippets.java
 * --write README.md jose-core/README.md ...}. Without {@code --write} it only reports.
 *
 * <p>This file uses nothing but the JDK so that the launcher can run it without a build.
 */
public final class ReadmeSnippets {

  private static final Pattern MARKER = Pattern.compile("^<!--\\s*snippet:\\s*(\\S+?)#(\\S+)\\s*-->\\s*$");
  private static final String FENCE_OPEN = "```java";
  private static final String FENCE_CLOSE = "```";

  private ReadmeSnippets() {}

  /**
   * The problems in one README: a Java block without a marker, a marker naming a missing file or region,
   * or a block that differs from its region. Empty when the README is in sync.
   */
  public static List<String> check(Path readme) {
    return process(readme, false).problems;
  }

  /** The number of Java blocks the README holds that are bound to a region (to assert a README has any). */
  public static int boundSnippets(Path readme) {
    return process(readme, false).bound;
  }

  /** Rewrites every marked block of the README from its region; returns the problems left. */
  public static List<String> write(Path readme) {
    return process(readme, true).problems;
  }

  private record Result(List<String> problems, int bound) {}

  private static Result process(Path readme, boolean rewrite) {
    List<String> lines = readLines(readme);
    List<String> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int bound = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      out.add(line);
      if (!line.strip().equals(FENCE_OPEN)) {
        continue;
      }
      int close = i + 1;
      while (close < lines.size() && !lines.get(close).strip().equals(FENCE_CLOSE)) {
        close++;
      }
      List<String> block = lines.subList(i + 1, Math.min(close, lines.size()));
      Matcher marker = i > 0 ? MARKER.matcher(lines.get(i - 1).strip()) : null;
      String where = readme.getFileName() + ":" + (i + 1);
      if (marker == null || !marker.matches()) {
        problems.add(where + ": a ```java block without a <!-- snippet: FILE#REGION --> marker on the line before it");
        out.addAll(block);
      } else {
        Path source = readme.toAbsolutePath().getParent().resolve(marker.group(1)).normalize();
        List<String> region = region(source, marker.group(2), problems, where);
        if (region != null) {
          bound++;
          if (!rewrite && !region.equals(block)) {
            problems.add(where + ": the block differs from " + marker.group(1) + "#" + marker.group(2)
                + " (run ReadmeSnippets --write to copy the region in)");
          }
          out.addAll(rewrite ? region : block);
        } else {
          out.addAll(block);
        }
      }
      if (close < lines.size()) {
        out.add(lines.get(close));
      }
      i = close;
    }
    if (rewrite && !out.equals(lines)) {
      try {
        Files.writeString(readme, String.join("\n", out) + "\n", StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Result(List.copyOf(problems), bound);
  }

  private static List<String> region(Path source, String name, List<String> problems, String where) {
    if (!Files.isRegularFile(source)) {
      problems.add(where + ": no such file " + source);
      return null;
    }
    List<String> lines = readLines(source);
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("// region:" + name)) {
        start = i + 1;
        break;
      }
    }
    if (start < 0) {
      problems.add(where + ": no '// region:" + name + "' in " + source.getFileName());
      return null;
    }
    int end = start;
    while (end < lines.size() && !lines.get(end).strip().equals("// endregion")) {
      end++;
    }
    if (end == lines.size()) {
      problems.add(where + ": region " + name + " in " + source.getFileName() + " has no '// endregion'");
      return null;
    }
    return dedent(lines.subList(start, end));
  }

  private static List<String> dedent(List<String> lines) {
    int indent = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isBlank()) {
        indent = Math.min(indent, line.length() - line.stripLeading().length());
      }
    }
    List<String> out = new ArrayList<>(lines.size());
    for (String line : lines) {
      out.add(line.isBlank() ? "" : line.substring(indent == Integer.MAX_VALUE ? 0 : indent));
    }
    return out;
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks (or with {@code --write}, rewrites) the READMEs named on the command line; exits 1 when any
   * problem is left.
   */
  public static void main(String[] args) {
    boolean rewrite = false;
    int problems = 0;
    for (String arg : args) {
      if (arg.equals("--write")) {
        rewrite = true;
        continue;
      }
      Path readme = Path.of(arg);
      List<String> found = rewrite ? write(readme) : check(readme);
      for (String problem : found) {
        System.err.println(problem);
      }
      problems += found.size();
    }
    if (problems > 0) {
      System.exit(1);
    }
  }
}
