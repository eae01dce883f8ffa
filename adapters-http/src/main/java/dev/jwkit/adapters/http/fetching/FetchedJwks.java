package dev.jwkit.adapters.http.fetching;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What one fetch of a JWKS document returned: the body (or "not modified" for a conditional request) and
 * the cache metadata the server sent.
 *
 * <p>{@code maxAge} is the freshness lifetime the server advertised ({@code Cache-Control: max-age} minus
 * {@code Age}, or {@code Expires} minus {@code Date}); {@code no-cache}/{@code no-store} give zero. It is
 * empty when the server sent neither; the caching key source then applies its own default.
 *
 * <p>Instances are immutable and safe for concurrent use; the body array is copied in and out.
 *
 * @param body the document bytes (UTF-8 JSON, already decompressed); empty when {@code notModified}
 * @param etag the strong or weak entity tag sent by the server, as sent (with quotes)
 * @param maxAge the advertised freshness lifetime
 * @param notModified {@code true} when the server answered 304 to {@code If-None-Match}
 */
public record FetchedJwks(byte[] body, Optional<String> etag, Optional<Duration> maxAge, boolean notModified) {

  /** Validates and copies. */
  public FetchedJwks {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(maxAge, "maxAge");
    if (notModified && body.length != 0) {
      throw new IllegalArgumentException("a not-modified result has no body");
    }
    maxAge.ifPresent(a -> {
      if (a.isNegative()) {
        throw new IllegalArgumentException("maxAge must not be negative");
      }
    });
    body = body.clone();
  }

  /**
   * A 2xx result with a body.
   *
   * @param body the document bytes
   * @param etag the entity tag, if any
   * @param maxAge the advertised freshness, if any
   * @return the result
   */
  public static FetchedJwks of(byte[] body, Optional<String> etag, Optional<Duration> maxAge) {
    return new FetchedJwks(body, etag, maxAge, false);
  }

  /**
   * A 304 result: the cached set is still current.
   *
   * @param etag the entity tag, if the server repeated it
   * @param maxAge the advertised freshness, if any
   * @return the result
   */
  public static FetchedJwks notModified(Optional<String> etag, Optional<Duration> maxAge) {
    return new FetchedJwks(new byte[0], etag, maxAge, true);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FetchedJwks
        && Arrays.equals(body, ((FetchedJwks) o).body)
        && etag.equals(((FetchedJwks) o).etag)
        && maxAge.equals(((FetchedJwks) o).maxAge)
        && notModified == ((FetchedJwks) o).notModified;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(body), etag, maxAge, notModified);
  }

  @Override
  public String toString() {
    return "FetchedJwks[bytes=" + body.length + ", etag=" + etag.orElse("-") + ", maxAge="
        + maxAge.map(Duration::toString).orElse("-") + ", notModified=" + notModified + "]";
  }
}
