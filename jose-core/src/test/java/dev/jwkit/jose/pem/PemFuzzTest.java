package dev.jwkit.jose.pem;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.function.Supplier;

/**
 * Jazzer fuzz target for PEM text: {@link Pem#parse}, {@link JwkPem#readPublicJwk}, {@link
 * JwkPem#readPrivateJwk} and {@link CertificateChain#parsePem} each end in a value or a {@link
 * JwkitException} with a jose-core code; anything else is a crash. A public key read back from its own
 * PEM is the same key. Encrypted keys are read without a password (PEM_PASSWORD_REQUIRED): decrypting
 * costs up to {@link Pem#MAX_DECRYPTION_ITERATIONS} by design, too slow for fuzzing.
 *
 * <p>Regression inputs: {@code PemFuzzTestInputs/parse/}; fuzzing: {@code fuzz/run PemFuzzTest}.
 */
class PemFuzzTest {

  @FuzzTest
  void parse(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    PemBundle bundle = attempt(() -> Pem.parse(text));
    if (bundle != null) {
      for (PublicKey key : bundle.publicKeys()) {
        assertThat(Pem.readPublicKey(Pem.writePublicKey(key))).isEqualTo(key);
      }
      assertThat(bundle.toString()).isNotNull();
    }
    attempt(() -> JwkPem.readPublicJwk(text));
    attempt(() -> JwkPem.readPrivateJwk(text));
    attempt(() -> CertificateChain.parsePem(text));
  }

  /** The value, or null for a JwkitException with a jose-core code; anything else propagates. */
  static <T> T attempt(Supplier<T> read) {
    try {
      return read.get();
    } catch (JwkitException e) {
      assertThat(e.code()).isInstanceOf(JoseError.class);
      return null;
    }
  }
}
