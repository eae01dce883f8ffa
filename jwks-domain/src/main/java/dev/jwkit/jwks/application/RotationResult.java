package dev.jwkit.jwks.application;

import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingEvent;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link KeyRotationService} call did.
 *
 * @param ring the ring as stored after the call (with its repository version)
 * @param events the events of the saved change, in order; empty if nothing was due
 * @param attempts how many load–plan–save rounds it took (more than one after conflicts)
 */
public record RotationResult(KeyRing ring, List<KeyRingEvent> events, int attempts) {

  /** Validates and copies. */
  public RotationResult {
    Objects.requireNonNull(ring, "ring");
    events = List.copyOf(events);
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be positive");
    }
  }

  /** Whether the call changed the stored ring. */
  public boolean changed() {
    return !events.isEmpty();
  }
}
