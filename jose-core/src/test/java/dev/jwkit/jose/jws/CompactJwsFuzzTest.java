package dev.jwkit.jose.jws;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Jazzer fuzz target for {@link CompactJws#parse}: a parsed JWS or an {@link InvalidTokenException} with
 * one of the documented codes; anything else is a crash. A parsed JWS reparses from its serialization to
 * the same header, payload and signature.
 *
 * <p>Regression inputs: {@code CompactJwsFuzzTestInputs/parse/}; fuzzing: {@code fuzz/run CompactJwsFuzzTest}.
 */
class CompactJwsFuzzTest {

  private static final Set<JoseError> CODES = Set.of(JoseError.MALFORMED_INPUT, JoseError.INPUT_TOO_LARGE,
      JoseError.DUPLICATE_MEMBER, JoseError.UNSUPPORTED_ALGORITHM, JoseError.UNSUPPORTED_CRITICAL_HEADER);

  @FuzzTest
  void parse(byte[] input) {
    CompactJws jws;
    try {
      jws = CompactJws.parse(new String(input, StandardCharsets.UTF_8));
    } catch (InvalidTokenException e) {
      assertThat(e.code()).isIn(CODES);
      return;
    }
    CompactJws again = CompactJws.parse(jws.serialize());
    assertThat(again.header().toJsonObject()).isEqualTo(jws.header().toJsonObject());
    assertThat(again.payload()).isEqualTo(jws.payload());
    assertThat(again.signature()).isEqualTo(jws.signature());
    assertThat(again.signingInput()).isEqualTo(jws.signingInput());
  }
}
