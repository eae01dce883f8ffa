package dev.jwkit.app.cli;

import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.EcPrivateJwk;
import dev.jwkit.jose.jwk.EcPublicJwk;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.OkpPrivateJwk;
import dev.jwkit.jose.jwk.OkpPublicJwk;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Algorithm names on the command line, and the algorithms a key allows. */
final class Algorithms {
  private Algorithms() {}

  /** Parses a JWA name; an unknown one is a usage error that lists the known ones. */
  static JwsAlgorithm parse(String name) {
    try {
      return JwsAlgorithm.fromJwaName(name.trim());
    } catch (JwkitException | IllegalArgumentException e) {
      throw CliException.usage("unknown algorithm '" + name + "'; use one of "
          + Arrays.stream(JwsAlgorithm.values()).map(JwsAlgorithm::jwaName).collect(Collectors.joining(", ")));
    }
  }

  /**
   * The algorithms a key may be used with: its {@code alg} member when it has one, otherwise every
   * algorithm of its type's family (RSA: RS* and PS*; EC: the one of its curve; OKP: EdDSA and the one
   * of its curve; oct: HS*).
   */
  static Set<JwsAlgorithm> allowedFor(Jwk key) {
    if (key.alg().isPresent()) {
      try {
        return EnumSet.of(JwsAlgorithm.fromJwaName(key.alg().get()));
      } catch (JwkitException | IllegalArgumentException e) {
        return EnumSet.noneOf(JwsAlgorithm.class);
      }
    }
    Curve crv = null;
    if (key instanceof EcPublicJwk) {
      crv = ((EcPublicJwk) key).crv();
    } else if (key instanceof EcPrivateJwk) {
      crv = ((EcPrivateJwk) key).crv();
    } else if (key instanceof OkpPublicJwk) {
      crv = ((OkpPublicJwk) key).crv();
    } else if (key instanceof OkpPrivateJwk) {
      crv = ((OkpPrivateJwk) key).crv();
    }
    Set<JwsAlgorithm> out = EnumSet.noneOf(JwsAlgorithm.class);
    for (JwsAlgorithm a : JwsAlgorithm.values()) {
      if (a.keyType() != key.kty()) {
        continue;
      }
      if (crv == null || a.curves().contains(crv)) {
        out.add(a);
      }
    }
    return out;
  }
}
