package dev.jwkit.jose.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenTypeTest {

  private static final List<String> VALUES = List.of(
      "JWT", "jwt", "Jwt", "application/jwt", "APPLICATION/JWT", "Application/Jwt", "at+jwt", "AT+JWT",
      "application/at+jwt", "application/AT+jwt", "applicationjwt", "application/", "application/x/jwt",
      "x/jwt", "jwt ", " jwt", "", "j", "secevent+jwt", "application/secevent+jwt", "at+jwT", "applicatioN/at+jwt",
      "application-at+jwt", "bpplication/at+jwt");

  @Test
  void matches_agreesWithComparingNormalizedForms_forEveryPairOfAsciiValues() {
    for (String configured : VALUES) {
      if (!TokenType.isValidConfigured(configured)) {
        continue;
      }
      String normalized = TokenType.normalize(configured);
      for (String typ : VALUES) {
        assertThat(TokenType.matches(typ, normalized))
            .as("typ '%s' against configured '%s'", typ, configured)
            .isEqualTo(TokenType.normalize(typ).equals(normalized));
      }
    }
  }

  @Test
  void matches_nonAsciiLookalike_neverMatches() {
    // U+212A KELVIN SIGN lower-cases to 'k' under Locale.ROOT; media type names are ASCII, so no match.
    assertThat(TokenType.matches("\u212Aey+jwt", "key+jwt")).isFalse();
    assertThat(TokenType.matches("at+jwt\u0000", "at+jwt")).isFalse();
  }
}
