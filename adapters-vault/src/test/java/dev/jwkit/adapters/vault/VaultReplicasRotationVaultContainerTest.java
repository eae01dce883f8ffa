package dev.jwkit.adapters.vault;

import dev.jwkit.adapters.vault.testing.VaultTarget;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.vault.VaultContainer;

/** {@link VaultReplicasRotationContract} against a real {@code hashicorp/vault} in dev mode; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class VaultReplicasRotationVaultContainerTest extends VaultReplicasRotationContract {

  @Container
  static final VaultContainer<?> VAULT = VaultTarget.newContainer();

  @Override
  protected VaultTarget target() {
    return VaultTarget.of(VAULT);
  }
}
