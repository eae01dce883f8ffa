package dev.jwkit.jwks.port;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of a {@link JwksFetcher}: either a new document, or "not modified" (HTTP 304 to a
 * conditional request), with the cache metadata the server sent.
 *
 * @param body the document's bytes; empty when {@link #notModified()}
 * @param notModified whether the server confirmed the cached document (304)
 * @param etag the {@code ETag} to send as {@code If-None-Match} next time
 * @param maxAge the freshness lifetime the server gave ({@code Cache-Control: max-age}, or {@code Expires}
 *     minus {@code Date}); empty if it gave none
 * @param fetchedAt when the response was received
 */
public record FetchedJwks(byte[] body, boolean notModified, Optional<String> etag, Optional<Duration> maxAge,
    Instant fetchedAt) {

  /** Validates and copies. */
  public FetchedJwks {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    body = body.clone();
    if (notModified && body.length != 0) {
      throw new IllegalArgumentException("a not-modified answer has no body");
    }
    if (maxAge.isPresent() && maxAge.get().isNegative()) {
      throw new IllegalArgumentException("maxAge must not be negative");
    }
  }

  /** A new document without cache metadata. */
  public static FetchedJwks of(byte[] body, Instant fetchedAt) {
    return new FetchedJwks(body, false, Optional.empty(), Optional.empty(), fetchedAt);
  }

  /** A 304 answer without cache metadata: the cached document is still current. */
  public static FetchedJwks notModified(Instant fetchedAt) {
    return new FetchedJwks(new byte[0], true, Optional.empty(), Optional.empty(), fetchedAt);
  }

  /** This answer with the server's {@code ETag}. */
  public FetchedJwks withEtag(String newEtag) {
    return new FetchedJwks(body, notModified, Optional.of(newEtag), maxAge, fetchedAt);
  }

  /** This answer with the server's freshness lifetime. */
  public FetchedJwks withMaxAge(Duration newMaxAge) {
    return new FetchedJwks(body, notModified, etag, Optional.of(newMaxAge), fetchedAt);
  }

  /** The document's bytes (a copy). */
  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof FetchedJwks)) {
      return false;
    }
    FetchedJwks f = (FetchedJwks) o;
    return notModified == f.notModified && MessageDigest.isEqual(body, f.body) && etag.equals(f.etag)
        && maxAge.equals(f.maxAge) && fetchedAt.equals(f.fetchedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(body), notModified, etag, maxAge, fetchedAt);
  }

  @Override
  public String toString() {
    return "FetchedJwks[" + (notModified ? "not modified" : body.length + " bytes") + ", etag=" + etag.orElse("-")
        + ", maxAge=" + maxAge.map(Duration::toString).orElse("-") + ", fetchedAt=" + fetchedAt + "]";
  }
}
