package dev.jwkit.jose;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;
import java.util.Set;

/**
 * Jazzer fuzz target for the JSON reader: any bytes end in a parsed object or a {@link JwkitException} with
 * one of the reader's codes; anything else (a runtime exception, an error, unbounded allocation) is a crash.
 * A parsed object written by {@link Json#write} reads back equal.
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
    assertThat(Json.parseObject(Json.writeUtf8(parsed), JsonLimits.KEY_SET)).isEqualTo(parsed);
  }
}
