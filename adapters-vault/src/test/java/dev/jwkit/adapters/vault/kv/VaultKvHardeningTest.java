package dev.jwkit.adapters.vault.kv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.adapters.vault.VaultAuth;
import dev.jwkit.adapters.vault.VaultSettings;
import dev.jwkit.adapters.vault.testing.FakeSleeper;
import dev.jwkit.adapters.vault.testing.FakeVault;
import dev.jwkit.adapters.vault.testing.TestClock;
import dev.jwkit.jwks.model.KeyRingId;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The KV repository against behaviours of real Vault that the contract does not exercise: a refused
 * mount preflight, versions that Vault deletes by itself ({@code delete_version_after}), a write that
 * committed although its answer never arrived.
 */
class VaultKvHardeningTest {

  private static final KeyRingId RING = KeyRingId.of("ring");

  private final TestClock clock = TestClock.startingAt("2026-01-01T00:00:00Z");
  private final FakeVault vault = FakeVault.start(clock);

  @AfterEach
  void close() {
    vault.close();
  }

  private VaultSettings.Builder settings(VaultAuth auth) {
    return VaultSettings.builder().address(vault.address()).allowPlaintextHttp().auth(auth).clock(clock)
        .sleeper(new FakeSleeper(clock));
  }

  private VaultKvKeyRingRepository repository(VaultSettings settings) {
    return VaultKvKeyRingRepository.builder().settings(settings).build();
  }

  @Test
  void appRole_preflightRefused_askedOnceAndNoNewLogin() {
    vault.auth().addAppRole("role-1", "secret-1", Duration.ofHours(1), true);
    vault.deny("sys/internal/ui/mounts/");
    VaultKvKeyRingRepository repo = repository(settings(VaultAuth.appRole("role-1", () -> "secret-1")).build());
    for (int i = 0; i < 3; i++) {
      assertThat(repo.load(RING)).isEmpty();
    }
    assertThat(vault.auth().logins()).isEqualTo(1);
    assertThat(vault.requests("sys/internal/ui/mounts/")).hasSize(1);
  }
}
