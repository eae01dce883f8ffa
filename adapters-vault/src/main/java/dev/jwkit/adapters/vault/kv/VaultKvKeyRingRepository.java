package dev.jwkit.adapters.vault.kv;

import dev.jwkit.adapters.vault.VaultError;
import dev.jwkit.adapters.vault.VaultPaths;
import dev.jwkit.adapters.vault.VaultSettings;
import dev.jwkit.adapters.vault.internal.VaultClient;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingConflictException;
import dev.jwkit.jwks.model.KeyRingDocument;
import dev.jwkit.jwks.model.KeyRingError;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.port.KeyRingRepository;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link KeyRingRepository} in HashiCorp Vault's KV version 2 engine: each ring is one secret at
 * {@code <mount>/data/<pathPrefix>/<ringId>} whose data is the ring document ({@link KeyRingDocument},
 * the same format as the file repository), and whose KV version is the ring's version.
 *
 * <pre>{@code
 * KeyRingRepository rings = VaultKvKeyRingRepository.builder()
 *     .settings(vaultSettings)
 *     .mount("secret")               // default
 *     .pathPrefix("jwkit/keyrings")  // default
 *     .build();
 * }</pre>
 *
 * <p>A save writes with {@code options.cas} set to the version the ring was loaded at ({@code 0} for a
 * new ring), so that Vault itself refuses a stale save: the save fails with {@link
 * KeyRingConflictException} and the stored ring is unchanged. This is what lets several replicas share
 * one ring. The mount is checked once to be KV version 2 ({@link VaultError#KV_VERSION_MISMATCH}
 * otherwise), so a ring is never written to a KV v1 mount where check-and-set does not exist.
 *
 * <h3>Security</h3>
 * Rings under local custody contain private keys: restrict the path with a Vault policy (read, create,
 * update on {@code <mount>/data/<pathPrefix>/*}). Nothing of the document or the token is logged or
 * put in an exception message; messages name the mount, the path and the ring id.
 *
 * <h3>Thread safety</h3>
 * Instances are immutable and safe for concurrent use, also by several processes sharing one Vault.
 *
 * <h3>Errors</h3>
 * Every method throws a {@link JwkitException} with a {@link VaultError} code when Vault is
 * unreachable, sealed, refuses the token, or is not KV v2, and {@link KeyRingError#DOCUMENT_INVALID}
 * when the stored document cannot be read.
 */
public final class VaultKvKeyRingRepository implements KeyRingRepository {

  /** The mount of Vault's dev-mode KV v2 engine. */
  public static final String DEFAULT_MOUNT = "secret";
  /** Where rings are stored below the mount. */
  public static final String DEFAULT_PATH_PREFIX = "jwkit/keyrings";

  private static final System.Logger LOG = System.getLogger("dev.jwkit.adapters.vault");

  private final KvV2Api kv;
  private final String pathPrefix;

  private VaultKvKeyRingRepository(Builder b) {
    this.kv = new KvV2Api(VaultClient.create(b.settings), b.mount);
    this.pathPrefix = b.pathPrefix;
  }

  /** Returns a new builder; {@link Builder#settings(VaultSettings)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Optional<KeyRing> load(KeyRingId id) {
    Objects.requireNonNull(id, "id");
    Optional<KvV2Api.Versioned> stored = kv.read(path(id));
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    KeyRing ring = KeyRingDocument.fromMap(stored.get().data());
    if (!ring.id().equals(id)) {
      throw new JwkitException(KeyRingError.DOCUMENT_INVALID,
          where(id) + " holds ring '" + ring.id().value() + "', not '" + id.value() + "'");
    }
    return Optional.of(ring.withVersion(stored.get().version()));
  }

  @Override
  public KeyRing save(KeyRing ring) {
    Objects.requireNonNull(ring, "ring");
    long expected = ring.version();
    String path = path(ring.id());
    Map<String, Object> document = KeyRingDocument.toMap(ring.withVersion(expected + 1));
    try {
      long version = kv.write(path, document, expected);
      LOG.log(Level.DEBUG, "saved ring {0} at {1} version {2}", ring.id().value(), where(ring.id()),
          String.valueOf(version));
      return ring.withVersion(version);
    } catch (JwkitException e) {
      if (e.code() != VaultError.CAS_CONFLICT) {
        throw e;
      }
      if (expected == 0) {
        return saveOverDeleted(ring, path, e);
      }
      throw new KeyRingConflictException(ring.id(), expected, e);
    }
  }

  /**
   * A new ring where an operator deleted the old one with {@code vault kv delete} (a soft delete keeps
   * the KV version): it is a missing ring for {@link #load}, so a save at version 0 must succeed, at the
   * version after the deleted one, still with check-and-set.
   */
  private KeyRing saveOverDeleted(KeyRing ring, String path, JwkitException conflict) {
    if (kv.read(path).isPresent()) {
      throw new KeyRingConflictException(ring.id(), 0, conflict);
    }
    long deleted = kv.currentVersion(path);
    if (deleted == 0) {
      throw new KeyRingConflictException(ring.id(), 0, conflict);
    }
    try {
      long version = kv.write(path, KeyRingDocument.toMap(ring.withVersion(deleted + 1)), deleted);
      return ring.withVersion(version);
    } catch (JwkitException e) {
      if (e.code() == VaultError.CAS_CONFLICT) {
        throw new KeyRingConflictException(ring.id(), 0, e);
      }
      throw e;
    }
  }

  private String path(KeyRingId id) {
    return pathPrefix.isEmpty() ? id.value() : pathPrefix + "/" + id.value();
  }

  private String where(KeyRingId id) {
    return kv.mount() + "/data/" + path(id);
  }

  @Override
  public String toString() {
    return "VaultKvKeyRingRepository[" + kv.mount() + "/data/" + pathPrefix + "]";
  }

  /** The builder of {@link VaultKvKeyRingRepository}. Not safe for concurrent use. */
  public static final class Builder {
    private VaultSettings settings;
    private String mount = DEFAULT_MOUNT;
    private String pathPrefix = DEFAULT_PATH_PREFIX;

    private Builder() {}

    /**
     * How to reach Vault. Required.
     *
     * @return this builder
     */
    public Builder settings(VaultSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * The mount of the KV version 2 engine, e.g. {@code secret}. Default {@link #DEFAULT_MOUNT}.
     *
     * @return this builder
     * @throws IllegalArgumentException if it is not a safe Vault path
     */
    public Builder mount(String mount) {
      this.mount = VaultPaths.checkMount(Objects.requireNonNull(mount, "mount"));
      return this;
    }

    /**
     * The path below the mount under which rings are stored, one secret per ring id. An empty string
     * stores rings at the mount's root. Default {@link #DEFAULT_PATH_PREFIX}.
     *
     * @return this builder
     * @throws IllegalArgumentException if it is not a safe Vault path
     */
    public Builder pathPrefix(String pathPrefix) {
      Objects.requireNonNull(pathPrefix, "pathPrefix");
      this.pathPrefix = VaultPaths.strip(pathPrefix).isEmpty() ? "" : VaultPaths.checkMount(pathPrefix);
      return this;
    }

    /**
     * Builds the repository; no request is sent until the first load or save.
     *
     * @throws IllegalStateException if the settings are missing
     */
    public VaultKvKeyRingRepository build() {
      if (settings == null) {
        throw new IllegalStateException("settings are required");
      }
      return new VaultKvKeyRingRepository(this);
    }
  }
}
