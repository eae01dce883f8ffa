package dev.jwkit.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.jwks.model.KeyRingEvent;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.model.KeyState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RotationEventLogTest {

  private static final KeyRingId RING = KeyRingId.of("main");
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void describe_activation_readsAsASentenceWithPlainValues() {
    String first = RotationEventLog.describe(new KeyRingEvent.KeyActivated(RING, "k1", AT, Optional.empty(),
        KeyRingEvent.Trigger.START, false, Duration.ZERO));
    String next = RotationEventLog.describe(new KeyRingEvent.KeyActivated(RING, "k2", AT, Optional.of("k1"),
        KeyRingEvent.Trigger.REVOCATION, true, Duration.ofMinutes(5)));

    assertThat(first).isEqualTo("ring main: key k1 signs from now on, the ring's first signing key (start)");
    assertThat(next).isEqualTo("ring main: key k2 signs from now on, after k1 (revocation); emergency: clients "
        + "caching an older key set may not know it for 300 s");
  }

  @Test
  void describe_everyEvent_hasNoRecordSyntax() {
    KeyRingEvent[] events = {
      new KeyRingEvent.RingStarted(RING, "k1", AT),
      new KeyRingEvent.KeyCreated(RING, "k2", AT),
      new KeyRingEvent.KeyImported(RING, "k3", AT),
      new KeyRingEvent.KeyRetired(RING, "k1", AT),
      new KeyRingEvent.KeyExpired(RING, "k1", AT),
      new KeyRingEvent.KeyRevoked(RING, "k2", AT, KeyState.ACTIVE, "leaked")
    };

    for (KeyRingEvent event : events) {
      assertThat(RotationEventLog.describe(event))
          .startsWith("ring main")
          .contains(event.kid())
          .doesNotContain("=", "Optional", "KeyRingId", "[");
    }
    assertThat(RotationEventLog.describe(events[5])).endsWith("was revoked (it was active): leaked");
  }

  @Test
  void onEvent_countsTheEventByType() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    new RotationEventLog(registry).onEvent(new KeyRingEvent.KeyRetired(RING, "k1", AT));

    assertThat(registry.get("jwkit.keyring.events").tag("event", "KeyRetired").counter().count()).isEqualTo(1.0);
  }
}
