package dev.jwkit.adapters.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.adapters.http.internal.CacheTiming.Freshness;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CacheTimingTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static CacheTiming policy() {
    return new CacheTiming(Duration.ofMinutes(1), Duration.ofHours(24), Duration.ofMinutes(10),
        Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofHours(24),
        Duration.ofSeconds(5), Duration.ofMinutes(5));
  }

  @Test
  void lifetime_isClampedAndDefaulted() {
    CacheTiming p = policy();
    assertThat(p.lifetime(Optional.empty())).isEqualTo(Duration.ofMinutes(10));
    assertThat(p.lifetime(Optional.of(Duration.ZERO))).isEqualTo(Duration.ofMinutes(1));
    assertThat(p.lifetime(Optional.of(Duration.ofSeconds(5)))).isEqualTo(Duration.ofMinutes(1));
    assertThat(p.lifetime(Optional.of(Duration.ofDays(30)))).isEqualTo(Duration.ofHours(24));
    assertThat(p.lifetime(Optional.of(Duration.ofMinutes(5)))).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void refreshAt_isAheadOfExpiry_butNeverBeforeHalfTheLifetime() {
    CacheTiming p = policy();
    assertThat(p.refreshAt(T0, Duration.ofMinutes(10))).isEqualTo(T0.plus(Duration.ofMinutes(10)).minusSeconds(30));
    assertThat(p.refreshAt(T0, Duration.ofMinutes(1))).isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void freshness_freshThenStaleThenExpired() {
    CacheTiming p = policy();
    Instant exp = T0.plus(Duration.ofMinutes(10));
    assertThat(p.freshness(T0, exp)).isEqualTo(Freshness.FRESH);
    assertThat(p.freshness(exp, exp)).isEqualTo(Freshness.STALE);
    assertThat(p.freshness(exp.plus(Duration.ofHours(24)).minusSeconds(1), exp)).isEqualTo(Freshness.STALE);
    assertThat(p.freshness(exp.plus(Duration.ofHours(24)), exp)).isEqualTo(Freshness.EXPIRED);
  }

  @Test
  void retryAt_backsOffExponentiallyUpToTheCap() {
    CacheTiming p = policy();
    assertThat(p.retryAt(T0, 1)).isEqualTo(T0.plusSeconds(5));
    assertThat(p.retryAt(T0, 2)).isEqualTo(T0.plusSeconds(10));
    assertThat(p.retryAt(T0, 3)).isEqualTo(T0.plusSeconds(20));
    assertThat(p.retryAt(T0, 50)).isEqualTo(T0.plus(Duration.ofMinutes(5)));
  }

  @Test
  void mayRefetchForUnknownKid_onlyOncePerCooldown() {
    CacheTiming p = policy();
    assertThat(p.mayRefetchForUnknownKid(T0, Optional.empty())).isTrue();
    assertThat(p.mayRefetchForUnknownKid(T0.plusSeconds(29), Optional.of(T0))).isFalse();
    assertThat(p.mayRefetchForUnknownKid(T0.plusSeconds(30), Optional.of(T0))).isTrue();
  }

  @Test
  void constructor_refusesInconsistentBounds() {
    assertThatThrownBy(() -> new CacheTiming(Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofMinutes(5),
        Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRefresh");
    assertThatThrownBy(() -> new CacheTiming(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1),
        Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defaultRefresh");
    assertThatThrownBy(() -> new CacheTiming(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofMinutes(5),
        Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknownKidCooldown");
  }
}
