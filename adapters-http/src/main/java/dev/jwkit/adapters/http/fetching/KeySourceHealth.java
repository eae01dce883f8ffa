package dev.jwkit.adapters.http.fetching;

import dev.jwkit.jose.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A point-in-time health report of a {@link CachingKeySource}, for readiness probes and dashboards.
 *
 * @param location the key set location, without query
 * @param status where the held set stands
 * @param lastSuccess when a fetch last succeeded (including a 304 revalidation)
 * @param lastFailure when a fetch last failed
 * @param lastFailureCode the reason of the last failure
 * @param lastFailureMessage the safe message of the last failure
 * @param age how long ago the held set was last validated with the server
 * @param keys the number of usable keys held
 * @param hits lookups answered from the held set
 * @param misses lookups whose {@code kid} was not in the held set
 */
public record KeySourceHealth(
    String location,
    Status status,
    Optional<Instant> lastSuccess,
    Optional<Instant> lastFailure,
    Optional<ErrorCode> lastFailureCode,
    Optional<String> lastFailureMessage,
    Optional<Duration> age,
    int keys,
    long hits,
    long misses) {

  /** Where the held set stands. */
  public enum Status {
    /** No set has been loaded yet. */
    NOT_LOADED,
    /** The held set is within its freshness lifetime. */
    FRESH,
    /** The held set is past its lifetime but within the maximum staleness: still served. */
    STALE,
    /** The held set is beyond the maximum staleness: lookups fail closed. */
    EXPIRED
  }

  /** Validates. */
  public KeySourceHealth {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(lastSuccess, "lastSuccess");
    Objects.requireNonNull(lastFailure, "lastFailure");
    Objects.requireNonNull(lastFailureCode, "lastFailureCode");
    Objects.requireNonNull(lastFailureMessage, "lastFailureMessage");
    Objects.requireNonNull(age, "age");
  }

  /** Whether lookups are answered (fresh or stale but within the limit). */
  public boolean isServing() {
    return status == Status.FRESH || status == Status.STALE;
  }
}
