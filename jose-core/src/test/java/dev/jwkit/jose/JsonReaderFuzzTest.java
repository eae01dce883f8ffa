package dev.jwkit.jose;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jazzer fuzz target for the JSON reader: any bytes end in a parsed object or a {@link JwkitException} with
 * one of the reader's codes; anything else (a runtime exception, an error, unbounded allocation) is a crash.
 * A parsed object written by {@link Json#writeUtf8} reads back equal, numbers compared by value (the
 * reader gives {@code 1E+0} as a {@code BigDecimal} and {@code 1} as a {@code Long}).
 *
 * <p>Without {@code JAZZER_FUZZ} this runs the committed inputs under {@code JsonReaderFuzzTestInputs/}
 * as a regression test; {@code fuzz/run JsonReaderFuzzTest} fuzzes it (docs/fuzzing.md).
 */
class JsonReaderFuzzTest {

  private static final Set<ErrorCode> CODES =
      Set.of(JoseError.MALFORMED_INPUT, JoseError.INPUT_TOO_LARGE, JoseError.DUPLICATE_MEMBER);

  /** Small limits, so that the fuzzer reaches every limit check with short inputs. */
  private static final JsonLimits SMALL = new JsonLimits(4096, 4, 64, 32, 24);

  @FuzzTest
  void parseObject(byte[] input) {
    parse(input, JsonLimits.TOKEN);
    parse(input, SMALL);
  }

  private static void parse(byte[] input, JsonLimits limits) {
    Map<String, Object> parsed;
    try {
      parsed = Json.parseObject(input, limits);
    } catch (JwkitException e) {
      assertThat(e.code()).isIn(CODES);
      return;
    }
    assertThat(byValue(Json.parseObject(Json.writeUtf8(parsed), JsonLimits.KEY_SET))).isEqualTo(byValue(parsed));
  }

  /** The value with every number as an unscaled {@code BigDecimal}, so that equal numbers compare equal. */
  private static Object byValue(Object value) {
    if (value instanceof Map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> copy.put(k, byValue(v)));
      return copy;
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      ((List<?>) value).forEach(v -> copy.add(byValue(v)));
      return copy;
    }
    if (value instanceof Number) {
      return new BigDecimal(value.toString()).stripTrailingZeros();
    }
    return value;
  }
}
