package dev.jwkit.jwks.port;

import dev.jwkit.jose.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one fetch of a remote key set, for a {@link KeySourceListener}.
 *
 * @param location where the set was fetched from
 * @param at when the fetch finished
 * @param kind what happened
 * @param keyCount the keys held after the fetch
 * @param failure the reason code when the fetch failed
 * @param staleFor how long the set being served has been past its refresh time (zero when fresh)
 */
public record FetchOutcome(JwksLocation location, Instant at, Kind kind, int keyCount, Optional<ErrorCode> failure,
    Duration staleFor) {

  /** What a fetch did. */
  public enum Kind {
    /** A new set was fetched and replaced the cached one. */
    UPDATED,
    /** The server confirmed the cached set (304) or sent the same content. */
    NOT_MODIFIED,
    /** The fetch failed; the last good set is still served. */
    FAILED_SERVING_STALE,
    /** The fetch failed and no usable set remains: verification fails closed. */
    FAILED_CLOSED
  }

  /** Validates the record. */
  public FetchOutcome {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(staleFor, "staleFor");
    if (keyCount < 0) {
      throw new IllegalArgumentException("keyCount must not be negative");
    }
  }
}
