package dev.jwkit.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.adapters.jdbc.keyring.JdbcKeyRingRepository;
import dev.jwkit.adapters.jdbc.keyring.KeyEncryptionKey;
import dev.jwkit.adapters.jdbc.testing.PostgresServer;
import dev.jwkit.jwks.application.KeyRotationService;
import dev.jwkit.jwks.custody.LocalKeyCustody;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.model.KeyState;
import dev.jwkit.jwks.port.KeyRingRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's examples, run against the test PostgreSQL (trust authentication: any password passes). */
class ReadmeExampleTest {

  @TempDir Path dir;

  private Path newKekFile(String name) throws Exception {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Files.writeString(dir.resolve(name), Base64.getEncoder().encodeToString(key) + "\n");
  }

  @Test
  void quickStart_startsARingInPostgres_andKekRotationResealsIt() throws Exception {
    PostgresServer server = PostgresServer.shared();
    String url = server.jdbcUrl();
    String user = server.user();
    String password = "any password: the test server trusts local connections";
    Path kekFile = newKekFile("kek-2026-01");
    Path newKekFile = newKekFile("kek-2026-07");
    String activeKid;

    // region:quickstart
    KeyEncryptionKey kek = KeyEncryptionKey.fromFile("2026-01", kekFile);  // base64 of 32 bytes (openssl rand -base64 32)
    try (JdbcDatabase db = JdbcDatabase.builder().url(url).user(user).password(password).build()) {
      KeyRingRepository rings = JdbcKeyRingRepository.builder().database(db).keyEncryptionKey(kek).build();
      KeyRotationService rotation = KeyRotationService.builder(rings, new LocalKeyCustody()).build();
      rotation.start();                                  // first key active, its successor published
      activeKid = rotation.load().activeKey().kid();
    }
    // endregion
    assertThat(activeKid).isNotBlank();

    try (JdbcDatabase db = JdbcDatabase.builder().url(url).user(user).password(password).build()) {
      // region:kekRotation
      JdbcKeyRingRepository rings = JdbcKeyRingRepository.builder().database(db)
          .keyEncryptionKey(KeyEncryptionKey.fromFile("2026-07", newKekFile))                 // seals from now on
          .previousKeyEncryptionKeys(List.of(KeyEncryptionKey.fromFile("2026-01", kekFile)))  // still opens
          .build();
      int resealed = rings.resealAll();          // afterwards, "2026-01" can leave the configuration
      // endregion
      assertThat(rings.load(KeyRingId.DEFAULT).orElseThrow().keys(KeyState.ACTIVE))
          .singleElement().satisfies(k -> assertThat(k.kid()).isEqualTo(activeKid));
      assertThat(resealed).isEqualTo(1);
    }
  }
}
