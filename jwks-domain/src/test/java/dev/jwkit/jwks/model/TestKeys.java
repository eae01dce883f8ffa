package dev.jwkit.jwks.model;

import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.EcPrivateJwk;
import dev.jwkit.jose.jwk.JwkGenerator;
import dev.jwkit.jose.jwk.PrivateJwk;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A deterministic {@link KeyMaterialSource} for tests: kids k1, k2, … on a small pool of real P-256 keys
 * (re-labelled, so that generating thousands of keys in property tests costs nothing).
 */
public final class TestKeys implements KeyMaterialSource {

  private static final List<EcPrivateJwk> POOL = IntStream.range(0, 4)
      .mapToObj(i -> JwkGenerator.generateEc(Curve.P_256)).collect(Collectors.toUnmodifiableList());

  private final AtomicInteger counter = new AtomicInteger();
  private final String prefix;

  public TestKeys() {
    this("k");
  }

  public TestKeys(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public KeyMaterial next(JwsAlgorithm algorithm) {
    return material(prefix + counter.incrementAndGet(), algorithm);
  }

  /** Local material with the given kid on a pooled P-256 key (ES256 only). */
  public static KeyMaterial material(String kid, JwsAlgorithm algorithm) {
    PrivateJwk key = POOL.get(Math.floorMod(kid.hashCode(), POOL.size()));
    return KeyMaterial.local(key.withMetadata(key.metadata().withKid(kid)), algorithm);
  }

  public int generated() {
    return counter.get();
  }
}
