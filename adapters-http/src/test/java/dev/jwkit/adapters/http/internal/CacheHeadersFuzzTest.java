package dev.jwkit.adapters.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Jazzer fuzz target for {@link CacheHeaders#freshness}: the input is a header block ({@code Name: value}
 * lines, as a server may send them); the outcome is always a value, never an exception (the method
 * documents none), and a lifetime is between zero and ten years.
 *
 * <p>Regression inputs: {@code CacheHeadersFuzzTestInputs/freshness/}; fuzzing: {@code fuzz/run CacheHeadersFuzzTest}.
 */
class CacheHeadersFuzzTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @FuzzTest
  void freshness(byte[] input) {
    Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String line : new String(input, StandardCharsets.UTF_8).split("\r?\n")) {
      int colon = line.indexOf(':');
      String name = colon < 0 ? "" : line.substring(0, colon).trim();
      if (!name.isEmpty()) { // HttpHeaders, as the HTTP client builds them, has no empty name
        map.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
      }
    }
    Optional<Duration> freshness = CacheHeaders.freshness(HttpHeaders.of(map, (name, value) -> true), NOW);
    freshness.ifPresent(d -> assertThat(d).isBetween(Duration.ZERO, Duration.ofDays(3650)));
  }
}
