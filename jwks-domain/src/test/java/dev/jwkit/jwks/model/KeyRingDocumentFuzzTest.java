package dev.jwkit.jwks.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jwkit.jose.JwkitException;

/**
 * Jazzer fuzz target for {@link KeyRingDocument#parse}: a ring or a {@link JwkitException} with {@link
 * KeyRingError#DOCUMENT_INVALID}, its only documented code; anything else is a crash. A parsed ring reads
 * back from its own document with the same content and version.
 *
 * <p>Regression inputs: {@code KeyRingDocumentFuzzTestInputs/parse/}; fuzzing: {@code fuzz/run KeyRingDocumentFuzzTest}.
 */
class KeyRingDocumentFuzzTest {

  @FuzzTest
  void parse(byte[] input) {
    KeyRing ring;
    try {
      ring = KeyRingDocument.parse(input);
    } catch (JwkitException e) {
      assertThat(e.code()).isEqualTo(KeyRingError.DOCUMENT_INVALID);
      return;
    }
    KeyRing again = KeyRingDocument.parse(KeyRingDocument.toJson(ring));
    assertThat(again.sameContentAs(ring)).isTrue();
    assertThat(again.version()).isEqualTo(ring.version());
  }
}
