package dev.jwkit.jose;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Strict, bounded JSON for untrusted JOSE input, on Jackson's streaming parser.
 *
 * <p>Parsing yields plain Java values: {@code Map<String, Object>} (insertion-ordered, unmodifiable),
 * {@code List<Object>} (unmodifiable), {@code String}, {@code Boolean}, {@code Long} or {@code
 * BigInteger} for integers, {@code BigDecimal} for other numbers, and {@code null} for JSON null.
 *
 * <p>What is rejected, each with a {@link JwkitException}: anything but UTF-8 (RFC 8725 §3.7: a BOM, or
 * UTF-16/32 recognised by zero bytes), duplicate member names ({@link JoseError#DUPLICATE_MEMBER}),
 * input beyond the {@link JsonLimits} ({@link JoseError#INPUT_TOO_LARGE}), trailing content after the
 * value, and malformed JSON ({@link JoseError#MALFORMED_INPUT}). Error messages give an offset, never the
 * input's content.
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

  private static final Map<JsonLimits, JsonFactory> FACTORIES = new java.util.concurrent.ConcurrentHashMap<>();

  private Json() {}

  /** Parses a JSON object from UTF-8 bytes under the given limits. */
  public static Map<String, Object> parseObject(byte[] utf8, JsonLimits limits) {
    Objects.requireNonNull(utf8, "utf8");
    Objects.requireNonNull(limits, "limits");
    if (utf8.length > limits.maxBytes()) {
      throw new JwkitException(JoseError.INPUT_TOO_LARGE, "JSON document exceeds " + limits.maxBytes() + " bytes");
    }
    requireUtf8(utf8);
    try (JsonParser parser = factory(limits).createParser(utf8)) {
      return parseTopLevelObject(parser, limits);
    } catch (IOException e) {
      throw translate(e);
    }
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

  private static Map<String, Object> parseTopLevelObject(JsonParser parser, JsonLimits limits) throws IOException {
    JsonToken first = parser.nextToken();
    if (first != JsonToken.START_OBJECT) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, "JSON value is not an object");
    }
    int[] budget = {limits.maxMembers()};
    Map<String, Object> result = readObject(parser, limits, 1, budget);
    if (parser.nextToken() != null) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, "trailing content after the JSON object");
    }
    return result;
  }

  private static Map<String, Object> readObject(JsonParser parser, JsonLimits limits, int depth, int[] budget)
      throws IOException {
    checkDepth(depth, limits);
    LinkedHashMap<String, Object> map = new LinkedHashMap<>();
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      spend(budget, limits);
      Object value = readValue(parser, parser.nextToken(), limits, depth, budget);
      if (map.putIfAbsent(name, value) != null) {
        throw new JwkitException(JoseError.DUPLICATE_MEMBER,
            "duplicate JSON member at offset " + offset(parser));
      }
    }
    if (token != JsonToken.END_OBJECT) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, "malformed JSON object at offset " + offset(parser));
    }
    return Collections.unmodifiableMap(map);
  }

  private static List<Object> readArray(JsonParser parser, JsonLimits limits, int depth, int[] budget)
      throws IOException {
    checkDepth(depth, limits);
    ArrayList<Object> list = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) {
        throw new JwkitException(JoseError.MALFORMED_INPUT, "unterminated JSON array");
      }
      spend(budget, limits);
      list.add(readValue(parser, token, limits, depth, budget));
    }
    return Collections.unmodifiableList(list);
  }

  private static Object readValue(JsonParser parser, JsonToken token, JsonLimits limits, int depth, int[] budget)
      throws IOException {
    if (token == null) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, "unexpected end of JSON");
    }
    switch (token) {
      case START_OBJECT:
        return readObject(parser, limits, depth + 1, budget);
      case START_ARRAY:
        return readArray(parser, limits, depth + 1, budget);
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          return parser.getBigIntegerValue();
        }
        return parser.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return parser.getDecimalValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return NULL;
      default:
        throw new JwkitException(JoseError.MALFORMED_INPUT, "unexpected JSON token at offset " + offset(parser));
    }
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

  private static void checkDepth(int depth, JsonLimits limits) {
    if (depth > limits.maxDepth()) {
      throw new JwkitException(JoseError.INPUT_TOO_LARGE, "JSON nesting deeper than " + limits.maxDepth());
    }
  }

  private static void spend(int[] budget, JsonLimits limits) {
    if (--budget[0] < 0) {
      throw new JwkitException(JoseError.INPUT_TOO_LARGE,
          "JSON document has more than " + limits.maxMembers() + " members and elements");
    }
  }

  private static long offset(JsonParser parser) {
    return parser.currentTokenLocation().getByteOffset();
  }

  private static void requireUtf8(byte[] bytes) {
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, "JSON must be UTF-8 without a byte order mark");
    }
    for (int i = 0; i < Math.min(4, bytes.length); i++) {
      if (bytes[i] == 0) {
        throw new JwkitException(JoseError.MALFORMED_INPUT, "JSON must be UTF-8");
      }
    }
  }

  private static JsonFactory factory(JsonLimits limits) {
    return FACTORIES.computeIfAbsent(limits, l -> JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(l.maxDepth())
            .maxNumberLength(l.maxNumberLength())
            .maxStringLength(l.maxStringLength())
            .maxNameLength(l.maxStringLength())
            .maxDocumentLength(l.maxBytes())
            .build())
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build());
  }

  private static JwkitException translate(IOException e) {
    if (e instanceof StreamConstraintsException) {
      return new JwkitException(JoseError.INPUT_TOO_LARGE, "JSON exceeds a size limit", e);
    }
    if (e instanceof JsonProcessingException) {
      JsonProcessingException jpe = (JsonProcessingException) e;
      String where = jpe.getLocation() == null ? "" : " at offset " + jpe.getLocation().getByteOffset();
      if (e instanceof JsonEOFException) {
        return new JwkitException(JoseError.MALFORMED_INPUT, "truncated JSON" + where);
      }
      // Jackson's own message may quote input; the cause is kept for debugging but not in our message.
      return new JwkitException(JoseError.MALFORMED_INPUT, "malformed JSON" + where, new SanitizedCause());
    }
    return new JwkitException(JoseError.MALFORMED_INPUT, "malformed JSON");
  }

  /** A cause that records that Jackson failed without repeating its message, which can quote the input. */
  private static final class SanitizedCause extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SanitizedCause() {
      super("JSON parser error (details withheld: they may quote untrusted input)", null, false, false);
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
