package dev.jwkit.jwks.port;

/**
 * Receives the fetch outcomes of a caching key source (refreshes, failures, the time left before the
 * staleness limit). Health checks, metrics and logs are adapters of this listener.
 *
 * <h2>Thread safety</h2>
 * Implementations must be safe for concurrent use and return quickly.
 */
@FunctionalInterface
public interface KeySourceListener {

  /** A listener that ignores every outcome. */
  KeySourceListener NONE = outcome -> { };

  /** Called once per fetch. */
  void onFetch(FetchOutcome outcome);
}
