package dev.jwkit.jwks.model;

import java.util.Objects;

/**
 * An operator action on a key ring, applied by {@link RotationPlanner#apply}. Commands are validated on
 * construction.
 */
public sealed interface KeyRingCommand
    permits KeyRingCommand.StartRing, KeyRingCommand.RotateNow, KeyRingCommand.RevokeKey, ImportKey {

  /** Start an empty ring: a first active key and a pending successor. Starting a started ring does nothing. */
  record StartRing() implements KeyRingCommand {}

  /**
   * Promote the oldest pending key now (Auth0's and Vault's manual rotation). If that key has been
   * published for less than the publish lead, this is an emergency promotion: it proceeds and its event
   * reports the exposure.
   */
  record RotateNow() implements KeyRingCommand {}

  /**
   * Revoke a key: it leaves the published set at once and tokens it signed fail with {@link
   * KeyRingError#KEY_REVOKED}. Revoking the active key promotes the oldest pending key.
   *
   * @param kid the key to revoke
   * @param reason why, for the audit trail: 1 to 200 printable characters, no key material
   */
  record RevokeKey(String kid, String reason) implements KeyRingCommand {
    /** Validates the command. */
    public RevokeKey {
      Objects.requireNonNull(kid, "kid");
      Objects.requireNonNull(reason, "reason");
      if (kid.isEmpty()) {
        throw new IllegalArgumentException("kid must not be empty");
      }
      if (reason.isBlank() || reason.length() > 200 || reason.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException("reason must be 1 to 200 characters without control characters");
      }
    }
  }
}
