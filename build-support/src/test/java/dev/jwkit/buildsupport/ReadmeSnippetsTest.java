package dev.jwkit.buildsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadmeSnippetsTest {

  @TempDir Path dir;

  private static final String SOURCE = """
      class Example {
        void run() {
          // region:hello
          String greeting = "hello";
          if (greeting.isEmpty()) {
            throw new AssertionError();
          }
          // endregion
        }
      }
      """;

  private Path readme(String block) throws IOException {
    Files.writeString(dir.resolve("Example.java"), SOURCE);
    Path readme = dir.resolve("README.md");
    Files.writeString(readme, "# Title\n\n<!-- snippet: Example.java#hello -->\n```java\n" + block + "```\n\nafter\n");
    return readme;
  }

  @Test
  void check_blockEqualToRegion_reportsNothing() throws IOException {
    Path readme = readme("String greeting = \"hello\";\nif (greeting.isEmpty()) {\n  throw new AssertionError();\n}\n");
    assertThat(ReadmeSnippets.check(readme)).isEmpty();
    assertThat(ReadmeSnippets.boundSnippets(readme)).isEqualTo(1);
  }

  @Test
  void check_driftedBlock_reportsTheDifference() throws IOException {
    Path readme = readme("String greeting = \"hi\";\n");
    assertThat(ReadmeSnippets.check(readme)).singleElement().asString().contains("differs from Example.java#hello");
  }

  @Test
  void check_javaBlockWithoutMarker_isAProblem() throws IOException {
    Path readme = dir.resolve("README.md");
    Files.writeString(readme, "text\n```java\nint x = 1;\n```\n");
    assertThat(ReadmeSnippets.check(readme)).singleElement().asString().contains("without a <!-- snippet");
  }

  @Test
  void check_missingRegion_isAProblem() throws IOException {
    Files.writeString(dir.resolve("Example.java"), SOURCE);
    Path readme = dir.resolve("README.md");
    Files.writeString(readme, "<!-- snippet: Example.java#nope -->\n```java\nx\n```\n");
    assertThat(ReadmeSnippets.check(readme)).singleElement().asString().contains("no '// region:nope'");
  }

  @Test
  void write_copiesTheRegionIn_andTheCheckThenPasses() throws IOException {
    Path readme = readme("stale();\n");
    assertThat(ReadmeSnippets.write(readme)).isEmpty();
    assertThat(ReadmeSnippets.check(readme)).isEmpty();
    assertThat(Files.readString(readme)).contains("  throw new AssertionError();\n").endsWith("```\n\nafter\n");
  }
}
