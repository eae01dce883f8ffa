package dev.jwkit.jose.jwt;

import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jws.JwsVerifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * A bounded, least-recently-used cache of prepared {@link JwsVerifier}s keyed by the identity of the
 * {@link Jwk} instance and the algorithm.
 *
 * <p>Identity rather than value: computing a value key (a thumbprint) on every verification would
 * cost a hash and a JSON rendering, and {@code OctJwk} deliberately has no {@code equals}. Resolvers
 * that return the same instances while keys do not change (as {@link JwtKeyResolver#of} and the
 * domain's key sources do) hit the cache; a resolver that re-parses its keys on every call still works,
 * it just prepares a verifier every time. Entries hold strong references, bounded by the capacity.
 *
 * <p>The entry used last is also kept in a volatile field and checked first, without a lock or an
 * allocation: most issuers sign with one key at a time, so nearly every verification hits it.
 *
 * <p>Safe for concurrent use: map lookups synchronize on the map; a verifier is prepared outside the
 * lock, so two threads may prepare the same one at once and the later one wins.
 */
final class PreparedVerifiers {

  private final int capacity;
  private final BiFunction<Jwk, JwsAlgorithm, JwsVerifier> factory;
  private final Map<Key, JwsVerifier> map;
  private volatile @Nullable Last last;

  PreparedVerifiers(int capacity, BiFunction<Jwk, JwsAlgorithm, JwsVerifier> factory) {
    this.capacity = capacity;
    this.factory = factory;
    this.map = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, JwsVerifier> eldest) {
        return size() > PreparedVerifiers.this.capacity;
      }
    };
  }

  /** The prepared verifier for this key instance and algorithm, preparing it on a miss. */
  JwsVerifier get(Jwk key, JwsAlgorithm alg) {
    Last recent = last;
    if (recent != null && recent.jwk == key && recent.alg == alg) {
      return recent.verifier;
    }
    Key cacheKey = new Key(key, alg);
    JwsVerifier cached;
    synchronized (map) {
      cached = map.get(cacheKey);
    }
    if (cached == null) {
      cached = factory.apply(key, alg);
      synchronized (map) {
        map.put(cacheKey, cached);
      }
    }
    last = new Last(key, alg, cached);
    return cached;
  }

  /** The number of cached verifiers. */
  int size() {
    synchronized (map) {
      return map.size();
    }
  }

  /** The entry used last: immutable, published through the volatile field. */
  private static final class Last {
    final Jwk jwk;
    final JwsAlgorithm alg;
    final JwsVerifier verifier;

    Last(Jwk jwk, JwsAlgorithm alg, JwsVerifier verifier) {
      this.jwk = jwk;
      this.alg = alg;
      this.verifier = verifier;
    }
  }

  /** A map key comparing the JWK by identity. */
  private static final class Key {
    private final Jwk jwk;
    private final JwsAlgorithm alg;

    Key(Jwk jwk, JwsAlgorithm alg) {
      this.jwk = jwk;
      this.alg = alg;
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof Key && ((Key) other).jwk == jwk && ((Key) other).alg == alg;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(jwk) * 31 + alg.hashCode();
    }
  }
}
