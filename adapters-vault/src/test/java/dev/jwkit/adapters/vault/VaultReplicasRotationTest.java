package dev.jwkit.adapters.vault;

import dev.jwkit.adapters.vault.testing.FakeVault;
import dev.jwkit.adapters.vault.testing.VaultTarget;
import org.junit.jupiter.api.AfterAll;

/** {@link VaultReplicasRotationContract} against the in-process Vault double. */
class VaultReplicasRotationTest extends VaultReplicasRotationContract {

  private final FakeVault vault = FakeVault.start();

  @Override
  protected VaultTarget target() {
    return VaultTarget.of(vault);
  }

  @AfterAll
  void stop() {
    vault.close();
  }
}
