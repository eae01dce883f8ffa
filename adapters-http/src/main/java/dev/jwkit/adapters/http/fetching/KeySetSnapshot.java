package dev.jwkit.adapters.http.fetching;

import dev.jwkit.jose.Json;
import dev.jwkit.jose.JsonLimits;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jwks.model.KeySourceError;
import dev.jwkit.jwks.model.KeySourceUnavailableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
   * Decodes a fetched document with {@link JwkSet#publicFromJsonObject}: keys that cannot be used are
   * skipped, and so are private and symmetric keys ({@code jwk.not_public}), by the parser's rule for every
   * public set; a document with no usable key at all is refused as a whole.
   *
   * @throws KeySourceUnavailableException {@link KeySourceError#INVALID_KEY_SET} when the document is not
   *     a key set or holds no usable key
   */
  static KeySetSnapshot decode(String location, byte[] body, Optional<String> etag) {
    JwkSet set;
    try {
      set = JwkSet.publicFromJsonObject(Json.parseObject(body, LIMITS));
    } catch (JwkitException e) {
      throw new KeySourceUnavailableException(KeySourceError.INVALID_KEY_SET,
          "not a JWK Set (" + e.code().id() + ") at " + location, e);
    }
    List<Jwk> usable = set.keys();
    List<JwkSet.SkippedKey> skipped = set.skipped();
    if (usable.isEmpty()) {
      throw new KeySourceUnavailableException(KeySourceError.INVALID_KEY_SET,
          "no usable public key (" + skipped.size() + " skipped) at " + location);
    }
    Map<String, List<Jwk>> groups = new HashMap<>();
    for (Jwk k : usable) {
      k.kid().ifPresent(kid -> groups.computeIfAbsent(kid, x -> new ArrayList<>()).add(k));
    }
    Map<String, JwkSet> byKid = new HashMap<>();
    groups.forEach((kid, list) -> byKid.put(kid, JwkSet.of(list)));
    return new KeySetSnapshot(set, Map.copyOf(byKid), List.copyOf(skipped), body.clone(), etag);
  }
}
