package dev.jwkit.jose.jws;

import java.util.Set;

/** The registered header parameter names, and what jwkit understands in {@code crit}. */
final class HeaderNames {

  static final String ALG = "alg";
  static final String KID = "kid";
  static final String TYP = "typ";
  static final String CTY = "cty";
  static final String CRIT = "crit";
  static final String B64 = "b64";
  static final String JKU = "jku";
  static final String JWK = "jwk";
  static final String X5U = "x5u";
  static final String X5C = "x5c";
  static final String X5T = "x5t";
  static final String X5T_S256 = "x5t#S256";

  /**
   * Names defined by RFC 7515 and RFC 7518 (JWS and JWE), which {@code crit} must not list
   * (RFC 7515 §4.1.11).
   */
  static final Set<String> REGISTERED = Set.of(
      ALG, JKU, JWK, KID, X5U, X5C, X5T, X5T_S256, TYP, CTY, CRIT,
      "enc", "zip", "epk", "apu", "apv", "iv", "tag", "p2s", "p2c");

  /** The only extension jwkit understands when it is critical: RFC 7797's {@code b64}. */
  static final Set<String> UNDERSTOOD_CRITICAL = Set.of(B64);

  /** Members of a JWK that hold private or secret key material. */
  static final Set<String> PRIVATE_JWK_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

  private HeaderNames() {}

  /**
   * A {@code kid} fit for an exception message or {@code toString}: at most 64 characters, control
   * characters replaced (a key set from elsewhere may carry any string).
   */
  static String safeKid(String kid) {
    StringBuilder sb = new StringBuilder(Math.min(kid.length(), 65));
    for (int i = 0; i < kid.length() && sb.length() < 64; i++) {
      char c = kid.charAt(i);
      sb.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    if (kid.length() > 64) {
      sb.append('…');
    }
    return sb.toString();
  }
}
