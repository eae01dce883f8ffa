package dev.jwkit.jwks.port;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A key set as persisted by a {@link LastKnownGoodStore}: the document bytes as fetched (public keys
 * only), its entity tag, when it was last validated with the server, and when it stopped being fresh.
 *
 * @param body the JWKS document (UTF-8 JSON)
 * @param etag the entity tag the server sent, if any
 * @param validatedAt when the server last confirmed this set
 * @param expiresAt when the set stops being fresh
 */
public record StoredKeySet(byte[] body, Optional<String> etag, Instant validatedAt, Instant expiresAt) {

  /** Validates and copies. */
  public StoredKeySet {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(validatedAt, "validatedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredKeySet
        && MessageDigest.isEqual(body, ((StoredKeySet) o).body)
        && etag.equals(((StoredKeySet) o).etag)
        && validatedAt.equals(((StoredKeySet) o).validatedAt)
        && expiresAt.equals(((StoredKeySet) o).expiresAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(body), etag, validatedAt, expiresAt);
  }

  @Override
  public String toString() {
    return "StoredKeySet[bytes=" + body.length + ", etag=" + etag.orElse("-") + ", validatedAt=" + validatedAt
        + ", expiresAt=" + expiresAt + "]";
  }
}
