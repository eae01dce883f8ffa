package dev.jwkit.adapters.vault;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * How the Vault client authenticates: a token, or an AppRole login.
 *
 * <p>Both hold suppliers, not secrets: the token or the secret id is asked for when it is needed (at
 * start, and again after Vault answers 403), so that the application can read it from configuration,
 * a file (e.g. a Vault Agent sink) or the environment, and rotate it underneath.
 *
 * <h2>Security</h2>
 * The supplied values are never logged, never put in exception messages and never appear in {@code
 * toString()}.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use if their suppliers are.
 */
public sealed interface VaultAuth permits VaultAuth.Token, VaultAuth.AppRole {

  /** The default mount of the AppRole auth method. */
  String DEFAULT_APPROLE_MOUNT = "approle";

  /**
   * Authenticates with a token, read from the supplier at start and again after a 403. A renewable
   * token is renewed ({@code auth/token/renew-self}) before its lease ends.
   */
  static VaultAuth token(Supplier<String> token) {
    Objects.requireNonNull(token, "token");
    return new Token(token);
  }

  /** Authenticates by AppRole login at {@code auth/approle/login}. */
  static VaultAuth appRole(String roleId, Supplier<String> secretId) {
    return appRole(DEFAULT_APPROLE_MOUNT, roleId, secretId);
  }

  /** Authenticates by AppRole login at {@code auth/<mount>/login}. */
  static VaultAuth appRole(String mount, String roleId, Supplier<String> secretId) {
    Objects.requireNonNull(mount, "mount");
    Objects.requireNonNull(roleId, "roleId");
    Objects.requireNonNull(secretId, "secretId");
    return new AppRole(VaultPaths.checkMount(mount), roleId, secretId);
  }

  /** Token authentication; see {@link VaultAuth#token(Supplier)}. */
  final class Token implements VaultAuth {
    private final Supplier<String> token;

    private Token(Supplier<String> token) {
      this.token = token;
    }

    /** The supplier of the token. */
    public Supplier<String> tokenSupplier() {
      return token;
    }

    @Override
    public String toString() {
      return "VaultAuth.Token[<redacted>]";
    }
  }

  /** AppRole authentication; see {@link VaultAuth#appRole(String, String, Supplier)}. */
  final class AppRole implements VaultAuth {
    private final String mount;
    private final String roleId;
    private final Supplier<String> secretId;

    private AppRole(String mount, String roleId, Supplier<String> secretId) {
      if (roleId.isBlank()) {
        throw new IllegalArgumentException("roleId must not be blank");
      }
      this.mount = mount;
      this.roleId = roleId;
      this.secretId = secretId;
    }

    /** The mount of the AppRole auth method, without slashes, e.g. {@code approle}. */
    public String mount() {
      return mount;
    }

    /** The role id. */
    public String roleId() {
      return roleId;
    }

    /** The supplier of the secret id. */
    public Supplier<String> secretIdSupplier() {
      return secretId;
    }

    @Override
    public String toString() {
      return "VaultAuth.AppRole[mount=" + mount + ", roleId=<redacted>, secretId=<redacted>]";
    }
  }
}
