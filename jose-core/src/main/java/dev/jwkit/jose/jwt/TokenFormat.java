package dev.jwkit.jose.jwt;

import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;

/**
 * The cheap structural checks a JWT gets before anything is decoded: size, alphabet and the number of
 * segments, counted without splitting (CVE-2025-27144). Only the compact JWS form is a JWT here.
 */
final class TokenFormat {

  private TokenFormat() {}

  /**
   * Checks that {@code token} looks like a compact JWS: at most {@code maxLength} characters, only
   * {@code [A-Za-z0-9_-]} and exactly two dots.
   *
   * @throws InvalidTokenException {@link JoseError#INPUT_TOO_LARGE} beyond the length, otherwise {@link
   *     JoseError#MALFORMED_INPUT}, with a message that says which form was seen (JSON serialization,
   *     JWE) but never quotes the token
   */
  static void checkCompactJws(String token, int maxLength) {
    if (token.length() > maxLength) {
      throw new InvalidTokenException(JoseError.INPUT_TOO_LARGE, "token exceeds " + maxLength + " characters");
    }
    if (token.isEmpty()) {
      throw new InvalidTokenException(JoseError.MALFORMED_INPUT, "token is empty");
    }
    if (token.charAt(0) == '{') {
      // RFC 8725bis: JWTs use the compact serialization only (CVE-2022-39227 polyglots).
      throw new InvalidTokenException(JoseError.MALFORMED_INPUT,
          "JWS JSON serialization is not accepted for a JWT; only the compact serialization is");
    }
    int dots = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '.') {
        dots++;
      } else if (!isBase64UrlChar(c)) {
        throw new InvalidTokenException(JoseError.MALFORMED_INPUT,
            "token contains a character outside the base64url alphabet at offset " + i);
      }
    }
    if (dots == 4) {
      // RFC 8725bis §3.3 / CVE-2023-51774: a JWE is never accepted where a signed JWT is expected.
      throw new InvalidTokenException(JoseError.MALFORMED_INPUT,
          "token has five segments (JWE); only signed JWTs (compact JWS, three segments) are accepted");
    }
    if (dots != 2) {
      throw new InvalidTokenException(JoseError.MALFORMED_INPUT,
          "token has " + (dots + 1) + " segments; a compact JWS has three");
    }
  }

  private static boolean isBase64UrlChar(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
  }
}
