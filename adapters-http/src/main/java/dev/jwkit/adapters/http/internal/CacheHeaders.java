package dev.jwkit.adapters.http.internal;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the freshness lifetime a response advertises (RFC 9111 §4.2.1), without any policy. */
public final class CacheHeaders {

  /** The longest lifetime we bother to represent; larger values are clamped by the policy anyway. */
  private static final long MAX_SECONDS = Duration.ofDays(3650).toSeconds();

  private CacheHeaders() {}

  /**
   * The advertised freshness: {@code max-age} minus {@code Age}; else {@code Expires} minus {@code Date}
   * (or minus {@code now}); zero for {@code no-cache}/{@code no-store} or an invalid {@code Expires};
   * empty when the response says nothing.
   *
   * @param headers the response headers
   * @param now the time of the response, used when {@code Date} is absent
   * @return the freshness lifetime, if advertised
   */
  public static Optional<Duration> freshness(HttpHeaders headers, Instant now) {
    List<String> cacheControl = headers.allValues("Cache-Control");
    Optional<Long> maxAge = Optional.empty();
    for (String value : cacheControl) {
      for (String directive : value.split(",")) {
        String d = directive.trim().toLowerCase(Locale.ROOT);
        if (d.equals("no-store") || d.equals("no-cache") || d.startsWith("no-cache=")) {
          return Optional.of(Duration.ZERO);
        }
        if (d.startsWith("max-age=")) {
          maxAge = seconds(d.substring("max-age=".length()));
          if (maxAge.isEmpty()) {
            return Optional.of(Duration.ZERO); // RFC 9111 §4.2.1: an invalid max-age means stale
          }
        }
      }
    }
    if (maxAge.isPresent()) {
      long age = headers.firstValue("Age").flatMap(CacheHeaders::seconds).orElse(0L);
      return Optional.of(Duration.ofSeconds(Math.max(0, maxAge.get() - age)));
    }
    Optional<String> expires = headers.firstValue("Expires");
    if (expires.isEmpty()) {
      return Optional.empty();
    }
    Optional<Instant> at = httpDate(expires.get());
    if (at.isEmpty()) {
      return Optional.of(Duration.ZERO);
    }
    Instant base = headers.firstValue("Date").flatMap(CacheHeaders::httpDate).orElse(now);
    Duration d = Duration.between(base, at.get());
    if (d.isNegative()) {
      return Optional.of(Duration.ZERO);
    }
    return Optional.of(d.getSeconds() > MAX_SECONDS ? Duration.ofSeconds(MAX_SECONDS) : d);
  }

  private static Optional<Long> seconds(String raw) {
    String s = raw.trim();
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      s = s.substring(1, s.length() - 1);
    }
    if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    if (s.length() > 12) {
      return Optional.of(MAX_SECONDS);
    }
    return Optional.of(Math.min(Long.parseLong(s), MAX_SECONDS));
  }

  private static Optional<Instant> httpDate(String value) {
    try {
      return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
