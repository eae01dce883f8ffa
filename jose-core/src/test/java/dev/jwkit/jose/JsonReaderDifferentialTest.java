package dev.jwkit.jose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Differential tests of {@link JsonReader} (through {@link Json#parseObject(byte[], JsonLimits)}) against
 * {@link JacksonOracle}, the Jackson-based reader it replaced.
 *
 * <p>The verdicts must be equal: both accept with equal values, or both reject with the same code. The
 * reader is intentionally stricter in two ways, each recognised explicitly here:
 * <ul>
 *   <li>input that is not well-formed UTF-8 (Jackson decodes overlong forms and sequences above
 *       U+10FFFF): the reader must reject it; its code may differ from Jackson's only when it is {@code
 *       MALFORMED_INPUT}, i.e. when the reader stopped at the bad bytes that Jackson let through;
 *   <li>an unpaired surrogate written as an escape (Jackson accepts it in a value): the reader must
 *       reject it, and the input with every such escape rewritten to {@code \}{@code ufffd} (same length,
 *       same offsets) must then get equal verdicts from both.
 * </ul>
 * The third documented difference (number length counted in characters, not digits) cannot arise here:
 * generated literals stay below 48 characters and the limit is 64; {@code JsonReaderTest} covers it.
 */
class JsonReaderDifferentialTest {

  private static final byte[] INTERESTING = {'"', '\\', ',', '}', '{', '[', ']', ':', 0x00, (byte) 0x80,
      (byte) 0xC0, (byte) 0xED, (byte) 0xF5, (byte) 0xBF, (byte) 0xE0, (byte) 0xF0, (byte) 0xF4, (byte) 0xC3,
      0x1F, 'u', 'd', '8', '0', '-', '.', 'e', '+', ' ', '\n', '/', 't', 'n'};

  @Provide
  Arbitrary<byte[]> documents() {
    return Arbitraries.randomValue(random -> new DocumentWriter(random).document());
  }

  @Provide
  Arbitrary<byte[]> mutatedDocuments() {
    return Arbitraries.randomValue(random -> mutate(new DocumentWriter(random).document(), random));
  }

  @Provide
  Arbitrary<JsonLimits> smallLimits() {
    return Arbitraries.randomValue(random -> new JsonLimits(1 << 20, 1 + random.nextInt(5),
        1 + random.nextInt(30), 1 + random.nextInt(12), 64));
  }

  @StatisticsReport(onFailureOnly = true)
  @Property(tries = 3000)
  void validDocuments_bothReadersAccept_withEqualValues(@ForAll("documents") byte[] json) {
    Verdict reader = Verdict.of(() -> Json.parseObject(json, JsonLimits.TOKEN));
    Verdict jackson = Verdict.of(() -> JacksonOracle.parseObject(json, JsonLimits.TOKEN));

    Statistics.collect(reader.code == null ? "accepted" : reader.code.id());
    assertThat(reader).as(describe(json)).isEqualTo(jackson);
  }

  @StatisticsReport(onFailureOnly = true)
  @Property(tries = 2000)
  void validDocuments_underSmallLimits_getEqualVerdicts(@ForAll("documents") byte[] json,
      @ForAll("smallLimits") JsonLimits limits) {
    Verdict reader = Verdict.of(() -> Json.parseObject(json, limits));
    Verdict jackson = Verdict.of(() -> JacksonOracle.parseObject(json, limits));

    Statistics.collect(reader.code == null ? "accepted" : reader.code.id());
    assertThat(reader).as(describe(json) + " under " + limits).isEqualTo(jackson);
  }

  @StatisticsReport(onFailureOnly = true)
  @Property(tries = 5000)
  void mutatedDocuments_getEqualVerdicts_exceptTheDocumentedStricterCases(@ForAll("mutatedDocuments") byte[] json) {
    Verdict reader = Verdict.of(() -> Json.parseObject(json, JsonLimits.TOKEN));
    Verdict jackson = Verdict.of(() -> JacksonOracle.parseObject(json, JsonLimits.TOKEN));
    String description = describe(json) + ": reader " + reader + ", Jackson " + jackson;

    if (!isWellFormedUtf8(json)) {
      Statistics.collect("ill-formed UTF-8", jackson.code == null ? "Jackson accepted" : "Jackson rejected");
      assertThat(reader.code).as(description).isNotNull();
      if (reader.code != JoseError.MALFORMED_INPUT) {
        assertThat(reader.code).as(description).isEqualTo(jackson.code);
      }
      return;
    }
    byte[] neutralized = neutralizeUnpairedSurrogateEscapes(json);
    if (!Arrays.equals(neutralized, json)) {
      Statistics.collect("unpaired surrogate escape", jackson.code == null ? "Jackson accepted" : "Jackson rejected");
      assertThat(reader.code).as(description).isNotNull();
      assertThat(Verdict.of(() -> Json.parseObject(neutralized, JsonLimits.TOKEN))).as(describe(neutralized))
          .isEqualTo(Verdict.of(() -> JacksonOracle.parseObject(neutralized, JsonLimits.TOKEN)));
      return;
    }
    Statistics.collect("well-formed", reader.code == null ? "accepted" : reader.code.id());
    assertThat(reader).as(description).isEqualTo(jackson);
  }

  // ---------------------------------------------------------------------------------------------

  /** A parse outcome: the value when accepted, else the error code. */
  record Verdict(Map<String, Object> value, ErrorCode code) {

    static Verdict of(Supplier<Map<String, Object>> parse) {
      try {
        return new Verdict(parse.get(), null);
      } catch (JwkitException e) {
        return new Verdict(null, e.code());
      }
    }

    @Override
    public String toString() {
      return code == null ? "accepted " + value : "rejected " + code.id();
    }
  }

  private static String describe(byte[] json) {
    return "input (hex) " + HexFormat.of().formatHex(json);
  }

  static boolean isWellFormedUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /**
   * Rewrites each {@code \}{@code uXXXX} escape that encodes an unpaired surrogate to {@code \}{@code ufffd},
   * following JSON's string grammar (a quote outside a string opens one; a backslash escapes the next byte).
   * Up to the first syntax error this sees strings exactly as both readers do; after it, nothing matters.
   */
  static byte[] neutralizeUnpairedSurrogateEscapes(byte[] json) {
    byte[] out = json.clone();
    boolean inString = false;
    int pendingHigh = -1;
    for (int i = 0; i < out.length; i++) {
      byte b = out[i];
      if (!inString) {
        inString = b == '"';
        continue;
      }
      int escape = b == '\\' && i + 5 < out.length && out[i + 1] == 'u' ? hex4(out, i + 2) : -1;
      if (escape >= 0 && pendingHigh >= 0 && i == pendingHigh + 6 && Character.isLowSurrogate((char) escape)) {
        pendingHigh = -1;
        i += 5;
        continue;
      }
      if (pendingHigh >= 0) {
        replaceHex(out, pendingHigh);
        pendingHigh = -1;
      }
      if (escape >= 0) {
        if (Character.isHighSurrogate((char) escape)) {
          pendingHigh = i;
        } else if (Character.isLowSurrogate((char) escape)) {
          replaceHex(out, i);
        }
        i += 5;
      } else if (b == '\\') {
        i++;
      } else if (b == '"') {
        inString = false;
      }
    }
    if (pendingHigh >= 0) {
      replaceHex(out, pendingHigh);
    }
    return out;
  }

  private static int hex4(byte[] bytes, int from) {
    int value = 0;
    for (int i = from; i < from + 4; i++) {
      int digit = Character.digit(bytes[i], 16);
      if (digit < 0) {
        return -1;
      }
      value = value << 4 | digit;
    }
    return value;
  }

  private static void replaceHex(byte[] bytes, int escapeStart) {
    System.arraycopy("fffd".getBytes(StandardCharsets.US_ASCII), 0, bytes, escapeStart + 2, 4);
  }

  /** Applies one to three random byte mutations: replace, insert, delete, or flip a bit. */
  static byte[] mutate(byte[] json, Random random) {
    byte[] bytes = json;
    int count = 1 + random.nextInt(3);
    for (int m = 0; m < count; m++) {
      int at = random.nextInt(bytes.length + 1);
      byte value = random.nextInt(6) == 0 ? (byte) random.nextInt(256) : INTERESTING[random.nextInt(INTERESTING.length)];
      switch (random.nextInt(4)) {
        case 0:
          if (at < bytes.length) {
            bytes = bytes.clone();
            bytes[at] = value;
          }
          break;
        case 1: {
          byte[] longer = new byte[bytes.length + 1];
          System.arraycopy(bytes, 0, longer, 0, at);
          longer[at] = value;
          System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
          bytes = longer;
          break;
        }
        case 2:
          if (at < bytes.length) {
            byte[] shorter = new byte[bytes.length - 1];
            System.arraycopy(bytes, 0, shorter, 0, at);
            System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
            bytes = shorter;
          }
          break;
        default:
          if (at < bytes.length) {
            bytes = bytes.clone();
            bytes[at] ^= (byte) (1 << random.nextInt(8));
          }
          break;
      }
    }
    return bytes;
  }

  /**
   * Writes a random JSON document (an object at the top): nested objects and arrays, strings with every
   * kind of escape and raw UTF-8 of every length, numbers of every form, and random whitespace.
   */
  static final class DocumentWriter {
    private static final String[] NAMES = {"iss", "sub", "aud", "exp", "a", "", "\u00e9", "k\ud83d\ude00"};
    private static final String[] NUMBERS = {"0", "-0", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "-9223372036854775809", "1.0", "1e3", "1E-3", "-0.0e+0", "1e007"};

    private final Random random;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int values;

    DocumentWriter(Random random) {
      this.random = random;
    }

    byte[] document() {
      whitespace();
      object(1);
      whitespace();
      return out.toByteArray();
    }

    private void value(int depth) {
      values++;
      int kind = random.nextInt(depth >= 5 || values > 60 ? 7 : 9);
      switch (kind) {
        case 0: case 1: string(randomText()); break;
        case 2: case 3: number(); break;
        case 4: ascii("true"); break;
        case 5: ascii("false"); break;
        case 6: ascii("null"); break;
        case 7: object(depth + 1); break;
        default: array(depth + 1); break;
      }
    }

    private void object(int depth) {
      out.write('{');
      whitespace();
      int members = random.nextInt(depth == 1 ? 8 : 5);
      for (int i = 0; i < members; i++) {
        if (i > 0) {
          out.write(',');
          whitespace();
        }
        // distinct names, except for an occasional deliberate duplicate from a small pool
        string(random.nextInt(20) == 0 ? NAMES[random.nextInt(NAMES.length)] : randomText() + "#" + i);
        whitespace();
        out.write(':');
        whitespace();
        value(depth);
        whitespace();
      }
      out.write('}');
    }

    private void array(int depth) {
      out.write('[');
      whitespace();
      int elements = random.nextInt(5);
      for (int i = 0; i < elements; i++) {
        if (i > 0) {
          out.write(',');
          whitespace();
        }
        value(depth);
        whitespace();
      }
      out.write(']');
    }

    private String randomText() {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(4) == 0 ? random.nextInt(20) : random.nextInt(6);
      for (int i = 0; i < length; i++) {
        switch (random.nextInt(8)) {
          case 0: text.append((char) random.nextInt(0x20)); break;                          // controls
          case 1: text.append("\"\\/".charAt(random.nextInt(3))); break;
          case 2: text.append((char) (0x80 + random.nextInt(0x800 - 0x80))); break;         // 2-byte
          case 3: text.append(bmpAbove0800()); break;                                     // 3-byte
          case 4: text.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000 + 1)); break; // 4-byte
          default: text.append((char) (0x20 + random.nextInt(0x7F - 0x20))); break;      // ASCII
        }
      }
      return text.toString();
    }

    private char bmpAbove0800() {
      while (true) {
        char c = (char) (0x800 + random.nextInt(0x10000 - 0x800));
        if (!Character.isSurrogate(c)) {
          return c;
        }
      }
    }

    private void string(String text) {
      out.write('"');
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        boolean mustEscape = c < 0x20 || c == '"' || c == '\\';
        if (Character.isHighSurrogate(c)) {
          char low = text.charAt(++i);
          if (random.nextInt(4) == 0) {
            unicodeEscape(c);
            unicodeEscape(low);
          } else {
            utf8(new String(new char[] {c, low}));
          }
        } else if (mustEscape || random.nextInt(6) == 0) {
          escape(c);
        } else {
          utf8(String.valueOf(c));
        }
      }
      out.write('"');
    }

    private void escape(char c) {
      int shortForm = "\"\\/\b\f\n\r\t".indexOf(c);
      if (shortForm >= 0 && random.nextBoolean()) {
        out.write('\\');
        out.write("\"\\/bfnrt".charAt(shortForm));
      } else {
        unicodeEscape(c);
      }
    }

    private void unicodeEscape(char c) {
      String hex = String.format("%04x", (int) c);
      ascii("\\u" + (random.nextBoolean() ? hex : hex.toUpperCase(java.util.Locale.ROOT)));
    }

    private void number() {
      if (random.nextInt(5) == 0) {
        ascii(NUMBERS[random.nextInt(NUMBERS.length)]);
        return;
      }
      StringBuilder n = new StringBuilder();
      if (random.nextBoolean()) {
        n.append('-');
      }
      if (random.nextInt(4) == 0) {
        n.append('0');
      } else {
        n.append((char) ('1' + random.nextInt(9)));
        digits(n, random.nextInt(random.nextInt(3) == 0 ? 25 : 6));
      }
      if (random.nextInt(3) == 0) {
        n.append('.');
        digits(n, 1 + random.nextInt(10));
      }
      if (random.nextInt(4) == 0) {
        n.append(random.nextBoolean() ? 'e' : 'E');
        int sign = random.nextInt(3);
        n.append(sign == 0 ? "" : sign == 1 ? "+" : "-");
        digits(n, 1 + random.nextInt(3));
      }
      ascii(n.toString());
    }

    private void digits(StringBuilder n, int count) {
      for (int i = 0; i < count; i++) {
        n.append((char) ('0' + random.nextInt(10)));
      }
    }

    private void whitespace() {
      while (random.nextInt(4) == 0) {
        out.write(" \t\n\r".charAt(random.nextInt(4)));
      }
    }

    private void ascii(String s) {
      out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    private void utf8(String s) {
      out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
  }
}
