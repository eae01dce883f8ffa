package dev.jwkit.adapters.http.fetching;

/**
 * Receives the {@link KeySourceEvent}s of a {@link CachingKeySource} (the OkHttp {@code EventListener}
 * model): metrics, audit logs and alerts are built on it.
 *
 * <p>Implementations must be safe for concurrent use, fast and non-blocking: they run on the fetching
 * thread or a caller's thread. An exception thrown by a listener is caught and ignored.
 */
@FunctionalInterface
public interface KeySourceListener {

  /**
   * Called for every event.
   *
   * @param event what happened
   */
  void onEvent(KeySourceEvent event);

  /** A listener that ignores every event. */
  static KeySourceListener noop() {
    return event -> { };
  }
}
