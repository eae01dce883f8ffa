package dev.jwkit.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Jazzer fuzz target for the YAML configuration as {@link ConfigLoader#load} reads it: the input is the
 * {@code --config} file; the outcome is a configuration or a {@link ConfigException} listing problems (the
 * loader's documented failure); anything else is a crash.
 *
 * <p>Regression inputs: {@code ConfigLoaderFuzzTestInputs/load/}; fuzzing: {@code fuzz/run ConfigLoaderFuzzTest}.
 */
class ConfigLoaderFuzzTest {

  private static final Path FILE = file();
  private static final ConfigLoader LOADER = ConfigLoader.of(Map.of());

  @FuzzTest
  void load(byte[] input) throws IOException {
    Files.write(FILE, input);
    try {
      assertThat(LOADER.load(Optional.of(FILE), Map.of()).toString()).isNotNull();
    } catch (ConfigException e) {
      assertThat(e.problems()).isNotEmpty();
    }
  }

  private static Path file() {
    try {
      Path file = Files.createTempFile("jwkit-fuzz", ".yaml");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
