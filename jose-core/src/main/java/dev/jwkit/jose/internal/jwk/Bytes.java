package dev.jwkit.jose.internal.jwk;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;

/** Byte-level helpers for key members: unsigned big-endian integers and constant-time comparison. */
public final class Bytes {

  private Bytes() {}

  /** The positive integer whose unsigned big-endian encoding is {@code bytes}. */
  public static BigInteger unsigned(byte[] bytes) {
    return new BigInteger(1, bytes);
  }

  /** The minimal unsigned big-endian encoding of a non-negative integer (zero encodes as one zero byte). */
  public static byte[] minimal(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("negative value");
    }
    byte[] raw = value.toByteArray();
    if (raw.length > 1 && raw[0] == 0) {
      return Arrays.copyOfRange(raw, 1, raw.length);
    }
    return raw;
  }

  /**
   * The unsigned big-endian encoding of {@code value} left-padded with zeros to exactly {@code length}
   * bytes.
   *
   * @throws IllegalArgumentException if the value does not fit
   */
  public static byte[] fixed(BigInteger value, int length) {
    byte[] raw = minimal(value);
    if (raw.length > length) {
      throw new IllegalArgumentException("value does not fit in " + length + " bytes");
    }
    byte[] out = new byte[length];
    System.arraycopy(raw, 0, out, length - raw.length, raw.length);
    Arrays.fill(raw, (byte) 0);
    return out;
  }

  /** Constant-time (in the contents) equality of two byte arrays. */
  public static boolean constantTimeEquals(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }

  /** Whether the first byte is zero (a non-minimal unsigned encoding of a non-zero value). */
  public static boolean hasLeadingZero(byte[] bytes) {
    return bytes.length > 0 && bytes[0] == 0;
  }
}
