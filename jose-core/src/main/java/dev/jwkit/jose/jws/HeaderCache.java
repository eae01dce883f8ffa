package dev.jwkit.jose.jws;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * A small direct-mapped cache from a header segment (the base64url text) to its parsed {@link JwsHeader}.
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
  static final int MAX_SEGMENT = 1024;

  private static final class Entry {
    final String segment;
    final int hash;
    final JwsHeader header;

    Entry(String segment, int hash, JwsHeader header) {
      this.segment = segment;
      this.hash = hash;
      this.header = header;
    }
  }

  private final AtomicReferenceArray<@Nullable Entry> slots = new AtomicReferenceArray<>(SLOTS);

  static int hash(String text, int start, int end) {
    int h = 1;
    for (int i = start; i < end; i++) {
      h = 31 * h + text.charAt(i);
    }
    return h ^ (h >>> 16);
  }

  @Nullable JwsHeader get(String token, int start, int end, int hash) {
    Entry entry = slots.get(hash & (SLOTS - 1));
    if (entry != null && entry.hash == hash && entry.segment.length() == end - start
        && entry.segment.regionMatches(0, token, start, end - start)) {
      return entry.header;
    }
    return null;
  }

  void put(String token, int start, int end, int hash, JwsHeader header) {
    if (end - start <= MAX_SEGMENT) {
      slots.set(hash & (SLOTS - 1), new Entry(token.substring(start, end), hash, header));
    }
  }
}
