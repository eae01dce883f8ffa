package dev.jwkit.jwks.model;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.jwk.PublicJwk;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * The public JWKS a ring publishes at an instant, with what an HTTP endpoint needs to serve it: the
 * document, a strong content tag for {@code ETag}, and the {@code max-age} to advertise.
 *
 * <ul>
 *   <li>Keys: the pending, active and retired keys, as {@link PublicJwk}s only (a private member cannot be
 *       serialized by construction); never revoked or expired keys.
 *   <li>Order: by publication instant, then kid. The order changes only when the set changes, so that
 *       replicas serving the same ring serve byte-identical documents with the same tag.
 *   <li>{@link #contentTag()}: the base64url SHA-256 of the document's UTF-8 bytes.
 *   <li>{@link #maxAge()}: the policy's {@code M}, but never beyond the next scheduled change of the
 *       published set; when a change is overdue (the scheduler is late), at most one tick; zero for an
 *       empty set.
 * </ul>
 *
 * <h2>Security</h2>
 * Only public keys are held; {@link #toJson()} never contains a private member.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use.
 */
public final class Publication {

  private static final Comparator<ManagedKey> ORDER =
      Comparator.comparing(ManagedKey::publishedAt).thenComparing(ManagedKey::kid);

  private final Instant at;
  private final List<PublicJwk> keys;
  private final byte[] json;
  private final String contentTag;
  private final Duration maxAge;
  private final Optional<Instant> nextChange;

  private Publication(Instant at, List<PublicJwk> keys, Duration maxAge, Optional<Instant> nextChange) {
    this.at = at;
    this.keys = List.copyOf(keys);
    List<Object> members = new ArrayList<>(keys.size());
    for (PublicJwk k : this.keys) {
      members.add(k.toJsonObject());
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("keys", members);
    this.json = Json.writeUtf8(doc);
    this.contentTag = Base64Url.encode(sha256(json));
    this.maxAge = maxAge;
    this.nextChange = nextChange;
  }

  /** The publication of {@code ring} at {@code now} under {@code policy}. */
  public static Publication of(KeyRing ring, RotationPolicy policy, Instant now) {
    Objects.requireNonNull(ring, "ring");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(now, "now");
    List<ManagedKey> published = new ArrayList<>(ring.published());
    published.sort(ORDER);
    List<PublicJwk> keys = new ArrayList<>(published.size());
    for (ManagedKey k : published) {
      keys.add(k.material().publicJwk());
    }
    Optional<Instant> next = RotationPlanner.nextTransition(ring, policy);
    Duration maxAge;
    if (keys.isEmpty()) {
      maxAge = Duration.ZERO;
    } else if (next.isPresent() && !next.get().isAfter(now)) {
      maxAge = min(policy.maxAge(), policy.tick());
    } else {
      maxAge = next.map(n -> min(policy.maxAge(), Duration.between(now, n))).orElse(policy.maxAge());
    }
    return new Publication(now, keys, Duration.ofSeconds(maxAge.getSeconds()), next);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JCA", e);
    }
  }

  /** The instant this publication was computed for. */
  public Instant at() {
    return at;
  }

  /** The published public keys, in publication order. */
  public List<PublicJwk> keys() {
    return keys;
  }

  /** The kids of the published keys, in publication order. */
  public List<String> kids() {
    List<String> kids = new ArrayList<>(keys.size());
    for (PublicJwk k : keys) {
      kids.add(k.kid().orElseThrow());
    }
    return kids;
  }

  /** The JWKS document, {@code {"keys":[…]}}, as compact JSON. */
  public String toJson() {
    return new String(json, StandardCharsets.UTF_8);
  }

  /** The JWKS document as UTF-8 bytes (a copy). */
  public byte[] toJsonBytes() {
    return json.clone();
  }

  /** A strong content tag: base64url SHA-256 of {@link #toJsonBytes()}. */
  public String contentTag() {
    return contentTag;
  }

  /** The {@code ETag} header value: the content tag in double quotes (a strong validator). */
  public String etag() {
    return '"' + contentTag + '"';
  }

  /** The {@code max-age} to advertise, in whole seconds: at most {@code M}, never beyond the next change. */
  public Duration maxAge() {
    return maxAge;
  }

  /**
   * {@link #maxAge()} with jitter in {@code [maxAge/2, maxAge]} (ROTATION.md inv. 2: never 0 unless the
   * bound is, so that clients do not refetch in a herd). Whole seconds.
   */
  public Duration maxAgeWithJitter(Random random) {
    Objects.requireNonNull(random, "random");
    long seconds = maxAge.getSeconds();
    if (seconds < 2) {
      return maxAge;
    }
    long half = seconds / 2;
    return Duration.ofSeconds(half + (long) (random.nextDouble() * (seconds - half + 1)));
  }

  /** When the published set is next scheduled to change, if the ring is started. */
  public Optional<Instant> nextChange() {
    return nextChange;
  }

  @Override
  public String toString() {
    return "Publication[at=" + at + ", kids=" + kids() + ", tag=" + contentTag + ", maxAge=" + maxAge + "]";
  }
}
