package dev.jwkit.jose;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Strict base64url (RFC 4648 §5) without padding, as RFC 7515 §2 requires for every JOSE member.
 *
 * <p>{@link #decode} accepts exactly the canonical encoding: only {@code [A-Za-z0-9_-]}, no padding, no
 * whitespace or line breaks, a length that is not 1 modulo 4, and zero bits in the unused low bits of
 * the last character. So {@code encode(decode(s)).equals(s)} holds for every accepted {@code s}, and two
 * different strings never decode to the same bytes.
 *
 * <p>This class is stateless and safe for concurrent use.
 */
public final class Base64Url {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder JDK_DECODER = Base64.getUrlDecoder();
  private static final int FAST_PATH_MIN_LENGTH = 128;
  private static final byte[] VALUES = new byte[128];
  /** The same table indexed by an unsigned byte, as ints: -1 (all bits set) outside the alphabet. */
  private static final int[] BYTE_VALUES = new int[256];

  static {
    Arrays.fill(VALUES, (byte) -1);
    Arrays.fill(BYTE_VALUES, -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < alphabet.length(); i++) {
      VALUES[alphabet.charAt(i)] = (byte) i;
      BYTE_VALUES[alphabet.charAt(i)] = i;
    }
  }

  private Base64Url() {}

  /** Encodes bytes as unpadded base64url. */
  public static String encode(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return new String(ENCODER.encode(bytes), StandardCharsets.ISO_8859_1);
  }

  /** Encodes the UTF-8 bytes of a string as unpadded base64url. */
  public static String encodeUtf8(String text) {
    Objects.requireNonNull(text, "text");
    return encode(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes a canonical unpadded base64url string.
   *
   * @throws JwkitException {@link JoseError#MALFORMED_INPUT} if the input is not canonical base64url
   */
  public static byte[] decode(CharSequence text) {
    Objects.requireNonNull(text, "text");
    if (text instanceof String) {
      byte[] fast = decodeFast((String) text);
      if (fast != null) {
        return fast;
      }
    }
    return decode(text, 0, text.length());
  }

  /**
   * The JDK's decoder (several times faster: JWK sets decode every modulus) behind the checks it does not
   * make itself: no {@code '='} and zero unused bits. Returns null for anything it does not accept, and the
   * strict decoder below then produces the exact error.
   */
  private static byte[] decodeFast(String text) {
    int remainder = text.length() & 3;
    if (remainder == 1 || text.indexOf('=') >= 0) {
      return null;
    }
    if (remainder != 0) {
      char last = text.charAt(text.length() - 1);
      int v = last < 128 ? VALUES[last] : -1;
      if (v < 0 || (remainder == 2 ? v & 0x0F : v & 0x03) != 0) {
        return null;
      }
    }
    try {
      return JDK_DECODER.decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Decodes the canonical unpadded base64url in {@code text[start, end)}, without copying the range.
   *
   * @throws JwkitException {@link JoseError#MALFORMED_INPUT} if the range is not canonical base64url
   * @throws IndexOutOfBoundsException if the range is not within the text
   */
  public static byte[] decode(CharSequence text, int start, int end) {
    Objects.requireNonNull(text, "text");
    Objects.checkFromToIndex(start, end, text.length());
    int length = end - start;
    int remainder = length & 3;
    if (remainder == 1) {
      throw malformed("length is not a valid base64url length");
    }
    // One strict decoder: the range as bytes, anything above ASCII mapped to a byte outside the alphabet.
    byte[] ascii = new byte[length];
    for (int k = 0; k < length; k++) {
      char c = text.charAt(start + k);
      ascii[k] = c < 0x80 ? (byte) c : (byte) 0x80;
    }
    return decodeStrict(ascii, 0, length, remainder, (length / 4) * 3 + (remainder == 0 ? 0 : remainder - 1), start);
  }

  /**
   * Decodes the canonical unpadded base64url held as ASCII bytes in {@code ascii[start, end)}: the same
   * rules as {@link #decode(CharSequence, int, int)}, for callers that already hold the bytes (a token's
   * segments). Any byte outside the alphabet, including any byte of 0x80 or above, is refused.
   *
   * @throws JwkitException {@link JoseError#MALFORMED_INPUT} if the range is not canonical base64url
   * @throws IndexOutOfBoundsException if the range is not within the array
   */
  public static byte[] decode(byte[] ascii, int start, int end) {
    Objects.requireNonNull(ascii, "ascii");
    Objects.checkFromToIndex(start, end, ascii.length);
    int length = end - start;
    int remainder = length & 3;
    if (remainder == 1) {
      throw malformed("length is not a valid base64url length");
    }
    int outLength = (length / 4) * 3 + (remainder == 0 ? 0 : remainder - 1);
    // Short inputs (a signature) decode faster in the loop than through the JDK's buffers.
    byte[] fast = length < FAST_PATH_MIN_LENGTH ? null : decodeFast(ascii, start, end, remainder, outLength);
    return fast != null ? fast : decodeStrict(ascii, start, end, remainder, outLength, 0);
  }

  /**
   * The JDK's decoder (about three times faster on this path) behind the checks it does not make: it
   * refuses every byte outside the URL alphabet but '=', and ignores unused bits. Padding shows as a
   * shorter result, unused bits are checked here; anything else it refuses, or any doubt, returns null
   * and the strict decoder produces the exact error.
   */
  private static byte @Nullable [] decodeFast(byte[] ascii, int start, int end, int remainder, int outLength) {
    if (remainder != 0) {
      int last = BYTE_VALUES[ascii[end - 1] & 0xFF];
      if (last < 0 || (remainder == 2 ? last & 0x0F : last & 0x03) != 0) {
        return null;
      }
    }
    ByteBuffer decoded;
    try {
      decoded = JDK_DECODER.decode(ByteBuffer.wrap(ascii, start, end - start));
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (decoded.position() != 0 || decoded.remaining() != outLength || !decoded.hasArray()
        || decoded.arrayOffset() != 0 || decoded.array().length != outLength) {
      return null; // padding made it shorter (or an unexpected buffer): let the strict decoder say why
    }
    return decoded.array();
  }

  /** The strict decoder; error offsets are reported as {@code index + offsetShift}. */
  private static byte[] decodeStrict(byte[] ascii, int start, int end, int remainder, int outLength, int offsetShift) {
    int length = end - start;
    byte[] out = new byte[outLength];
    int[] values = BYTE_VALUES;
    int o = 0;
    int i = start;
    int fullEnd = start + (length - remainder);
    while (i < fullEnd) {
      int bits = values[ascii[i] & 0xFF] << 18 | values[ascii[i + 1] & 0xFF] << 12
          | values[ascii[i + 2] & 0xFF] << 6 | values[ascii[i + 3] & 0xFF];
      if (bits < 0) { // -1 has every bit set, so any invalid byte makes the whole quantum negative
        throw outsideAlphabet(ascii, i, i + 4, offsetShift);
      }
      out[o++] = (byte) (bits >> 16);
      out[o++] = (byte) (bits >> 8);
      out[o++] = (byte) bits;
      i += 4;
    }
    if (remainder != 0) {
      int a = values[ascii[i] & 0xFF];
      int b = values[ascii[i + 1] & 0xFF];
      int c = remainder == 3 ? values[ascii[i + 2] & 0xFF] : 0;
      if ((a | b | c) < 0) {
        throw outsideAlphabet(ascii, i, i + remainder, offsetShift);
      }
      if ((remainder == 2 ? b & 0x0F : c & 0x03) != 0) {
        throw malformed("non-zero unused bits in the last character");
      }
      out[o++] = (byte) (a << 2 | b >> 4);
      if (remainder == 3) {
        out[o] = (byte) (b << 4 | c >> 2);
      }
    }
    return out;
  }

  private static JwkitException outsideAlphabet(byte[] ascii, int from, int to, int offsetShift) {
    int index = from;
    while (index < to - 1 && BYTE_VALUES[ascii[index] & 0xFF] >= 0) {
      index++;
    }
    return malformed("character outside the base64url alphabet at offset " + (index + offsetShift));
  }

  /** Whether {@code text} is canonical unpadded base64url (what {@link #decode} accepts). */
  public static boolean isCanonical(CharSequence text) {
    try {
      decode(text);
      return true;
    } catch (JwkitException e) {
      return false;
    }
  }

  private static JwkitException malformed(String detail) {
    return new JwkitException(JoseError.MALFORMED_INPUT, "invalid base64url: " + detail);
  }
}
