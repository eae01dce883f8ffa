package dev.jwkit.jose.jwt;

/**
 * Receives the outcome of every verification made by a {@link JwtVerifier} built with {@link
 * JwtVerifier.Builder#listener}: for metrics by reason code, or an audit of refused tokens.
 *
 * <p>A verifier without a listener does no reporting work at all. With one, each call to {@link
 * JwtVerifier#verify} reports exactly one {@link VerificationOutcome}, after the result is decided; the
 * outcome carries no token and no claim.
 *
 * <h2>Thread safety</h2>
 * Implementations must be safe for concurrent use and return quickly; an exception thrown by a listener
 * is caught and does not change the verification result.
 */
@FunctionalInterface
public interface VerificationListener {

  /** Called once per verification, on the verifying thread. */
  void onOutcome(VerificationOutcome outcome);
}
