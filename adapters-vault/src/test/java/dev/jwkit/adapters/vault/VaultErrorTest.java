package dev.jwkit.adapters.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VaultErrorTest {

  @Test
  void ids_areStableLowercaseDottedAndUnique() {
    assertThat(Arrays.stream(VaultError.values()).map(VaultError::id))
        .allMatch(id -> id.matches("vault\\.[a-z_]+"))
        .doesNotHaveDuplicates()
        .contains("vault.unreachable", "vault.sealed", "vault.permission_denied", "vault.not_found",
            "vault.kv_version_mismatch", "vault.cas_conflict", "vault.invalid_request", "vault.rate_limited");
  }

  @Test
  void isTransient_onlyForFailuresARetryCanFix() {
    assertThat(Arrays.stream(VaultError.values()).filter(VaultError::isTransient))
        .containsExactlyInAnyOrder(VaultError.UNREACHABLE, VaultError.SEALED, VaultError.STANDBY,
            VaultError.RATE_LIMITED, VaultError.SERVER_ERROR);
  }
}
