package dev.jwkit.jose.jwt;

/** The registered claim names of RFC 7519 §4.1, and safe rendering of names in messages. */
final class ClaimNames {

  static final String ISSUER = "iss";
  static final String SUBJECT = "sub";
  static final String AUDIENCE = "aud";
  static final String EXPIRATION = "exp";
  static final String NOT_BEFORE = "nbf";
  static final String ISSUED_AT = "iat";
  static final String JWT_ID = "jti";

  private static final int MAX_SHOWN_LENGTH = 64;

  private ClaimNames() {}

  /**
   * A claim name fit for an exception message: quoted when it is short and made of plain characters,
   * otherwise a placeholder. Names come from the caller's configuration, but a message must stay safe
   * even if one was copied from a token.
   */
  static String safe(String name) {
    if (name.length() > MAX_SHOWN_LENGTH) {
      return "'<long name>'";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '_' || c == '-' || c == '.' || c == ':' || c == '/' || c == '+';
      if (!plain) {
        return "'<name with special characters>'";
      }
    }
    return "'" + name + "'";
  }
}
