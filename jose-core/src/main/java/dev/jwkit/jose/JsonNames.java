package dev.jwkit.jose;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The member names that JOSE documents use over and over (JOSE header parameters, registered and common
 * JWT claims, JWK members), so that {@link JsonReader} can return a shared {@code String} for them
 * instead of allocating and hashing a new one per document.
 *
 * <p>A name of one to eight ASCII bytes is packed into a {@code long} (its bytes are never 0: control
 * characters are not allowed unescaped) and looked up in a small open-addressing table.
 *
 * <h2>Thread safety</h2>
 * The table is built once and never changes; lookups are safe for concurrent use.
 */
final class JsonNames {

  private static final String[] NAMES = {
      // JOSE header (RFC 7515, 7516, 7797, 8555)
      "alg", "enc", "zip", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty", "crit", "b64",
      "url", "nonce", "epk", "apu", "apv", "iv", "tag", "p2s", "p2c",
      // JWT claims (RFC 7519, 8693, 9068, OIDC)
      "iss", "sub", "aud", "exp", "nbf", "iat", "jti", "scope", "scp", "azp", "acr", "amr", "sid", "cnf", "act",
      "roles", "groups", "email", "name", "tid", "oid", "ver", "idp",
      // JWK and JWK Set (RFC 7517, 7518, 8037)
      "keys", "kty", "use", "key_ops", "crv", "x", "y", "d", "n", "e", "p", "q", "dp", "dq", "qi", "k", "oth",
      "ext"};

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int SLOTS = 256;
  private static final long[] KEYS = new long[SLOTS];
  private static final String[] VALUES = new String[SLOTS];

  static {
    for (String name : NAMES) {
      byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
      long key = pack(bytes, 0, bytes.length);
      int slot = slot(key);
      while (KEYS[slot] != 0) {
        slot = (slot + 1) & (SLOTS - 1);
      }
      KEYS[slot] = key;
      VALUES[slot] = name;
      name.hashCode(); // cached in the String: map lookups and inserts with it skip hashing
    }
  }

  private JsonNames() {}

  /**
   * The shared string for the ASCII name in {@code in[start, start + length)}, or {@code null} when it is
   * not a known name. The caller has checked that the bytes are ASCII without control characters.
   */
  static String lookup(byte[] in, int start, int length) {
    if (length == 0 || length > Long.BYTES) {
      return null;
    }
    long key = pack(in, start, length);
    int slot = slot(key);
    long candidate;
    while ((candidate = KEYS[slot]) != 0) {
      if (candidate == key) {
        return VALUES[slot];
      }
      slot = (slot + 1) & (SLOTS - 1);
    }
    return null;
  }

  private static long pack(byte[] in, int start, int length) {
    if (in.length - start >= Long.BYTES) { // one little-endian load, cut to the name's bytes
      long word = (long) LONGS.get(in, start);
      return length == Long.BYTES ? word : word & ((1L << (length << 3)) - 1);
    }
    long key = 0;
    for (int i = start + length - 1; i >= start; i--) {
      key = key << 8 | in[i];
    }
    return key;
  }

  private static int slot(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> 56);
  }
}
