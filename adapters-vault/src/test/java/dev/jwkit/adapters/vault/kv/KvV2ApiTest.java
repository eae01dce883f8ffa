package dev.jwkit.adapters.vault.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.adapters.vault.VaultAuth;
import dev.jwkit.adapters.vault.VaultError;
import dev.jwkit.adapters.vault.VaultSettings;
import dev.jwkit.adapters.vault.internal.VaultClient;
import dev.jwkit.adapters.vault.testing.FakeVault;
import dev.jwkit.jose.JwkitException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KvV2ApiTest {

  private final FakeVault vault = FakeVault.start();
  private final VaultClient client = VaultClient.create(VaultSettings.builder().address(vault.address())
      .allowPlaintextHttp().auth(VaultAuth.token(vault::rootToken)).build());

  @AfterEach
  void close() {
    vault.close();
  }

  @Test
  void write_casZeroThenVersion_roundTrips() {
    KvV2Api kv = new KvV2Api(client, "secret");
    assertThat(kv.read("jwkit/ring")).isEmpty();
    assertThat(kv.write("jwkit/ring", Map.of("a", 1L), 0)).isEqualTo(1);
    assertThat(kv.write("jwkit/ring", Map.of("a", 2L), 1)).isEqualTo(2);
    KvV2Api.Versioned read = kv.read("jwkit/ring").orElseThrow();
    assertThat(read.version()).isEqualTo(2);
    assertThat(read.data()).containsEntry("a", 2L);
  }

  @Test
  void write_staleVersion_casConflictAndNothingOverwritten() {
    KvV2Api kv = new KvV2Api(client, "secret");
    kv.write("jwkit/ring", Map.of("a", 1L), 0);
    assertThatThrownBy(() -> kv.write("jwkit/ring", Map.of("a", 9L), 0))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.CAS_CONFLICT))
        .hasMessageContaining("secret/data/jwkit/ring");
    assertThat(kv.read("jwkit/ring").orElseThrow().data()).containsEntry("a", 1L);
  }

  @Test
  void write_conflictingWriterBetweenReadAndWrite_casConflict() {
    KvV2Api kv = new KvV2Api(client, "secret");
    kv.write("jwkit/ring", Map.of("a", 1L), 0);
    long version = kv.read("jwkit/ring").orElseThrow().version();
    vault.beforeNextWrite("secret/data/jwkit/ring", () -> vault.kv("secret").put("jwkit/ring", Map.of("other", true)));
    assertThatThrownBy(() -> kv.write("jwkit/ring", Map.of("a", 2L), version))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.CAS_CONFLICT));
    assertThat(kv.read("jwkit/ring").orElseThrow().data()).containsEntry("other", true);
  }

  @Test
  void read_kvVersion1Mount_kvVersionMismatch() {
    vault.mountKv("legacy", 1);
    KvV2Api kv = new KvV2Api(client, "legacy");
    assertThatThrownBy(() -> kv.read("jwkit/ring"))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.KV_VERSION_MISMATCH))
        .hasMessageContaining("legacy");
    assertThat(vault.requests("legacy/")).isEmpty();
  }

  @Test
  void read_kvVersion1WithoutPreflight_detectedByShape() {
    vault.mountKv("legacy", 1);
    vault.deny("sys/internal/ui/mounts/");
    String token = vault.auth().createToken(java.time.Duration.ZERO, false);
    VaultClient limited = VaultClient.create(client.settings().toBuilder().auth(VaultAuth.token(() -> token)).build());
    KvV2Api kv = new KvV2Api(limited, "legacy");
    assertThatThrownBy(() -> kv.write("jwkit/ring", Map.of("a", 1L), 0))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.KV_VERSION_MISMATCH));
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
    kv.write("jwkit/ring", Map.of("a", 1L), 0);
    client.send(dev.jwkit.adapters.vault.internal.VaultRequest.delete("secret/data/jwkit/ring"));
    assertThat(kv.read("jwkit/ring")).isEmpty();
    assertThat(kv.currentVersion("jwkit/ring")).isEqualTo(1);
    kv.destroy("jwkit/ring");
    assertThat(kv.currentVersion("jwkit/ring")).isZero();
  }
}
