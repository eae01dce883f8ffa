package dev.jwkit.jwks.port;

import dev.jwkit.jose.ErrorCode;
import dev.jwkit.jose.jwk.JwkSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something a key source (the HTTP adapter's caching source, the file adapter's key source) did or saw,
 * reported to its {@link KeySourceListener}s: fetches and their outcome, stale serving with the time left,
 * failing closed, skipped keys, refetches caused by an unknown {@code kid}.
 *
 * <p>Events carry safe context only: the location (without query), codes, counts, durations, and
 * {@code kid}s (truncated to 64 characters). Never key material.
 */
public sealed interface KeySourceEvent {

  /** The key set location, without query. */
  String location();

  /** When the event happened, by the source's clock. */
  Instant at();

  /**
   * A fetch succeeded.
   *
   * @param location the location
   * @param at when
   * @param keys usable keys now held
   * @param notModified whether the server answered 304 (the held set was revalidated)
   * @param latency how long the fetch took (wall time)
   * @param lifetime the freshness lifetime applied (advertised, clamped)
   * @param onDemand whether an unknown {@code kid} caused the fetch
   */
  record Fetched(String location, Instant at, int keys, boolean notModified, Duration latency, Duration lifetime,
      boolean onDemand) implements KeySourceEvent {
    public Fetched {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(latency, "latency");
      Objects.requireNonNull(lifetime, "lifetime");
    }
  }

  /**
   * A fetch failed, or fetched a set that was refused; the held set (if any) is kept.
   *
   * @param location the location
   * @param at when
   * @param code the stable reason
   * @param message the safe message
   * @param latency how long the attempt took (wall time)
   * @param consecutiveFailures failures in a row, this one included
   */
  record FetchFailed(String location, Instant at, ErrorCode code, String message, Duration latency,
      int consecutiveFailures) implements KeySourceEvent {
    public FetchFailed {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(latency, "latency");
    }
  }

  /**
   * The held set is past its freshness lifetime and could not be refreshed; it is still served.
   *
   * @param location the location
   * @param at when
   * @param staleFor how long past expiry the set is
   * @param timeLeft how long it will still be served before the source fails closed
   */
  record ServingStale(String location, Instant at, Duration staleFor, Duration timeLeft) implements KeySourceEvent {
    public ServingStale {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(staleFor, "staleFor");
      Objects.requireNonNull(timeLeft, "timeLeft");
    }
  }

  /**
   * The held set is past the maximum staleness and no refresh succeeded: lookups fail closed.
   *
   * @param location the location
   * @param at when
   * @param staleFor how long past expiry the set is
   */
  record FailedClosed(String location, Instant at, Duration staleFor) implements KeySourceEvent {
    public FailedClosed {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(staleFor, "staleFor");
    }
  }

  /**
   * Keys of a fetched set were skipped: unusable (unknown {@code kty}, bad material) or refused (private
   * or symmetric keys have no place in a remote set).
   *
   * @param location the location
   * @param at when
   * @param skipped the skipped keys with their reasons
   */
  record KeysSkipped(String location, Instant at, List<JwkSet.SkippedKey> skipped) implements KeySourceEvent {
    public KeysSkipped {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(at, "at");
      skipped = List.copyOf(skipped);
    }
  }

  /**
   * A lookup with an unknown {@code kid} started a refetch (at most one per cooldown).
   *
   * @param location the location
   * @param at when
   * @param kid the unknown {@code kid}, truncated to 64 characters
   */
  record UnknownKidRefetch(String location, Instant at, String kid) implements KeySourceEvent {
    public UnknownKidRefetch {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(kid, "kid");
      kid = kid.length() > 64 ? kid.substring(0, 64) + "…" : kid;
    }
  }
}
