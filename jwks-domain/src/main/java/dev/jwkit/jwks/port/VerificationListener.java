package dev.jwkit.jwks.port;

/**
 * Receives the outcome of every verification made by a {@code TokenVerifier} (for metrics by reason
 * code, audit of refused tokens).
 *
 * <h2>Thread safety</h2>
 * Implementations must be safe for concurrent use and return quickly; an exception thrown by a listener
 * is caught and does not change the verification result.
 */
@FunctionalInterface
public interface VerificationListener {

  /** A listener that ignores every outcome. */
  VerificationListener NONE = outcome -> { };

  /** Called once per verification. */
  void onOutcome(VerificationOutcome outcome);
}
