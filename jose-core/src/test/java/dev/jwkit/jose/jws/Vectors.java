package dev.jwkit.jose.jws;

import dev.jwkit.jose.Json;
import dev.jwkit.jose.JsonLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Loads the JSON vector files under {@code src/test/resources/vectors/jws}. */
final class Vectors {

  private static final JsonLimits LIMITS = new JsonLimits(4 * 1024 * 1024, 16, 200_000, 64 * 1024, 64);

  private Vectors() {}

  static Map<String, Object> load(String path) {
    try (InputStream in = Vectors.class.getResourceAsStream("/vectors/jws/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return Json.parseObject(in.readAllBytes(), LIMITS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> objects(Object value) {
    return (List<Map<String, Object>>) value;
  }

  static Object at(Map<String, Object> root, String... path) {
    Object current = root;
    for (String name : path) {
      current = object(current).get(name);
    }
    return current;
  }
}
