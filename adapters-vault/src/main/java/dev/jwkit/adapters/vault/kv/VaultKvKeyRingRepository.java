package dev.jwkit.adapters.vault.kv;

import dev.jwkit.adapters.vault.VaultError;
import dev.jwkit.adapters.vault.VaultPaths;
import dev.jwkit.adapters.vault.VaultSettings;
import dev.jwkit.adapters.vault.internal.VaultClient;
import dev.jwkit.jose.Json;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
 * <p>A ring is never started again over a deleted one without an operator's word: a ring whose latest
 * version was deleted or destroyed is {@link VaultError#RING_DELETED} for {@link #load} and {@link #save}
 * unless {@link Builder#replaceDeletedRing(boolean)}, and a mount or path whose {@code
 * delete_version_after} would delete ring versions by themselves is refused before the first read
 * ({@link VaultError#DELETE_VERSION_AFTER}).
 *
 * <h2>Security</h2>
 * Rings under local custody contain private keys: restrict the path with a Vault policy (read, create,
 * update on {@code <mount>/data/<pathPrefix>/*}). Nothing of the document or the token is logged or
 * put in an exception message; messages name the mount, the path and the ring id.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use, also by several processes sharing one Vault.
 *
 * <h2>Errors</h2>
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
  private final boolean replaceDeletedRing;
  /** The ring paths whose delete_version_after was checked and found harmless (or unknowable). */
  private final Set<String> expiryChecked = ConcurrentHashMap.newKeySet();

  private VaultKvKeyRingRepository(Builder b) {
    this.kv = new KvV2Api(VaultClient.create(b.settings), b.mount);
    this.pathPrefix = b.pathPrefix;
    this.replaceDeletedRing = b.replaceDeletedRing;
  }

  /** Returns a new builder; {@link Builder#settings(VaultSettings)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@inheritDoc}
   *
   * @throws JwkitException {@link VaultError#RING_DELETED} if the ring's latest version was deleted or
   *     destroyed (unless {@link Builder#replaceDeletedRing(boolean)}), {@link
   *     VaultError#DELETE_VERSION_AFTER} if KV would delete the ring's versions by itself
   */
  @Override
  public Optional<KeyRing> load(KeyRingId id) {
    Objects.requireNonNull(id, "id");
    String path = path(id);
    checkExpiry(path);
    KvV2Api.Current stored = kv.readCurrent(path);
    if (stored.deleted()) {
      if (replaceDeletedRing) {
        return Optional.empty();
      }
      throw ringDeleted(id, stored);
    }
    if (!stored.exists()) {
      return Optional.empty();
    }
    KeyRing ring = KeyRingDocument.fromMap(stored.data());
    if (!ring.id().equals(id)) {
      throw new JwkitException(KeyRingError.DOCUMENT_INVALID,
          where(id) + " holds ring '" + ring.id().value() + "', not '" + id.value() + "'");
    }
    return Optional.of(ring.withVersion(stored.version()));
  }

  /**
   * {@inheritDoc}
   *
   * <p>A write that Vault committed although its answer was lost (a timeout, then a retry that meets
   * its own version) is recognised by reading the secret back: the same document at the next version is
   * this save, not a conflict.
   *
   * @throws JwkitException {@link VaultError#RING_DELETED}, {@link VaultError#DELETE_VERSION_AFTER} as
   *     {@link #load}
   */
  @Override
  public KeyRing save(KeyRing ring) {
    Objects.requireNonNull(ring, "ring");
    long expected = ring.version();
    String path = path(ring.id());
    checkExpiry(path);
    try {
      long version = write(path, ring, expected);
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

  /** Writes the ring at {@code cas + 1}; a conflict met by a repeated write is checked against what is stored. */
  private long write(String path, KeyRing ring, long cas) {
    Map<String, Object> document = KeyRingDocument.toMap(ring.withVersion(cas + 1));
    try {
      return kv.write(path, document, cas);
    } catch (JwkitException e) {
      if (e.code() != VaultError.CAS_CONFLICT || e.getSuppressed().length == 0) {
        throw e;
      }
      KvV2Api.Current stored = kv.readCurrent(path);
      if (stored.exists() && stored.version() == cas + 1 && stored.data().equals(Json.parseObject(Json.write(document)))) {
        LOG.log(Level.DEBUG, "ring {0}: a repeated write had already been stored at version {1}", ring.id().value(), cas + 1);
        return cas + 1;
      }
      throw e;
    }
  }

  /**
   * A new ring where the old one's latest version was deleted (a soft delete keeps the KV version), only
   * with {@link Builder#replaceDeletedRing(boolean)}: the save goes to the version after the deleted one,
   * still with check-and-set.
   */
  private KeyRing saveOverDeleted(KeyRing ring, String path, JwkitException conflict) {
    KvV2Api.Current stored = kv.readCurrent(path);
    if (stored.exists()) {
      throw new KeyRingConflictException(ring.id(), 0, conflict);
    }
    if (stored.deleted() && !replaceDeletedRing) {
      throw ringDeleted(ring.id(), stored);
    }
    long deleted = kv.currentVersion(path);
    if (deleted == 0) {
      throw new KeyRingConflictException(ring.id(), 0, conflict);
    }
    try {
      long version = write(path, ring, deleted);
      LOG.log(Level.INFO, "ring {0}: started a new ring at {1} over deleted version {2}, as asked",
          ring.id().value(), where(ring.id()), deleted);
      return ring.withVersion(version);
    } catch (JwkitException e) {
      if (e.code() == VaultError.CAS_CONFLICT) {
        throw new KeyRingConflictException(ring.id(), 0, e);
      }
      throw e;
    }
  }

  private JwkitException ringDeleted(KeyRingId id, KvV2Api.Current stored) {
    String what = stored.destroyed() ? "was destroyed"
        : "was deleted" + (stored.deletionTime().isEmpty() ? "" : " at " + stored.deletionTime())
            + " (by an operator, or by the mount's delete_version_after)";
    return new JwkitException(VaultError.RING_DELETED, "ring '" + id.value() + "' at " + where(id) + ": its latest version "
        + stored.version() + " " + what + ". jwkit does not start a new ring over it, which would replace every key. "
        + (stored.destroyed() ? "" : "Restore it (vault kv undelete -versions=" + stored.version() + " -mount=" + kv.mount()
            + " " + path(id) + "), or ")
        + "start a new ring on purpose (jwkit keys init --force; replaceDeletedRing(true) in the API)");
  }

  /**
   * Refuses, once per ring path, a mount or path whose {@code delete_version_after} would delete ring
   * versions by themselves: the ring would vanish and be started again with new keys. A setting the
   * token may not read is reported once in the log and otherwise left unchecked ({@link #load} still
   * refuses a deleted ring).
   */
  private void checkExpiry(String path) {
    if (expiryChecked.contains(path)) {
      return;
    }
    String configPath = kv.mount() + "/config";
    String metadataPath = kv.mount() + "/metadata/" + path;
    Optional<String> mount = kv.mountDeleteVersionAfter();
    Optional<String> key = kv.pathDeleteVersionAfter(path);
    if (mount.isEmpty() || key.isEmpty()) {
      LOG.log(Level.WARNING, "cannot read delete_version_after of {0}: the token may not read it; "
          + "a ring version deleted by KV will be refused, not replaced", mount.isEmpty() ? configPath : metadataPath);
    } else if (DeleteVersionAfter.expires(DeleteVersionAfter.seconds(mount.get(), configPath),
        DeleteVersionAfter.seconds(key.get(), metadataPath))) {
      throw new JwkitException(VaultError.DELETE_VERSION_AFTER, configPath + " has delete_version_after=" + mount.get()
          + " and " + metadataPath + " has delete_version_after=" + key.get() + ": KV would delete every version of the "
          + "ring that long after it is written, and the ring's keys with it. Disable it on the mount "
          + "(delete_version_after=-1s on " + configPath + ") and clear it on the path (delete_version_after=0 on "
          + metadataPath + "), or use a KV mount without it");
    }
    expiryChecked.add(path);
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
    private boolean replaceDeletedRing;

    private Builder() {}

    /**
     * Whether a ring whose latest KV version was deleted or destroyed (by an operator, or by the mount's
     * {@code delete_version_after}) loads as missing, so that a new ring with new keys is started over
     * it. This is an operator's explicit decision ({@code jwkit keys init --force}); by default such a
     * ring is refused with {@link VaultError#RING_DELETED}. Default {@code false}.
     *
     * @return this builder
     */
    public Builder replaceDeletedRing(boolean replace) {
      this.replaceDeletedRing = replace;
      return this;
    }

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
