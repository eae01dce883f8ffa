package dev.jwkit.adapters.file.keysource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.adapters.file.FileError;
import dev.jwkit.adapters.file.internal.AtomicFiles;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkGenerator;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jose.jwk.PrivateJwk;
import dev.jwkit.jose.jwk.PublicJwk;
import dev.jwkit.jwks.port.StoredKeySet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLastKnownGoodStoreTest {

  static final Instant VALIDATED = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant EXPIRES = Instant.parse("2026-01-01T00:10:00Z");

  @TempDir Path directory;

  final PrivateJwk key = (PrivateJwk) JwkGenerator.generate(JwsAlgorithm.ES256);

  Path file() {
    return directory.resolve("lkg/issuer.jwks.json");
  }

  static byte[] jwks(List<? extends Jwk> keys) {
    return JwkSet.of(List.copyOf(keys)).toJson().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void load_noFile_isEmpty() {
    assertThat(FileLastKnownGoodStore.of(file()).load()).isEmpty();
  }

  @Test
  void saveThenLoad_roundTripsTheSetTheTagAndTheInstants_ownerOnly() throws IOException {
    FileLastKnownGoodStore store = FileLastKnownGoodStore.of(file());
    store.save(new StoredKeySet(jwks(List.of(key.toPublicJwk())), Optional.of("\"abc\""), VALIDATED, EXPIRES));

    StoredKeySet loaded = FileLastKnownGoodStore.of(file()).load().orElseThrow();
    assertThat(loaded.etag()).contains("\"abc\"");
    assertThat(loaded.validatedAt()).isEqualTo(VALIDATED);
    assertThat(loaded.expiresAt()).isEqualTo(EXPIRES);
    JwkSet keys = JwkSet.parse(new String(loaded.body(), StandardCharsets.UTF_8));
    assertThat(keys.keys()).singleElement()
        .satisfies(k -> assertThat(k.thumbprint()).isEqualTo(key.thumbprint()));
    if (AtomicFiles.isPosix()) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
    }
  }

  @Test
  void save_neverWritesPrivateOrSymmetricKeys() throws IOException {
    Jwk oct = JwkGenerator.generateOct(256);
    PublicJwk other = ((PrivateJwk) JwkGenerator.generate(JwsAlgorithm.ES256)).toPublicJwk();
    FileLastKnownGoodStore store = FileLastKnownGoodStore.of(file());
    store.save(new StoredKeySet(jwks(List.of(key, oct, other)), Optional.empty(), VALIDATED, EXPIRES));

    String written = Files.readString(file());
    assertThat(written).doesNotContain("\"d\"").doesNotContain("\"k\"");
    assertThat(JwkSet.parse(new String(store.load().orElseThrow().body(), StandardCharsets.UTF_8)).keys())
        .hasSize(1).allMatch(k -> k instanceof PublicJwk);
    assertThatThrownBy(() -> store.save(new StoredKeySet(jwks(List.of(oct)), Optional.empty(), VALIDATED, EXPIRES)))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(FileError.CORRUPT));
  }

  @Test
  void load_privateKeyPlantedInTheFile_isRefused() throws IOException {
    FileLastKnownGoodStore store = FileLastKnownGoodStore.of(file());
    store.save(new StoredKeySet(jwks(List.of(key.toPublicJwk())), Optional.empty(), VALIDATED, EXPIRES));
    String planted = Files.readString(file()).replace(JwkSet.of(List.of(key.toPublicJwk())).toJson(),
        JwkSet.of(List.of(key)).toJson());
    assertThat(planted).contains("\"d\"");
    Files.writeString(file(), planted);

    assertThatThrownBy(store::load)
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(FileError.CORRUPT))
        .hasMessageContaining(JoseError.NOT_PUBLIC.id())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(planted.substring(planted.indexOf("\"d\""))));
  }

  @Test
  void load_corruptFile_isRefused() throws IOException {
    FileLastKnownGoodStore store = FileLastKnownGoodStore.of(file());
    store.save(new StoredKeySet(jwks(List.of(key.toPublicJwk())), Optional.empty(), VALIDATED, EXPIRES));
    String whole = Files.readString(file());
    for (String broken : List.of(whole.substring(0, whole.length() / 2),
        whole.replace("\"formatVersion\":1", "\"formatVersion\":\"1\""),
        whole.replace("\"validatedAt\"", "\"validated\""),
        whole.replace(FileLastKnownGoodStore.FORMAT, "jwkit.keyring"),
        "[]")) {
      Files.writeString(file(), broken);
      assertThatThrownBy(store::load).as(broken)
          .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(FileError.CORRUPT));
    }
    Files.writeString(file(), whole.replace("\"formatVersion\":1", "\"formatVersion\":2"));
    assertThatThrownBy(store::load)
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(FileError.UNSUPPORTED_FORMAT));
  }

  @Test
  void load_oversizedFile_isRefusedWithoutReadingIt() throws IOException {
    Files.createDirectories(file().getParent());
    Files.write(file(), new byte[FileLastKnownGoodStore.MAX_FILE_BYTES + 1]);
    assertThatThrownBy(() -> FileLastKnownGoodStore.of(file()).load())
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(FileError.UNREADABLE))
        .hasMessageContaining("larger than");
  }
}
