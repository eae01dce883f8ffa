package dev.jwkit.jwks.model;

import dev.jwkit.jose.jwa.JwsAlgorithm;

/**
 * Where the {@link RotationPlanner} gets a new key when the lifecycle needs one (a pending successor).
 * The application passes its key custody here; tests pass a deterministic fake. The planner calls it at
 * most once per new key and only when a key is needed, so planning stays deterministic given this
 * source.
 */
@FunctionalInterface
public interface KeyMaterialSource {

  /**
   * A fresh key for {@code algorithm}, with a kid never used before.
   *
   * @throws dev.jwkit.jose.JwkitException {@link KeyRingError#CUSTODY_FAILED} if no key can be made
   */
  KeyMaterial next(JwsAlgorithm algorithm);
}
