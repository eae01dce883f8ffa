package dev.jwkit.app.server;

import dev.jwkit.jwks.model.KeyRingEvent;
import dev.jwkit.jwks.port.KeyRingEventListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.System.Logger.Level;

/**
 * Logs one line per key-ring event (System.Logger, bound to Logback in the app) and counts events in
 * {@code jwkit_keyring_events_total{event=…}}. Events carry no key material, so neither do the lines.
 *
 * <h2>Thread safety</h2>
 * Safe for concurrent use.
 */
public final class RotationEventLog implements KeyRingEventListener {
  private static final System.Logger LOG = System.getLogger("dev.jwkit.rotation");

  private final MeterRegistry registry;

  /**
   * A listener counting into the given registry.
   *
   * @param registry the metrics registry
   */
  public RotationEventLog(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void onEvent(KeyRingEvent event) {
    String name = event.getClass().getSimpleName();
    LOG.log(Level.INFO, () -> "rotation event " + name + ": " + event);
    Counter.builder("jwkit.keyring.events").description("Key-ring lifecycle events")
        .tag("event", name).register(registry).increment();
  }
}
