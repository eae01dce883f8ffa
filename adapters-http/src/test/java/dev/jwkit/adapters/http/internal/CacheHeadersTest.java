package dev.jwkit.adapters.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheHeadersTest {

  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  static HttpHeaders h(String... kv) {
    java.util.Map<String, List<String>> m = new java.util.HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.computeIfAbsent(kv[i], k -> new java.util.ArrayList<>()).add(kv[i + 1]);
    }
    return HttpHeaders.of(Map.copyOf(m), (a, b) -> true);
  }

  @Test
  void freshness_maxAge_isRead() {
    assertThat(CacheHeaders.freshness(h("Cache-Control", "public, max-age=600"), NOW)).contains(Duration.ofMinutes(10));
    assertThat(CacheHeaders.freshness(h("Cache-Control", "MAX-AGE=\"60\""), NOW)).contains(Duration.ofMinutes(1));
  }

  @Test
  void freshness_maxAgeMinusAge() {
    assertThat(CacheHeaders.freshness(h("Cache-Control", "max-age=600", "Age", "100"), NOW)).contains(Duration.ofSeconds(500));
    assertThat(CacheHeaders.freshness(h("Cache-Control", "max-age=60", "Age", "100"), NOW)).contains(Duration.ZERO);
  }

  @Test
  void freshness_noCacheOrNoStore_isZero() {
    assertThat(CacheHeaders.freshness(h("Cache-Control", "no-store"), NOW)).contains(Duration.ZERO);
    assertThat(CacheHeaders.freshness(h("Cache-Control", "max-age=600, no-cache"), NOW)).contains(Duration.ZERO);
  }

  @Test
  void freshness_invalidMaxAge_isZero() {
    assertThat(CacheHeaders.freshness(h("Cache-Control", "max-age=-5"), NOW)).contains(Duration.ZERO);
    assertThat(CacheHeaders.freshness(h("Cache-Control", "max-age=abc"), NOW)).contains(Duration.ZERO);
  }

  @Test
  void freshness_hugeMaxAge_isClampedNotOverflowed() {
    assertThat(CacheHeaders.freshness(h("Cache-Control", "max-age=99999999999999999999"), NOW).orElseThrow())
        .isLessThanOrEqualTo(Duration.ofDays(3650));
  }

  @Test
  void freshness_expiresMinusDate() {
    assertThat(CacheHeaders.freshness(h("Expires", "Thu, 01 Jan 2026 01:00:00 GMT", "Date", "Thu, 01 Jan 2026 00:30:00 GMT"), NOW))
        .contains(Duration.ofMinutes(30));
    assertThat(CacheHeaders.freshness(h("Expires", "Thu, 01 Jan 2026 01:00:00 GMT"), NOW)).contains(Duration.ofHours(1));
  }

  @Test
  void freshness_expiresInvalidOrPast_isZero() {
    assertThat(CacheHeaders.freshness(h("Expires", "0"), NOW)).contains(Duration.ZERO);
    assertThat(CacheHeaders.freshness(h("Expires", "Wed, 31 Dec 2025 00:00:00 GMT"), NOW)).contains(Duration.ZERO);
  }

  @Test
  void freshness_maxAgeWinsOverExpires() {
    assertThat(CacheHeaders.freshness(h("Cache-Control", "max-age=5", "Expires", "Thu, 01 Jan 2026 01:00:00 GMT"), NOW))
        .contains(Duration.ofSeconds(5));
  }

  @Test
  void freshness_nothing_isEmpty() {
    assertThat(CacheHeaders.freshness(h("Content-Type", "application/json"), NOW)).isEmpty();
  }
}
