package dev.jwkit.jose.jwk;

import dev.jwkit.jose.ErrorCode;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.JsonLimits;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwa.KeyType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A JWK Set (RFC 7517 §5): an ordered list of keys, plus the keys of the parsed document that could not be
 * used.
 *
 * <p>{@link #parse} is lenient per key and strict per document: a key with an unknown {@code kty} or
 * {@code crv}, a malformed member or invalid material is skipped and reported in {@link #skipped()} (RFC 7517
 * §5: "implementations SHOULD ignore JWKs within a JWK Set that use kty values that are not understood"),
 * while a document that is not a JSON object with a {@code keys} array fails as a whole. Parsing builds no
 * JCA key objects; they are built lazily on first use of each key. A set from outside (fetched, read from
 * a file, published) is parsed with {@link #parsePublic}, which also skips every secret key: a public key
 * set never yields a secret key, whoever the caller is.
 *
 * <p>Duplicate {@code kid}s are kept: {@link #findByKid} and {@link #candidatesFor} return every key with
 * that id, and the signature decides which one verifies.
 *
 * <pre>{@code
 * JwkSet set = JwkSet.parse(json);
 * for (Jwk key : set.candidatesFor(header.kid(), JwsAlgorithm.ES256)) { ... }
 * }</pre>
 *
 * <h2>Security</h2>
 * {@link #toJson()} writes every key as it is, including private and oct keys: publish {@link
 * #toPublicSet()} instead. {@link #candidatesFor} never returns a private key. Only {@link #parsePublic}
 * guarantees that no {@code oct} key is a candidate: {@link #parse} keeps them (for a caller's own HMAC keys).
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use.
 */
public final class JwkSet {

  private static final JwkSet EMPTY = new JwkSet(List.of(), List.of());

  private final List<Jwk> keys;
  private final List<SkippedKey> skipped;
  /** Keys by kid, built on the first lookup (a benign race: every thread builds the same index). */
  private volatile @Nullable Map<String, List<Jwk>> byKid;
  /** The last answer of {@link #candidatesFor} (the set is immutable, so an answer never goes stale). */
  private volatile @Nullable Candidates lastCandidates;

  /**
   * A key of a parsed set that was skipped.
   *
   * @param index the position of the key in the document's {@code keys} array
   * @param kid the key's {@code kid} when it was a string
   * @param reason the error code of the failure
   * @param message the safe failure message (no key material)
   */
  public record SkippedKey(int index, Optional<String> kid, ErrorCode reason, String message) {
    public SkippedKey {
      Objects.requireNonNull(kid, "kid");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }

  private JwkSet(List<Jwk> keys, List<SkippedKey> skipped) {
    this.keys = keys;
    this.skipped = skipped;
  }

  /** A set with no keys. */
  public static JwkSet empty() {
    return EMPTY;
  }

  /** A set of the given keys, in order. */
  public static JwkSet of(List<? extends Jwk> keys) {
    Objects.requireNonNull(keys, "keys");
    return new JwkSet(List.copyOf(keys), List.of());
  }

  /**
   * Parses a JWK Set document under {@link JsonLimits#KEY_SET}.
   *
   * @throws JwkitException {@link JoseError#MALFORMED_INPUT} if the document is not a JSON object with a
   *     {@code keys} array, {@link JoseError#DUPLICATE_MEMBER} or {@link JoseError#INPUT_TOO_LARGE}; keys
   *     that fail are skipped, not thrown
   */
  public static JwkSet parse(String json) {
    Objects.requireNonNull(json, "json");
    return fromJsonObject(Json.parseObject(json, JsonLimits.KEY_SET));
  }

  /**
   * Parses a JWK Set that must hold public keys only, as a fetched, stored or published set must: like
   * {@link #parse}, and every {@code oct} key and every key carrying a private member ({@code d}, {@code p},
   * {@code q}, {@code dp}, {@code dq}, {@code qi}, {@code oth}, or {@code k}) is skipped with {@link
   * JoseError#NOT_PUBLIC}. Such a key is refused on sight: its secret is never decoded, and never reaches a
   * verifier, so a token MACed with a key from a public set never verifies.
   *
   * @throws JwkitException as {@link #parse}
   */
  public static JwkSet parsePublic(String json) {
    Objects.requireNonNull(json, "json");
    return publicFromJsonObject(Json.parseObject(json, JsonLimits.KEY_SET));
  }

  /**
   * Builds a public-only set from a parsed JSON object, skipping secret keys as {@link #parsePublic} does.
   *
   * @throws JwkitException {@link JoseError#MALFORMED_INPUT} if there is no {@code keys} array
   */
  public static JwkSet publicFromJsonObject(Map<String, Object> json) {
    Objects.requireNonNull(json, "json");
    return build(json, true);
  }

  /**
   * Builds a set from a parsed JSON object, skipping unusable keys as {@link #parse} does.
   *
   * @throws JwkitException {@link JoseError#MALFORMED_INPUT} if there is no {@code keys} array
   */
  public static JwkSet fromJsonObject(Map<String, Object> json) {
    Objects.requireNonNull(json, "json");
    return build(json, false);
  }

  private static JwkSet build(Map<String, Object> json, boolean publicOnly) {
    Object keysValue = json.get("keys");
    if (!(keysValue instanceof List)) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, "JWK Set has no keys array");
    }
    List<?> array = (List<?>) keysValue;
    List<Jwk> keys = new ArrayList<>(array.size());
    List<SkippedKey> skipped = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Object element = array.get(i);
      if (!(element instanceof Map)) {
        skipped.add(new SkippedKey(i, Optional.empty(), JoseError.MALFORMED_INPUT,
            JoseError.MALFORMED_INPUT.id() + ": JWK Set element is not an object"));
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) element;
      Object kid = object.get("kid");
      Optional<String> id = kid instanceof String ? Optional.of((String) kid) : Optional.empty();
      Optional<String> secret = publicOnly ? JwkParser.secretMembers(object) : Optional.empty();
      if (secret.isPresent()) {
        skipped.add(new SkippedKey(i, id, JoseError.NOT_PUBLIC, secret.get() + " in a public key set"));
        continue;
      }
      try {
        keys.add(JwkParser.parse(object));
      } catch (JwkitException e) {
        skipped.add(new SkippedKey(i, id, e.code(), e.getMessage()));
      }
    }
    return new JwkSet(Collections.unmodifiableList(keys), Collections.unmodifiableList(skipped));
  }

  /**
   * The first skipped key with this {@code kid} ({@code kid} absent: the first skipped key without one), to
   * say why a token naming it finds no key.
   */
  public Optional<SkippedKey> skippedFor(Optional<String> kid) {
    Objects.requireNonNull(kid, "kid");
    for (SkippedKey s : skipped) {
      if (s.kid().equals(kid)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The usable keys, in document order. */
  public List<Jwk> keys() {
    return keys;
  }

  /** The keys of the parsed document that were skipped, with the reason; empty for sets built with {@link #of}. */
  public List<SkippedKey> skipped() {
    return skipped;
  }

  /** Whether the set has no usable keys. */
  public boolean isEmpty() {
    return keys.isEmpty();
  }

  /** Every key with this {@code kid} (duplicates included), in document order. */
  public List<Jwk> findByKid(String kid) {
    Objects.requireNonNull(kid, "kid");
    return kidIndex().getOrDefault(kid, List.of());
  }

  private Map<String, List<Jwk>> kidIndex() {
    Map<String, List<Jwk>> index = byKid;
    if (index == null) {
      Map<String, List<Jwk>> building = new HashMap<>();
      for (Jwk key : keys) {
        key.kid().ifPresent(kid -> building.computeIfAbsent(kid, k -> new ArrayList<>(1)).add(key));
      }
      building.replaceAll((kid, list) -> List.copyOf(list));
      index = Map.copyOf(building);
      byKid = index;
    }
    return index;
  }

  /** Every key whose {@code alg} member equals {@code alg}. */
  public List<Jwk> findByAlg(String alg) {
    Objects.requireNonNull(alg, "alg");
    return filterKeys(k -> k.alg().isPresent() && k.alg().get().equals(alg));
  }

  /** Every key whose {@code use} member equals {@code use}. */
  public List<Jwk> findByUse(String use) {
    Objects.requireNonNull(use, "use");
    return filterKeys(k -> k.metadata().use().isPresent() && k.metadata().use().get().equals(use));
  }

  /** Every key of this key type. */
  public List<Jwk> findByKeyType(KeyType kty) {
    Objects.requireNonNull(kty, "kty");
    return filterKeys(k -> k.kty() == kty);
  }

  /** The keys that match a predicate, as a new set (skipped keys are not carried over). */
  public JwkSet filter(Predicate<? super Jwk> predicate) {
    Objects.requireNonNull(predicate, "predicate");
    return new JwkSet(filterKeys(predicate), List.of());
  }

  /**
   * The keys that may verify a JWS with this header: public and oct keys (never private ones) that pass
   * {@link JwkAlgorithmBinding#checkUsableFor} for {@link KeyUsage#VERIFY} (kty, crv, alg, use, key_ops,
   * RSA ≥ 2048 bits, HMAC length), restricted to those with the given {@code kid} when there is one. With a
   * {@code kid}, every fitting key with that id is a candidate, duplicates included; without one, every
   * fitting key is. Use {@link #findByKid} to tell "unknown kid" from "kid of an unfit key".
   */
  public List<Jwk> candidatesFor(Optional<String> kid, JwsAlgorithm alg) {
    Objects.requireNonNull(kid, "kid");
    Objects.requireNonNull(alg, "alg");
    @Nullable String id = kid.orElse(null);
    Candidates recent = lastCandidates;
    if (recent != null && recent.alg == alg && Objects.equals(recent.kid, id)) {
      return recent.keys; // tokens of one issuer name the same kid again and again
    }
    List<Jwk> found = findCandidates(id, alg);
    lastCandidates = new Candidates(id, alg, found);
    return found;
  }

  private List<Jwk> findCandidates(@Nullable String kid, JwsAlgorithm alg) {
    List<Jwk> pool = kid != null ? findByKid(kid) : keys;
    if (pool.size() == 1) { // the usual case, a kid naming one key: no list to build
      Jwk only = pool.get(0);
      return isCandidate(only, alg) ? List.of(only) : List.of();
    }
    List<Jwk> out = new ArrayList<>(Math.min(pool.size(), 4));
    for (Jwk k : pool) {
      if (isCandidate(k, alg)) {
        out.add(k);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** The answer of the last {@link #candidatesFor} call: immutable, published through a volatile field. */
  private static final class Candidates {
    final @Nullable String kid;
    final JwsAlgorithm alg;
    final List<Jwk> keys;

    Candidates(@Nullable String kid, JwsAlgorithm alg, List<Jwk> keys) {
      this.kid = kid;
      this.alg = alg;
      this.keys = keys;
    }
  }

  private static boolean isCandidate(Jwk key, JwsAlgorithm alg) {
    return !(key instanceof PrivateJwk) && JwkAlgorithmBinding.isUsableFor(key, alg, KeyUsage.VERIFY);
  }

  /** The set to publish: private keys projected to their public part, oct keys dropped. */
  public JwkSet toPublicSet() {
    List<Jwk> out = new ArrayList<>(keys.size());
    for (Jwk key : keys) {
      if (key instanceof PrivateJwk) {
        out.add(((PrivateJwk) key).toPublicJwk());
      } else if (key instanceof PublicJwk) {
        out.add(key);
      }
    }
    return new JwkSet(Collections.unmodifiableList(out), List.of());
  }

  /** The public keys of the set, private keys projected (oct keys dropped). */
  public List<PublicJwk> publicKeys() {
    List<PublicJwk> out = new ArrayList<>();
    for (Jwk key : toPublicSet().keys) {
      out.add((PublicJwk) key);
    }
    return Collections.unmodifiableList(out);
  }

  /** The set as a JSON object {@code {"keys":[...]}} of plain Java values. */
  public Map<String, Object> toJsonObject() {
    List<Object> array = new ArrayList<>(keys.size());
    for (Jwk key : keys) {
      array.add(key.toJsonObject());
    }
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("keys", Collections.unmodifiableList(array));
    return Collections.unmodifiableMap(map);
  }

  /** The set as compact JSON, every key as it is (skipped keys are not written). */
  public String toJson() {
    return Json.write(toJsonObject());
  }

  private List<Jwk> filterKeys(Predicate<? super Jwk> predicate) {
    List<Jwk> out = new ArrayList<>();
    for (Jwk key : keys) {
      if (predicate.test(key)) {
        out.add(key);
      }
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public String toString() {
    return "JwkSet[keys=" + keys + ", skipped=" + skipped.size() + "]";
  }
}
