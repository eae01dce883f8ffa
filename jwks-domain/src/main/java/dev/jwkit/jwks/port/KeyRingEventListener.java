package dev.jwkit.jwks.port;

import dev.jwkit.jwks.model.KeyRingEvent;

/**
 * Receives the domain events of key rings (started, created, activated, retired, expired, revoked,
 * imported) after the ring that records them was saved. Audit logs and metrics are adapters of this
 * listener. Events never carry key material.
 *
 * <h2>Thread safety</h2>
 * Implementations must be safe for concurrent use and should return quickly; an exception thrown by a
 * listener is caught and does not affect the rotation.
 */
@FunctionalInterface
public interface KeyRingEventListener {

  /** A listener that ignores every event. */
  KeyRingEventListener NONE = event -> { };

  /** Called once per event, in the order the planner produced them. */
  void onEvent(KeyRingEvent event);
}
