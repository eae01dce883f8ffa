package dev.jwkit.jose;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict, bounded, recursive-descent JSON (RFC 8259) reader over UTF-8 bytes; the parser behind
 * {@link Json#parseObject(byte[], JsonLimits)}.
 *
 * <p>It yields the values {@code Json} documents: the top level must be an object; objects become
 * unmodifiable maps in document order ({@link SmallJsonObject} up to 16 members, else a
 * {@link LinkedHashMap}), arrays unmodifiable {@link ArrayList}s, strings
 * {@link String}s, {@code true}/{@code false} {@link Boolean#TRUE}/{@link Boolean#FALSE}, {@code null}
 * {@link Json#NULL}; integers a {@link Long} when they fit, else a {@link BigInteger}; numbers with a
 * fraction or an exponent {@code new BigDecimal(literal)}. Only whitespace may follow the object.
 *
 * <p>Rejected as {@link JoseError#MALFORMED_INPUT}: comments, trailing commas, single quotes, unquoted
 * names, {@code NaN}/{@code Infinity}, a leading {@code +}, leading zeros, {@code .5}, {@code 5.},
 * {@code 1e}; unescaped U+0000–U+001F in strings; escapes other than {@code \" \\ \/ \b \f \n \r \t
 * \}{@code uXXXX}; ill-formed UTF-8 (stray or missing continuation bytes, truncation, overlong forms,
 * code points above U+10FFFF, encoded surrogates). Rejected as {@link JoseError#DUPLICATE_MEMBER}: a
 * member name twice in one object (compared after unescaping). Rejected as {@link
 * JoseError#INPUT_TOO_LARGE}: input beyond the {@link JsonLimits} (the byte limit is checked by the
 * caller before parsing).
 *
 * <h2>Differences from the Jackson-based reader it replaces</h2>
 * Differential tests against Jackson 2.x (the test oracle) prove that the two accept the same documents
 * with the same values, except where this reader is intentionally stricter:
 * <ul>
 *   <li><b>Unpaired surrogates written as escapes</b> (a lone {@code \}{@code ud800}, or a reversed pair) are
 *       rejected in values as well as names (I-JSON, RFC 7493 §2.1); Jackson accepts them in values and
 *       yields a string that is not valid Unicode.
 *   <li><b>Overlong UTF-8 and code points above U+10FFFF</b> ({@code C0 80}, {@code E0 80 80},
 *       {@code F0 80 80 80}, {@code F4 90 80 80}, {@code F5..F7 …}) are rejected; Jackson decodes them (an
 *       overlong {@code C0 80} becomes U+0000 inside a string).
 *   <li><b>{@code maxNumberLength} counts every character of the literal</b> (sign, point, exponent
 *       marker and sign), as {@link JsonLimits} documents; Jackson counts digits only.
 *   <li>An exponent that does not fit a {@code BigDecimal} ({@code 1e2147483648}) is {@code
 *       MALFORMED_INPUT}; the Jackson-based reader let a {@code NumberFormatException} escape. So is a
 *       number whose exponent fits but whose value, written back in scientific notation, would not
 *       ({@code 10e2147483647} is {@code 1.0E+2147483648}): parse, write, parse always round-trips.
 * </ul>
 * Limits are enforced in Jackson's order, so that an input beyond two of them gets the same code:
 * a member or element is counted against {@code maxMembers} after a number (its syntax and length) or
 * a literal is read, but before a string value is decoded, a number converted or a nested value
 * entered; nesting depth is checked before that count for array elements and after it for member
 * values. {@code maxStringLength} counts UTF-16 units for string values and UTF-8 bytes for member
 * names (as Jackson's {@code StreamReadConstraints} do), checked once the string is complete; an
 * integer beyond the {@code long} range also counts against it (Jackson held such a literal as text).
 * Anything other than whitespace after the object, or a top level that is not an object, is {@code
 * MALFORMED_INPUT} at its first byte, where Jackson tokenized it first and could report an over-long
 * number there as {@code INPUT_TOO_LARGE}.
 *
 * <p>It is on the path of every token verification, so it works on the byte array with an index: plain
 * ASCII string content is scanned eight bytes at a time and copied as a compact (Latin-1) string; the
 * well-known JOSE member names come back as shared strings ({@link JsonNames}); integers of up to 18
 * digits are accumulated without allocating; only escaped or non-ASCII strings take the decoding path.
 *
 * <h2>Security</h2>
 * Error messages give a byte offset and what was expected, never input content: tokens are untrusted
 * and may carry secrets. Nesting is checked before each recursive step, so the stack depth is bounded
 * by {@code maxDepth}. Work and allocation are linear in the input.
 *
 * <h2>Thread safety</h2>
 * An instance parses one document on one thread; {@link #parseObject} creates a fresh instance per call.
 */
final class JsonReader {

  private static final int MAX_FAST_DIGITS = 18;
  private static final int SMALL_INTEGER = 0;
  private static final int BIG_INTEGER = 1;
  private static final int DECIMAL = 2;

  private final byte[] in;
  private final int end;
  private final JsonLimits limits;
  private int pos;
  private int budget;
  private char[] scratch;
  private long scannedValue;

  private JsonReader(byte[] in, JsonLimits limits) {
    this.in = in;
    this.end = in.length;
    this.limits = limits;
    this.budget = limits.maxMembers();
  }

  /** Parses a UTF-8 document whose top level must be an object; the caller has checked the byte limit. */
  static Map<String, Object> parseObject(byte[] utf8, JsonLimits limits) {
    JsonReader reader = new JsonReader(utf8, limits);
    reader.skipWhitespace();
    if (reader.pos >= reader.end || reader.in[reader.pos] != '{') {
      throw malformed(reader.pos, "expected a JSON object");
    }
    Map<String, Object> result = reader.readObject(1);
    reader.skipWhitespace();
    if (reader.pos != reader.end) {
      throw malformed(reader.pos, "expected the end of input after the JSON object");
    }
    return result;
  }

  // ---------------------------------------------------------------------------------------------
  // Structure

  /**
   * Reads an object; {@code pos} is at its '{' and the depth has been checked. Up to {@link
   * SmallJsonObject#MAX_MEMBERS} members are collected in arrays (a {@link SmallJsonObject}); a larger
   * object moves to a {@link LinkedHashMap}.
   */
  private Map<String, Object> readObject(int depth) {
    pos++;
    skipWhitespace();
    if (pos < end && in[pos] == '}') {
      pos++;
      return SmallJsonObject.EMPTY;
    }
    SmallJsonObject.Members members = new SmallJsonObject.Members();
    do {
      if (pos >= end || in[pos] != '"') {
        throw malformed(pos, "expected a member name");
      }
      int nameOffset = pos;
      String name = readString(true);
      skipWhitespace();
      if (pos >= end || in[pos] != ':') {
        throw malformed(pos, "expected ':'");
      }
      pos++;
      skipWhitespace();
      Object value = readValue(depth, false);
      if (!members.add(name, value)) {
        throw new JwkitException(JoseError.DUPLICATE_MEMBER, "duplicate JSON member at offset " + nameOffset);
      }
    } while (another('}'));
    return members.build();
  }

  /** Reads an array; {@code pos} is at its '[' and the depth has been checked. */
  private List<Object> readArray(int depth) {
    pos++;
    skipWhitespace();
    ArrayList<Object> list = new ArrayList<>();
    if (pos < end && in[pos] == ']') {
      pos++;
      return Collections.unmodifiableList(list);
    }
    do {
      list.add(readValue(depth, true));
    } while (another(']'));
    return Collections.unmodifiableList(list);
  }

  /**
   * After a member or an element: consumes a ',' and the whitespace after it and returns {@code true}, or
   * consumes the container's closing byte and returns {@code false}.
   */
  private boolean another(char close) {
    skipWhitespace();
    if (pos < end) {
      byte b = in[pos];
      if (b == ',') {
        pos++;
        skipWhitespace();
        return true;
      }
      if (b == close) {
        pos++;
        return false;
      }
    }
    throw malformed(pos, close == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
  }

  /**
   * Reads the value at {@code pos} inside a container at {@code depth}, spending one unit of the member
   * budget in the order Jackson's streaming reader did (see the class documentation).
   */
  private Object readValue(int depth, boolean element) {
    if (pos >= end) {
      throw malformed(pos, "expected a value");
    }
    switch (in[pos]) {
      case '"':
        spend();
        return readString(false);
      case '{':
        enter(depth + 1, element);
        return readObject(depth + 1);
      case '[':
        enter(depth + 1, element);
        return readArray(depth + 1);
      case 't':
        literal("true");
        spend();
        return Boolean.TRUE;
      case 'f':
        literal("false");
        spend();
        return Boolean.FALSE;
      case 'n':
        literal("null");
        spend();
        return Json.NULL;
      case '-': case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
        int start = pos;
        int kind = scanNumber();
        spend();
        return kind == SMALL_INTEGER ? (Object) scannedValue : numberValue(start, kind);
      default:
        throw malformed(pos, "expected a value");
    }
  }

  /** Checks the depth of a nested value and spends its unit of the budget, before recursing. */
  private void enter(int depth, boolean element) {
    if (element) {
      checkDepth(depth);
      spend();
    } else {
      spend();
      checkDepth(depth);
    }
  }

  private void checkDepth(int depth) {
    if (depth > limits.maxDepth()) {
      throw new JwkitException(JoseError.INPUT_TOO_LARGE,
          "JSON nesting deeper than " + limits.maxDepth() + " at offset " + pos);
    }
  }

  private void spend() {
    if (--budget < 0) {
      throw new JwkitException(JoseError.INPUT_TOO_LARGE,
          "JSON document has more than " + limits.maxMembers() + " members and elements (offset " + pos + ")");
    }
  }

  private void literal(String word) {
    int length = word.length();
    if (end - pos < length) {
      throw malformed(pos, "expected a value");
    }
    for (int i = 1; i < length; i++) {
      if (in[pos + i] != word.charAt(i)) {
        throw malformed(pos, "expected a value");
      }
    }
    pos += length;
    if (pos < end) {
      // As Jackson did, a literal glued to a letter, digit, '_', DEL or non-ASCII byte is one bad token,
      // refused before the member is counted or compared with the others.
      byte next = in[pos];
      if (next < 0 || next >= '0' && next != ']' && next != '}' && Character.isJavaIdentifierPart(next)) {
        throw malformed(pos - length, "expected a value");
      }
    }
  }

  private void skipWhitespace() {
    byte[] in = this.in;
    int i = pos;
    while (i < end) {
      byte b = in[i];
      if (b > ' ' || b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        break;
      }
      i++;
    }
    pos = i;
  }

  // ---------------------------------------------------------------------------------------------
  // Numbers

  /**
   * Scans the number literal at {@code pos} (a '-' or a digit), checks its syntax and length, and
   * returns its kind; a {@link #SMALL_INTEGER}'s value is left in {@link #scannedValue}.
   */
  private int scanNumber() {
    byte[] in = this.in;
    int start = pos;
    int i = start;
    boolean negative = in[i] == '-';
    if (negative) {
      i++;
    }
    int digitsStart = i;
    long value = 0;
    if (i < end && in[i] == '0') {
      i++;
      if (i < end && isDigit(in[i])) {
        throw malformed(digitsStart, "a number may not have leading zeros");
      }
    } else if (i < end && isDigit(in[i])) {
      do {
        value = value * 10 + (in[i] - '0'); // wraps past 18 digits, where the text is parsed instead
        i++;
      } while (i < end && isDigit(in[i]));
    } else {
      throw malformed(i, "expected a digit");
    }
    int digits = i - digitsStart;
    int kind = digits <= MAX_FAST_DIGITS ? SMALL_INTEGER : BIG_INTEGER;
    if (i < end && in[i] == '.') {
      i = requireDigits(i + 1);
      kind = DECIMAL;
    }
    if (i < end && (in[i] == 'e' || in[i] == 'E')) {
      i++;
      if (i < end && (in[i] == '+' || in[i] == '-')) {
        i++;
      }
      i = requireDigits(i);
      kind = DECIMAL;
    }
    if (i - start > limits.maxNumberLength()) {
      throw new JwkitException(JoseError.INPUT_TOO_LARGE,
          "JSON number at offset " + start + " longer than " + limits.maxNumberLength() + " characters");
    }
    pos = i;
    scannedValue = negative ? -value : value;
    return kind;
  }

  /** The value of a scanned {@link #BIG_INTEGER} or {@link #DECIMAL} literal from {@code start} to {@code pos}. */
  private Object numberValue(int start, int kind) {
    int length = pos - start;
    String text = new String(in, start, length, StandardCharsets.ISO_8859_1);
    if (kind == BIG_INTEGER) {
      BigInteger big = new BigInteger(text);
      if (big.bitLength() < Long.SIZE) {
        return big.longValue();
      }
      if (length > limits.maxStringLength()) { // Jackson held such literals as strings, under this limit
        throw new JwkitException(JoseError.INPUT_TOO_LARGE,
            "JSON number at offset " + start + " longer than " + limits.maxStringLength() + " characters");
      }
      return big;
    }
    BigDecimal decimal;
    try {
      decimal = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw malformed(start, "number exponent out of range");
    }
    // Written back (Json.write: 9.2E+2147483661) the exponent would not fit an int and not read again.
    if ((long) decimal.precision() - decimal.scale() - 1 > Integer.MAX_VALUE) {
      throw malformed(start, "number exponent out of range");
    }
    return decimal;
  }

  private int requireDigits(int from) {
    int i = from;
    while (i < end && isDigit(in[i])) {
      i++;
    }
    if (i == from) {
      throw malformed(i, "expected a digit");
    }
    return i;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  // ---------------------------------------------------------------------------------------------
  // Strings

  /** Reads a string at {@code pos} (its opening quote); a member name when {@code name}. */
  private String readString(boolean name) {
    byte[] in = this.in;
    int start = pos + 1;
    int i = JsonStrings.skipPlainAscii(in, start, end);
    while (i < end) {
      byte b = in[i];
      if (b == '"') {
        int length = i - start;
        checkStringLength(length, name, start);
        pos = i + 1;
        String known = name ? JsonNames.lookup(in, start, length) : null;
        return known != null ? known : new String(in, start, length, StandardCharsets.ISO_8859_1);
      }
      if (b < 0x20 || b == '\\') { // negative: a non-ASCII byte
        break;
      }
      i++;
    }
    return readStringSlow(start, i, name);
  }

  /**
   * Continues a string at {@code i}, the first byte that is not plain ASCII: validates UTF-8 up to the
   * closing quote and decodes the range, or switches to escape decoding at the first backslash.
   */
  private String readStringSlow(int start, int from, boolean name) {
    byte[] in = this.in;
    int i = from;
    int units = from - start;
    while (true) {
      if (i >= end) {
        throw malformed(i, "unterminated string");
      }
      byte b = in[i];
      if (b == '"') {
        // valid UTF-8 without escapes: the byte length is the name's UTF-8 length
        checkStringLength(name ? i - start : units, name, start);
        pos = i + 1;
        return new String(in, start, i - start, StandardCharsets.UTF_8);
      }
      if (b == '\\') {
        return readEscapedString(start, name);
      }
      if (b >= 0) {
        if (b < 0x20) {
          throw malformed(i, "unescaped control character in string");
        }
        i++;
        units++;
      } else {
        int length = JsonStrings.sequenceLength(in, i, end);
        i += length;
        units += length == 4 ? 2 : 1;
      }
    }
  }

  /** Decodes a string containing escapes from {@code start} (just after the opening quote). */
  private String readEscapedString(int start, boolean name) {
    byte[] in = this.in;
    char[] out = scratch;
    if (out == null) {
      out = new char[Math.max(32, Math.min(end - start, 256))];
    }
    int n = 0;
    int i = start;
    while (true) {
      if (i >= end) {
        throw malformed(i, "unterminated string");
      }
      if (n + 2 > out.length) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      byte b = in[i];
      if (b == '"') {
        break;
      }
      if (b == '\\') {
        i = JsonStrings.decodeEscape(in, i, end, out, n);
        n += Character.isHighSurrogate(out[n]) ? 2 : 1;
      } else if (b >= 0) {
        if (b < 0x20) {
          throw malformed(i, "unescaped control character in string");
        }
        out[n++] = (char) b;
        i++;
      } else {
        int length = JsonStrings.sequenceLength(in, i, end);
        int cp = JsonStrings.decode(in, i, length);
        if (length == 4) {
          out[n++] = Character.highSurrogate(cp);
          out[n++] = Character.lowSurrogate(cp);
        } else {
          out[n++] = (char) cp;
        }
        i += length;
      }
    }
    scratch = out;
    checkStringLength(name ? JsonStrings.utf8Length(out, n) : n, name, start);
    pos = i + 1;
    return new String(out, 0, n);
  }

  private void checkStringLength(int length, boolean name, int start) {
    if (length > limits.maxStringLength()) {
      throw new JwkitException(JoseError.INPUT_TOO_LARGE, (name ? "JSON member name" : "JSON string")
          + " at offset " + (start - 1) + " longer than " + limits.maxStringLength()
          + (name ? " UTF-8 bytes" : " characters"));
    }
  }

  static JwkitException malformed(int offset, String expected) {
    return new JwkitException(JoseError.MALFORMED_INPUT, "malformed JSON at offset " + offset + ": " + expected);
  }
}
