package dev.jwkit.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 14: a malformed {@code storage.vault.address} is reported without echoing it. */
class VaultAddressConfigTest {

  private static void assertRefusedWithoutEcho(String address, String... secrets) {
    Map<String, String> env = Map.of("JWKIT_STORAGE_TYPE", "vault", "JWKIT_STORAGE_VAULT_ADDRESS", address,
        "VAULT_TOKEN", "hvs.not-this-one");
    assertThatThrownBy(() -> ConfigLoader.of(env).load(Optional.empty(), Map.of()))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("storage.vault.address"));
          for (String secret : secrets) {
            assertThat(String.join("\n", e.problems())).doesNotContain(secret);
            assertThat(e.getMessage()).doesNotContain(secret);
          }
        });
  }

  @Test
  void malformedAddress_withUserInfoAndQuery_isNotEchoed() {
    assertRefusedWithoutEcho("https://admin:s3cr3t-pw@vault example:8200/?token=hvs.leaked", "s3cr3t-pw",
        "hvs.leaked");
  }

  @Test
  void wellFormedAddress_withUserInfo_isRefusedWithoutEcho() {
    assertRefusedWithoutEcho("https://admin:s3cr3t-pw@vault.example:8200", "s3cr3t-pw");
  }

  @Test
  void hugeAddress_isNotEchoed() {
    assertRefusedWithoutEcho("https://vault.example:8200/" + "x".repeat(10_000) + " y", "x".repeat(100));
  }
}
