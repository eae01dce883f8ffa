package dev.jwkit.jwks.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jwks.model.KeySetCacheState.Freshness;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class KeySetCacheStateTest {

  final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  final Instant t0 = clock.instant();
  final KeySetCachePolicy policy = KeySetCachePolicy.defaults();

  @Test
  void refreshInterval_maxAgeIsClampedToBounds_andDefaultsWhenAbsent() {
    assertThat(policy.refreshInterval(Duration.ofSeconds(5))).isEqualTo(Duration.ofMinutes(1));
    assertThat(policy.refreshInterval(Duration.ofDays(38))).isEqualTo(Duration.ofHours(24));
    assertThat(policy.refreshInterval(Duration.ofHours(6))).isEqualTo(Duration.ofHours(6));
    assertThat(policy.refreshInterval()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void initial_isEmpty_andFetchIsDue() {
    KeySetCacheState s = KeySetCacheState.initial(t0);
    assertThat(s.freshness(t0, policy)).isEqualTo(Freshness.EMPTY);
    assertThat(s.isFetchDue(t0)).isTrue();
  }

  @Test
  void onSuccess_isFreshUntilRefreshAhead_thenRefreshDue_thenStale() {
    KeySetCacheState s = KeySetCacheState.initial(t0).onSuccess(t0, Duration.ofMinutes(5), policy);
    assertThat(s.freshness(t0.plusSeconds(60), policy)).isEqualTo(Freshness.FRESH);
    assertThat(s.freshness(t0.plusSeconds(270), policy)).isEqualTo(Freshness.REFRESH_DUE);
    assertThat(s.freshness(t0.plusSeconds(301), policy)).isEqualTo(Freshness.STALE);
    assertThat(s.staleFor(t0.plusSeconds(301))).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void stale_beyondMaxStaleness_failsClosed_andReportsTimeLeft() {
    KeySetCacheState s = KeySetCacheState.initial(t0).onSuccess(t0, Duration.ofMinutes(5), policy);
    Instant expiry = t0.plus(Duration.ofMinutes(5));
    assertThat(s.timeLeft(expiry.plus(Duration.ofHours(23)), policy)).isEqualTo(Duration.ofHours(1));
    assertThat(s.freshness(expiry.plus(Duration.ofHours(24)).minusSeconds(1), policy)).isEqualTo(Freshness.STALE);
    // the limit itself is beyond it: maxStaleness zero fails closed at expiry (the caching source's rule)
    assertThat(s.freshness(expiry.plus(Duration.ofHours(24)), policy)).isEqualTo(Freshness.STALE_BEYOND_LIMIT);
  }

  @Test
  void onFailure_backsOffExponentiallyUpToTheCap_andKeepsTheLastGoodSet() {
    KeySetCacheState s = KeySetCacheState.initial(t0).onSuccess(t0, policy);
    Instant now = t0.plus(Duration.ofMinutes(10));
    KeySetCacheState f1 = s.onFailure(now, policy);
    assertThat(f1.nextAttemptAt()).isEqualTo(now.plusSeconds(10));
    KeySetCacheState f3 = f1.onFailure(now, policy).onFailure(now, policy);
    assertThat(f3.nextAttemptAt()).isEqualTo(now.plusSeconds(40));
    assertThat(policy.retryDelay(20)).isEqualTo(Duration.ofMinutes(5));
    assertThat(f3.loadedAt()).isEqualTo(s.loadedAt());
    assertThat(f3.onSuccess(now, policy).consecutiveFailures()).isZero();
  }

  @Test
  void unknownKid_fetchesAtMostOncePerCooldown_onItsOwnBudget() {
    KeySetCacheState s = KeySetCacheState.initial(t0).onSuccess(t0, Duration.ofHours(1), policy);
    assertThat(s.mayFetchForUnknownKid(t0.plusSeconds(1), policy)).isTrue();
    KeySetCacheState after = s.onUnknownKidFetch(t0.plusSeconds(1));
    assertThat(after.mayFetchForUnknownKid(t0.plusSeconds(30), policy)).isFalse();
    assertThat(after.mayFetchForUnknownKid(t0.plusSeconds(31), policy)).isTrue();
    // the scheduled refresh is not delayed by the unknown-kid budget
    assertThat(after.nextAttemptAt()).isEqualTo(s.nextAttemptAt());
  }

  @Test
  void negativeCache_remembersUnknownKidForTtl() {
    assertThat(policy.isStillUnknown(t0, t0.plusSeconds(59))).isTrue();
    assertThat(policy.isStillUnknown(t0, t0.plusSeconds(60))).isFalse();
  }

  @Test
  void builder_inconsistentBounds_listsEveryProblem() {
    assertThatThrownBy(() -> KeySetCachePolicy.builder().minRefresh(Duration.ofHours(2)).maxRefresh(Duration.ofHours(1))
        .failureRetry(Duration.ofHours(1)).maxFailureRetry(Duration.ofMinutes(1)).build())
        .isInstanceOf(InvalidConfigurationException.class)
        .satisfies(e -> assertThat(((InvalidConfigurationException) e).problems()).hasSize(3));
  }

  // the cases below came from the HTTP adapter's CacheTiming, folded into the domain's model

  @Test
  void refreshAhead_isCappedAtHalfTheInterval() {
    KeySetCachePolicy p = KeySetCachePolicy.builder().minRefresh(Duration.ofSeconds(10))
        .refreshAhead(Duration.ofSeconds(30)).build();
    assertThat(p.refreshLead(Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.refreshLead(Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(10));
    KeySetCacheState s = KeySetCacheState.initial(t0).onSuccess(t0, Duration.ofSeconds(20), p);
    assertThat(s.nextAttemptAt()).isEqualTo(t0.plusSeconds(10));
    assertThat(s.freshness(t0.plusSeconds(9), p)).isEqualTo(Freshness.FRESH);
    assertThat(s.freshness(t0.plusSeconds(10), p)).isEqualTo(Freshness.REFRESH_DUE);
  }

  @Test
  void zeroMaxStaleness_failsClosedAtExpiry() {
    KeySetCachePolicy p = KeySetCachePolicy.builder().maxStaleness(Duration.ZERO).build();
    KeySetCacheState s = KeySetCacheState.initial(t0).onSuccess(t0, p);
    Instant expiry = t0.plus(Duration.ofMinutes(10));
    assertThat(s.freshness(expiry.minusNanos(1), p)).isEqualTo(Freshness.REFRESH_DUE);
    assertThat(s.freshness(expiry, p)).isEqualTo(Freshness.STALE_BEYOND_LIMIT);
    assertThat(p.staleLimit(expiry)).isEqualTo(expiry);
  }

  @Test
  void onFailure_beforeTheRefreshTime_doesNotBringTheNextAttemptForward() {
    KeySetCacheState s = KeySetCacheState.initial(t0).onSuccess(t0, Duration.ofHours(1), policy);
    KeySetCacheState failed = s.onFailure(t0.plusSeconds(5), policy);
    assertThat(failed.nextAttemptAt()).isEqualTo(s.nextAttemptAt());
    assertThat(failed.consecutiveFailures()).isEqualTo(1);
    assertThat(failed.freshness(t0.plusSeconds(60), policy)).isEqualTo(Freshness.FRESH);
  }

  @Test
  void onRestore_servesThePersistedSet_andRefreshesAtItsExpiryButNotBeforeTheBackOff() {
    Instant now = t0.plus(Duration.ofHours(1));
    KeySetCacheState failedColdStart = KeySetCacheState.initial(Instant.MIN).onFailure(now, policy);
    KeySetCacheState expired = failedColdStart.onRestore(t0, t0.plus(Duration.ofMinutes(10)), now);
    assertThat(expired.freshness(now, policy)).isEqualTo(Freshness.STALE);
    assertThat(expired.nextAttemptAt()).isEqualTo(now.plusSeconds(10));
    assertThat(expired.consecutiveFailures()).isEqualTo(1);
    KeySetCacheState fresh = failedColdStart.onRestore(now, now.plus(Duration.ofMinutes(10)), now);
    assertThat(fresh.freshness(now, policy)).isEqualTo(Freshness.FRESH);
    assertThat(fresh.nextAttemptAt()).isEqualTo(now.plus(Duration.ofMinutes(10)));
  }

  @Test
  void unknownKid_cooldownAllowsAFetchWhenTheClockWentBack() {
    assertThat(policy.mayFetchForUnknownKid(t0, t0.plusSeconds(29))).isFalse();
    assertThat(policy.mayFetchForUnknownKid(t0, t0.plusSeconds(30))).isTrue();
    assertThat(policy.mayFetchForUnknownKid(t0, t0.minusSeconds(1))).isTrue();
  }
}
