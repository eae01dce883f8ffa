package dev.jwkit.jose.jwt;

import dev.jwkit.jose.Json;
import dev.jwkit.jose.JsonLimits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Conversion of caller-supplied Java values into the plain JSON values that {@link Json} parses and
 * writes: {@code String}, {@code Boolean}, {@code Long}, {@code BigInteger}, {@code BigDecimal}, {@link
 * Json#NULL}, unmodifiable {@code List} and {@code Map<String, Object>}.
 */
final class JsonValues {

  private JsonValues() {}

  /**
   * The JSON value for a Java value, deeply copied.
   *
   * @param depth the nesting depth of the value (a claim value is at depth 2: inside the claims object)
   * @throws IllegalArgumentException for a value that has no JSON form, or nesting deeper than the limit
   *     under which jwkit parses tokens ({@link JsonLimits#TOKEN})
   */
  static Object toJson(Object value, int depth) {
    if (value instanceof String || value instanceof Boolean || value instanceof Long
        || value instanceof BigDecimal || value == Json.NULL) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger) {
      BigInteger big = (BigInteger) value;
      return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("JSON has no NaN or infinity");
      }
      return BigDecimal.valueOf(d);
    }
    if (value instanceof Instant) {
      return ((Instant) value).getEpochSecond();
    }
    if (value instanceof Collection || value instanceof Map) {
      if (depth >= JsonLimits.TOKEN.maxDepth()) {
        throw new IllegalArgumentException(
            "claims nested deeper than " + JsonLimits.TOKEN.maxDepth() + " levels would not be accepted by verifiers");
      }
      if (value instanceof Collection) {
        List<Object> list = new ArrayList<>();
        for (Object element : (Collection<?>) value) {
          list.add(toJson(requireElement(element), depth + 1));
        }
        return Collections.unmodifiableList(list);
      }
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        if (!(entry.getKey() instanceof String)) {
          throw new IllegalArgumentException("JSON object member names must be strings");
        }
        map.put((String) entry.getKey(), toJson(requireElement(entry.getValue()), depth + 1));
      }
      return Collections.unmodifiableMap(map);
    }
    throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
  }

  private static Object requireElement(@Nullable Object element) {
    if (element == null) {
      throw new IllegalArgumentException("use Json.NULL, not null, for a JSON null");
    }
    return element;
  }
}
