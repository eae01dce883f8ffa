package dev.jwkit.jose;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * String content for {@link JsonReader}: a word-at-a-time scan over plain ASCII, strict UTF-8 validation
 * and decoding of multi-byte sequences (RFC 3629), and escape sequences (RFC 8259 §7).
 *
 * <h2>Security</h2>
 * Only shortest-form UTF-8 sequences of scalar values are accepted: no stray or missing continuation
 * bytes, no truncation, no overlong forms, no encoded surrogates, nothing above U+10FFFF. Escapes are the
 * eight short forms and {@code \}{@code uXXXX}; a surrogate escape must be half of a pair written as
 * two escapes (I-JSON, RFC 7493 §2.1). Errors are {@link JoseError#MALFORMED_INPUT} with the byte offset
 * only.
 *
 * <h2>Thread safety</h2>
 * Stateless static methods.
 */
final class JsonStrings {

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private JsonStrings() {}

  /**
   * Skips eight bytes at a time while none is a quote, a backslash, a control character or non-ASCII
   * (SWAR: each test flags a byte in its high bit; the lowest flag is exact, as borrows only run upward
   * from a flagged byte); returns where the byte-wise scan continues.
   */
  static int skipPlainAscii(byte[] in, int from, int end) {
    int i = from;
    while (end - i >= Long.BYTES) {
      long word = (long) LONGS.get(in, i);
      long quote = word ^ 0x2222222222222222L;
      long backslash = word ^ 0x5C5C5C5C5C5C5C5CL;
      long special = word // high bit: non-ASCII
          | (word - 0x2020202020202020L) & ~word // below 0x20
          | (quote - 0x0101010101010101L) & ~quote
          | (backslash - 0x0101010101010101L) & ~backslash;
      special &= 0x8080808080808080L;
      if (special != 0) {
        return i + (Long.numberOfTrailingZeros(special) >>> 3);
      }
      i += Long.BYTES;
    }
    return i;
  }

  /**
   * Validates the UTF-8 sequence whose lead byte (non-ASCII) is at {@code i} (RFC 3629 §4: shortest
   * form, no surrogates, at most U+10FFFF) and returns its length in bytes.
   */
  static int sequenceLength(byte[] in, int i, int end) {
    int lead = in[i] & 0xFF;
    int length;
    int min = 0x80;
    int max = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) {
        min = 0xA0; // overlong below U+0800
      } else if (lead == 0xED) {
        max = 0x9F; // U+D800..U+DFFF
      }
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) {
        min = 0x90; // overlong below U+10000
      } else if (lead == 0xF4) {
        max = 0x8F; // above U+10FFFF
      }
    } else {
      throw JsonReader.malformed(i, "invalid UTF-8 lead byte");
    }
    if (end - i < length) {
      throw JsonReader.malformed(i, "truncated UTF-8 sequence");
    }
    int second = in[i + 1] & 0xFF;
    if (second < min || second > max) {
      throw JsonReader.malformed(i + 1, "invalid UTF-8 continuation byte");
    }
    for (int k = 2; k < length; k++) {
      if ((in[i + k] & 0xC0) != 0x80) {
        throw JsonReader.malformed(i + k, "invalid UTF-8 continuation byte");
      }
    }
    return length;
  }

  /** Decodes a sequence already validated by {@link #sequenceLength}. */
  static int decode(byte[] in, int i, int length) {
    int lead = in[i] & 0xFF;
    if (length == 2) {
      return (lead & 0x1F) << 6 | in[i + 1] & 0x3F;
    }
    if (length == 3) {
      return (lead & 0x0F) << 12 | (in[i + 1] & 0x3F) << 6 | in[i + 2] & 0x3F;
    }
    return (lead & 0x07) << 18 | (in[i + 1] & 0x3F) << 12 | (in[i + 2] & 0x3F) << 6 | in[i + 3] & 0x3F;
  }

  /** The UTF-8 length of well-formed UTF-16 (surrogates are always paired here: 2 + 2 bytes). */
  static int utf8Length(char[] chars, int n) {
    int length = 0;
    for (int k = 0; k < n; k++) {
      char c = chars[k];
      length += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return length;
  }

  /**
   * Decodes the escape at {@code i} into {@code out[n]} (and {@code out[n + 1]} for a surrogate pair,
   * which must be written as two {@code \}{@code u} escapes); returns the index after it.
   */
  static int decodeEscape(byte[] in, int i, int end, char[] out, int n) {
    if (i + 1 >= end) {
      throw JsonReader.malformed(i, "unterminated string");
    }
    switch (in[i + 1]) {
      case '"': out[n] = '"'; return i + 2;
      case '\\': out[n] = '\\'; return i + 2;
      case '/': out[n] = '/'; return i + 2;
      case 'b': out[n] = '\b'; return i + 2;
      case 'f': out[n] = '\f'; return i + 2;
      case 'n': out[n] = '\n'; return i + 2;
      case 'r': out[n] = '\r'; return i + 2;
      case 't': out[n] = '\t'; return i + 2;
      case 'u':
        break;
      default:
        throw JsonReader.malformed(i, "invalid escape sequence");
    }
    char c = hex4(in, i + 2, end);
    if (Character.isLowSurrogate(c)) {
      throw JsonReader.malformed(i, "unpaired surrogate escape");
    }
    out[n] = c;
    if (!Character.isHighSurrogate(c)) {
      return i + 6;
    }
    if (i + 7 >= end || in[i + 6] != '\\' || in[i + 7] != 'u') {
      throw JsonReader.malformed(i, "unpaired surrogate escape");
    }
    char low = hex4(in, i + 8, end);
    if (!Character.isLowSurrogate(low)) {
      throw JsonReader.malformed(i, "unpaired surrogate escape");
    }
    out[n + 1] = low;
    return i + 12;
  }

  private static char hex4(byte[] in, int from, int end) {
    if (end - from < 4) {
      throw JsonReader.malformed(from, "expected four hex digits");
    }
    int value = 0;
    for (int i = from; i < from + 4; i++) {
      int digit = Character.digit(in[i], 16);
      if (digit < 0) {
        throw JsonReader.malformed(i, "expected a hex digit");
      }
      value = value << 4 | digit;
    }
    return (char) value;
  }
}
