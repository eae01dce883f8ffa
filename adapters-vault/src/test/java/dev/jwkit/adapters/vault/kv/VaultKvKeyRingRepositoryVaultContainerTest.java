package dev.jwkit.adapters.vault.kv;

import dev.jwkit.adapters.vault.testing.VaultTarget;
import dev.jwkit.jwks.port.KeyRingRepository;
import dev.jwkit.jwks.port.KeyRingRepositoryContract;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.vault.VaultContainer;

/**
 * The {@link KeyRingRepositoryContract} against a real {@code hashicorp/vault} in dev mode. Skipped,
 * with Testcontainers' message "Docker is not available", where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class VaultKvKeyRingRepositoryVaultContainerTest extends KeyRingRepositoryContract {

  @Override
  protected int concurrentWriters() {
    return 4;
  }

  @Override
  protected int savesPerWriter() {
    return 5;
  }

  @Container
  static final VaultContainer<?> VAULT = VaultTarget.newContainer();

  @Override
  protected KeyRingRepository newRepository() {
    return VaultKvKeyRingRepository.builder().settings(VaultTarget.of(VAULT).rootSettings().build())
        .pathPrefix("jwkit/test-" + Long.toHexString(System.nanoTime())).build();
  }
}
