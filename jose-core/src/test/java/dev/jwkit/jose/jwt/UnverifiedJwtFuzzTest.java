package dev.jwkit.jose.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Jazzer fuzz target for {@link UnverifiedJwt#parse}: a token or an {@link InvalidTokenException} with one
 * of the documented codes; anything else is a crash. The header and claims of a parsed token can be read.
 *
 * <p>Regression inputs: {@code UnverifiedJwtFuzzTestInputs/parse/}; fuzzing: {@code fuzz/run UnverifiedJwtFuzzTest}.
 */
class UnverifiedJwtFuzzTest {

  private static final Set<JoseError> CODES = Set.of(JoseError.MALFORMED_INPUT, JoseError.INPUT_TOO_LARGE,
      JoseError.DUPLICATE_MEMBER, JoseError.UNSUPPORTED_ALGORITHM, JoseError.UNSUPPORTED_CRITICAL_HEADER,
      JoseError.CLAIM_INVALID);

  @FuzzTest
  void parse(byte[] input) {
    UnverifiedJwt jwt;
    try {
      jwt = UnverifiedJwt.parse(new String(input, StandardCharsets.UTF_8));
    } catch (InvalidTokenException e) {
      assertThat(e.code()).isIn(CODES);
      return;
    }
    assertThat(jwt.unverifiedHeader().alg()).isNotNull();
    JwtClaims claims = jwt.unverifiedClaims();
    for (String name : claims.names()) {
      JwtClaimsFuzzTest.readAs(claims, name);
    }
    assertThat(jwt.toString()).isNotNull();
  }
}
