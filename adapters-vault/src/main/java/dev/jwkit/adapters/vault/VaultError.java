package dev.jwkit.adapters.vault;

import dev.jwkit.jose.ErrorCode;

/**
 * The stable error codes of the Vault adapter.
 *
 * <p>Every failure that crosses a port of this module is a {@link dev.jwkit.jose.JwkitException} whose
 * {@link dev.jwkit.jose.JwkitException#code() code} is one of these (or a domain code such as the
 * key-ring conflict). Ids are lowercase dotted strings, listed in the module README; renaming one is a
 * breaking change. Messages name the Vault path and the HTTP status, never a token or a secret.
 *
 * <p>Instances are immutable and safe for concurrent use.
 */
public enum VaultError implements ErrorCode {
  /** Vault could not be reached: connection refused, TLS failure, I/O error or a timed-out request. */
  UNREACHABLE("vault.unreachable", true),
  /** Vault answered 503 {@code Vault is sealed}. */
  SEALED("vault.sealed", true),
  /** A standby node answered (503 standby, 307 redirect, or no reachable active node). */
  STANDBY("vault.standby", true),
  /** Vault refused the request: 429 rate-limit or lease-count quota. */
  RATE_LIMITED("vault.rate_limited", true),
  /** Vault failed internally (500, 502, 504), or a KV mount was still being upgraded. */
  SERVER_ERROR("vault.server_error", true),
  /** 403 {@code permission denied}: the token lacks a capability, or is invalid, expired or revoked. */
  PERMISSION_DENIED("vault.permission_denied", false),
  /** Authentication failed: AppRole login refused, or no token could be obtained. */
  AUTH_FAILED("vault.auth_failed", false),
  /** The secret, version or Transit key does not exist. */
  NOT_FOUND("vault.not_found", false),
  /** No secrets engine is mounted at the path ({@code no handler for route}). */
  MOUNT_NOT_FOUND("vault.mount_not_found", false),
  /** The mount is KV version 1 (or not KV at all) where KV version 2 is needed. */
  KV_VERSION_MISMATCH("vault.kv_version_mismatch", false),
  /** A KV v2 check-and-set write found another version than the one it expected. */
  CAS_CONFLICT("vault.cas_conflict", false),
  /** Transit refused the key version: below the minimum encryption/decryption version, or too new. */
  KEY_VERSION_DISALLOWED("vault.key_version_disallowed", false),
  /** Vault rejected the request as malformed or not allowed (400, 405, 413, 415). */
  INVALID_REQUEST("vault.invalid_request", false),
  /**
   * Vault ignored a parameter the call depends on ({@code Endpoint ignored these unrecognized
   * parameters}): a release too old for it, e.g. {@code salt_length} of PS256/384/512 before Vault 1.12.
   */
  IGNORED_PARAMETERS("vault.ignored_parameters", false),
  /** A new Transit key version signed a probe that does not verify with its published public key. */
  SIGNATURE_PROBE_FAILED("vault.signature_probe_failed", false),
  /**
   * The latest version of the ring's secret was deleted or destroyed (by an operator, or by KV's {@code
   * delete_version_after}): the ring is not started again over it without an explicit operator action.
   */
  RING_DELETED("vault.ring_deleted", false),
  /** The KV mount or the ring's path has a {@code delete_version_after} that would delete ring versions. */
  DELETE_VERSION_AFTER("vault.delete_version_after", false),
  /** Vault's answer did not have the documented shape. */
  UNEXPECTED_RESPONSE("vault.unexpected_response", false),
  /** The overall deadline of one operation (all retries included) passed. */
  DEADLINE_EXCEEDED("vault.deadline_exceeded", false),
  /** The calling thread was interrupted while waiting for Vault. */
  INTERRUPTED("vault.interrupted", false);

  private final String id;
  private final boolean transientFailure;

  VaultError(String id, boolean transientFailure) {
    this.id = id;
    this.transientFailure = transientFailure;
  }

  @Override
  public String id() {
    return id;
  }

  /**
   * Whether the same request may succeed if repeated after a pause: the client retries these with
   * backoff, within its attempt limit and deadline.
   */
  public boolean isTransient() {
    return transientFailure;
  }
}
