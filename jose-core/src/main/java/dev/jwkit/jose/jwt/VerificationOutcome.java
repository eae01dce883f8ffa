package dev.jwkit.jose.jwt;

import dev.jwkit.jose.ErrorCode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one token verification, for a {@link VerificationListener}: never the token or its
 * claims, only the {@code kid} and algorithm name from the header and the reason code on failure.
 *
 * @param at when the verification happened (the verifier's clock)
 * @param kid the header's {@code kid}, if any and if the header could be read
 * @param alg the header's {@code alg}, if the header could be read
 * @param failure the reason code when the token was refused; empty when it verified
 */
public record VerificationOutcome(Instant at, Optional<String> kid, Optional<String> alg, Optional<ErrorCode> failure) {

  /** Validates the record. */
  public VerificationOutcome {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kid, "kid");
    Objects.requireNonNull(alg, "alg");
    Objects.requireNonNull(failure, "failure");
  }

  /** Whether the token verified. */
  public boolean verified() {
    return failure.isEmpty();
  }
}
