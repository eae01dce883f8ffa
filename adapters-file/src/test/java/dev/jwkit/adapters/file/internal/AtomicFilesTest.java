package dev.jwkit.adapters.file.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwkit.adapters.file.FileError;
import dev.jwkit.jose.JwkitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir Path directory;

  @Test
  void write_newFile_isOwnerOnlyAndLeavesNoTemporaryFiles() throws IOException {
    Path target = directory.resolve("ring.json");

    AtomicFiles.write(target, "first".getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(target, "second".getBytes(StandardCharsets.UTF_8));

    assertThat(Files.readString(target)).isEqualTo("second");
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files).containsExactly(target);
    }
    assumeTrue(AtomicFiles.isPosix(), "no POSIX permissions on this file system");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
  }

  @Test
  void write_intoMissingDirectory_failsAndNamesTheFile() {
    Path target = directory.resolve("missing").resolve("ring.json");

    assertThatThrownBy(() -> AtomicFiles.write(target, new byte[] {1}))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(FileError.WRITE_FAILED))
        .hasMessageContaining(target.toString());
  }

  @Test
  void createDirectory_isOwnerOnly() throws IOException {
    Path created = directory.resolve("a").resolve("b");

    AtomicFiles.createDirectory(created);

    assertThat(created).isDirectory();
    assumeTrue(AtomicFiles.isPosix(), "no POSIX permissions on this file system");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created))).isEqualTo("rwx------");
  }

  @Test
  void requireOwnerOnly_groupReadable_isRefusedWithTheFix() throws IOException {
    assumeTrue(AtomicFiles.isPosix(), "no POSIX permissions on this file system");
    Path file = directory.resolve("ring.json");
    AtomicFiles.write(file, new byte[] {1});
    FilePermissionsCheck.requireOwnerOnly(file);

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

    assertThatThrownBy(() -> FilePermissionsCheck.requireOwnerOnly(file))
        .isInstanceOfSatisfying(JwkitException.class,
            e -> assertThat(e.code()).isEqualTo(FileError.INSECURE_PERMISSIONS))
        .hasMessageContaining("chmod 600");
  }
}
