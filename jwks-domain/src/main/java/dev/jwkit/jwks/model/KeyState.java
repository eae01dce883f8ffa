package dev.jwkit.jwks.model;

/**
 * The lifecycle state of a managed key (ROTATION.md, "Recommended lifecycle state machine").
 *
 * <pre>
 *  PENDING ──(promote)──► ACTIVE ──(successor promoted)──► RETIRED ──(retired + W)──► EXPIRED
 *  PENDING | ACTIVE | RETIRED ──(compromise)──► REVOKED
 * </pre>
 */
public enum KeyState {
  /** Published, not yet signing; its private key is sealed. */
  PENDING,
  /** Published and the only signer of the ring. */
  ACTIVE,
  /** Published for verification only; the private key is destroyed or sign-denied. */
  RETIRED,
  /** Unpublished after its retirement window (terminal; kept for audit and so its kid is never reused). */
  EXPIRED,
  /** Compromised: unpublished at once, deny-listed; tokens it signed fail with their own code (terminal). */
  REVOKED;

  /** Whether keys in this state appear in the public JWKS. */
  public boolean isPublished() {
    return this == PENDING || this == ACTIVE || this == RETIRED;
  }

  /** Whether this state is final. */
  public boolean isTerminal() {
    return this == EXPIRED || this == REVOKED;
  }

  /** Whether the lifecycle allows a transition from this state to {@code next}. */
  public boolean canMoveTo(KeyState next) {
    switch (this) {
      case PENDING:
        return next == ACTIVE || next == REVOKED || next == EXPIRED;
      case ACTIVE:
        return next == RETIRED || next == REVOKED;
      case RETIRED:
        return next == EXPIRED || next == REVOKED;
      case EXPIRED:
      case REVOKED:
        return false;
      default:
        throw new AssertionError(this);
    }
  }
}
