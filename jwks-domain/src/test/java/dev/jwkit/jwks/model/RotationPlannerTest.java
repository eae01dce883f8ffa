package dev.jwkit.jwks.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jwks.model.KeyRingCommand.RevokeKey;
import dev.jwkit.jwks.model.KeyRingCommand.RotateNow;
import dev.jwkit.jwks.model.KeyRingCommand.StartRing;
import dev.jwkit.jwks.model.KeyRingEvent.KeyActivated;
import dev.jwkit.jwks.model.KeyRingEvent.KeyCreated;
import dev.jwkit.jwks.model.KeyRingEvent.KeyExpired;
import dev.jwkit.jwks.model.KeyRingEvent.KeyRetired;
import dev.jwkit.jwks.model.KeyRingEvent.KeyRevoked;
import dev.jwkit.jwks.model.KeyRingEvent.RingStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RotationPlannerTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  final RotationPolicy policy = RotationPolicy.builder().rotationPeriod(Duration.ofDays(1)).build();
  final TestKeys keys = new TestKeys();

  KeyRing started() {
    return RotationPlanner.apply(KeyRing.empty(KeyRingId.DEFAULT), new StartRing(), policy, T0, keys).ring();
  }

  @Test
  void start_emptyRing_hasOneActiveAndOnePending() {
    Plan plan = RotationPlanner.apply(KeyRing.empty(KeyRingId.DEFAULT), new StartRing(), policy, T0, keys);
    assertThat(plan.ring().activeKey().kid()).isEqualTo("k1");
    assertThat(plan.ring().keys(KeyState.PENDING)).extracting(ManagedKey::kid).containsExactly("k2");
    assertThat(plan.events()).hasAtLeastOneElementOfType(RingStarted.class);
    assertThat(plan.ring().version()).isZero();
  }

  @Test
  void start_startedRing_changesNothing() {
    KeyRing ring = started();
    Plan again = RotationPlanner.apply(ring, new StartRing(), policy, T0.plusSeconds(5), keys);
    assertThat(again.changed()).isFalse();
    assertThat(again.ring()).isEqualTo(ring);
  }

  @Test
  void plan_unstartedRing_changesNothing() {
    Plan plan = RotationPlanner.plan(KeyRing.empty(KeyRingId.DEFAULT), policy, T0, keys);
    assertThat(plan.changed()).isFalse();
    assertThat(keys.generated()).isZero();
  }

  @Test
  void plan_beforeRotationPeriod_changesNothing() {
    KeyRing ring = started();
    Plan plan = RotationPlanner.plan(ring, policy, T0.plus(Duration.ofHours(23)), keys);
    assertThat(plan.changed()).isFalse();
  }

  @Test
  void plan_atRotationPeriod_promotesPublishedPendingAndCreatesSuccessor() {
    KeyRing ring = started();
    Instant at = T0.plus(Duration.ofDays(1));
    Plan plan = RotationPlanner.plan(ring, policy, at, keys);
    assertThat(plan.ring().activeKey().kid()).isEqualTo("k2");
    assertThat(plan.ring().key("k1").orElseThrow().state()).isEqualTo(KeyState.RETIRED);
    assertThat(plan.ring().key("k1").orElseThrow().retiredAt()).contains(at);
    assertThat(plan.ring().keys(KeyState.PENDING)).extracting(ManagedKey::kid).containsExactly("k3");
    assertThat(plan.events()).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("KeyRetired", "KeyActivated", "KeyCreated");
    KeyActivated activated = (KeyActivated) plan.events().get(1);
    assertThat(activated.emergency()).isFalse();
    assertThat(activated.exposure()).isZero();
    assertThat(activated.previousKid()).contains("k1");
  }

  @Test
  void plan_twiceAtSameInstant_isIdempotent() {
    Instant at = T0.plus(Duration.ofDays(1));
    Plan first = RotationPlanner.plan(started(), policy, at, keys);
    Plan second = RotationPlanner.plan(first.ring(), policy, at, keys);
    assertThat(second.changed()).isFalse();
    assertThat(second.ring()).isEqualTo(first.ring());
  }

  @Test
  void plan_afterRetirementWindow_expiresRetiredKey() {
    Instant rotation = T0.plus(Duration.ofDays(1));
    KeyRing ring = RotationPlanner.plan(started(), policy, rotation, keys).ring();
    Plan early = RotationPlanner.plan(ring, policy, rotation.plus(policy.retirementWindow()).minusSeconds(1), keys);
    assertThat(early.changed()).isFalse();
    Plan due = RotationPlanner.plan(ring, policy, rotation.plus(policy.retirementWindow()), keys);
    assertThat(due.events()).containsExactly(
        new KeyExpired(KeyRingId.DEFAULT, "k1", rotation.plus(policy.retirementWindow())));
    assertThat(due.ring().published()).extracting(ManagedKey::kid).containsExactly("k2", "k3");
  }

  @Test
  void plan_afterThreeMissedPeriods_catchesUpInOneCall() {
    KeyRing ring = RotationPlanner.plan(started(), policy, T0.plus(Duration.ofDays(1)), keys).ring();
    Instant late = T0.plus(Duration.ofDays(4)).plusSeconds(17);
    Plan plan = RotationPlanner.plan(ring, policy, late, keys);
    // one promotion (k3, published for three days), k1 expired, k2 retired now, a fresh pending k4
    assertThat(plan.ring().activeKey().kid()).isEqualTo("k3");
    assertThat(plan.ring().key("k1").orElseThrow().state()).isEqualTo(KeyState.EXPIRED);
    assertThat(plan.ring().key("k2").orElseThrow().retiredAt()).contains(late);
    assertThat(plan.ring().keys(KeyState.PENDING)).extracting(ManagedKey::kid).containsExactly("k4");
    assertThat(RotationPlanner.plan(plan.ring(), policy, late, keys).changed()).isFalse();
    assertThat(RotationPlanner.nextTransition(plan.ring(), policy)).hasValueSatisfying(t -> assertThat(t).isAfter(late));
  }

  @Test
  void rotateNow_withOldPending_promotesWithoutEmergency() {
    Instant at = T0.plus(Duration.ofHours(2));
    Plan plan = RotationPlanner.apply(started(), new RotateNow(), policy, at, keys);
    KeyActivated activated = plan.events().stream().filter(KeyActivated.class::isInstance)
        .map(KeyActivated.class::cast).findFirst().orElseThrow();
    assertThat(activated.kid()).isEqualTo("k2");
    assertThat(activated.trigger()).isEqualTo(KeyRingEvent.Trigger.MANUAL);
    assertThat(activated.emergency()).isFalse();
    assertThat(plan.ring().keys(KeyState.PENDING)).extracting(ManagedKey::kid).containsExactly("k3");
  }

  @Test
  void rotateNow_twiceQuickly_secondIsEmergencyReportingExposure() {
    Instant first = T0.plus(Duration.ofHours(2));
    KeyRing ring = RotationPlanner.apply(started(), new RotateNow(), policy, first, keys).ring();
    Plan second = RotationPlanner.apply(ring, new RotateNow(), policy, first.plus(Duration.ofMinutes(6)), keys);
    KeyActivated activated = second.events().stream().filter(KeyActivated.class::isInstance)
        .map(KeyActivated.class::cast).findFirst().orElseThrow();
    assertThat(activated.kid()).isEqualTo("k3");
    assertThat(activated.emergency()).isTrue();
    assertThat(activated.exposure()).isEqualTo(Duration.ofMinutes(10)); // C + P − age = 15 + 1 − 6
    assertThat(second.ring().keys(KeyState.PENDING)).extracting(ManagedKey::kid).containsExactly("k4");
  }

  @Test
  void revoke_activeKey_promotesOldestPendingAndUnpublishes() {
    Instant at = T0.plus(Duration.ofMinutes(30));
    Plan plan = RotationPlanner.apply(started(), new RevokeKey("k1", "leaked in a log"), policy, at, keys);
    assertThat(plan.ring().key("k1").orElseThrow().state()).isEqualTo(KeyState.REVOKED);
    assertThat(plan.ring().activeKey().kid()).isEqualTo("k2");
    assertThat(plan.ring().published()).extracting(ManagedKey::kid).containsExactly("k2", "k3");
    assertThat(plan.ring().revokedKids()).containsExactly("k1");
    assertThat(plan.events()).hasAtLeastOneElementOfType(KeyRevoked.class);
    KeyActivated activated = plan.events().stream().filter(KeyActivated.class::isInstance)
        .map(KeyActivated.class::cast).findFirst().orElseThrow();
    assertThat(activated.trigger()).isEqualTo(KeyRingEvent.Trigger.REVOCATION);
    assertThat(activated.emergency()).isTrue();
    assertThat(activated.exposure()).isZero(); // 30 min ≥ C + P = 16 min although < L
  }

  @Test
  void revoke_pendingKey_createsNewStandby() {
    Plan plan = RotationPlanner.apply(started(), new RevokeKey("k2", "test"), policy, T0.plusSeconds(60), keys);
    assertThat(plan.ring().keys(KeyState.PENDING)).extracting(ManagedKey::kid).containsExactly("k3");
    assertThat(plan.events()).hasAtLeastOneElementOfType(KeyCreated.class);
  }

  @Test
  void revoke_unknownOrRevokedKey_fails() {
    KeyRing ring = started();
    assertThatThrownBy(() -> RotationPlanner.apply(ring, new RevokeKey("nope", "x"), policy, T0, keys))
        .isInstanceOf(JwkitException.class).hasMessageStartingWith("keyring.not_found");
    KeyRing revoked = RotationPlanner.apply(ring, new RevokeKey("k2", "x"), policy, T0, keys).ring();
    assertThatThrownBy(() -> RotationPlanner.apply(revoked, new RevokeKey("k2", "x"), policy, T0, keys))
        .isInstanceOf(JwkitException.class).hasMessageStartingWith("keyring.illegal_transition");
  }

  @Test
  void rotateNow_unstartedRing_failsWithNoActiveKey() {
    assertThatThrownBy(() -> RotationPlanner.apply(KeyRing.empty(KeyRingId.DEFAULT), new RotateNow(), policy, T0, keys))
        .isInstanceOf(JwkitException.class).hasMessageStartingWith("keyring.no_active_key");
  }

  @Test
  void import_intoEmptyRing_becomesActive_intoStartedRing_becomesPending() {
    KeyMaterial imported = TestKeys.material("imported-1", JwsAlgorithm.ES256);
    Plan intoEmpty = RotationPlanner.apply(KeyRing.empty(KeyRingId.DEFAULT), ImportKey.of(imported), policy, T0, keys);
    assertThat(intoEmpty.ring().activeKey().kid()).isEqualTo("imported-1");
    Plan intoStarted = RotationPlanner.apply(started(), ImportKey.of(imported), policy, T0.plusSeconds(1), keys);
    assertThat(intoStarted.ring().key("imported-1").orElseThrow().state()).isEqualTo(KeyState.PENDING);
  }

  @Test
  void import_usedKid_failsWithDuplicateKid() {
    KeyRing ring = RotationPlanner.apply(started(), new RevokeKey("k2", "x"), policy, T0, keys).ring();
    assertThatThrownBy(() -> RotationPlanner.apply(ring, ImportKey.of(TestKeys.material("k2", JwsAlgorithm.ES256)),
        policy, T0, keys)).isInstanceOf(JwkitException.class).hasMessageStartingWith("keyring.duplicate_kid");
  }

  @Test
  void apply_clockBehindRing_stampsWithLatestRecordedInstant() {
    KeyRing ring = started();
    Plan plan = RotationPlanner.apply(ring, new RotateNow(), policy, T0.minusSeconds(3600), keys);
    assertThat(plan.ring().activeKey().activatedAt()).contains(T0);
  }

  @Test
  void plan_clockBehindRing_changesNothing() {
    KeyRing ring = RotationPlanner.plan(started(), policy, T0.plus(Duration.ofDays(1)), keys).ring();
    assertThat(RotationPlanner.plan(ring, policy, T0, keys).changed()).isFalse();
  }

  @Test
  void plan_lateTick_onlyLengthensStates() {
    Instant late = T0.plus(Duration.ofDays(1)).plus(Duration.ofHours(5));
    Plan plan = RotationPlanner.plan(started(), policy, late, keys);
    ManagedKey retired = plan.ring().key("k1").orElseThrow();
    assertThat(Duration.between(retired.activatedAt().orElseThrow(), retired.retiredAt().orElseThrow()))
        .isEqualTo(Duration.ofDays(1).plusHours(5));
    assertThat(plan.events()).hasAtLeastOneElementOfType(KeyRetired.class);
  }

  @Test
  void keyRing_twoActiveKeys_isRefused() {
    ManagedKey a = ManagedKey.pending(TestKeys.material("a", JwsAlgorithm.ES256), T0).activate(T0);
    ManagedKey b = ManagedKey.pending(TestKeys.material("b", JwsAlgorithm.ES256), T0).activate(T0);
    assertThatThrownBy(() -> KeyRing.of(KeyRingId.DEFAULT, 1, List.of(a, b)))
        .isInstanceOf(JwkitException.class).hasMessageStartingWith("keyring.no_active_key");
    assertThatThrownBy(() -> KeyRing.of(KeyRingId.DEFAULT, 1, List.of(a, a)))
        .isInstanceOf(JwkitException.class).hasMessageStartingWith("keyring.duplicate_kid");
  }

  @Test
  void managedKey_nonMonotoneInstants_areRefused() {
    assertThatThrownBy(() -> ManagedKey.builder(TestKeys.material("a", JwsAlgorithm.ES256), KeyState.ACTIVE, T0)
        .activatedAt(T0.minusSeconds(1)).build()).isInstanceOf(IllegalArgumentException.class);
  }
}
