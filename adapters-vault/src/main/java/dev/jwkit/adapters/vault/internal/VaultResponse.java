package dev.jwkit.adapters.vault.internal;

import dev.jwkit.adapters.vault.VaultError;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.JwkitException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Vault answer: the status and the parsed JSON body (empty for 204).
 *
 * @param status the HTTP status
 * @param body the parsed body; empty map when there was none
 * @param retryAfterSeconds the {@code Retry-After} header, if present and numeric
 */
public record VaultResponse(int status, Map<String, Object> body, Optional<Long> retryAfterSeconds) {

  /** Checks the arguments. */
  public VaultResponse {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(retryAfterSeconds, "retryAfterSeconds");
  }

  /** Whether the status is 2xx. */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** Whether this is a 404 (missing key, version or empty list). */
  public boolean isNotFound() {
    return status == 404;
  }

  /** The {@code data} object, or an empty map when {@code data} is null or absent. */
  public Map<String, Object> data() {
    return objectOrEmpty(body.get("data"));
  }

  /** The {@code auth} object, or an empty map. */
  public Map<String, Object> auth() {
    return objectOrEmpty(body.get("auth"));
  }

  /** The {@code warnings}, or an empty list. */
  public List<String> warnings() {
    return strings(body.get("warnings"));
  }

  /** The {@code errors} of an error envelope, or an empty list. */
  public List<String> errors() {
    return strings(body.get("errors"));
  }

  /** A member of a JSON object as a map, or an empty map when absent or null. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> objectOrEmpty(Object value) {
    return value instanceof Map ? (Map<String, Object>) value : Map.of();
  }

  /** A required string member. */
  public static String string(Map<String, Object> object, String name, String where) {
    Object value = object.get(name);
    if (!(value instanceof String)) {
      throw new JwkitException(VaultError.UNEXPECTED_RESPONSE, where + ": member '" + name + "' is missing or not a string");
    }
    return (String) value;
  }

  /** A required integer member (Vault sometimes sends numbers as strings; both are accepted). */
  public static long integer(Map<String, Object> object, String name, String where) {
    Object value = object.get(name);
    if (value instanceof Long) {
      return (Long) value;
    }
    if (value instanceof String) {
      try {
        return Long.parseLong((String) value);
      } catch (NumberFormatException e) {
        // fall through
      }
    }
    throw new JwkitException(VaultError.UNEXPECTED_RESPONSE, where + ": member '" + name + "' is missing or not an integer");
  }

  /** An optional integer member. */
  public static Optional<Long> optionalInteger(Map<String, Object> object, String name) {
    Object value = object.get(name);
    if (value == null || value == Json.NULL) {
      return Optional.empty();
    }
    return Optional.of(integer(object, name, "response"));
  }

  private static List<String> strings(Object value) {
    if (!(value instanceof List)) {
      return List.of();
    }
    return ((List<?>) value).stream().filter(String.class::isInstance).map(String.class::cast).toList();
  }
}
