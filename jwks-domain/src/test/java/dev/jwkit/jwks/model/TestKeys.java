package dev.jwkit.jwks.model;

import dev.jwkit.jose.jwa.JwsAlgorithm;
import java.util.concurrent.atomic.AtomicInteger;

/** A deterministic {@link KeyMaterialSource} for tests: kids k1, k2, … */
final class TestKeys implements KeyMaterialSource {

  private final AtomicInteger counter = new AtomicInteger();
  private final String prefix;

  TestKeys() {
    this("k");
  }

  TestKeys(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public KeyMaterial next(JwsAlgorithm algorithm) {
    return material(prefix + counter.incrementAndGet(), algorithm);
  }

  static KeyMaterial material(String kid, JwsAlgorithm algorithm) {
    return KeyMaterial.of(kid, algorithm, "test", kid);
  }

  int generated() {
    return counter.get();
  }
}
