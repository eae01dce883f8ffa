package dev.jwkit.jose.jws;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * A small direct-mapped cache from a header segment (the base64url text, as ASCII bytes) to its parsed {@link JwsHeader}.
 *
 * <p>Tokens from one issuer share a handful of headers, and parsing the header JSON is a large part of
 * verifying an HMAC token. The parse result depends only on the segment's characters and a header is
 * immutable, so a hit is exactly what a fresh parse would give. Only successful parses are cached, only
 * segments up to {@link #MAX_SEGMENT} characters, in {@link #SLOTS} slots: an attacker who sends many
 * distinct headers only evicts entries (bounded memory, at most about 256 KiB of keys).
 *
 * <p>Lookups compare the segment in place and allocate nothing. Safe for concurrent use: each slot holds
 * an immutable entry, replaced with a plain volatile write.
 */
final class HeaderCache {

  static final int SLOTS = 256;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long MIX = 0x9E3779B97F4A7C15L;
  static final int MAX_SEGMENT = 1024;

  private static final class Entry {
    final byte[] segment;
    final int hash;
    final JwsHeader header;

    Entry(byte[] segment, int hash, JwsHeader header) {
      this.segment = segment;
      this.hash = hash;
      this.header = header;
    }
  }

  private final AtomicReferenceArray<@Nullable Entry> slots = new AtomicReferenceArray<>(SLOTS);

  /**
   * A slot hash of {@code text[start, end)}, eight bytes at a time (a byte-at-a-time polynomial was a
   * tenth of an HS256 verification). Its quality only affects hit rates: a hit is always confirmed by
   * comparing every byte.
   */
  static int hash(byte[] text, int start, int end) {
    long h = end - start;
    int i = start;
    for (; i + Long.BYTES <= end; i += Long.BYTES) {
      h = (h ^ (long) LONGS.get(text, i)) * MIX;
    }
    for (; i < end; i++) {
      h = (h ^ text[i]) * MIX;
    }
    return (int) (h ^ (h >>> 32));
  }

  @Nullable JwsHeader get(byte[] token, int start, int end, int hash) {
    Entry entry = slots.get(hash & (SLOTS - 1));
    if (entry != null && entry.hash == hash
        && Arrays.equals(entry.segment, 0, entry.segment.length, token, start, end)) {
      return entry.header;
    }
    return null;
  }

  void put(byte[] token, int start, int end, int hash, JwsHeader header) {
    if (end - start <= MAX_SEGMENT) {
      slots.set(hash & (SLOTS - 1), new Entry(Arrays.copyOfRange(token, start, end), hash, header));
    }
  }
}
