package dev.jwkit.jwks.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.jose.Json;
import dev.jwkit.jwks.model.KeyRingCommand.RevokeKey;
import dev.jwkit.jwks.model.KeyRingCommand.StartRing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PublicationTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  final RotationPolicy policy = RotationPolicy.builder().rotationPeriod(Duration.ofDays(1)).build();
  final TestKeys keys = new TestKeys();

  KeyRing started() {
    return RotationPlanner.apply(KeyRing.empty(KeyRingId.DEFAULT), new StartRing(), policy, T0, keys).ring();
  }

  @Test
  void of_startedRing_publishesActiveAndPendingPublicKeysOnly() {
    Publication p = Publication.of(started(), policy, T0);
    assertThat(p.kids()).containsExactly("k1", "k2");
    Map<String, Object> doc = Json.parseObject(p.toJson());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> jwks = (List<Map<String, Object>>) doc.get("keys");
    assertThat(jwks).hasSize(2).allSatisfy(k -> assertThat(k).doesNotContainKey("d").containsEntry("use", "sig")
        .containsEntry("alg", "ES256"));
  }

  @Test
  void of_revokedKey_isNotPublished() {
    KeyRing ring = RotationPlanner.apply(started(), new RevokeKey("k1", "test"), policy, T0.plusSeconds(10), keys).ring();
    assertThat(Publication.of(ring, policy, T0.plusSeconds(10)).kids()).containsExactly("k2", "k3");
  }

  @Test
  void contentTag_sameSet_isStableAcrossCalls_andChangesWithTheSet() {
    KeyRing ring = started();
    Publication a = Publication.of(ring, policy, T0);
    Publication b = Publication.of(ring, policy, T0.plusSeconds(30));
    assertThat(a.contentTag()).isEqualTo(b.contentTag());
    assertThat(a.etag()).isEqualTo('"' + a.contentTag() + '"');
    KeyRing rotated = RotationPlanner.plan(ring, policy, T0.plus(Duration.ofDays(1)), keys).ring();
    assertThat(Publication.of(rotated, policy, T0.plus(Duration.ofDays(1))).contentTag()).isNotEqualTo(a.contentTag());
  }

  @Test
  void maxAge_farFromChange_isPolicyMaxAge() {
    assertThat(Publication.of(started(), policy, T0).maxAge()).isEqualTo(policy.maxAge());
  }

  @Test
  void maxAge_nearNextChange_neverReachesBeyondIt() {
    Instant nearRotation = T0.plus(Duration.ofDays(1)).minusSeconds(90);
    Publication p = Publication.of(started(), policy, nearRotation);
    assertThat(p.nextChange()).contains(T0.plus(Duration.ofDays(1)));
    assertThat(p.maxAge()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void maxAge_changeOverdue_isAtMostOneTick() {
    Publication p = Publication.of(started(), policy, T0.plus(Duration.ofDays(2)));
    assertThat(p.maxAge()).isEqualTo(policy.tick());
  }

  @Test
  void maxAge_emptyRing_isZero() {
    Publication p = Publication.of(KeyRing.empty(KeyRingId.DEFAULT), policy, T0);
    assertThat(p.maxAge()).isZero();
    assertThat(p.toJson()).isEqualTo("{\"keys\":[]}");
  }

  @Test
  void maxAgeWithJitter_staysWithinHalfAndFull() {
    Publication p = Publication.of(started(), policy, T0);
    Random random = new Random(42);
    for (int i = 0; i < 1000; i++) {
      assertThat(p.maxAgeWithJitter(random)).isBetween(policy.maxAge().dividedBy(2), policy.maxAge());
    }
  }
}
