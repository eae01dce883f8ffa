package dev.jwkit.jwks.application;

import java.time.Clock;

/**
 * The default clock of the application services' builders: the system UTC clock. The one place in the
 * domain that names ambient time (the architecture rule on ambient time exempts exactly this class), so
 * that a user does not restate the obvious default while tests still pass a fixed or offset clock.
 */
final class SystemClock {

  private SystemClock() {}

  /** The system UTC clock. */
  static Clock utc() {
    return Clock.systemUTC();
  }
}
