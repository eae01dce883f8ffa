package dev.jwkit.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every summary that {@code --help} shows is a whole sentence: each command's first description line
 * (what the parent's command list shows) and each option's and parameter's description.
 */
class HelpTextTest {

  /** Words a sentence cut mid-way tends to end on. */
  private static final Set<String> DANGLING = Set.of("a", "an", "and", "as", "at", "by", "from", "in",
      "into", "of", "on", "or", "print", "serve", "than", "the", "to", "when", "with", "without");

  static String problem(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return "is empty";
    }
    if (!t.endsWith(".")) {
      return "does not end with a period";
    }
    String[] words = t.substring(0, t.length() - 1).split("[\\s(]+");
    if (DANGLING.contains(words[words.length - 1].toLowerCase(java.util.Locale.ROOT))) {
      return "ends on '" + words[words.length - 1] + "'";
    }
    if (count(t, '(') != count(t, ')') || count(t, '[') != count(t, ']') || count(t, '{') != count(t, '}')) {
      return "has unbalanced brackets";
    }
    return null;
  }

  private static long count(String s, char c) {
    return s.chars().filter(x -> x == c).count();
  }

  private static List<String> problems(CommandLine commandLine) {
    List<String> problems = new ArrayList<>();
    CommandSpec spec = commandLine.getCommandSpec();
    String[] description = spec.usageMessage().description();
    String summary = description.length == 0 ? "" : description[0];
    String p = problem(summary);
    if (p != null) {
      problems.add(spec.qualifiedName() + " summary '" + summary + "' " + p);
    }
    List<ArgSpec> args = new ArrayList<>(spec.options());
    args.addAll(spec.positionalParameters());
    for (ArgSpec arg : args) {
      String text = String.join(" ", arg.description());
      String q = problem(text);
      if (q != null) {
        problems.add(spec.qualifiedName() + " " + arg + " '" + text + "' " + q);
      }
    }
    for (CommandLine sub : commandLine.getSubcommands().values()) {
      problems.addAll(problems(sub));
    }
    return problems;
  }

  @Test
  void everySummaryIsAWholeSentence() {
    CommandLine root = JwkitCommand.commandLine();

    assertThat(root.getSubcommands()).containsKeys("keys", "token", "jwks", "serve");
    assertThat(problems(root)).isEmpty();
  }

  @Test
  void renderedCommandListsEndEachEntryWithAPeriod() {
    List<String> problems = new ArrayList<>();
    checkRendered(JwkitCommand.commandLine(), problems);

    assertThat(problems).isEmpty();
  }

  /** The "Commands:" section as printed: each entry, wrapped lines joined, ends a sentence. */
  private static void checkRendered(CommandLine commandLine, List<String> problems) {
    if (commandLine.getSubcommands().isEmpty()) {
      return;
    }
    String usage = commandLine.getUsageMessage(CommandLine.Help.Ansi.OFF);
    String section = usage.substring(usage.indexOf("Commands:") + "Commands:".length());
    int end = section.indexOf("\n\n");
    section = end < 0 ? section : section.substring(0, end);
    List<String> entries = new ArrayList<>();
    for (String line : section.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      if (line.matches("^  \\S.*")) {
        entries.add(line.strip());
      } else if (!entries.isEmpty()) {
        entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.strip());
      }
    }
    assertThat(entries).as("commands of " + commandLine.getCommandName()).hasSize(commandLine.getSubcommands().size());
    for (String entry : entries) {
      String summary = entry.replaceFirst("^\\S+\\s+", "");
      String p = problem(summary);
      if (p != null) {
        problems.add(commandLine.getCommandName() + ": '" + entry + "' " + p);
      }
    }
    for (CommandLine sub : commandLine.getSubcommands().values()) {
      checkRendered(sub, problems);
    }
  }

  @Test
  void theCheckCatchesCutSentences() {
    assertThat(problem("Start the key ring, rotate it on schedule, and serve")).isNotNull();
    assertThat(problem("Verify a JWT: exit 0 when valid; exit 1 and print.")).isNotNull();
    assertThat(problem("Fetch a JWKS (size, timeouts.")).isNotNull();
    assertThat(problem("Verify a JWT and print its claims.")).isNull();
  }
}
