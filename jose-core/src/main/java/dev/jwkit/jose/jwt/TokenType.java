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
   * Whether a {@code typ} header value names the type whose {@link #normalize normalized} form is {@code
   * normalized}, which must be lower-case ASCII without a slash (configured types are). Equivalent to
   * {@code normalize(typ).equals(normalized)} for ASCII values, without allocating; a value with other
   * characters never matches, because media type names are ASCII.
   */
  static boolean matches(String typ, String normalized) {
    int offset;
    if (typ.length() == normalized.length()) {
      offset = 0;
    } else if (typ.length() == APPLICATION.length() + normalized.length()
        && equalsIgnoreAsciiCase(typ, 0, APPLICATION, APPLICATION.length())) {
      offset = APPLICATION.length();
    } else {
      return false;
    }
    return equalsIgnoreAsciiCase(typ, offset, normalized, normalized.length());
  }

  /** Whether {@code text[offset, offset + length)} equals lower-case ASCII {@code lower}, ignoring ASCII case. */
  private static boolean equalsIgnoreAsciiCase(String text, int offset, String lower, int length) {
    for (int i = 0; i < length; i++) {
      char c = text.charAt(offset + i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != lower.charAt(i)) {
        return false;
      }
    }
    return true;
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
