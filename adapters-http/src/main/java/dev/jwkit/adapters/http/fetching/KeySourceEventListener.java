package dev.jwkit.adapters.http.fetching;

/**
 * Receives the detailed {@link KeySourceEvent}s of a {@link CachingKeySource} (the OkHttp {@code
 * EventListener} model): metrics, audit logs and alerts are built on it. The domain's coarser
 * {@link dev.jwkit.jwks.port.KeySourceListener} (one {@code FetchOutcome} per fetch) is supported as well.
 *
 * <p>Implementations must be safe for concurrent use, fast and non-blocking: they run on the fetching
 * thread or a caller's thread. An exception thrown by a listener is caught and ignored.
 */
@FunctionalInterface
public interface KeySourceEventListener {

  /**
   * Called for every event.
   *
   * @param event what happened
   */
  void onEvent(KeySourceEvent event);

  /** A listener that ignores every event. */
  static KeySourceEventListener noop() {
    return event -> { };
  }
}
