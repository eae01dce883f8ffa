package dev.jwkit.adapters.vault.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.adapters.vault.VaultError;
import dev.jwkit.adapters.vault.internal.VaultClient;
import dev.jwkit.adapters.vault.internal.VaultRequest;
import dev.jwkit.adapters.vault.testing.VaultTarget;
import dev.jwkit.jose.JwkitException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** KV v2 endpoint tests, run against the double ({@link KvV2ApiTest}) and a real Vault ({@link KvV2ApiVaultContainerTest}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KvV2ApiContract {

  protected VaultTarget target;
  protected VaultClient client;

  protected abstract VaultTarget target();

  @BeforeAll
  void start() {
    target = target();
    client = VaultClient.create(target.rootSettings().build());
  }

  protected static String unique(String name) {
    return name + "-" + Long.toHexString(System.nanoTime());
  }

  @Test
  void write_casZeroThenVersion_roundTrips() {
    KvV2Api kv = new KvV2Api(client, "secret");
    String path = unique("jwkit/ring");
    assertThat(kv.read(path)).isEmpty();
    assertThat(kv.write(path, Map.of("a", 1L), 0)).isEqualTo(1);
    assertThat(kv.write(path, Map.of("a", 2L), 1)).isEqualTo(2);
    KvV2Api.Versioned read = kv.read(path).orElseThrow();
    assertThat(read.version()).isEqualTo(2);
    assertThat(read.data()).containsEntry("a", 2L);
  }

  @Test
  void write_staleVersion_casConflictAndNothingOverwritten() {
    KvV2Api kv = new KvV2Api(client, "secret");
    String path = unique("jwkit/ring");
    kv.write(path, Map.of("a", 1L), 0);
    assertThatThrownBy(() -> kv.write(path, Map.of("a", 9L), 0))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.CAS_CONFLICT))
        .hasMessageContaining("secret/data/" + path);
    assertThat(kv.read(path).orElseThrow().data()).containsEntry("a", 1L);
  }

  @Test
  void write_otherWriterSavedSinceRead_casConflict() {
    KvV2Api mine = new KvV2Api(client, "secret");
    KvV2Api theirs = new KvV2Api(VaultClient.create(target.rootSettings().build()), "secret");
    String path = unique("jwkit/ring");
    mine.write(path, Map.of("a", 1L), 0);
    long version = mine.read(path).orElseThrow().version();
    theirs.write(path, Map.of("other", true), version);
    assertThatThrownBy(() -> mine.write(path, Map.of("a", 2L), version))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.CAS_CONFLICT));
    assertThat(mine.read(path).orElseThrow().data()).containsEntry("other", true);
  }

  @Test
  void read_kvVersion1Mount_kvVersionMismatch() {
    String mount = unique("legacy");
    target.mountKvV1(mount);
    KvV2Api kv = new KvV2Api(client, mount);
    assertThatThrownBy(() -> kv.read("jwkit/ring"))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.KV_VERSION_MISMATCH))
        .hasMessageContaining(mount);
  }

  @Test
  void read_transitMount_kvVersionMismatch() {
    KvV2Api kv = new KvV2Api(client, "transit");
    assertThatThrownBy(() -> kv.read("x"))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.KV_VERSION_MISMATCH));
  }

  @Test
  void read_softDeletedCurrentVersion_emptyButVersionCounted() {
    KvV2Api kv = new KvV2Api(client, "secret");
    String path = unique("jwkit/ring");
    kv.write(path, Map.of("a", 1L), 0);
    client.send(VaultRequest.delete("secret/data/" + path));
    assertThat(kv.read(path)).isEmpty();
    assertThat(kv.currentVersion(path)).isEqualTo(1);
    kv.destroy(path);
    assertThat(kv.currentVersion(path)).isZero();
  }

  @Test
  void appRoleLogin_thenCasWriteAndRead() {
    target.addAppRole("jwkit-role-id", "jwkit-secret-id");
    VaultClient appRole = VaultClient.create(target.rootSettings()
        .auth(dev.jwkit.adapters.vault.VaultAuth.appRole("jwkit-role-id", () -> "jwkit-secret-id")).build());
    KvV2Api kv = new KvV2Api(appRole, "secret");
    String path = unique("jwkit/approle");
    assertThat(kv.write(path, Map.of("a", 1L), 0)).isEqualTo(1);
    assertThat(kv.read(path).orElseThrow().data()).containsEntry("a", 1L);
  }
}
