package dev.jwkit.jwks.model;

import java.util.List;
import java.util.Objects;

/**
 * The result of planning: the ring after the transitions due, and the events that describe them, in
 * order.
 *
 * @param ring the new ring (same version as the input: saving assigns the next one)
 * @param events what happened; empty when nothing was due
 */
public record Plan(KeyRing ring, List<KeyRingEvent> events) {

  /** Validates and copies. */
  public Plan {
    Objects.requireNonNull(ring, "ring");
    events = List.copyOf(events);
  }

  /** Whether the plan changed the ring. */
  public boolean changed() {
    return !events.isEmpty();
  }
}
