package dev.jwkit.adapters.http.testing;

import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwk.EcPrivateJwk;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkGenerator;
import dev.jwkit.jose.jwk.JwkMetadata;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jose.jwk.PrivateJwk;
import java.util.ArrayList;
import java.util.List;

/** Test keys with readable kids, and JWKS documents made of them. */
public final class Keys {

  private Keys() {}

  /** A new P-256 key pair whose kid is {@code kid} and alg ES256. */
  public static EcPrivateJwk ec(String kid) {
    EcPrivateJwk k = JwkGenerator.generateEc(Curve.P_256);
    return (EcPrivateJwk) k.withMetadata(k.metadata().toBuilder().kid(kid).alg("ES256").use("sig").build());
  }

  /** The public JWKS document of these keys (private keys projected to their public part). */
  public static String publicJwks(Jwk... keys) {
    List<Jwk> list = new ArrayList<>();
    for (Jwk k : keys) {
      list.add(k instanceof PrivateJwk ? ((PrivateJwk) k).toPublicJwk() : k);
    }
    return JwkSet.of(list).toJson();
  }

  /** A JWKS document with these keys as they are (private members included): what a broken server might publish. */
  public static String rawJwks(Jwk... keys) {
    return JwkSet.of(List.of(keys)).toJson();
  }

  public static JwkMetadata kid(String kid) {
    return JwkMetadata.builder().kid(kid).build();
  }
}
