package dev.jwkit.jose.jwt;

import java.util.Locale;

/**
 * Comparison of {@code typ} header values as RFC 7515 §4.1.9 defines it: media types compare
 * case-insensitively, and the {@code application/} prefix may be omitted.
 */
final class TokenType {

  private static final String APPLICATION = "application/";

  private TokenType() {}

  /** The canonical form of a {@code typ} value: lower case, without the {@code application/} prefix. */
  static String normalize(String typ) {
    String lower = typ.toLowerCase(Locale.ROOT);
    if (lower.startsWith(APPLICATION) && lower.indexOf('/', APPLICATION.length()) < 0) {
      return lower.substring(APPLICATION.length());
    }
    return lower;
  }

  /**
   * Whether a configured type is well-formed: non-empty printable ASCII without spaces, and no slash
   * other than an {@code application/} prefix (RFC 7515 §4.1.9 only omits that one prefix).
   */
  static boolean isValidConfigured(String typ) {
    if (typ.isEmpty()) {
      return false;
    }
    for (int i = 0; i < typ.length(); i++) {
      char c = typ.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        return false;
      }
    }
    return normalize(typ).indexOf('/') < 0;
  }
}
