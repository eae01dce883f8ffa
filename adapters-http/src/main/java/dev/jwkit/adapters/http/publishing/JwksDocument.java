package dev.jwkit.adapters.http.publishing;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jose.jwk.PublicJwk;
import dev.jwkit.jwks.model.Publication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * A JSON document ready to serve: serialized once, gzipped once, with a strong entity tag (SHA-256 of
 * the bytes) and the {@code max-age} to advertise. The endpoint swaps whole documents atomically, so no
 * request ever serializes anything.
 *
 * <p>{@link #jwks(List, Duration)} takes {@link PublicJwk}s only: a private or symmetric member cannot be
 * published by construction.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use.
 */
public final class JwksDocument {

  private final byte[] identity;
  private final byte[] gzip;
  private final String etag;
  private final String gzipEtag;
  private final Duration maxAge;

  private JwksDocument(byte[] identity, String tag, Duration maxAge) {
    this.identity = identity;
    this.gzip = gzip(identity);
    this.etag = "\"" + tag + "\"";
    this.gzipEtag = "\"" + tag + ".gz\"";
    this.maxAge = maxAge;
  }

  /**
   * A JWKS document of these public keys, in the given order.
   *
   * @param keys the keys to publish (public by type)
   * @param maxAge the {@code Cache-Control: max-age} to advertise; zero or more, at most a day
   * @return the document
   * @throws IllegalArgumentException when {@code maxAge} is negative or longer than a day
   */
  public static JwksDocument jwks(List<? extends PublicJwk> keys, Duration maxAge) {
    Objects.requireNonNull(keys, "keys");
    byte[] bytes = JwkSet.of(List.copyOf(keys)).toJson().getBytes(StandardCharsets.UTF_8);
    return new JwksDocument(bytes, sha256(bytes), checkMaxAge(maxAge));
  }

  /**
   * A JWKS document with a content tag computed elsewhere (the domain's publication), used as the ETag.
   *
   * @param keys the keys to publish
   * @param contentTag a tag that changes whenever the published set changes; {@code [A-Za-z0-9_.-]}, 1–128 chars
   * @param maxAge the {@code max-age} to advertise
   * @return the document
   * @throws IllegalArgumentException when the tag has other characters or {@code maxAge} is out of range
   */
  public static JwksDocument jwks(List<? extends PublicJwk> keys, String contentTag, Duration maxAge) {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(contentTag, "contentTag");
    if (!contentTag.matches("[A-Za-z0-9_.-]{1,128}")) {
      throw new IllegalArgumentException("contentTag must be 1-128 characters of [A-Za-z0-9_.-]");
    }
    byte[] bytes = JwkSet.of(List.copyOf(keys)).toJson().getBytes(StandardCharsets.UTF_8);
    return new JwksDocument(bytes, contentTag, checkMaxAge(maxAge));
  }

  /**
   * The document of a domain {@link Publication}: its exact bytes (public keys only, stable order), its
   * content tag as the ETag, and its {@code max-age} (capped at one day: a shorter max-age is always
   * safe, clients only refresh sooner).
   *
   * @param publication the ring's publication now
   * @return the document
   */
  public static JwksDocument from(Publication publication) {
    Objects.requireNonNull(publication, "publication");
    Duration maxAge = publication.maxAge();
    if (maxAge.compareTo(Duration.ofDays(1)) > 0) {
      maxAge = Duration.ofDays(1);
    }
    return new JwksDocument(publication.toJsonBytes(), publication.contentTag(), checkMaxAge(maxAge));
  }

  /**
   * Any JSON object document (an OpenID Provider configuration), tagged by its SHA-256.
   *
   * @param json the document as plain maps and lists ({@link Json#write})
   * @param maxAge the {@code max-age} to advertise
   * @return the document
   */
  public static JwksDocument json(Map<String, ?> json, Duration maxAge) {
    Objects.requireNonNull(json, "json");
    byte[] bytes = Json.write(json).getBytes(StandardCharsets.UTF_8);
    return new JwksDocument(bytes, sha256(bytes), checkMaxAge(maxAge));
  }

  private static Duration checkMaxAge(Duration maxAge) {
    Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.isNegative() || maxAge.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("maxAge must be between zero and one day");
    }
    return maxAge;
  }

  /** The entity tag of the identity representation, quoted. */
  public String etag() {
    return etag;
  }

  /** The entity tag of the gzip representation, quoted (a strong tag names exact bytes). */
  public String gzipEtag() {
    return gzipEtag;
  }

  /** The advertised {@code max-age}. */
  public Duration maxAge() {
    return maxAge;
  }

  /** The serialized document (a copy). */
  public byte[] bytes() {
    return identity.clone();
  }

  byte[] identityBytes() {
    return identity;
  }

  byte[] gzipBytes() {
    return gzip;
  }

  private static String sha256(byte[] bytes) {
    try {
      return Base64Url.encode(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 32);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Override
  public String toString() {
    return "JwksDocument[etag=" + etag + ", bytes=" + identity.length + ", gzip=" + gzip.length + ", maxAge=" + maxAge + "]";
  }
}
