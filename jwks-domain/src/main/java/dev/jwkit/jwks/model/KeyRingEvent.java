package dev.jwkit.jwks.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened to a key ring: the output of the {@link RotationPlanner}, delivered to
 * listeners (audit logs, metrics) after the ring was saved. Events carry kids and instants, never key
 * material.
 */
public sealed interface KeyRingEvent
    permits KeyRingEvent.RingStarted, KeyRingEvent.KeyCreated, KeyRingEvent.KeyImported,
        KeyRingEvent.KeyActivated, KeyRingEvent.KeyRetired, KeyRingEvent.KeyExpired, KeyRingEvent.KeyRevoked {

  /** The ring the event happened to. */
  KeyRingId ringId();

  /** The key concerned (for {@link RingStarted}, the first active key). */
  String kid();

  /** When it happened (the planner's {@code now}). */
  Instant at();

  /** Why a key became active. */
  enum Trigger {
    /** The ring was started with this key. */
    START,
    /** The rotation period of the previous key elapsed. */
    SCHEDULED,
    /** An operator asked to rotate now. */
    MANUAL,
    /** The previous active key was revoked. */
    REVOCATION
  }

  /** A ring was started: its first key is active and a pending key is published. */
  record RingStarted(KeyRingId ringId, String kid, Instant at) implements KeyRingEvent {
    /** Validates the event. */
    public RingStarted {
      requireAll(ringId, kid, at);
    }
  }

  /** A key was generated and published (pending). */
  record KeyCreated(KeyRingId ringId, String kid, Instant at) implements KeyRingEvent {
    /** Validates the event. */
    public KeyCreated {
      requireAll(ringId, kid, at);
    }
  }

  /** An existing key was imported into the ring. */
  record KeyImported(KeyRingId ringId, String kid, Instant at) implements KeyRingEvent {
    /** Validates the event. */
    public KeyImported {
      requireAll(ringId, kid, at);
    }
  }

  /**
   * A key became the ring's signer.
   *
   * @param previousKid the key it replaced, if any
   * @param trigger why
   * @param emergency whether it had been published for less than the publish lead {@code L}
   * @param exposure how long clients caching an older set may not know the key (zero unless emergency)
   */
  record KeyActivated(KeyRingId ringId, String kid, Instant at, Optional<String> previousKid, Trigger trigger,
      boolean emergency, Duration exposure) implements KeyRingEvent {
    /** Validates the event. */
    public KeyActivated {
      requireAll(ringId, kid, at);
      Objects.requireNonNull(previousKid, "previousKid");
      Objects.requireNonNull(trigger, "trigger");
      Objects.requireNonNull(exposure, "exposure");
    }
  }

  /** A key stopped signing and is published for verification only. */
  record KeyRetired(KeyRingId ringId, String kid, Instant at) implements KeyRingEvent {
    /** Validates the event. */
    public KeyRetired {
      requireAll(ringId, kid, at);
    }
  }

  /** A retired key's window elapsed: it is no longer published. */
  record KeyExpired(KeyRingId ringId, String kid, Instant at) implements KeyRingEvent {
    /** Validates the event. */
    public KeyExpired {
      requireAll(ringId, kid, at);
    }
  }

  /**
   * A key was revoked: unpublished at once and deny-listed.
   *
   * @param previousState the state it was revoked from
   * @param reason the operator's reason
   */
  record KeyRevoked(KeyRingId ringId, String kid, Instant at, KeyState previousState, String reason)
      implements KeyRingEvent {
    /** Validates the event. */
    public KeyRevoked {
      requireAll(ringId, kid, at);
      Objects.requireNonNull(previousState, "previousState");
      Objects.requireNonNull(reason, "reason");
    }
  }

  private static void requireAll(KeyRingId ringId, String kid, Instant at) {
    Objects.requireNonNull(ringId, "ringId");
    Objects.requireNonNull(kid, "kid");
    Objects.requireNonNull(at, "at");
  }
}
