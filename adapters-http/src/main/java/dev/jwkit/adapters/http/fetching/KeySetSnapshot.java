package dev.jwkit.adapters.http.fetching;

import dev.jwkit.jose.Json;
import dev.jwkit.jose.JsonLimits;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jose.jwk.PublicJwk;
import dev.jwkit.jwks.model.KeySourceError;
import dev.jwkit.jwks.model.KeySourceUnavailableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One decoded key set held by a {@link CachingKeySource}, immutable: the usable public keys, an index by
 * {@code kid}, what was skipped, the document bytes and the entity tag. Its timing (when it was validated,
 * when it expires) is the domain's {@link dev.jwkit.jwks.model.KeySetCacheState}, held next to it.
 */
final class KeySetSnapshot {

  private static final JsonLimits LIMITS = new JsonLimits(16 * 1024 * 1024, 16, 50_000, 64 * 1024, 64);

  final JwkSet set;
  final Map<String, JwkSet> byKid;
  final List<JwkSet.SkippedKey> skipped;
  final byte[] body;
  final Optional<String> etag;

  private KeySetSnapshot(JwkSet set, Map<String, JwkSet> byKid, List<JwkSet.SkippedKey> skipped, byte[] body,
      Optional<String> etag) {
    this.set = set;
    this.byKid = byKid;
    this.skipped = skipped;
    this.body = body;
    this.etag = etag;
  }

  /** The same keys, revalidated (a 304), with the new entity tag if the server sent one. */
  KeySetSnapshot revalidated(Optional<String> newEtag) {
    return new KeySetSnapshot(set, byKid, skipped, body, newEtag.isPresent() ? newEtag : etag);
  }

  /**
   * Decodes a fetched document. Keys that cannot be used are skipped; private and symmetric keys are
   * refused (skipped with {@link KeySourceError#INVALID_KEY_SET}); a document with no usable key at all
   * is refused as a whole.
   *
   * @throws KeySourceUnavailableException {@link KeySourceError#INVALID_KEY_SET} when the document is not
   *     a key set or holds no usable key
   */
  static KeySetSnapshot decode(String location, byte[] body, Optional<String> etag) {
    JwkSet parsed;
    int documentKeys;
    try {
      Map<String, Object> json = Json.parseObject(body, LIMITS);
      parsed = JwkSet.fromJsonObject(json);
      Object keys = json.get("keys");
      documentKeys = keys instanceof List ? ((List<?>) keys).size() : 0;
    } catch (JwkitException e) {
      throw new KeySourceUnavailableException(KeySourceError.INVALID_KEY_SET,
          "not a JWK Set (" + e.code().id() + ") at " + location, e);
    }
    Set<Integer> skippedIndexes = new HashSet<>();
    List<JwkSet.SkippedKey> skipped = new ArrayList<>(parsed.skipped());
    parsed.skipped().forEach(s -> skippedIndexes.add(s.index()));
    List<Integer> parsedIndexes = new ArrayList<>();
    for (int i = 0; i < documentKeys; i++) {
      if (!skippedIndexes.contains(i)) {
        parsedIndexes.add(i);
      }
    }
    List<Jwk> usable = new ArrayList<>();
    List<Jwk> keys = parsed.keys();
    for (int i = 0; i < keys.size(); i++) {
      Jwk k = keys.get(i);
      if (k instanceof PublicJwk) {
        usable.add(k);
      } else {
        int index = i < parsedIndexes.size() ? parsedIndexes.get(i) : i;
        skipped.add(new JwkSet.SkippedKey(index, k.kid(), KeySourceError.INVALID_KEY_SET,
            KeySourceError.INVALID_KEY_SET.id() + ": " + k.kty().name()
                + " key with private or symmetric material refused in a remote set"));
      }
    }
    if (usable.isEmpty()) {
      throw new KeySourceUnavailableException(KeySourceError.INVALID_KEY_SET,
          "no usable public key (" + skipped.size() + " skipped) at " + location);
    }
    JwkSet set = JwkSet.of(usable);
    Map<String, List<Jwk>> groups = new HashMap<>();
    for (Jwk k : usable) {
      k.kid().ifPresent(kid -> groups.computeIfAbsent(kid, x -> new ArrayList<>()).add(k));
    }
    Map<String, JwkSet> byKid = new HashMap<>();
    groups.forEach((kid, list) -> byKid.put(kid, JwkSet.of(list)));
    return new KeySetSnapshot(set, Map.copyOf(byKid), List.copyOf(skipped), body.clone(), etag);
  }
}
