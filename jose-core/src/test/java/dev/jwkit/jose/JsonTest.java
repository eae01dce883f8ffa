package dev.jwkit.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void parseObject_allValueTypes_yieldsPlainJavaValues() {
    Map<String, Object> map = Json.parseObject(
        "{\"s\":\"x\",\"i\":1,\"big\":123456789012345678901234567890,\"f\":1.5,\"t\":true,\"n\":null,"
            + "\"a\":[1,\"two\"],\"o\":{\"k\":false}}");

    assertThat(map).containsEntry("s", "x").containsEntry("i", 1L)
        .containsEntry("big", new BigInteger("123456789012345678901234567890"))
        .containsEntry("f", new BigDecimal("1.5")).containsEntry("t", true).containsEntry("n", Json.NULL)
        .containsEntry("a", List.of(1L, "two")).containsEntry("o", Map.of("k", false));
    assertThat(map.keySet()).containsExactly("s", "i", "big", "f", "t", "n", "a", "o");
  }

  @Test
  void write_parsedObject_roundTrips() {
    String json = "{\"a\":[1,\"two\",null],\"b\":{\"c\":1.25},\"d\":true}";
    assertThat(Json.write(Json.parseObject(json))).isEqualTo(json);
    assertThat(new String(Json.writeUtf8(Json.parseObject(json)), StandardCharsets.UTF_8)).isEqualTo(json);
  }

  @Test
  void write_valueOutsideTheContract_isAProgrammingError() {
    assertThatThrownBy(() -> Json.write(Map.of("d", Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    assertThatThrownBy(() -> Json.writeUtf8(Map.of("o", Map.of(1, "x"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("member name");
    assertThatThrownBy(() -> Json.write(Map.of("c", 'c')))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Character");
  }

  @Test
  void parseObject_duplicateMember_isRejected() {
    assertCode("{\"alg\":\"HS256\",\"alg\":\"none\"}", JoseError.DUPLICATE_MEMBER);
    assertCode("{\"o\":{\"iat\":1,\"iat\":2}}", JoseError.DUPLICATE_MEMBER);
  }

  @Test
  void parseObject_deepNesting_isRejectedWithoutStackOverflow() {
    String deep = "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    assertCode(deep, JoseError.INPUT_TOO_LARGE);
  }

  @Test
  void parseObject_tooManyMembers_isRejected() {
    StringBuilder json = new StringBuilder("{\"a\":[");
    for (int i = 0; i < 2_000; i++) {
      json.append(i == 0 ? "" : ",").append(i);
    }
    json.append("]}");
    assertThatThrownBy(() -> Json.parseObject(json.toString(), JsonLimits.TOKEN))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(JoseError.INPUT_TOO_LARGE));
  }

  @Test
  void parseObject_oversizedDocumentOrNumber_isRejected() {
    assertThatThrownBy(() -> Json.parseObject("{\"a\":\"" + "x".repeat(70_000) + "\"}", JsonLimits.TOKEN))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(JoseError.INPUT_TOO_LARGE));
    assertCode("{\"n\":" + "9".repeat(1_000) + "}", JoseError.INPUT_TOO_LARGE);
  }

  @Test
  void parseObject_notUtf8_isRejected() {
    byte[] utf16 = "{\"a\":1}".getBytes(StandardCharsets.UTF_16LE);
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
    byte[] invalidUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};

    for (byte[] input : List.of(utf16, bom, invalidUtf8)) {
      assertThatThrownBy(() -> Json.parseObject(input))
          .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(JoseError.MALFORMED_INPUT));
    }
  }

  @Test
  void parseObject_malformedOrNotAnObject_isMalformedAndDoesNotQuoteInput() {
    for (String input : List.of("[1]", "\"secret-value\"", "{\"a\":secret}", "{\"a\":1} trailing", "{\"a\":", "")) {
      assertThatThrownBy(() -> Json.parseObject(input))
          .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(JoseError.MALFORMED_INPUT))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }
  }

  private static void assertCode(String json, ErrorCode code) {
    assertThatThrownBy(() -> Json.parseObject(json))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
