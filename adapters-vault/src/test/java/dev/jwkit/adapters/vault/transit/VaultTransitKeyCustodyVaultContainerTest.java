package dev.jwkit.adapters.vault.transit;

import dev.jwkit.adapters.vault.testing.VaultTarget;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jwks.port.KeyCustody;
import dev.jwkit.jwks.port.KeyCustodyContract;
import java.util.List;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.vault.VaultContainer;

/**
 * The {@link KeyCustodyContract} against a real {@code hashicorp/vault} in dev mode (Transit enabled at
 * {@code transit/}). Skipped, with Testcontainers' message "Docker is not available", where there is no
 * Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class VaultTransitKeyCustodyVaultContainerTest extends KeyCustodyContract {

  @Container
  static final VaultContainer<?> VAULT = VaultTarget.newContainer();

  @Override
  protected List<JwsAlgorithm> algorithms() {
    return List.of(JwsAlgorithm.ES256, JwsAlgorithm.ES384, JwsAlgorithm.ES512, JwsAlgorithm.RS256,
        JwsAlgorithm.PS256, JwsAlgorithm.EdDSA);
  }

  @Override
  protected KeyCustody newCustody() {
    return VaultTransitKeyCustody.builder().settings(VaultTarget.of(VAULT).rootSettings().build())
        .keyNamePrefix("t" + Long.toHexString(System.nanoTime())).build();
  }
}
