package dev.jwkit.adapters.vault.transit;

import dev.jwkit.adapters.vault.testing.VaultTarget;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.vault.VaultContainer;

/**
 * {@link TransitApiContract} against a real {@code hashicorp/vault} in dev mode. Skipped, with
 * Testcontainers' message "Docker is not available", where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class TransitApiVaultContainerTest extends TransitApiContract {

  @Container
  static final VaultContainer<?> VAULT = VaultTarget.newContainer();

  @Override
  protected VaultTarget target() {
    return VaultTarget.of(VAULT);
  }
}
