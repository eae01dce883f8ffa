package dev.jwkit.jwks.port;

/**
 * Receives the {@link KeySourceEvent}s of a key source (the OkHttp {@code EventListener} model): fetches
 * and their outcome, stale serving with the time left, failing closed, skipped keys, refetches caused by an
 * unknown {@code kid}. Metrics, audit logs, health checks and alerts are adapters of this listener; the HTTP
 * adapter's caching source and the file adapter's key source both report through it.
 *
 * <h2>Thread safety</h2>
 * Implementations must be safe for concurrent use, fast and non-blocking: they run on the fetching thread
 * or on a caller's thread. An exception thrown by a listener is caught and ignored by the source.
 */
@FunctionalInterface
public interface KeySourceListener {

  /** A listener that ignores every event. */
  KeySourceListener NONE = event -> { };

  /**
   * Called for every event.
   *
   * @param event what happened
   */
  void onEvent(KeySourceEvent event);
}
