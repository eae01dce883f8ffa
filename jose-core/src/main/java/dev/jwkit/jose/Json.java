package dev.jwkit.jose;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * jwkit's strict, bounded JSON for JOSE documents: the one JSON API that jose-core, the domain, the adapters
 * and applications use to read and write JWKs, JWK Sets, headers, claims sets, and the documents that embed
 * them (a key ring file, a Vault KV entry, a CLI's output). Reading uses jwkit's own reader; writing uses
 * Jackson's streaming generator.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Input:</b> one JSON object (RFC 8259) in UTF-8, at most {@link JsonLimits#maxBytes()} bytes. The
 *       top level must be an object: arrays, strings and numbers alone are refused.
 *   <li><b>Output of parsing:</b> {@code Map<String, Object>} (insertion-ordered, unmodifiable), {@code
 *       List<Object>} (unmodifiable), {@code String}, {@code Boolean}, {@code Long} or {@code BigInteger} for
 *       integers, {@code BigDecimal} for other numbers, and {@link #NULL} for JSON null. Parsed collections
 *       never hold Java {@code null}.
 *   <li><b>Refused</b>, each with a {@link JwkitException}: anything but UTF-8 (RFC 8725 §3.7: a BOM, or
 *       UTF-16/32 recognised by zero bytes; ill-formed, overlong or surrogate UTF-8), duplicate member names
 *       ({@link JoseError#DUPLICATE_MEMBER}), input beyond the {@link JsonLimits} in size, depth, members,
 *       string or number length ({@link JoseError#INPUT_TOO_LARGE}), trailing content after the object,
 *       unpaired surrogate escapes (I-JSON, RFC 7493 §2.1), and any other deviation from RFC 8259 ({@link
 *       JoseError#MALFORMED_INPUT}). Error messages give a byte offset, never the input's content.
 *   <li><b>Writing</b> accepts exactly the value types parsing yields, plus {@code Integer}, {@code Short},
 *       {@code Byte}, {@code Double}, {@code Float} and Java {@code null} (written as JSON null); map keys
 *       must be strings and numbers finite. Any other value is a programming error ({@code
 *       IllegalArgumentException}). The output is compact (no whitespace) and keeps the maps' iteration order.
 * </ul>
 *
 * <p>It is deliberately not a general-purpose JSON API: no data binding, no streaming, no pretty printing,
 * no lenient mode, and no top level other than an object. Code that needs those brings its own JSON
 * library. Choose the limits for what is read: {@link JsonLimits#TOKEN} for a header or claims set,
 * {@link JsonLimits#KEY_SET} (the default) for a key or key set and the documents that embed one.
 *
 * <p>Reading does not use Jackson: a JWT's claims were measured at about 400 ns per document through
 * Jackson's parser, a large part of an HS256 verification; the reader is proven against Jackson by
 * differential tests.
 *
 * <p>This class is stateless and safe for concurrent use.
 */
public final class Json {

  private static final JsonFactory WRITER_FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private Json() {}

  /**
   * Parses a JSON object from UTF-8 bytes under the given limits.
   *
   * @throws JwkitException {@link JoseError#MALFORMED_INPUT}, {@link JoseError#DUPLICATE_MEMBER} or {@link
   *     JoseError#INPUT_TOO_LARGE}, as the class documentation describes
   */
  public static Map<String, Object> parseObject(byte[] utf8, JsonLimits limits) {
    Objects.requireNonNull(utf8, "utf8");
    Objects.requireNonNull(limits, "limits");
    if (utf8.length > limits.maxBytes()) {
      throw new JwkitException(JoseError.INPUT_TOO_LARGE, "JSON document exceeds " + limits.maxBytes() + " bytes");
    }
    requireUtf8(utf8);
    return JsonReader.parseObject(utf8, limits);
  }

  /** Parses a JSON object from UTF-8 bytes under {@link JsonLimits#KEY_SET}. */
  public static Map<String, Object> parseObject(byte[] utf8) {
    return parseObject(utf8, JsonLimits.KEY_SET);
  }

  /** Parses a JSON object from text under {@link JsonLimits#KEY_SET}. */
  public static Map<String, Object> parseObject(String text) {
    return parseObject(text, JsonLimits.KEY_SET);
  }

  /** Parses a JSON object from text under the given limits (the limit on bytes applies to the UTF-8 form). */
  public static Map<String, Object> parseObject(String text, JsonLimits limits) {
    Objects.requireNonNull(text, "text");
    return parseObject(text.getBytes(StandardCharsets.UTF_8), limits);
  }

  /**
   * The marker for JSON {@code null} inside parsed maps and lists. Parsed collections never hold Java
   * {@code null}; callers compare against this constant.
   */
  public static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  /** Refuses a byte order mark and the zero bytes of UTF-16/32 (RFC 8725 §3.7); also used by the test oracle. */
  static void requireUtf8(byte[] bytes) {
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, "JSON must be UTF-8 without a byte order mark");
    }
    for (int i = 0; i < Math.min(4, bytes.length); i++) {
      if (bytes[i] == 0) {
        throw new JwkitException(JoseError.MALFORMED_INPUT, "JSON must be UTF-8");
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  /**
   * Serializes a map of plain Java values (as produced by parsing) as compact JSON text.
   *
   * @throws IllegalArgumentException if a value is not one of the types the class documentation lists
   */
  public static String write(Map<String, ?> object) {
    Objects.requireNonNull(object, "object");
    StringWriter out = new StringWriter(128);
    write(object, out);
    return out.toString();
  }

  /**
   * Serializes a map of plain Java values (as produced by parsing) as compact UTF-8 JSON bytes.
   *
   * @throws IllegalArgumentException if a value is not one of the types the class documentation lists
   */
  public static byte[] writeUtf8(Map<String, ?> object) {
    Objects.requireNonNull(object, "object");
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator generator = WRITER_FACTORY.createGenerator(out)) {
      writeValue(generator, object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void write(Map<String, ?> object, Writer out) {
    try (JsonGenerator generator = WRITER_FACTORY.createGenerator(out)) {
      writeValue(generator, object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeValue(JsonGenerator generator, Object value) throws IOException {
    if (value == null || value == NULL) {
      generator.writeNull();
    } else if (value instanceof String) {
      generator.writeString((String) value);
    } else if (value instanceof Boolean) {
      generator.writeBoolean((Boolean) value);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      generator.writeNumber(((Number) value).longValue());
    } else if (value instanceof BigInteger) {
      generator.writeNumber((BigInteger) value);
    } else if (value instanceof BigDecimal) {
      generator.writeNumber((BigDecimal) value);
    } else if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      if (!Double.isFinite(number)) {
        throw new IllegalArgumentException("JSON has no " + number);
      }
      generator.writeNumber(number);
    } else if (value instanceof Map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        if (!(entry.getKey() instanceof String)) {
          throw new IllegalArgumentException("a JSON member name must be a string");
        }
        generator.writeFieldName((String) entry.getKey());
        writeValue(generator, entry.getValue());
      }
      generator.writeEndObject();
    } else if (value instanceof List) {
      generator.writeStartArray();
      for (Object element : (List<?>) value) {
        writeValue(generator, element);
      }
      generator.writeEndArray();
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }
}
