package dev.jwkit.jose.jws;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Jazzer fuzz target for {@link FlattenedJws#parse}: a parsed JWS or an {@link InvalidTokenException} with
 * one of the documented codes; anything else is a crash. A parsed JWS reparses from its JSON to the same
 * parts.
 *
 * <p>Regression inputs: {@code FlattenedJwsFuzzTestInputs/parse/}; fuzzing: {@code fuzz/run FlattenedJwsFuzzTest}.
 */
class FlattenedJwsFuzzTest {

  private static final Set<JoseError> CODES = Set.of(JoseError.MALFORMED_INPUT, JoseError.INPUT_TOO_LARGE,
      JoseError.DUPLICATE_MEMBER, JoseError.UNSUPPORTED_ALGORITHM, JoseError.UNSUPPORTED_CRITICAL_HEADER);

  @FuzzTest
  void parse(byte[] input) {
    FlattenedJws jws;
    try {
      jws = FlattenedJws.parse(new String(input, StandardCharsets.UTF_8));
    } catch (InvalidTokenException e) {
      assertThat(e.code()).isIn(CODES);
      return;
    }
    FlattenedJws again = FlattenedJws.parse(jws.toJson());
    assertThat(again.protectedHeader().toJsonObject()).isEqualTo(jws.protectedHeader().toJsonObject());
    assertThat(again.unprotectedHeader()).isEqualTo(jws.unprotectedHeader());
    assertThat(again.kid()).isEqualTo(jws.kid());
    assertThat(again.payload()).isEqualTo(jws.payload());
    assertThat(again.signature()).isEqualTo(jws.signature());
    assertThat(again.signingInput()).isEqualTo(jws.signingInput());
  }
}
