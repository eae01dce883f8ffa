package dev.jwkit.jose.jws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkGenerator;
import dev.jwkit.jose.jwk.PrivateJwk;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every algorithm signs and verifies through the Jwk API, in compact, detached and flattened form. */
class JwsRoundTripTest {

  private static final byte[] PAYLOAD = "{\"iss\":\"https://issuer.example\",\"sub\":\"42\"}".getBytes(StandardCharsets.UTF_8);

  // RSA key generation is slow on the shared machine: two unbound RSA keys serve all RS*/PS* cases.
  private static final Jwk RSA = JwkGenerator.generateRsa(2048);
  private static final Jwk OTHER_RSA = JwkGenerator.generateRsa(2048);

  private static Jwk newKey(JwsAlgorithm alg, boolean other) {
    if (alg.keyType() == dev.jwkit.jose.jwa.KeyType.RSA) {
      return other ? OTHER_RSA : RSA;
    }
    return JwkGenerator.generate(alg);
  }

  @ParameterizedTest
  @EnumSource(JwsAlgorithm.class)
  void signThenVerify_everyAlgorithm_roundTrips(JwsAlgorithm alg) {
    Jwk key = newKey(alg, false);
    Jwk verifyingKey = key instanceof PrivateJwk ? ((PrivateJwk) key).toPublicJwk() : key;
    JwsSigner signer = JwsSigner.of(key, alg);
    JwsVerifier verifier = JwsVerifier.of(verifyingKey, alg);
    assertThat(signer.algorithm()).isEqualTo(alg);
    assertThat(verifier.kid()).isEqualTo(key.kid());
    JwsHeader header = JwsHeader.builder().alg(alg).kid(key.kid().orElse("k")).typ("JWT").build();

    CompactJws compact = CompactJws.parse(signer.signCompact(header, PAYLOAD));
    verifier.verify(compact);
    assertThat(compact.payload()).isEqualTo(PAYLOAD);
    assertThat(compact.header().toJsonObject()).isEqualTo(header.toJsonObject());

    verifier.verify(CompactJws.parseDetached(signer.signCompactDetached(header, PAYLOAD), PAYLOAD));

    FlattenedJws flattened = FlattenedJws.parse(
        signer.signFlattened(JwsHeader.builder().alg(alg).build(), Map.of("kid", "hint"), PAYLOAD).toJson());
    verifier.verify(flattened);
    assertThat(flattened.kid()).contains("hint");

    byte[] input = compact.signingInput();
    byte[] raw = signer.sign(input);
    assertThat(raw).hasSameSizeAs(compact.signature());

    // A token signed by another key of the same kind does not verify.
    Jwk other = newKey(alg, true);
    String foreign = JwsSigner.of(other, alg).signCompact(header, PAYLOAD);
    assertThatThrownBy(() -> verifier.verify(CompactJws.parse(foreign)))
        .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.code()).isEqualTo(JoseError.SIGNATURE_INVALID));
  }
}
