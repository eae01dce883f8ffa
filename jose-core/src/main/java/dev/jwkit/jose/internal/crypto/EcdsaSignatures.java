package dev.jwkit.jose.internal.crypto;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import java.math.BigInteger;

/**
 * Protocol-level checks and encodings of ECDSA signatures: the JWS form is the fixed-length
 * {@code R‖S} of RFC 7518 §3.4 (IEEE P1363), never DER.
 *
 * <p>{@link #isWellFormed} is the guard against CVE-2022-21449 ("psychic signatures"): it runs before any
 * JCA call and refuses a signature whose length is not exactly twice the coordinate length or whose
 * {@code r} or {@code s} is outside {@code [1, n-1]}, whatever the provider would do.
 *
 * <p>This class is stateless and safe for concurrent use.
 */
public final class EcdsaSignatures {

  private EcdsaSignatures() {}

  /**
   * Whether {@code signature} is a fixed-length {@code R‖S} with {@code 1 ≤ r, s ≤ n-1}.
   *
   * @param signature the signature bytes
   * @param coordinateLength the byte length of one of {@code r}, {@code s} (32, 48, 66)
   * @param order the curve order {@code n}
   */
  public static boolean isWellFormed(byte[] signature, int coordinateLength, BigInteger order) {
    if (signature.length != 2 * coordinateLength) {
      return false;
    }
    return inRange(new BigInteger(1, signature, 0, coordinateLength), order)
        && inRange(new BigInteger(1, signature, coordinateLength, coordinateLength), order);
  }

  private static boolean inRange(BigInteger value, BigInteger order) {
    return value.signum() > 0 && value.compareTo(order) < 0;
  }

  /**
   * Converts an ASN.1 DER {@code ECDSA-Sig-Value} to the fixed-length {@code R‖S} form.
   *
   * @throws JwkitException {@link JoseError#MALFORMED_INPUT} if the DER is not a strict two-INTEGER
   *     SEQUENCE or an integer does not fit the coordinate length
   */
  public static byte[] derToP1363(byte[] der, int coordinateLength) {
    int[] pos = {0};
    expect(der, pos, 0x30);
    int seqLength = readLength(der, pos);
    if (pos[0] + seqLength != der.length) {
      throw malformed("DER sequence length does not match");
    }
    byte[] out = new byte[2 * coordinateLength];
    readInteger(der, pos, out, 0, coordinateLength);
    readInteger(der, pos, out, coordinateLength, coordinateLength);
    if (pos[0] != der.length) {
      throw malformed("trailing bytes after the DER signature");
    }
    return out;
  }

  /** Converts a fixed-length {@code R‖S} signature to ASN.1 DER (minimal INTEGER encodings). */
  public static byte[] p1363ToDer(byte[] rs) {
    if (rs.length == 0 || rs.length % 2 != 0) {
      throw malformed("R‖S signature has an odd or zero length");
    }
    int half = rs.length / 2;
    byte[] r = new BigInteger(1, rs, 0, half).toByteArray();
    byte[] s = new BigInteger(1, rs, half, half).toByteArray();
    int body = 2 + lengthOfLength(r.length) + r.length + lengthOfLength(s.length) + s.length;
    byte[] out = new byte[1 + lengthOfLength(body) + body];
    int o = 0;
    out[o++] = 0x30;
    o = writeLength(out, o, body);
    out[o++] = 0x02;
    o = writeLength(out, o, r.length);
    System.arraycopy(r, 0, out, o, r.length);
    o += r.length;
    out[o++] = 0x02;
    o = writeLength(out, o, s.length);
    System.arraycopy(s, 0, out, o, s.length);
    return out;
  }

  private static int lengthOfLength(int length) {
    return length < 0x80 ? 1 : (length < 0x100 ? 2 : 3);
  }

  private static int writeLength(byte[] out, int o, int length) {
    if (length < 0x80) {
      out[o++] = (byte) length;
    } else if (length < 0x100) {
      out[o++] = (byte) 0x81;
      out[o++] = (byte) length;
    } else {
      out[o++] = (byte) 0x82;
      out[o++] = (byte) (length >> 8);
      out[o++] = (byte) length;
    }
    return o;
  }

  private static void expect(byte[] der, int[] pos, int tag) {
    if (pos[0] >= der.length || (der[pos[0]] & 0xFF) != tag) {
      throw malformed("unexpected DER tag");
    }
    pos[0]++;
  }

  private static int readLength(byte[] der, int[] pos) {
    if (pos[0] >= der.length) {
      throw malformed("truncated DER length");
    }
    int first = der[pos[0]++] & 0xFF;
    if (first < 0x80) {
      return first;
    }
    if (first == 0x81) {
      if (pos[0] >= der.length) {
        throw malformed("truncated DER length");
      }
      int length = der[pos[0]++] & 0xFF;
      if (length < 0x80) {
        throw malformed("non-minimal DER length");
      }
      return length;
    }
    throw malformed("unsupported DER length form");
  }

  private static void readInteger(byte[] der, int[] pos, byte[] out, int outOffset, int coordinateLength) {
    expect(der, pos, 0x02);
    int length = readLength(der, pos);
    if (length == 0 || pos[0] + length > der.length) {
      throw malformed("bad DER integer length");
    }
    int start = pos[0];
    if ((der[start] & 0x80) != 0) {
      throw malformed("negative DER integer");
    }
    if (length > 1 && der[start] == 0 && (der[start + 1] & 0x80) == 0) {
      throw malformed("non-minimal DER integer");
    }
    int skip = der[start] == 0 && length > 1 ? 1 : 0;
    int valueLength = length - skip;
    if (valueLength > coordinateLength) {
      throw malformed("DER integer too large for the curve");
    }
    System.arraycopy(der, start + skip, out, outOffset + coordinateLength - valueLength, valueLength);
    pos[0] += length;
  }

  private static JwkitException malformed(String detail) {
    return new JwkitException(JoseError.MALFORMED_INPUT, "invalid ECDSA signature encoding: " + detail);
  }
}
