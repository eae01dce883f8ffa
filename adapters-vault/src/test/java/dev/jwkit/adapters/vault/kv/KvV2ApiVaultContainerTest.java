package dev.jwkit.adapters.vault.kv;

import dev.jwkit.adapters.vault.testing.VaultTarget;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.vault.VaultContainer;

/** {@link KvV2ApiContract} against a real {@code hashicorp/vault} in dev mode; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class KvV2ApiVaultContainerTest extends KvV2ApiContract {

  @Container
  static final VaultContainer<?> VAULT = VaultTarget.newContainer();

  @Override
  protected VaultTarget target() {
    return VaultTarget.of(VAULT);
  }
}
