package dev.jwkit.jwks.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jwks.inmemory.InMemoryKeyRingRepository;
import dev.jwkit.jwks.custody.LocalKeyCustody;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.model.RotationPolicy;
import dev.jwkit.jwks.port.KeyRingRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RingKeySourceTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  final TestClock clock = new TestClock(T0);
  final InMemoryKeyRingRepository stored = new InMemoryKeyRingRepository();
  final AtomicInteger loads = new AtomicInteger();
  final KeyRingRepository counting = new KeyRingRepository() {
    @Override public Optional<KeyRing> load(KeyRingId id) { loads.incrementAndGet(); return stored.load(id); }
    @Override public KeyRing save(KeyRing ring) { return stored.save(ring); }
  };
  final KeyRotationService rotation = KeyRotationService.builder(stored, new LocalKeyCustody())
      .policy(RotationPolicy.builder().rotationPeriod(Duration.ofDays(1)).build()).clock(clock).build();
  final RingKeySource source = RingKeySource.builder(counting).clock(clock).build();

  @Test
  void keys_unstartedRing_isEmpty() {
    assertThat(source.keys().keys()).isEmpty();
    assertThat(source.revokedKids()).isEmpty();
  }

  @Test
  void keys_unchangedRing_returnsTheSameSetInstanceAcrossReloads() {
    rotation.start();
    JwkSet first = source.keys();
    clock.advance(RingKeySource.DEFAULT_REFRESH_INTERVAL.plusSeconds(1));
    JwkSet second = source.keys();
    assertThat(loads.get()).isEqualTo(2);
    assertThat(second).isSameAs(first); // keeps jose-core's prepared-verifier cache warm
    assertThat(first.keys()).hasSize(2).allSatisfy(k -> assertThat(k.toJson()).doesNotContain("\"d\""));
  }

  @Test
  void keysFor_unknownKid_reloadsAtMostOncePerInterval() {
    rotation.start();
    source.keys();
    for (int i = 0; i < 100; i++) {
      source.keysFor("bogus-" + i);
    }
    assertThat(loads.get()).isEqualTo(1);
    clock.advance(RingKeySource.UNKNOWN_KID_REFRESH_INTERVAL);
    source.keysFor("bogus");
    source.keysFor("bogus-again");
    assertThat(loads.get()).isEqualTo(2);
  }

  @Test
  void revokedKids_followTheRing() {
    String active = rotation.start().ring().activeKey().kid();
    rotation.revoke(active, "test");
    clock.advance(RingKeySource.DEFAULT_REFRESH_INTERVAL);
    assertThat(source.revokedKids()).containsExactly(active);
    assertThat(source.keys().findByKid(active)).isEmpty();
  }
}
