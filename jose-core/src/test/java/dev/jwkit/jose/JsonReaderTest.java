package dev.jwkit.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Named cases for every rule of {@link JsonReader}, read through {@link Json#parseObject(byte[], JsonLimits)}. */
class JsonReaderTest {

  private static final JsonLimits LIMITS = JsonLimits.TOKEN;

  // ---------------------------------------------------------------------------------------------
  // Values and structure

  @Test
  void parseObject_allValueTypes_yieldsThePlainJavaValuesOfJson() {
    Map<String, Object> map = parse("{\"s\":\"x\",\"i\":1,\"t\":true,\"f\":false,\"n\":null,\"a\":[1,\"two\",[]],"
        + "\"o\":{\"k\":{}},\"d\":1.5}");

    assertThat(map).containsExactly(Map.entry("s", "x"), Map.entry("i", 1L), Map.entry("t", true),
        Map.entry("f", false), Map.entry("n", Json.NULL), Map.entry("a", List.of(1L, "two", List.of())),
        Map.entry("o", Map.of("k", Map.of())), Map.entry("d", new BigDecimal("1.5")));
    assertThat(map.get("t")).isSameAs(Boolean.TRUE);
    assertThat(map.get("f")).isSameAs(Boolean.FALSE);
    assertThat(map.get("n")).isSameAs(Json.NULL);
  }

  @Test
  void parseObject_result_isUnmodifiableAndInDocumentOrder() {
    Map<String, Object> map = parse("{\"z\":1,\"a\":[1],\"m\":{\"y\":1,\"b\":2}}");

    assertThat(map.keySet()).containsExactly("z", "a", "m");
    assertThat(((Map<?, ?>) map.get("m")).keySet().toString()).isEqualTo("[y, b]");
    assertThatThrownBy(() -> map.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((List<?>) map.get("a")).clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((Map<?, ?>) map.get("m")).clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void parseObject_jsonWhitespaceEverywhere_isAccepted() {
    assertThat(parse(" \t\r\n{ \t\r\n\"a\" \t\r\n: \t\r\n[ 1 , { } ] \t\r\n, \"b\":\"\" } \t\r\n"))
        .containsExactly(Map.entry("a", List.of(1L, Map.of())), Map.entry("b", ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\f", "\u000b", "\u00a0", "\u2028", "\ufeff"})
  void parseObject_nonJsonWhitespace_isMalformed(String space) {
    assertRejected("{" + space + "\"a\":1}", JoseError.MALFORMED_INPUT);
    assertRejected("{\"a\":1}" + space, JoseError.MALFORMED_INPUT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "[]", "[{}]", "\"x\"", "1", "true", "null", "{", "}", "{\"a\":1", "{\"a\":",
      "{\"a\"", "{\"a\"}", "{\"a\" 1}", "{\"a\":1 \"b\":2}", "{\"a\":1,}", "{,}", "{\"a\":[1,]}", "{\"a\":[,1]}",
      "{\"a\":[1 2]}", "{\"a\":[1}", "{\"a\":{]}", "{'a':1}", "{\"a\":'x'}", "{a:1}", "{\"a\":1}x", "{}{}", "{} 1",
      "{}]", "{\"a\":/*c*/1}", "{\"a\":1}//c", "{\"a\":1 # c\n}", "{\"a\":tru}", "{\"a\":truex}", "{\"a\":True}",
      "{\"a\":nul}", "{\"a\":NULL}", "{\"a\":fals}", "{\"a\":undefined}", "{\"a\":\"x}", "{\"a\":\"x\\\"}"})
  void parseObject_syntaxError_isMalformed(String json) {
    assertRejected(json, JoseError.MALFORMED_INPUT);
  }

  // ---------------------------------------------------------------------------------------------
  // Numbers

  static Stream<Arguments> integers() {
    return Stream.of(
        Arguments.of("0", 0L), Arguments.of("-0", 0L), Arguments.of("7", 7L), Arguments.of("-7", -7L),
        Arguments.of("123456789012345678", 123456789012345678L),
        Arguments.of("-123456789012345678", -123456789012345678L),
        Arguments.of("1234567890123456789", 1234567890123456789L),
        Arguments.of("9223372036854775807", Long.MAX_VALUE),
        Arguments.of("-9223372036854775808", Long.MIN_VALUE),
        Arguments.of("9223372036854775808", new BigInteger("9223372036854775808")),
        Arguments.of("-9223372036854775809", new BigInteger("-9223372036854775809")),
        Arguments.of("99999999999999999999999999", new BigInteger("99999999999999999999999999")));
  }

  @ParameterizedTest
  @MethodSource("integers")
  void parseObject_integer_isLongWhenItFitsElseBigInteger(String literal, Object expected) {
    Object value = parse("{\"n\":" + literal + "}").get("n");

    assertThat(value).isEqualTo(expected).isExactlyInstanceOf(expected.getClass());
    assertThat(value).isEqualTo(JacksonOracle.parseObject(utf8("{\"n\":" + literal + "}"), LIMITS).get("n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "1e3", "1E-3", "1E+2", "-0.0", "0.5e-10", "-12.340", "6.02214076e23",
      "1.0e000000000000000000000000000001", "1e2147483647", "1e-2147483647"})
  void parseObject_fractionOrExponent_isBigDecimalOfTheLiteral(String literal) {
    Object value = parse("{\"n\":" + literal + "}").get("n");

    assertThat(value).isInstanceOf(BigDecimal.class).isEqualTo(new BigDecimal(literal));
    assertThat(value).isEqualTo(JacksonOracle.parseObject(utf8("{\"n\":" + literal + "}"), LIMITS).get("n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"01", "-01", "00", "-00", ".5", "-.5", "5.", "5.e3", "1e", "1e+", "1E-", "+1", "-", "--1",
      "- 1", "NaN", "Infinity", "-Infinity", "0x10", "1.5.3", "1e5e5", "1ee5", "0b1"})
  void parseObject_invalidNumber_isMalformed(String literal) {
    assertRejected("{\"n\":" + literal + "}", JoseError.MALFORMED_INPUT);
    assertRejected("{\"n\":[" + literal + "]}", JoseError.MALFORMED_INPUT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e2147483648", "1e-2147483648", "0.1e-2147483647", "1e99999999999",
      "10e2147483647", "92233720368547758070e2147483642"})
  void parseObject_exponentBeyondBigDecimal_isMalformed(String literal) {
    assertRejected("{\"n\":" + literal + "}", JoseError.MALFORMED_INPUT);
  }

  // ---------------------------------------------------------------------------------------------
  // Strings and escapes

  @Test
  void parseObject_everyEscape_isDecoded() {
    assertThat(parse("{\"s\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u00E9\\u20ac\\u0000\"}").get("s"))
        .isEqualTo("\"\\/\b\f\n\r\tA\u00e9\u00e9\u20ac\u0000");
    assertThat(parse("{\"\\u0061\\n\":1}")).containsOnlyKeys("a\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\a", "\\x41", "\\U0041", "\\u12", "\\u12G4", "\\u-123", "\\'", "\\0", "\\ ", "\\\u00e9",
      "\\u"})
  void parseObject_invalidEscape_isMalformed(String escape) {
    assertRejected("{\"s\":\"" + escape + "\"}", JoseError.MALFORMED_INPUT);
    assertRejected("{\"" + escape + "\":1}", JoseError.MALFORMED_INPUT);
  }

  @Test
  void parseObject_escapedSurrogatePair_isOneCodePoint() {
    assertThat(parse("{\"s\":\"\\ud83d\\ude00\",\"\\uD83D\\uDE00\":1}"))
        .containsExactly(Map.entry("s", "\ud83d\ude00"), Map.entry("\ud83d\ude00", 1L));
  }

  /**
   * The one intentional difference in what is accepted: an unpaired surrogate written as an escape is
   * not Unicode text (I-JSON, RFC 7493 §2.1). Jackson accepts it in a value (and refuses it in a name).
   */
  @ParameterizedTest
  @ValueSource(strings = {"\\ud800", "\\udbff", "\\udc00", "\\udfff", "\\ud800a", "\\ud800\\u0041", "\\ud800\\ud800",
      "\\ude00\\ud83d", "\\ud800\\n", "a\\ud83d\\ude00\\ude00", "\\ud800\u00e9", "\\ud800\ud83d\ude00"})
  void parseObject_loneSurrogateEscape_isMalformedWhereJacksonAcceptedIt(String escapes) {
    String value = "{\"s\":\"" + escapes + "\"}";

    assertRejected(value, JoseError.MALFORMED_INPUT);
    assertRejected("{\"" + escapes + "\":1}", JoseError.MALFORMED_INPUT);
    assertThat(JacksonOracle.parseObject(utf8(value), LIMITS)).containsKey("s");
  }

  @Test
  void parseObject_loneSurrogateEscapeAtEndOfInput_isMalformed() {
    assertRejected("{\"s\":\"\\ud800", JoseError.MALFORMED_INPUT);
    assertRejected("{\"s\":\"\\ud800\\", JoseError.MALFORMED_INPUT);
    assertRejected("{\"s\":\"\\ud800\\u", JoseError.MALFORMED_INPUT);
    assertRejected("{\"s\":\"\\ud800\\udc0", JoseError.MALFORMED_INPUT);
  }

  @Test
  void parseObject_everyUnescapedControlCharacter_isMalformed() {
    for (int c = 0; c < 0x20; c++) {
      assertRejected(bytes("{\"s\":\"a", new int[] {c}, "\"}"), JoseError.MALFORMED_INPUT);
      assertRejected(bytes("{\"s\":\"\\n\u00e9", new int[] {c}, "\"}"), JoseError.MALFORMED_INPUT);
      assertRejected(bytes("{\"", new int[] {c}, "\":1}"), JoseError.MALFORMED_INPUT);
    }
    assertThat(parse("{\"s\":\"\u007f\"}").get("s")).isEqualTo("\u007f");
  }

  @ParameterizedTest
  @ValueSource(strings = {"A", "\u0080", "\u00e9", "\u07ff", "\u0800", "\u20ac", "\ud7ff", "\ue000", "\uffff",
      "\ud800\udc00", "\ud83d\ude00", "\udbff\udfff"})
  void parseObject_utf8OfEveryLength_isDecoded(String text) {
    String name = "k" + text;
    Map<String, Object> plain = parse("{\"" + name + "\":\"" + text + "\"}");
    Map<String, Object> escaped = parse("{\"" + name + "\\t\":\"\\t" + text + text + "\"}");

    assertThat(plain).containsExactly(Map.entry(name, text));
    assertThat(escaped).containsExactly(Map.entry(name + "\t", "\t" + text + text));
  }

  /** The word-at-a-time scan must stop at a special byte in any of the eight lanes. */
  @Test
  void parseObject_specialByteAtEveryPositionOfALongString_isFound() {
    for (int p = 0; p < 24; p++) {
      String before = "abcdefghijklmnopqrstuvwxyz".substring(0, p);
      assertThat(parse("{\"s\":\"" + before + "\",\"t\":1}").get("s")).isEqualTo(before);
      assertThat(parse("{\"s\":\"" + before + "\\n" + before + "\"}").get("s")).isEqualTo(before + "\n" + before);
      assertThat(parse("{\"s\":\"" + before + "\u00e9" + before + "\"}").get("s")).isEqualTo(before + "\u00e9" + before);
      assertThat(parse("{\"s\":\"" + before + "\u007f~" + before + "\"}").get("s")).isEqualTo(before + "\u007f~" + before);
      assertRejected("{\"s\":\"" + before + "\u0001" + before + "\"}", JoseError.MALFORMED_INPUT);
      assertRejected("{\"s\":\"" + before + "\u001f" + before + "\"}", JoseError.MALFORMED_INPUT);
      assertRejected(bytes("{\"s\":\"" + before, new int[] {0x80}, before + "\"}"), JoseError.MALFORMED_INPUT);
    }
  }

  @Test
  void parseObject_wellKnownNames_areSharedStringsEqualToTheText() {
    Map<String, Object> map = parse("{\"iss\":1,\"x5t#S256\":2,\"x5t#S25\":3,\"issx\":4,\"is\":5,\"key_ops\":6,"
        + "\"x\":7}");
    Map<String, Object> again = parse("{\"iss\":0}");

    assertThat(map).containsExactly(Map.entry("iss", 1L), Map.entry("x5t#S256", 2L), Map.entry("x5t#S25", 3L),
        Map.entry("issx", 4L), Map.entry("is", 5L), Map.entry("key_ops", 6L), Map.entry("x", 7L));
    assertThat(again.keySet().iterator().next()).isSameAs(map.keySet().iterator().next());
    assertThat(parse("{\"a\":1,\"kid\":2}")).containsOnlyKeys("a", "kid"); // within 8 bytes of the end
    assertRejected("{\"iss\":1,\"\\u0069ss\":2}", JoseError.DUPLICATE_MEMBER);
    assertRejected(utf8("{\"iss\":1}"), limits(100, 16, 100, 2, 64), JoseError.INPUT_TOO_LARGE);
  }

  static Stream<Arguments> invalidUtf8() {
    return Stream.of(
        Arguments.of("stray continuation 80", new int[] {0x80}),
        Arguments.of("stray continuation BF", new int[] {0xBF}),
        Arguments.of("overlong 2-byte C0 80 (U+0000)", new int[] {0xC0, 0x80}),
        Arguments.of("overlong 2-byte C1 BF", new int[] {0xC1, 0xBF}),
        Arguments.of("overlong 3-byte E0 80 80", new int[] {0xE0, 0x80, 0x80}),
        Arguments.of("overlong 3-byte E0 9F BF", new int[] {0xE0, 0x9F, 0xBF}),
        Arguments.of("overlong 4-byte F0 80 80 80", new int[] {0xF0, 0x80, 0x80, 0x80}),
        Arguments.of("overlong 4-byte F0 8F BF BF", new int[] {0xF0, 0x8F, 0xBF, 0xBF}),
        Arguments.of("surrogate ED A0 80 (U+D800)", new int[] {0xED, 0xA0, 0x80}),
        Arguments.of("surrogate ED BF BF (U+DFFF)", new int[] {0xED, 0xBF, 0xBF}),
        Arguments.of("surrogate pair as CESU-8", new int[] {0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80}),
        Arguments.of("above U+10FFFF F4 90 80 80", new int[] {0xF4, 0x90, 0x80, 0x80}),
        Arguments.of("lead F5", new int[] {0xF5, 0x80, 0x80, 0x80}),
        Arguments.of("lead F7", new int[] {0xF7, 0xBF, 0xBF, 0xBF}),
        Arguments.of("5-byte lead F8", new int[] {0xF8, 0x88, 0x80, 0x80, 0x80}),
        Arguments.of("6-byte lead FC", new int[] {0xFC, 0x84, 0x80, 0x80, 0x80, 0x80}),
        Arguments.of("FE", new int[] {0xFE}),
        Arguments.of("FF", new int[] {0xFF}),
        Arguments.of("truncated 2-byte C3", new int[] {0xC3}),
        Arguments.of("truncated 3-byte E2 82", new int[] {0xE2, 0x82}),
        Arguments.of("truncated 4-byte F0 9F 98", new int[] {0xF0, 0x9F, 0x98}),
        Arguments.of("bad continuation C3 41", new int[] {0xC3, 0x41}),
        Arguments.of("bad continuation E2 41 82", new int[] {0xE2, 0x41, 0x82}),
        Arguments.of("bad continuation E2 82 41", new int[] {0xE2, 0x82, 0x41}),
        Arguments.of("bad continuation F0 9F 41 80", new int[] {0xF0, 0x9F, 0x41, 0x80}),
        Arguments.of("bad continuation F0 9F 98 C3", new int[] {0xF0, 0x9F, 0x98, 0xC3}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidUtf8")
  void parseObject_invalidUtf8_isMalformed(String form, int[] sequence) {
    assertRejected(bytes("{\"s\":\"", sequence, "\"}"), JoseError.MALFORMED_INPUT);
    assertRejected(bytes("{\"s\":\"\\n", sequence, "\"}"), JoseError.MALFORMED_INPUT);
    assertRejected(bytes("{\"", sequence, "\":1}"), JoseError.MALFORMED_INPUT);
    assertRejected(bytes("{\"s\":", sequence, "}"), JoseError.MALFORMED_INPUT);
    assertRejected(bytes("{\"s\":\"", sequence, ""), JoseError.MALFORMED_INPUT);
    assertRejected(bytes("{}", sequence, ""), JoseError.MALFORMED_INPUT);
  }

  // ---------------------------------------------------------------------------------------------
  // Duplicates

  @Test
  void parseObject_duplicateMember_isRejected() {
    assertRejected("{\"alg\":\"HS256\",\"alg\":\"none\"}", JoseError.DUPLICATE_MEMBER);
    assertRejected("{\"o\":{\"iat\":1,\"iat\":2}}", JoseError.DUPLICATE_MEMBER);
    assertRejected("{\"a\":[{\"x\":1,\"y\":2,\"x\":[]}]}", JoseError.DUPLICATE_MEMBER);
  }

  @Test
  void parseObject_duplicateMemberAfterUnescaping_isRejected() {
    assertRejected("{\"alg\":1,\"\\u0061lg\":2}", JoseError.DUPLICATE_MEMBER);
    assertRejected("{\"\u00e9\":1,\"\\u00e9\":2}", JoseError.DUPLICATE_MEMBER);
    assertRejected("{\"\ud83d\ude00\":1,\"\\ud83d\\ude00\":2}", JoseError.DUPLICATE_MEMBER);
  }

  @Test
  void parseObject_sameNameInDifferentObjects_isAccepted() {
    assertThat(parse("{\"a\":{\"a\":{\"a\":1}},\"b\":[{\"a\":1},{\"a\":2}]}")).containsKeys("a", "b");
  }

  // ---------------------------------------------------------------------------------------------
  // Limits

  @Test
  void maxBytes_atTheBound_isAcceptedAndOnePastIsTooLarge() {
    String json = "{\"a\":\"xyz\"}";
    assertThat(Json.parseObject(utf8(json), limits(json.length(), 16, 100, 100, 64))).containsKey("a");
    assertRejected(utf8(json), limits(json.length() - 1, 16, 100, 100, 64), JoseError.INPUT_TOO_LARGE);
  }

  @Test
  void maxDepth_atTheBound_isAcceptedAndOnePastIsTooLarge() {
    JsonLimits depth3 = limits(1000, 3, 100, 100, 64);

    assertThat(Json.parseObject(utf8("{\"a\":{\"b\":[1]}}"), depth3)).containsKey("a");
    assertThat(Json.parseObject(utf8("{\"a\":[[]]}"), depth3)).containsKey("a");
    assertRejected(utf8("{\"a\":{\"b\":[[]]}}"), depth3, JoseError.INPUT_TOO_LARGE);
    assertRejected(utf8("{\"a\":[[{}]]}"), depth3, JoseError.INPUT_TOO_LARGE);
    assertRejected(utf8("{\"a\":{\"b\":{\"c\":{}}}}"), depth3, JoseError.INPUT_TOO_LARGE);
  }

  @Test
  void deepNesting_isTooLargeWithoutStackOverflow() {
    JsonLimits keySet = JsonLimits.KEY_SET; // 1 MiB, depth 16
    assertRejected(utf8("{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}"), keySet, JoseError.INPUT_TOO_LARGE);
    assertRejected(utf8("{\"a\":" + "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000) + "}"), keySet,
        JoseError.INPUT_TOO_LARGE);
    assertRejected(utf8("{\"a\":" + "[".repeat(100_000)), keySet, JoseError.INPUT_TOO_LARGE);
  }

  @Test
  void maxMembers_isOneBudgetForMembersAndElements_atTheBoundAndOnePast() {
    JsonLimits five = limits(1000, 16, 5, 100, 64);

    assertThat(Json.parseObject(utf8("{\"a\":[1,2],\"b\":{\"c\":3}}"), five)).containsKeys("a", "b");
    assertRejected(utf8("{\"a\":[1,2,3],\"b\":{\"c\":3}}"), five, JoseError.INPUT_TOO_LARGE);
    assertRejected(utf8("{\"a\":[1,2],\"b\":{\"c\":3,\"d\":4}}"), five, JoseError.INPUT_TOO_LARGE);
    assertRejected(utf8("{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6}"), five, JoseError.INPUT_TOO_LARGE);
  }

  @Test
  void maxStringLength_countsCharactersOfValues_atTheBoundAndOnePast() {
    JsonLimits four = limits(1000, 16, 100, 4, 64);

    for (String ok : List.of("abcd", "\u00e9\u00e9\u00e9\u00e9", "\u20ac\u20ac\u20ac\u20ac", "\\n\\n\\n\\n",
        "\ud83d\ude00\ud83d\ude00", "\\ud83d\\ude00ab")) {
      assertThat(Json.parseObject(utf8("{\"a\":\"" + ok + "\"}"), four)).containsKey("a");
    }
    for (String tooLong : List.of("abcde", "\u00e9\u00e9\u00e9\u00e9\u00e9", "\\n\\n\\n\\n\\n",
        "\ud83d\ude00\ud83d\ude00a", "\\ud83d\\ude00abc")) {
      assertRejected(utf8("{\"a\":\"" + tooLong + "\"}"), four, JoseError.INPUT_TOO_LARGE);
    }
  }

  /** Jackson's StreamReadConstraints count a name's UTF-8 bytes; the reader keeps that bound. */
  @Test
  void maxStringLength_countsUtf8BytesOfNames_atTheBoundAndOnePast() {
    JsonLimits four = limits(1000, 16, 100, 4, 64);

    for (String ok : List.of("abcd", "\u00e9\u00e9", "\\u00e9\\u00e9", "\u20aca", "\ud83d\ude00", "\\ud83d\\ude00")) {
      assertThat(Json.parseObject(utf8("{\"" + ok + "\":1}"), four)).hasSize(1);
      assertThat(JacksonOracle.parseObject(utf8("{\"" + ok + "\":1}"), four)).hasSize(1);
    }
    for (String tooLong : List.of("abcde", "\u00e9\u00e9a", "\\u00e9\\u00e9a", "\u20ac\u20ac", "\ud83d\ude00a",
        "\\ud83d\\ude00\\n")) {
      assertRejected(utf8("{\"" + tooLong + "\":1}"), four, JoseError.INPUT_TOO_LARGE);
      assertThatThrownBy(() -> JacksonOracle.parseObject(utf8("{\"" + tooLong + "\":1}"), four))
          .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(JoseError.INPUT_TOO_LARGE));
    }
  }

  @Test
  void maxNumberLength_atTheBoundAndOnePast() {
    JsonLimits seven = limits(1000, 16, 100, 100, 7);

    for (String ok : List.of("1234567", "-123456", "-1.5e+3", "1.23456", "[1234567]")) {
      assertThat(Json.parseObject(utf8("{\"n\":" + ok + "}"), seven)).containsKey("n");
    }
    for (String tooLong : List.of("12345678", "-1234567", "-1.5e+30", "1.234567", "[12345678]")) {
      assertRejected(utf8("{\"n\":" + tooLong + "}"), seven, JoseError.INPUT_TOO_LARGE);
    }
  }

  /** Intentionally stricter than Jackson, which counts only the digits; JsonLimits documents characters. */
  @Test
  void maxNumberLength_countsEveryCharacterOfTheLiteral_whereJacksonCountedDigits() {
    JsonLimits four = limits(1000, 16, 100, 100, 4);
    byte[] json = utf8("{\"n\":-1.5e+3}");

    assertRejected(json, four, JoseError.INPUT_TOO_LARGE);
    assertThat(JacksonOracle.parseObject(json, four)).containsEntry("n", new BigDecimal("-1.5e+3"));
  }

  // ---------------------------------------------------------------------------------------------
  // Messages

  @Test
  void errorMessages_neverQuoteTheInput() {
    String secret = "s3cr3t-Hm4c-K3y";
    List<String> inputs = List.of("{\"" + secret + "\":1,\"" + secret + "\":2}", "{\"a\":\"" + secret + "\\q\"}",
        "{\"a\":" + secret + "}", "{\"" + secret + "\":\"\\ud800\"}", "{\"" + secret + "\":1}" + secret,
        "[\"" + secret + "\"]", "\"" + secret + "\"", "{\"a\":\"" + secret + "\u0001\"}",
        "{\"a\":\"" + secret + secret + secret + "\"}", "{\"a\":12345678901234567890" + secret + "}",
        "{\"" + secret + "\":1", "{\"" + secret + "\"" + secret + "}");
    JsonLimits small = limits(1000, 16, 100, 40, 64);
    for (String input : inputs) {
      assertThatThrownBy(() -> Json.parseObject(utf8(input), small))
          .isInstanceOf(JwkitException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t").contains("offset"))
          .satisfies(e -> assertThat(e.getCause()).isNull());
    }
  }

  @Test
  void errorMessage_givesTheByteOffsetAndWhatWasExpected() {
    assertThatThrownBy(() -> parse("{\"a\":1,}"))
        .hasMessage("jose.malformed_input: malformed JSON at offset 7: expected a member name");
    assertThatThrownBy(() -> parse("{\"\u00e9\":\"\u00e9\",\"b\":\"\u00c3\"x}"))
        .hasMessage("jose.malformed_input: malformed JSON at offset 19: expected ',' or '}'");
  }

  // ---------------------------------------------------------------------------------------------

  private static Map<String, Object> parse(String json) {
    return Json.parseObject(utf8(json), LIMITS);
  }

  private static void assertRejected(String json, ErrorCode code) {
    assertRejected(utf8(json), LIMITS, code);
  }

  private static void assertRejected(byte[] json, ErrorCode code) {
    assertRejected(json, LIMITS, code);
  }

  private static void assertRejected(byte[] json, JsonLimits limits, ErrorCode code) {
    assertThatThrownBy(() -> Json.parseObject(json, limits))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  private static JsonLimits limits(int bytes, int depth, int members, int string, int number) {
    return new JsonLimits(bytes, depth, members, string, number);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] bytes(String prefix, int[] raw, String suffix) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8(prefix));
    for (int b : raw) {
      out.write(b);
    }
    out.writeBytes(utf8(suffix));
    return out.toByteArray();
  }
}
