package dev.jwkit.adapters.jdbc.keyring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.adapters.jdbc.JdbcDatabase;
import dev.jwkit.adapters.jdbc.JdbcError;
import dev.jwkit.adapters.jdbc.testing.PostgresServer;
import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.JwkGenerator;
import dev.jwkit.jose.jwk.PrivateJwk;
import dev.jwkit.jwks.model.ImportKey;
import dev.jwkit.jwks.model.KeyMaterial;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingCommand;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.model.ManagedKey;
import dev.jwkit.jwks.model.RotationPlanner;
import dev.jwkit.jwks.model.RotationPolicy;
import dev.jwkit.jwks.model.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Private keys are never stored in clear: what a database dump holds, what it takes to open it, and how
 * a wrong, missing or unknown key-encryption key is refused at start before anything is written.
 */
class KeyEncryptionTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final RotationPolicy POLICY = RotationPolicy.builder().rotationPeriod(Duration.ofDays(1)).build();
  private static final KeyRingId RING = KeyRingId.of("sealed");
  private static final List<String> PRIVATE_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "k", "oth");

  private final PostgresServer server = PostgresServer.shared();
  private final String schema = PostgresServer.newSchemaName();
  private final List<JdbcDatabase> opened = new ArrayList<>();
  @TempDir Path dir;

  @AfterEach
  void close() {
    opened.forEach(JdbcDatabase::close);
  }

  private JdbcKeyRingRepository.Builder repository() {
    JdbcDatabase db = JdbcDatabase.builder().url(server.jdbcUrl()).user(server.user()).schema(schema).build();
    opened.add(db);
    return JdbcKeyRingRepository.builder().database(db);
  }

  /** Generated once: RSA key generation is the slow part of these tests. */
  private static final PrivateJwk RSA = JwkGenerator.generateRsa(2048);
  private static final PrivateJwk EC = JwkGenerator.generateEc(Curve.P_384);
  private static final PrivateJwk OKP = JwkGenerator.generateOkp(Curve.ED25519);

  /** A ring with private RSA, EC and Ed25519 keys under local custody. */
  private static KeyRing ringWithEveryKeyType(List<PrivateJwk> privateKeys) {
    KeyRing ring = RotationPlanner.apply(KeyRing.empty(RING), new KeyRingCommand.StartRing(), POLICY, T0,
        new TestKeys()).ring();
    ring = importKey(ring, RSA, JwsAlgorithm.RS256);
    ring = importKey(ring, EC, JwsAlgorithm.ES384);
    ring = importKey(ring, OKP, JwsAlgorithm.EdDSA);
    for (ManagedKey k : ring.keys()) {
      k.material().privateJwk().ifPresent(privateKeys::add);
    }
    return ring;
  }

  private static KeyRing importKey(KeyRing ring, PrivateJwk key, JwsAlgorithm alg) {
    return RotationPlanner.apply(ring, ImportKey.of(KeyMaterial.local(key, alg)), POLICY, T0, new TestKeys("x")).ring();
  }

  private List<String> dump() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      for (String table : List.of("jwkit_key_rings", "jwkit_key_encryption_keys", "jwkit_schema_version")) {
        try (ResultSet rs = s.executeQuery("SELECT t::text FROM " + schema + "." + table + " t")) {
          while (rs.next()) {
            rows.add(rs.getString(1));
          }
        }
      }
    }
    return rows;
  }

  private String documentText() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT version || ' ' || document::text FROM " + schema + ".jwkit_key_rings")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void databaseDump_holdsNoPrivateKeyMaterial_andItsCiphertextsNeedTheKek() throws Exception {
    List<PrivateJwk> privateKeys = new ArrayList<>();
    KeyEncryptionKey kek = Keys.kek("2026-01");
    KeyRing ring = ringWithEveryKeyType(privateKeys);
    repository().keyEncryptionKey(kek).build().save(ring);
    assertThat(privateKeys).hasSizeGreaterThanOrEqualTo(4);

    String dump = String.join("\n", dump());
    for (PrivateJwk key : privateKeys) {
      Map<String, Object> members = key.toJsonObject();
      for (String member : PRIVATE_MEMBERS) {
        if (members.get(member) instanceof String) {
          assertThat(dump).as("private member %s of %s", member, key.kid()).doesNotContain((String) members.get(member));
        }
      }
    }
    String documentJson = documentText().substring(documentText().indexOf(' ') + 1);
    List<Map<String, Object>> sealedBoxes = new ArrayList<>();
    collectObjects(Json.parseObject(documentJson), sealedBoxes);
    assertThat(sealedBoxes).allSatisfy(o -> assertThat(o.keySet()).doesNotContainAnyElementsOf(PRIVATE_MEMBERS));
    List<Map<String, Object>> boxes = sealedBoxes.stream().filter(o -> "A256GCM".equals(o.get("alg"))).toList();
    assertThat(boxes).hasSize(privateKeys.size()).allSatisfy(b -> assertThat(b.get("kek")).isEqualTo("2026-01"));

    // Without the KEK, a ciphertext does not open; with it, it is the very private key.
    Map<String, Object> box = boxes.get(0);
    byte[] iv = Base64Url.decode((String) box.get("iv"));
    byte[] ct = Base64Url.decode((String) box.get("ct"));
    byte[] guess = new byte[32];
    new SecureRandom().nextBytes(guess);
    assertThatThrownBy(() -> gcmOpen(guess, iv, ct)).isInstanceOf(AEADBadTagException.class);
    Map<String, Object> opened = Envelope.openPrivateMembers(Map.of("keys", List.of(Map.of("kid", "k1",
        Envelope.SEALED, box))), RING, new Keks(kek, List.of()));
    @SuppressWarnings("unchecked")
    Map<String, Object> jwk = (Map<String, Object>) ((Map<String, Object>) ((List<?>) opened.get("keys")).get(0)).get("privateJwk");
    assertThat(jwk).containsKey("d");
  }

  private static byte[] gcmOpen(byte[] key, byte[] iv, byte[] ct) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
    cipher.updateAAD(("jwkit.keyring.privateJwk.v1\0" + RING.value() + "\0k1").getBytes(StandardCharsets.UTF_8));
    return cipher.doFinal(ct);
  }

  @SuppressWarnings("unchecked")
  private static void collectObjects(Object node, List<Map<String, Object>> out) {
    if (node instanceof Map) {
      out.add((Map<String, Object>) node);
      ((Map<String, Object>) node).values().forEach(v -> collectObjects(v, out));
    } else if (node instanceof List) {
      ((List<?>) node).forEach(v -> collectObjects(v, out));
    }
  }

  @Test
  void load_opensWhatItSealed_everyKeyTypeStillSigns() {
    List<PrivateJwk> privateKeys = new ArrayList<>();
    JdbcKeyRingRepository repository = repository().keyEncryptionKey(Keys.kek("a")).build();
    KeyRing ring = ringWithEveryKeyType(privateKeys);
    repository.save(ring);
    KeyRing loaded = repository.load(RING).orElseThrow();
    assertThat(loaded.sameContentAs(ring)).isTrue();
    for (ManagedKey k : loaded.keys()) {
      assertThat(k.material().privateJwk()).isPresent();
      assertThat(k.material().privateJwk().get().thumbprint().matches(
          ring.key(k.kid()).orElseThrow().material().privateJwk().orElseThrow().thumbprint())).isTrue();
    }
  }

  @Test
  void sealedMemberMovedToAnotherKey_doesNotOpen() throws SQLException {
    JdbcKeyRingRepository repository = repository().keyEncryptionKey(Keys.kek("a")).build();
    repository.save(ringWithEveryKeyType(new ArrayList<>()));
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE " + schema + ".jwkit_key_rings SET document = jsonb_set(document, '{keys,1,"
          + Envelope.SEALED + "}', document->'keys'->0->'" + Envelope.SEALED + "')");
    }
    assertThatThrownBy(() -> repository.load(RING))
        .isInstanceOfSatisfying(JwkitException.class, e -> {
          assertThat(e.code()).isEqualTo(JdbcError.DECRYPT_FAILED);
          assertThat(e.getMessage()).contains("ring 'sealed' key 'k2'").contains("altered");
        });
  }

  @Test
  void wrongKekUnderTheSameId_failsAtStart_andNothingIsOverwritten() throws SQLException {
    repository().keyEncryptionKey(Keys.kek("prod")).build().save(ringWithEveryKeyType(new ArrayList<>()));
    String before = documentText();
    assertThatThrownBy(() -> repository().keyEncryptionKey(Keys.kek("prod")).build())
        .isInstanceOfSatisfying(JwkitException.class, e -> {
          assertThat(e.code()).isEqualTo(JdbcError.KEK_MISMATCH);
          assertThat(e.getMessage()).contains("'prod'").contains("wrong key-encryption key");
        });
    assertThat(documentText()).isEqualTo(before);
  }

  @Test
  void kekOfAnotherIdWithoutThePreviousOne_failsAtStart_andNothingIsOverwritten() throws SQLException {
    repository().keyEncryptionKey(Keys.kek("old")).build().save(ringWithEveryKeyType(new ArrayList<>()));
    String before = documentText();
    assertThatThrownBy(() -> repository().keyEncryptionKey(Keys.kek("new")).build())
        .isInstanceOfSatisfying(JwkitException.class, e -> {
          assertThat(e.code()).isEqualTo(JdbcError.KEK_UNKNOWN);
          assertThat(e.getMessage()).contains("[old]").contains("previous key-encryption keys");
        });
    assertThat(documentText()).isEqualTo(before);
  }

  @Test
  void kekRotation_opensWithThePreviousKek_sealsWithTheCurrentOne_andResealAllRetiresTheOld() throws SQLException {
    KeyEncryptionKey old = Keys.kek("2025-12");
    KeyEncryptionKey current = Keys.kek("2026-01");
    KeyRing ring = ringWithEveryKeyType(new ArrayList<>());
    repository().keyEncryptionKey(old).build().save(ring);

    JdbcKeyRingRepository rotated = repository().keyEncryptionKey(current).previousKeyEncryptionKeys(List.of(old)).build();
    assertThat(rotated.load(RING).orElseThrow().sameContentAs(ring)).isTrue();
    assertThat(documentText()).contains("\"kek\": \"2025-12\"").doesNotContain("\"kek\": \"2026-01\"");
    assertThat(rotated.resealAll()).isEqualTo(1);
    assertThat(documentText()).contains("\"kek\": \"2026-01\"").doesNotContain("\"kek\": \"2025-12\"");
    assertThat(rotated.resealAll()).isZero();

    JdbcKeyRingRepository withoutOld = repository().keyEncryptionKey(current).build();
    assertThat(withoutOld.load(RING).orElseThrow().sameContentAs(ring)).isTrue();
  }

  @Test
  void kekSources_missingOrMalformed_failWithKekUnavailable_namingTheSource() throws Exception {
    assertThatThrownBy(() -> KeyEncryptionKey.fromEnvironment("k", "JWKIT_KEK", Map.<String, String>of()::get))
        .isInstanceOfSatisfying(JwkitException.class, e -> {
          assertThat(e.code()).isEqualTo(JdbcError.KEK_UNAVAILABLE);
          assertThat(e.getMessage()).contains("environment variable JWKIT_KEK is not set");
        });
    assertThatThrownBy(() -> KeyEncryptionKey.fromFile("k", dir.resolve("missing")))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.getMessage()).contains("does not exist"));
    Path shortKey = Files.writeString(dir.resolve("short"), "c2hvcnQ=\n");
    assertThatThrownBy(() -> KeyEncryptionKey.fromFile("k", shortKey))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.getMessage()).contains("holds 5 bytes"));
    assertThatThrownBy(() -> KeyEncryptionKey.fromBase64("k", "not base64 at all!"))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(JdbcError.KEK_UNAVAILABLE));
    assertThatThrownBy(() -> KeyEncryptionKey.fromBase64("bad id", Keys.randomBase64()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> repository().build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("keyEncryptionKey is required");
  }

  @Test
  void kekSources_fileAndEnvironment_giveTheSameKey_andPrintNoSecret() throws Exception {
    String base64 = Keys.randomBase64();
    Path file = Files.writeString(dir.resolve("kek"), base64 + "\n");
    KeyEncryptionKey fromFile = KeyEncryptionKey.fromFile("same", file);
    KeyEncryptionKey fromEnv = KeyEncryptionKey.fromEnvironment("same", "JWKIT_KEK", Map.of("JWKIT_KEK", base64)::get);
    assertThat(Envelope.matches(fromEnv, Envelope.checkValue(fromFile))).isTrue();
    assertThat(Envelope.matches(Keys.kek("same"), Envelope.checkValue(fromFile))).isFalse();
    assertThat(fromFile.toString()).isEqualTo("KeyEncryptionKey[id=same, key=<redacted>]").doesNotContain(base64);
  }
}
