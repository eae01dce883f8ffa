package dev.jwkit.adapters.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.buildsupport.ReadmeSnippets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** README.md's Java blocks equal the regions of {@link ReadmeExamplesTest}, which runs them. */
class ReadmeTest {

  @Test
  void readme_javaBlocks_areTheTestedSnippets() {
    assertThat(ReadmeSnippets.check(Path.of("README.md"))).isEmpty();
    assertThat(ReadmeSnippets.boundSnippets(Path.of("README.md"))).isGreaterThanOrEqualTo(2);
  }
}
