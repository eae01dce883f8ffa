package dev.jwkit.adapters.vault.kv;

import dev.jwkit.adapters.vault.VaultError;
import dev.jwkit.adapters.vault.internal.VaultClient;
import dev.jwkit.adapters.vault.internal.VaultRequest;
import dev.jwkit.adapters.vault.internal.VaultResponse;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.JwkitException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/** The KV v2 endpoints the repository uses, on one mount (VAULT-API.md B1). */
final class KvV2Api {

  /** A secret's current data and the version it was read at. */
  record Versioned(Map<String, Object> data, long version) {}

  private final VaultClient client;
  private final String mount;
  private final AtomicBoolean mountChecked = new AtomicBoolean();

  KvV2Api(VaultClient client, String mount) {
    this.client = client;
    this.mount = mount;
  }

  String mount() {
    return mount;
  }

  /**
   * Checks once that the mount is KV version 2, with the mount preflight the Vault CLI uses ({@code
   * sys/internal/ui/mounts/:mount}). Without this, writing {@code mount/data/x} on a KV v1 mount would
   * silently create a secret literally named {@code data/x}. When the preflight is not allowed (403) the
   * shape of the KV answers is checked instead; either answer is kept, the preflight is asked once.
   *
   * @throws JwkitException {@link VaultError#KV_VERSION_MISMATCH} for a KV v1 or non-KV mount
   */
  void checkMount() {
    if (mountChecked.get()) {
      return;
    }
    VaultResponse r;
    try {
      r = client.send(VaultRequest.probe("sys/internal/ui/mounts/" + mount));
    } catch (JwkitException e) {
      if (e.code() != VaultError.INVALID_REQUEST) {
        throw e;
      }
      r = null; // an older Vault without the preflight
    }
    // The answer is kept either way: a refused preflight (403, which never makes the client log in again)
    // is asked once, and the shapes of the KV answers are checked instead.
    if (r != null && r.isSuccess()) {
      Map<String, Object> data = r.data();
      Object type = data.get("type");
      Object version = VaultResponse.objectOrEmpty(data.get("options")).get("version");
      if (!"kv".equals(type) && !"generic".equals(type)) {
        throw new JwkitException(VaultError.KV_VERSION_MISMATCH, "mount " + mount + " is a '" + type + "' engine, not KV version 2");
      }
      if (!"2".equals(version)) {
        throw new JwkitException(VaultError.KV_VERSION_MISMATCH, "mount " + mount + " is KV version 1; jwkit needs KV version 2 (check-and-set)");
      }
    }
    mountChecked.set(true);
  }

  /**
   * What a read of a secret's current version found: its data, or that the version was deleted (at
   * {@code deletionTime}) or destroyed, or nothing (version 0: the secret never existed, or its
   * metadata was deleted).
   */
  record Current(@Nullable Map<String, Object> data, long version, String deletionTime, boolean destroyed) {
    static final Current MISSING = new Current(null, 0, "", false);

    boolean exists() {
      return data != null;
    }

    /** Whether the secret exists but its current version was deleted or destroyed. */
    boolean deleted() {
      return data == null && version > 0;
    }
  }

  /** Reads the current version; empty if the secret is missing, or its current version deleted or destroyed. */
  Optional<Versioned> read(String path) {
    Current current = readCurrent(path);
    return current.exists() ? Optional.of(new Versioned(current.data(), current.version())) : Optional.empty();
  }

  /**
   * Reads the current version, telling a missing secret (404 {@code {"errors":[]}}) from a deleted or
   * destroyed current version (404 with the version's metadata and {@code data: null}, {@code
   * path_data.go} in the KV plugin).
   */
  Current readCurrent(String path) {
    checkMount();
    String full = mount + "/data/" + path;
    VaultResponse r = client.send(VaultRequest.read(full));
    Map<String, Object> outer = r.data();
    if (r.isNotFound() && !outer.containsKey("metadata")) {
      return Current.MISSING;
    }
    if (!outer.containsKey("metadata")) {
      throw new JwkitException(VaultError.KV_VERSION_MISMATCH, "mount " + mount + " answered without KV v2 metadata: is it KV version 1?");
    }
    Map<String, Object> metadata = VaultResponse.objectOrEmpty(outer.get("metadata"));
    long version = VaultResponse.integer(metadata, "version", full);
    Object data = outer.get("data");
    if (r.isNotFound() || data == null || data == Json.NULL) {
      Object deletion = metadata.get("deletion_time");
      return new Current(null, version, deletion instanceof String ? (String) deletion : "",
          Boolean.TRUE.equals(metadata.get("destroyed")));
    }
    return new Current(VaultResponse.objectOrEmpty(data), version, "", false);
  }

  /**
   * The mount's {@code delete_version_after} ({@code GET <mount>/config}) as Go writes a duration, e.g.
   * {@code "0s"}, {@code "768h0m0s"}, {@code "-1s"} (disabled); empty when the token may not read it.
   */
  Optional<String> mountDeleteVersionAfter() {
    VaultResponse r = client.send(VaultRequest.probe(mount + "/config"));
    return r.isSuccess() ? Optional.of(String.valueOf(r.data().getOrDefault("delete_version_after", "0s"))) : Optional.empty();
  }

  /**
   * The secret's own {@code delete_version_after} ({@code GET <mount>/metadata/<path>}): {@code "0s"}
   * when the secret does not exist yet; empty when the token may not read it.
   */
  Optional<String> pathDeleteVersionAfter(String path) {
    checkMount();
    VaultResponse r = client.send(VaultRequest.probe(mount + "/metadata/" + path));
    if (r.isNotFound()) {
      return Optional.of("0s");
    }
    return r.isSuccess() ? Optional.of(String.valueOf(r.data().getOrDefault("delete_version_after", "0s"))) : Optional.empty();
  }

  /**
   * Writes with check-and-set: succeeds only if the secret's current version is {@code expectedVersion}
   * (0: the secret must not exist).
   *
   * @return the new version
   * @throws JwkitException {@link VaultError#CAS_CONFLICT} if another writer got there first
   */
  long write(String path, Map<String, Object> data, long expectedVersion) {
    checkMount();
    String full = mount + "/data/" + path;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("options", Map.of("cas", expectedVersion));
    body.put("data", data);
    VaultResponse r = client.send(VaultRequest.write(full, body, true));
    if (r.status() == 204 || !r.data().containsKey("version")) {
      throw new JwkitException(VaultError.KV_VERSION_MISMATCH, "mount " + mount + " accepted a write without a version: is it KV version 1?");
    }
    return VaultResponse.integer(r.data(), "version", full);
  }

  /** The current version of the secret's metadata (0 when missing); counts deleted versions too. */
  long currentVersion(String path) {
    checkMount();
    VaultResponse r = client.send(VaultRequest.read(mount + "/metadata/" + path));
    return r.isNotFound() ? 0 : VaultResponse.optionalInteger(r.data(), "current_version").orElse(0L);
  }

  /** Deletes every version and the metadata (idempotent). */
  void destroy(String path) {
    checkMount();
    client.send(VaultRequest.delete(mount + "/metadata/" + path));
  }
}
