package dev.jwkit.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Base64UrlTest {

  @Test
  void encode_rfc7515Header_matchesTheRfc() {
    // RFC 7515 §3.3: the protected header of the example JWS.
    String header = "{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}";
    assertThat(Base64Url.encodeUtf8(header)).isEqualTo("eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9");
  }

  @Test
  void decode_everyLengthAndValue_roundTripsWithTheJdkEncoder() {
    Random random = new Random(7);
    for (int length = 0; length < 200; length++) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

      assertThat(Base64Url.decode(encoded)).isEqualTo(bytes);
      assertThat(Base64Url.encode(bytes)).isEqualTo(encoded);
    }
  }

  @Test
  void decode_range_decodesOnlyTheRange() {
    String text = "xx" + Base64Url.encodeUtf8("hello") + "yy";
    assertThat(new String(Base64Url.decode(text, 2, text.length() - 2), StandardCharsets.UTF_8)).isEqualTo("hello");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "YQ==",        // padding
      "YQ=",         // partial padding
      "a+b/",        // standard alphabet
      "YW Jj",       // space
      "YWJj\n",      // line break
      "YWJj\r\n",    // CRLF
      "Y",           // length 1 mod 4
      "YR",          // non-zero unused bits (canonical is "YQ")
      "YWK",         // non-zero unused bits (canonical is "YWI")
      "YW?j",        // character outside the alphabet
      "YWJé"         // non-ASCII
  })
  void decode_nonCanonical_isMalformed(String input) {
    assertThatThrownBy(() -> Base64Url.decode(input))
        .isInstanceOf(JwkitException.class)
        .satisfies(e -> assertThat(((JwkitException) e).code()).isEqualTo(JoseError.MALFORMED_INPUT))
        .hasMessageStartingWith("jose.malformed_input: invalid base64url");
  }

  @ParameterizedTest
  @ValueSource(strings = {"YQ==", "YQ=", "a+b/", "YW Jj", "YWJj\n", "Y", "YR", "YWK", "YW?j", "YWJ\u00e9", "YWJ\u0100", "\u0080AAA"})
  void decodeBytes_nonCanonical_isMalformed(String input) {
    byte[] bytes = input.getBytes(StandardCharsets.ISO_8859_1); // U+0100 becomes '?', as for a token
    assertThatThrownBy(() -> Base64Url.decode(bytes, 0, bytes.length))
        .isInstanceOf(JwkitException.class)
        .satisfies(e -> assertThat(((JwkitException) e).code()).isEqualTo(JoseError.MALFORMED_INPUT))
        .hasMessageStartingWith("jose.malformed_input: invalid base64url");
  }

  @Test
  void decodeBytes_agreesWithTheCharDecoder_onEveryLengthAndEverySingleByteChange() {
    Random random = new Random(11);
    for (int length = 0; length < 64; length++) {
      byte[] original = new byte[length];
      random.nextBytes(original);
      String encoded = "." + Base64Url.encode(original) + ".";
      byte[] ascii = encoded.getBytes(StandardCharsets.ISO_8859_1);
      assertThat(Base64Url.decode(ascii, 1, ascii.length - 1)).isEqualTo(original);
      for (int position = 1; position < ascii.length - 1; position++) {
        for (int value : new int[] {0, '+', '/', '=', '-', '_', 'A', 'z', 0x7f, 0x80, 0xff}) {
          byte[] mutated = ascii.clone();
          mutated[position] = (byte) value;
          String text = new String(mutated, StandardCharsets.ISO_8859_1);
          assertThat(outcome(() -> Base64Url.decode(mutated, 1, mutated.length - 1)))
              .isEqualTo(outcome(() -> Base64Url.decode(text, 1, text.length() - 1)));
        }
      }
    }
  }

  /** The decoded bytes as hex, or the error message: equal outcomes mean the same bytes or the same error. */
  private static String outcome(java.util.function.Supplier<byte[]> decode) {
    try {
      return java.util.HexFormat.of().formatHex(decode.get());
    } catch (JwkitException e) {
      return e.getMessage();
    }
  }

  @Test
  void isCanonical_distinguishesCanonicalFromNot() {
    assertThat(Base64Url.isCanonical("YQ")).isTrue();
    assertThat(Base64Url.isCanonical("YR")).isFalse();
    assertThat(Base64Url.isCanonical("")).isTrue();
  }
}
