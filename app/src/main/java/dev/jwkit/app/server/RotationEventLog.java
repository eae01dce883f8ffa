package dev.jwkit.app.server;

import dev.jwkit.jwks.model.KeyRingEvent;
import dev.jwkit.jwks.port.KeyRingEventListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Logs one line per key-ring event (System.Logger, bound to Logback in the app) and counts events in
 * {@code jwkit_keyring_events_total{event=…}}. Events carry no key material, so neither do the lines.
 *
 * <h3>Thread safety</h3>
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
    String name = event.getClass().getSimpleName();
    LOG.log(Level.INFO, () -> "rotation event " + name + ": " + event);
    Counter counter = counters.get(event.getClass());
    if (counter != null) { // every permitted type has one; the check only guards a future subtype
      counter.increment();
    }
  }
}
