package dev.jwkit.adapters.vault.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.adapters.vault.VaultAuth;
import dev.jwkit.adapters.vault.VaultError;
import dev.jwkit.adapters.vault.internal.VaultClient;
import dev.jwkit.adapters.vault.testing.FakeVault;
import dev.jwkit.adapters.vault.testing.VaultTarget;
import dev.jwkit.jose.JwkitException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@link KvV2ApiContract} against the double, plus fault injection only the double can do. */
class KvV2ApiTest extends KvV2ApiContract {

  private final FakeVault vault = FakeVault.start();

  @Override
  protected VaultTarget target() {
    return VaultTarget.of(vault);
  }

  @AfterAll
  void stop() {
    vault.close();
  }

  @Test
  void write_conflictingWriterInsideTheWriteRequest_casConflict() {
    KvV2Api kv = new KvV2Api(client, "secret");
    String path = unique("jwkit/ring");
    kv.write(path, Map.of("a", 1L), 0);
    long version = kv.read(path).orElseThrow().version();
    vault.beforeNextWrite("secret/data/" + path, () -> vault.kv("secret").put(path, Map.of("other", true)));
    assertThatThrownBy(() -> kv.write(path, Map.of("a", 2L), version))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.CAS_CONFLICT));
    assertThat(kv.read(path).orElseThrow().data()).containsEntry("other", true);
  }

  @Test
  void read_kvVersion1MountWithPreflight_neverTouchesTheMount() {
    vault.mountKv("legacy1", 1);
    KvV2Api kv = new KvV2Api(client, "legacy1");
    assertThatThrownBy(() -> kv.write("jwkit/ring", Map.of("a", 1L), 0)).isInstanceOf(JwkitException.class);
    assertThat(vault.requests("legacy1/")).isEmpty();
  }

  @Test
  void write_kvVersion1WithoutPreflightPermission_detectedByShape() {
    vault.mountKv("legacy2", 1);
    vault.deny("sys/internal/ui/mounts/");
    String token = vault.auth().createToken(Duration.ZERO, false, java.util.List.of("default", "all-paths"));
    VaultClient limited = VaultClient.create(client.settings().toBuilder().auth(VaultAuth.token(() -> token)).build());
    KvV2Api kv = new KvV2Api(limited, "legacy2");
    assertThatThrownBy(() -> kv.write("jwkit/ring", Map.of("a", 1L), 0))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.KV_VERSION_MISMATCH));
  }
}
