package dev.jwkit.jwks.model;

import dev.jwkit.jose.ErrorCode;

/**
 * The error codes of key-ring management: storage conflicts, missing rings, invalid policies and
 * lifecycle violations. The ids are stable: they are listed in the jwks-domain README and renaming one
 * is a breaking change.
 */
public enum KeyRingError implements ErrorCode {
  /** A save was made against a version that is no longer the stored one (optimistic concurrency). */
  CONFLICT("keyring.conflict"),
  /** No ring is stored under the requested id, or no key with the requested kid is in the ring. */
  NOT_FOUND("keyring.not_found"),
  /** A rotation policy or other configuration breaks one or more of the lifecycle's timing rules. */
  POLICY_INVALID("keyring.policy_invalid"),
  /** A token was signed by a key that has been revoked. */
  KEY_REVOKED("keyring.key_revoked"),
  /** A {@code kid} that the ring has already used (a kid is never reused). */
  DUPLICATE_KID("keyring.duplicate_kid"),
  /** An operator action that the key's current state does not allow (for example revoking twice). */
  ILLEGAL_TRANSITION("keyring.illegal_transition"),
  /** The ring has no active key: it was never started, or its signer was revoked with no successor. */
  NO_ACTIVE_KEY("keyring.no_active_key"),
  /** A stored key-ring document that cannot be read: malformed, inconsistent, or a newer format. */
  DOCUMENT_INVALID("keyring.document_invalid"),
  /** The key custody could not generate, sign with, or destroy a key. */
  CUSTODY_FAILED("keyring.custody_failed");

  private final String id;

  KeyRingError(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }
}
