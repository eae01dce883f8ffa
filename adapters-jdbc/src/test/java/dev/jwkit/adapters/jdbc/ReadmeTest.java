package dev.jwkit.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.buildsupport.ReadmeSnippets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's Java blocks are the regions of {@link ReadmeExampleTest}, which compiles and runs them. */
class ReadmeTest {

  @Test
  void readme_javaBlocks_matchTheirTestedRegions() {
    Path readme = Path.of("README.md");
    assertThat(ReadmeSnippets.check(readme)).isEmpty();
    assertThat(ReadmeSnippets.boundSnippets(readme)).isEqualTo(2);
  }
}
