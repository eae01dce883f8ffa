package dev.jwkit.jose.jwk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.JwkitException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * JWK members are decoded with {@link Base64Url#decode(CharSequence)}, whose String fast path (the JDK
 * decoder plus the strictness checks it lacks) must accept and reject exactly what the strict
 * character-by-character path accepts and rejects (differential test; the slow path is reached through a
 * non-String CharSequence).
 */
class Base64MembersTest {

  private static final String CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/= \r\n.\u00e9\u00ff\u0100";

  @Test
  void fastPath_agreesWithStrictPath() {
    Random random = new Random(42);
    for (int i = 0; i < 50_000; i++) {
      String s;
      if (random.nextBoolean()) {
        byte[] raw = new byte[random.nextInt(70)];
        random.nextBytes(raw);
        StringBuilder sb = new StringBuilder(Base64Url.encode(raw));
        if (sb.length() > 0 && random.nextInt(3) == 0) {
          sb.setCharAt(random.nextInt(sb.length()), CHARS.charAt(random.nextInt(CHARS.length())));
        }
        s = sb.toString();
      } else {
        StringBuilder sb = new StringBuilder();
        for (int j = random.nextInt(12); j > 0; j--) {
          sb.append(CHARS.charAt(random.nextInt(CHARS.length())));
        }
        s = sb.toString();
      }
      byte[] fast = decodeOrNull(s);
      byte[] strict = decodeOrNull(new StringBuilder(s));
      assertThat(fast).as("input %s", s).isEqualTo(strict);
      if (fast != null) {
        assertThat(Base64Url.encode(fast)).isEqualTo(s);
      }
    }
  }

  private static byte[] decodeOrNull(CharSequence s) {
    try {
      return Base64Url.decode(s);
    } catch (JwkitException e) {
      return null;
    }
  }
}
