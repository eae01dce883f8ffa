package dev.jwkit.adapters.file.keyring;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jwkit.adapters.file.FileError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Jazzer fuzz target for a ring file as {@link FileKeyRingRepository#load} reads it: the input is the file
 * (owner-only, as the repository requires); the outcome is a ring or a {@link JwkitException} with {@link
 * FileError#CORRUPT} or {@link FileError#UNSUPPORTED_FORMAT}; anything else is a crash. A loaded ring
 * saves and loads back with the same content.
 *
 * <p>Regression inputs: {@code FileKeyRingRepositoryFuzzTestInputs/load/}; fuzzing: {@code fuzz/run FileKeyRingRepositoryFuzzTest}.
 */
class FileKeyRingRepositoryFuzzTest {

  private static final KeyRingId RING = KeyRingId.of("fuzz");
  private static final Set<FileError> CODES = Set.of(FileError.CORRUPT, FileError.UNSUPPORTED_FORMAT);
  private static final Path DIRECTORY = directory();
  private static final FileKeyRingRepository REPOSITORY = FileKeyRingRepository.of(DIRECTORY);

  @FuzzTest
  void load(byte[] input) throws IOException {
    Path file = REPOSITORY.fileOf(RING);
    if (!Files.exists(file)) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.write(file, input);
    Optional<KeyRing> ring;
    try {
      ring = REPOSITORY.load(RING);
    } catch (JwkitException e) {
      assertThat(e.code()).isIn(CODES);
      return;
    }
    assertThat(ring).isPresent();
    if (ring.get().version() < Long.MAX_VALUE) {
      KeyRing saved = REPOSITORY.save(ring.get());
      assertThat(REPOSITORY.load(RING).orElseThrow().sameContentAs(saved)).isTrue();
    }
  }

  private static Path directory() {
    try {
      Path dir = Files.createTempDirectory("jwkit-fuzz", PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rwx------")));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
