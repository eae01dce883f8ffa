package dev.jwkit.adapters.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.adapters.file.keyring.FileKeyRingRepository;
import dev.jwkit.adapters.file.keysource.FileKeySource;
import dev.jwkit.adapters.file.keysource.FileLastKnownGoodStore;
import dev.jwkit.adapters.file.keystore.KeyFiles;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.JwkGenerator;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jose.jwk.PrivateJwk;
import dev.jwkit.jwks.application.KeyRotationService;
import dev.jwkit.jwks.custody.LocalKeyCustody;
import dev.jwkit.jwks.model.Publication;
import dev.jwkit.jwks.model.RotationPolicy;
import dev.jwkit.jwks.port.KeySource;
import dev.jwkit.jwks.port.StoredKeySet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java examples of README.md, run: each region is copied into the README and checked by {@link ReadmeTest}. */
class ReadmeExamplesTest {

  @TempDir Path directory;

  @Test
  void ringOnDisk_exportedAsAJwksFile_readByAFileKeySource() {
    Path dataDir = directory.resolve("jwkit-data");
    Path jwksFile = directory.resolve("jwks.json");
    // region:ring
    FileKeyRingRepository repository = FileKeyRingRepository.of(dataDir);
    KeyRotationService rotation = KeyRotationService.builder(repository, new LocalKeyCustody())
        .policy(RotationPolicy.defaults()).clock(Clock.systemUTC()).build();
    rotation.start();                                   // first key, published and signing
    Publication published = Publication.of(rotation.load(), RotationPolicy.defaults(), Instant.now());
    KeyFiles.writePublicJwkSet(jwksFile, JwkSet.of(published.keys()));
    KeySource source = FileKeySource.of(jwksFile);      // reloads when the file changes
    // endregion
    assertThat(source.keys().keys()).extracting(k -> k.kid().orElseThrow())
        .contains(rotation.load().activeKey().kid());
  }

  @Test
  void lastKnownGoodStore_roundTrip() {
    PrivateJwk key = (PrivateJwk) JwkGenerator.generate(JwsAlgorithm.ES256);
    byte[] fetchedBody = JwkSet.of(List.of(key, key.toPublicJwk())).toJson().getBytes(StandardCharsets.UTF_8);
    Instant validatedAt = Instant.parse("2026-01-01T00:00:00Z");
    Instant expiresAt = validatedAt.plusSeconds(600);
    Path dataDir = directory.resolve("jwkit-data");
    // region:lastKnownGood
    FileLastKnownGoodStore store = FileLastKnownGoodStore.of(dataDir.resolve("issuer.lkg.json"));
    store.save(new StoredKeySet(fetchedBody, Optional.of("\"v1\""), validatedAt, expiresAt)); // public keys only
    Optional<StoredKeySet> restored = store.load();     // strict: a private key in the file is refused
    // endregion
    assertThat(restored).isPresent();
    assertThat(JwkSet.parse(new String(restored.get().body(), StandardCharsets.UTF_8)).keys()).hasSize(1);
    assertThat(new String(restored.get().body(), StandardCharsets.UTF_8)).doesNotContain("\"d\"");
  }
}
