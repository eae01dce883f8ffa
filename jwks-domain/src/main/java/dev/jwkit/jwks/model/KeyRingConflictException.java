package dev.jwkit.jwks.model;

import dev.jwkit.jose.JwkitException;

/**
 * A save lost a compare-and-set race: another writer saved the ring since it was loaded. Callers retry by
 * loading the ring again and re-planning from what the other writer saved; the stored ring was not
 * changed by the failed save.
 *
 * <p>The code is always {@link KeyRingError#CONFLICT}.
 */
public final class KeyRingConflictException extends JwkitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates a conflict for a ring.
   *
   * @param ringId the ring's id (safe context)
   * @param expectedVersion the version the writer loaded
   */
  public KeyRingConflictException(KeyRingId ringId, long expectedVersion) {
    super(KeyRingError.CONFLICT, "ring " + ringId.value() + " changed since version " + expectedVersion);
  }

  /**
   * Creates a conflict for a ring with the underlying cause (a store's check-and-set failure).
   *
   * @param ringId the ring's id (safe context)
   * @param expectedVersion the version the writer loaded
   * @param cause the store's failure
   */
  public KeyRingConflictException(KeyRingId ringId, long expectedVersion, Throwable cause) {
    super(KeyRingError.CONFLICT, "ring " + ringId.value() + " changed since version " + expectedVersion, cause);
  }
}
