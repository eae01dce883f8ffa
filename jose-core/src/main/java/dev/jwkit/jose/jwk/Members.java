package dev.jwkit.jose.jwk;

import java.util.Set;

/** JWK member names (RFC 7517 §4, RFC 7518 §6, RFC 8037 §2). */
final class Members {
  static final String KTY = "kty";
  static final String CRV = "crv";
  static final String X = "x";
  static final String Y = "y";
  static final String D = "d";
  static final String N = "n";
  static final String E = "e";
  static final String P = "p";
  static final String Q = "q";
  static final String DP = "dp";
  static final String DQ = "dq";
  static final String QI = "qi";
  static final String OTH = "oth";
  static final String K = "k";
  static final String KID = "kid";
  static final String USE = "use";
  static final String KEY_OPS = "key_ops";
  static final String ALG = "alg";
  static final String X5C = "x5c";
  static final String X5T = "x5t";
  static final String X5T_S256 = "x5t#S256";
  static final String X5U = "x5u";

  /** Members that hold key material, for any key type. */
  static final Set<String> KEY_MEMBERS = Set.of(KTY, CRV, X, Y, D, N, E, P, Q, DP, DQ, QI, OTH, K);

  /** The common metadata members of RFC 7517 §4. */
  static final Set<String> METADATA_MEMBERS = Set.of(KID, USE, KEY_OPS, ALG, X5C, X5T, X5T_S256, X5U);

  private Members() {}

  static boolean isRegistered(String name) {
    return KEY_MEMBERS.contains(name) || METADATA_MEMBERS.contains(name);
  }
}
