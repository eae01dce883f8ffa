package dev.jwkit.adapters.vault.testing;

import dev.jwkit.adapters.vault.VaultAuth;
import dev.jwkit.adapters.vault.VaultSettings;
import dev.jwkit.adapters.vault.internal.VaultClient;
import dev.jwkit.adapters.vault.internal.VaultRequest;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.vault.VaultContainer;

/**
 * The Vault a test runs against: the in-process {@link FakeVault}, or a real {@code hashicorp/vault} in
 * dev mode through Testcontainers. Tests written against this run unchanged on both; those that need
 * fault injection use {@link #fake()}.
 */
public interface VaultTarget {

  /** The pinned image of the real-Vault tests. */
  String IMAGE = "hashicorp/vault:1.17";
  /** The dev-mode root token of the container. */
  String CONTAINER_ROOT_TOKEN = "jwkit-root-token";

  URI address();

  String rootToken();

  /** The double, when the target is one. */
  Optional<FakeVault> fake();

  /**
   * Settings with the root token for this target. The timeouts are generous: RSA-3072/4096 key generation
   * (Transit create and rotate) can take many seconds on a shared two-core build machine.
   */
  default VaultSettings.Builder rootSettings() {
    return VaultSettings.builder().address(address()).allowPlaintextHttp().auth(VaultAuth.token(this::rootToken))
        .readTimeout(java.time.Duration.ofSeconds(90)).callDeadline(java.time.Duration.ofSeconds(180));
  }

  /** Creates an AppRole with a fixed role id and secret id whose tokens may use the adapters' paths. */
  void addAppRole(String roleId, String secretId);

  /** Mounts a KV version 1 engine at {@code mount}. */
  void mountKvV1(String mount);

  static VaultTarget of(FakeVault vault) {
    return new VaultTarget() {
      @Override
      public URI address() {
        return vault.address();
      }

      @Override
      public String rootToken() {
        return vault.rootToken();
      }

      @Override
      public Optional<FakeVault> fake() {
        return Optional.of(vault);
      }

      @Override
      public void addAppRole(String roleId, String secretId) {
        vault.auth().addAppRole(roleId, secretId, java.time.Duration.ofHours(1), true);
      }

      @Override
      public void mountKvV1(String mount) {
        vault.mountKv(mount, 1);
      }
    };
  }

  /** A started dev-mode container (KV v2 at {@code secret/}); Transit is enabled at {@code transit/}. */
  static VaultTarget of(VaultContainer<?> container) {
    VaultTarget target = new VaultTarget() {
      @Override
      public URI address() {
        return URI.create(container.getHttpHostAddress());
      }

      @Override
      public String rootToken() {
        return CONTAINER_ROOT_TOKEN;
      }

      @Override
      public Optional<FakeVault> fake() {
        return Optional.empty();
      }

      @Override
      public void addAppRole(String roleId, String secretId) {
        VaultClient root = VaultClient.create(rootSettings().build());
        root.send(VaultRequest.write("sys/policies/acl/jwkit", Map.of("policy",
            "path \"secret/*\" { capabilities = [\"create\",\"read\",\"update\",\"delete\",\"list\"] }\n"
                + "path \"transit/*\" { capabilities = [\"create\",\"read\",\"update\",\"delete\",\"list\"] }\n"), true));
        VaultResponseCheck.ignoreExisting(() -> root.send(VaultRequest.write("sys/auth/approle", Map.of("type", "approle"), true)));
        root.send(VaultRequest.write("auth/approle/role/jwkit", Map.of("token_policies", "jwkit", "token_ttl", "1h"), true));
        root.send(VaultRequest.write("auth/approle/role/jwkit/role-id", Map.of("role_id", roleId), true));
        root.send(VaultRequest.write("auth/approle/role/jwkit/custom-secret-id", Map.of("secret_id", secretId), true));
      }

      @Override
      public void mountKvV1(String mount) {
        VaultClient root = VaultClient.create(rootSettings().build());
        VaultResponseCheck.ignoreExisting(() -> root.send(VaultRequest.write("sys/mounts/" + mount,
            Map.of("type", "kv", "options", Map.of("version", "1")), true)));
      }
    };
    VaultClient root = VaultClient.create(target.rootSettings().build());
    VaultResponseCheck.ignoreExisting(() -> root.send(VaultRequest.write("sys/mounts/transit", Map.of("type", "transit"), true)));
    return target;
  }

  /** Starts a container of {@link #IMAGE} in dev mode. */
  @SuppressWarnings("resource")
  static VaultContainer<?> newContainer() {
    return new VaultContainer<>(IMAGE).withVaultToken(CONTAINER_ROOT_TOKEN);
  }

  /** Helper for idempotent setup calls. */
  final class VaultResponseCheck {
    private VaultResponseCheck() {}

    static void ignoreExisting(Runnable call) {
      try {
        call.run();
      } catch (dev.jwkit.jose.JwkitException e) {
        if (!e.getMessage().contains("already in use") && !e.getMessage().contains("existing mount")) {
          throw e;
        }
      }
    }
  }
}
