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
 * Strict, bounded JSON for untrusted JOSE input: reading with jwkit's own {@code JsonReader}, writing with
 * Jackson's streaming generator.
 *
 * <p>Parsing yields plain Java values: {@code Map<String, Object>} (insertion-ordered, unmodifiable),
 * {@code List<Object>} (unmodifiable), {@code String}, {@code Boolean}, {@code Long} or {@code
 * BigInteger} for integers, {@code BigDecimal} for other numbers, and {@link #NULL} for JSON null.
 *
 * <p>What is rejected, each with a {@link JwkitException}: anything but UTF-8 (RFC 8725 §3.7: a BOM, or
 * UTF-16/32 recognised by zero bytes; ill-formed, overlong or surrogate UTF-8), duplicate member names
 * ({@link JoseError#DUPLICATE_MEMBER}), input beyond the {@link JsonLimits} ({@link
 * JoseError#INPUT_TOO_LARGE}), a top level other than an object, trailing content after it, unpaired
 * surrogate escapes (I-JSON, RFC 7493 §2.1), and any other deviation from RFC 8259 ({@link
 * JoseError#MALFORMED_INPUT}). Error messages give a byte offset, never the input's content.
 *
 * <p>Reading does not use Jackson: a JWT's claims were measured at about 400 ns per document through
 * Jackson's parser, a large part of an HS256 verification; the reader is proven against Jackson by
 * differential tests.
 *
 * <p>This is public so that the domain and the adapters can build and read documents that embed JWKs
 * ({@code Jwk.toJsonObject()}) without a JSON library of their own; it is not a general-purpose JSON API.
 *
 * <p>This class is stateless and safe for concurrent use.
 */
public final class Json {

  private static final JsonFactory WRITER_FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private Json() {}

  /** Parses a JSON object from UTF-8 bytes under the given limits. */
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

  /** Serializes a map of plain Java values (as produced by parsing) as compact JSON. */
  public static String write(Map<String, ?> object) {
    Objects.requireNonNull(object, "object");
    StringWriter out = new StringWriter(128);
    write(object, out);
    return out.toString();
  }

  /** Serializes a map of plain Java values as compact UTF-8 JSON bytes. */
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
      generator.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof Map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
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
