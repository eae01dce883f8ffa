package dev.jwkit.adapters.file.keyring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwkit.adapters.file.FileError;
import dev.jwkit.adapters.file.internal.AtomicFiles;
import dev.jwkit.jose.ErrorCode;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.port.KeyRingRepository;
import dev.jwkit.jwks.port.KeyRingRepositoryContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileKeyRingRepositoryTest extends KeyRingRepositoryContract {

  @TempDir Path directory;

  private int repositories;

  @Override
  protected KeyRingRepository newRepository() {
    return FileKeyRingRepository.of(directory.resolve("data-" + repositories++));
  }

  private FileKeyRingRepository repository() {
    return FileKeyRingRepository.of(directory.resolve("data"));
  }

  @Test
  void save_createsOwnerOnlyDirectoryAndFile_namedAfterTheRingOnly() throws IOException {
    FileKeyRingRepository repository = repository();

    repository.save(startedRing(RING));

    Path file = repository.directory().resolve("contract.ring.json");
    assertThat(file).exists();
    assumeTrue(AtomicFiles.isPosix(), "no POSIX permissions on this file system");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(repository.directory()))).isEqualTo("rwx------");
  }

  @Test
  void save_intoAGroupOrWorldWritableDirectory_isRefusedBeforeWritingAnything() throws IOException {
    // issue 14: keys init wrote private keys there, and only the next read refused the directory
    assumeTrue(AtomicFiles.isPosix(), "no POSIX permissions on this file system");
    FileKeyRingRepository repository = repository();
    Files.createDirectories(repository.directory());
    Files.setPosixFilePermissions(repository.directory(), PosixFilePermissions.fromString("rwxrwxrwx"));

    assertFails(() -> repository.save(startedRing(RING)), FileError.INSECURE_PERMISSIONS,
        repository.directory().toString());
    try (var files = Files.list(repository.directory())) {
      assertThat(files).isEmpty();
    }
    assertThat(FileKeyRingRepository.builder().directory(repository.directory()).allowInsecurePermissions().build()
        .save(startedRing(RING)).version()).isEqualTo(1);
  }

  @Test
  void load_groupReadableFile_isRefusedUnlessAllowed() throws IOException {
    assumeTrue(AtomicFiles.isPosix(), "no POSIX permissions on this file system");
    FileKeyRingRepository repository = repository();
    repository.save(startedRing(RING));
    Path file = repository.fileOf(RING);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertFails(() -> repository.load(RING), FileError.INSECURE_PERMISSIONS, file.toString());
    assertThat(FileKeyRingRepository.builder().directory(repository.directory()).allowInsecurePermissions().build()
        .load(RING)).isPresent();
  }

  @Test
  void load_truncatedFile_failsNamingTheFile() throws IOException {
    FileKeyRingRepository repository = repository();
    repository.save(startedRing(RING));
    Path file = repository.fileOf(RING);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    assertFails(() -> repository.load(RING), FileError.CORRUPT, file.toString());
  }

  @Test
  void load_newerFormatVersion_saysToUpgrade() throws IOException {
    FileKeyRingRepository repository = repository();
    repository.save(startedRing(RING));
    Path file = repository.fileOf(RING);
    Files.writeString(file, Files.readString(file).replace("\"formatVersion\":1", "\"formatVersion\":2"));

    assertFails(() -> repository.load(RING), FileError.UNSUPPORTED_FORMAT, "upgrade jwkit");
  }

  @Test
  void load_fileOfAnotherRing_isCorrupt() throws IOException {
    FileKeyRingRepository repository = repository();
    repository.save(startedRing(RING));
    Files.copy(repository.fileOf(RING), repository.fileOf(KeyRingId.of("other")));

    assertFails(() -> repository.load(KeyRingId.of("other")), FileError.CORRUPT, "holds ring 'contract'");
  }

  @Test
  void save_overCorruptFile_failsAndLeavesTheFileAsItWas() throws IOException {
    FileKeyRingRepository repository = repository();
    KeyRing saved = repository.save(startedRing(RING));
    Path file = repository.fileOf(RING);
    Files.writeString(file, "{\"format\":");

    assertFails(() -> repository.save(saved), FileError.CORRUPT, file.toString());
    assertThat(Files.readString(file)).isEqualTo("{\"format\":");
  }

  @Test
  void errors_neverContainPrivateKeyMaterial() throws IOException {
    FileKeyRingRepository repository = repository();
    KeyRing ring = repository.save(startedRing(RING));
    String d = ring.activeKey().material().privateJwk().orElseThrow().toJsonObject().get("d").toString();
    Path file = repository.fileOf(RING);
    String content = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(content).contains(d);
    Files.writeString(file, content.replace("\"kty\":\"EC\"", "\"kty\":\"XX\""));

    assertThatThrownBy(() -> repository.load(RING))
        .isInstanceOf(JwkitException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(d))
        .satisfies(e -> assertThat(String.valueOf(e.getCause())).doesNotContain(d));
  }

  @Test
  void toString_namesTheDirectoryOnly() {
    assertThat(repository().toString()).isEqualTo("FileKeyRingRepository[" + directory.resolve("data") + "]");
  }

  private static void assertFails(Runnable call, ErrorCode code, String messagePart) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(code))
        .hasMessageContaining(messagePart);
  }
}
