package dev.jwkit.app.config;

import dev.jwkit.adapters.vault.VaultSettings;

/**
 * The Vault storage settings of a configuration: connection and auth ({@link VaultSettings}), the KV v2
 * mount and path prefix of the ring, and whether signing keys live in Transit.
 *
 * <h2>Security</h2>
 * Holds no secret itself: the token or AppRole secret id is read through a supplier when Vault asks for
 * it; {@link #toString()} names no credential.
 *
 * <p>Instances are immutable and safe for concurrent use.
 */
public final class VaultStorage {
  /** Default KV v2 mount. */
  public static final String DEFAULT_KV_MOUNT = "secret";
  /** Default path prefix of rings under the KV mount. */
  public static final String DEFAULT_PATH = "jwkit/keyrings";
  /** Default Transit mount. */
  public static final String DEFAULT_TRANSIT_MOUNT = "transit";

  private final VaultSettings settings;
  private final String kvMount;
  private final String path;
  private final boolean transit;
  private final String transitMount;

  VaultStorage(VaultSettings settings, String kvMount, String path, boolean transit, String transitMount) {
    this.settings = settings;
    this.kvMount = kvMount;
    this.path = path;
    this.transit = transit;
    this.transitMount = transitMount;
  }

  /** Connection, TLS and auth. */
  public VaultSettings settings() {
    return settings;
  }

  /** The KV v2 mount. */
  public String kvMount() {
    return kvMount;
  }

  /** The path prefix of rings under the KV mount. */
  public String path() {
    return path;
  }

  /** Whether signing keys are generated and used in Transit (never exported). */
  public boolean transit() {
    return transit;
  }

  /** The Transit mount. */
  public String transitMount() {
    return transitMount;
  }

  @Override
  public String toString() {
    return "VaultStorage[address=" + settings.address() + ", kv=" + kvMount + "/" + path + ", transit="
        + (transit ? transitMount : "off") + "]";
  }
}
