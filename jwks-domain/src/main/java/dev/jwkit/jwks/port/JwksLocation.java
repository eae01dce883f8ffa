package dev.jwkit.jwks.port;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a remote JWKS is published: an absolute {@code https://} (or {@code http://}) URL, as a string so
 * that the domain needs no {@code java.net}. The HTTP adapter parses and checks it further (HTTPS only
 * except loopback, unless explicitly allowed).
 *
 * @param value the URL
 */
public record JwksLocation(String value) {

  /** Validates the location. */
  public JwksLocation {
    Objects.requireNonNull(value, "value");
    String lower = value.toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("https://") || lower.startsWith("http://")) || value.length() > 2048
        || value.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
      throw new IllegalArgumentException("a JWKS location is an absolute http(s) URL without spaces");
    }
  }

  /** The location for a URL string. */
  public static JwksLocation of(String value) {
    return new JwksLocation(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
