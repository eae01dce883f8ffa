package dev.jwkit.jose;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reference reader for the differential tests: {@code Json.parseObject} as it was on Jackson's
 * streaming parser before {@link JsonReader} replaced it, kept verbatim in behaviour.
 *
 * <p>One change: the Jackson-based reader let a {@link NumberFormatException} escape for a number whose
 * exponent does not fit a {@code BigDecimal} ({@code 1e2147483648}), or accepted one whose written form
 * would not ({@code 10e2147483647}, found by JsonReaderFuzzTest); the oracle reports both as {@link
 * JoseError#MALFORMED_INPUT}, as {@link JsonReader} does, so that outcomes can be compared.
 */
final class JacksonOracle {

  private static final Map<JsonLimits, JsonFactory> FACTORIES = new ConcurrentHashMap<>();

  private JacksonOracle() {}

  /** Parses as the Jackson-based {@code Json.parseObject(byte[], JsonLimits)} did. */
  static Map<String, Object> parseObject(byte[] utf8, JsonLimits limits) {
    Objects.requireNonNull(utf8, "utf8");
    Objects.requireNonNull(limits, "limits");
    if (utf8.length > limits.maxBytes()) {
      throw new JwkitException(JoseError.INPUT_TOO_LARGE, "JSON document exceeds " + limits.maxBytes() + " bytes");
    }
    Json.requireUtf8(utf8);
    try (JsonParser parser = factory(limits).createParser(utf8)) {
      return parseTopLevelObject(parser, limits);
    } catch (IOException e) {
      throw translate(e);
    } catch (NumberFormatException e) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, "number out of range", e);
    }
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
        throw new JwkitException(JoseError.DUPLICATE_MEMBER, "duplicate JSON member");
      }
    }
    if (token != JsonToken.END_OBJECT) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, "malformed JSON object");
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
      case VALUE_NUMBER_FLOAT: {
        BigDecimal decimal = parser.getDecimalValue();
        if ((long) decimal.precision() - decimal.scale() - 1 > Integer.MAX_VALUE) {
          throw new NumberFormatException("written back, the exponent would not fit an int");
        }
        return decimal;
      }
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return Json.NULL;
      default:
        throw new JwkitException(JoseError.MALFORMED_INPUT, "unexpected JSON token");
    }
  }

  private static void checkDepth(int depth, JsonLimits limits) {
    if (depth > limits.maxDepth()) {
      throw new JwkitException(JoseError.INPUT_TOO_LARGE, "JSON nesting deeper than " + limits.maxDepth());
    }
  }

  private static void spend(int[] budget, JsonLimits limits) {
    if (--budget[0] < 0) {
      throw new JwkitException(JoseError.INPUT_TOO_LARGE, "more than " + limits.maxMembers() + " members");
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
      return new JwkitException(JoseError.INPUT_TOO_LARGE, "JSON exceeds a size limit");
    }
    if (e instanceof JsonProcessingException) {
      return new JwkitException(JoseError.MALFORMED_INPUT, "malformed JSON");
    }
    return new JwkitException(JoseError.MALFORMED_INPUT, "malformed JSON");
  }
}
