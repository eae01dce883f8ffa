package dev.jwkit.jose.jwk;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer fuzz target for one JWK ({@link Jwk#parse}, which runs {@link JwkParser}): any input ends in a key
 * or a {@link JwkitException} with a jose-core code; anything else is a crash. A parsed key reads back
 * to the same JSON from its own JSON (secret keys have no {@code equals}), and its public part and thumbprint can be computed.
 *
 * <p>Regression inputs: {@code JwkParserFuzzTestInputs/parse/}; fuzzing: {@code fuzz/run JwkParserFuzzTest}.
 */
class JwkParserFuzzTest {

  @FuzzTest
  void parse(byte[] input) {
    Jwk jwk;
    try {
      jwk = Jwk.parse(new String(input, StandardCharsets.UTF_8));
    } catch (JwkitException e) {
      assertThat(e.code()).isInstanceOf(JoseError.class);
      return;
    }
    assertThat(Jwk.parse(jwk.toJson()).toJsonObject()).isEqualTo(jwk.toJsonObject());
    assertThat(jwk.thumbprint()).isNotNull();
    if (jwk instanceof PrivateJwk) {
      assertThat(((PrivateJwk) jwk).toPublicJwk().toJson()).doesNotContain("\"d\"");
    }
  }
}
