package dev.jwkit.jwks.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id of a key ring (one per issuer), for example {@code "default"}. Ids are restricted to
 * {@code [a-z0-9][a-z0-9._-]{0,63}} (and never {@code "."}-only), so that adapters can use one as a file
 * name or a Vault path segment without escaping.
 *
 * @param value the id
 */
public record KeyRingId(String value) {

  private static final Pattern SYNTAX = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /** The id used when a deployment has a single ring. */
  public static final KeyRingId DEFAULT = new KeyRingId("default");

  /** Validates the id. */
  public KeyRingId {
    Objects.requireNonNull(value, "value");
    if (!SYNTAX.matcher(value).matches() || value.contains("..")) {
      throw new IllegalArgumentException("key ring id must match [a-z0-9][a-z0-9._-]{0,63} without '..'");
    }
  }

  /** The id for a string. */
  public static KeyRingId of(String value) {
    return new KeyRingId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
