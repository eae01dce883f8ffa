package dev.jwkit.app.server;

import dev.jwkit.jwks.model.KeyRingEvent;
import dev.jwkit.jwks.port.KeyRingEventListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Logs one line per key-ring event (System.Logger, bound to Logback in the app) and counts events in
 * {@code jwkit_keyring_events_total{event=…}}. Events carry no key material, so neither do the lines.
 *
 * <h2>Thread safety</h2>
 * Safe for concurrent use.
 */
public final class RotationEventLog implements KeyRingEventListener {
  private static final System.Logger LOG = System.getLogger("dev.jwkit.rotation");

  private final Map<Class<?>, Counter> counters;

  /**
   * A listener counting into the given registry. Every event type's counter is registered at once, at
   * zero, so that {@code /metrics} lists each from the start (a scrape or an alert on a missing series
   * would otherwise see nothing until the first event, which on an existing ring may take days).
   *
   * @param registry the metrics registry
   */
  public RotationEventLog(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    Map<Class<?>, Counter> byType = new HashMap<>();
    for (Class<?> type : KeyRingEvent.class.getPermittedSubclasses()) {
      byType.put(type, Counter.builder("jwkit.keyring.events").description("Key-ring lifecycle events")
          .tag("event", type.getSimpleName()).register(registry));
    }
    this.counters = Map.copyOf(byType);
  }

  @Override
  public void onEvent(KeyRingEvent event) {
    if (LOG.isLoggable(Level.INFO)) {
      LOG.log(Level.INFO, describe(event));
    }
    Counter counter = counters.get(event.getClass());
    if (counter != null) { // every permitted type has one; the check only guards a future subtype
      counter.increment();
    }
  }

  /** What the events without details say after "ring r: key k". */
  private static final Map<Class<?>, String> PLAIN = Map.of(
      KeyRingEvent.KeyCreated.class, " was created and is published ahead of signing",
      KeyRingEvent.KeyImported.class, " was imported",
      KeyRingEvent.KeyRetired.class, " was retired: it stays published for verification only",
      KeyRingEvent.KeyExpired.class, " expired and is no longer published");

  /** The event as a sentence with plain values: {@code ring main: key k2 signs from now on, after k1 (scheduled)}. */
  static String describe(KeyRingEvent event) {
    String ring = "ring " + event.ringId().value() + ": key " + event.kid();
    String plain = PLAIN.get(event.getClass());
    if (plain != null) {
      return ring + plain;
    } else if (event instanceof KeyRingEvent.RingStarted) {
      return "ring " + event.ringId().value() + " started with key " + event.kid();
    } else if (event instanceof KeyRingEvent.KeyActivated) {
      KeyRingEvent.KeyActivated a = (KeyRingEvent.KeyActivated) event;
      String after = a.previousKid().map(kid -> ", after " + kid).orElse(", the ring's first signing key");
      String emergency = a.emergency()
          ? "; emergency: clients caching an older key set may not know it for " + a.exposure().toSeconds() + " s"
          : "";
      return ring + " signs from now on" + after + " (" + lower(a.trigger()) + ")" + emergency;
    } else if (event instanceof KeyRingEvent.KeyRevoked) {
      KeyRingEvent.KeyRevoked r = (KeyRingEvent.KeyRevoked) event;
      return ring + " was revoked (it was " + lower(r.previousState()) + "): " + r.reason();
    }
    throw new AssertionError(event);
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
