package dev.jwkit.jose.jwk;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Jazzer fuzz target for {@link JwkSet#parse}: a set (its bad keys skipped with a jose-core code) or a
 * {@link JwkitException} with a documented code; anything else is a crash. A parsed set reads back with
 * the same keys from its own JSON, and its public form holds no private key.
 *
 * <p>Regression inputs: {@code JwkSetFuzzTestInputs/parse/}; fuzzing: {@code fuzz/run JwkSetFuzzTest}.
 */
class JwkSetFuzzTest {

  private static final Set<JoseError> CODES =
      Set.of(JoseError.MALFORMED_INPUT, JoseError.DUPLICATE_MEMBER, JoseError.INPUT_TOO_LARGE);

  @FuzzTest
  void parse(byte[] input) {
    JwkSet set;
    try {
      set = JwkSet.parse(new String(input, StandardCharsets.UTF_8));
    } catch (JwkitException e) {
      assertThat(e.code()).isIn(CODES);
      return;
    }
    for (JwkSet.SkippedKey skipped : set.skipped()) {
      assertThat(skipped.reason()).isInstanceOf(JoseError.class);
    }
    JwkSet again = JwkSet.parse(set.toJson());
    assertThat(again.toJsonObject()).isEqualTo(set.toJsonObject());
    assertThat(again.skipped()).isEmpty();
    assertThat(set.toPublicSet().keys()).allSatisfy(k -> assertThat(k).isInstanceOf(PublicJwk.class));
  }
}
