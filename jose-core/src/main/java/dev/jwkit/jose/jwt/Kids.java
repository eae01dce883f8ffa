package dev.jwkit.jose.jwt;

import java.util.Optional;

/** Safe rendering of a token's {@code kid} (attacker-chosen text) in messages. */
final class Kids {

  private static final int MAX_SHOWN_LENGTH = 64;

  private Kids() {}

  /**
   * The {@code kid} when it is short and made of unremarkable characters; otherwise a placeholder, so
   * that a hostile {@code kid} cannot inject lines into logs or bloat messages.
   */
  static String safe(Optional<String> kid) {
    if (kid.isEmpty()) {
      return "<none>";
    }
    String value = kid.get();
    if (value.length() > MAX_SHOWN_LENGTH) {
      return "<omitted: " + value.length() + " characters>";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '_' || c == '-' || c == '.' || c == ':' || c == '+' || c == '=';
      if (!plain) {
        return "<omitted: unusual characters>";
      }
    }
    return value;
  }
}
