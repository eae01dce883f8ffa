package dev.jwkit.jose.jws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.Jwk;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 7797 ({@code "b64": false}) in compact, detached and flattened forms. */
class UnencodedPayloadTest {

  // RFC 7797 §4.2 uses the RFC 7515 A.1 key and the payload "$.02".
  private static final Jwk KEY = Jwk.parse(RfcVectorsTest.A1_KEY);
  private static final JwsHeader HEADER = JwsHeader.parse("{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"]}");

  @Test
  void rfc7797s42_detached_matchesTheRfcSignature() {
    byte[] payload = "$.02".getBytes(StandardCharsets.US_ASCII);
    String token = JwsSigner.of(KEY, JwsAlgorithm.HS256).signCompactDetached(HEADER, payload);
    assertThat(token).isEqualTo(
        "eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19..A5dxf2s96_n5FLueVuW1Z_vh161FwXZC4YLPff6dmDY");
    CompactJws jws = CompactJws.parseDetached(token, payload);
    JwsVerifier.of(KEY, JwsAlgorithm.HS256).verify(jws);
    assertThat(jws.header().b64()).isFalse();
    assertThat(new String(jws.signingInput(), StandardCharsets.US_ASCII))
        .isEqualTo("eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19.$.02");
  }

  @Test
  void compact_urlSafePayload_signsAndVerifies() {
    byte[] payload = "hello-world_42".getBytes(StandardCharsets.US_ASCII);
    String token = JwsSigner.of(KEY, JwsAlgorithm.HS256).signCompact(HEADER, payload);
    CompactJws jws = CompactJws.parse(token);
    JwsVerifier.of(KEY, JwsAlgorithm.HS256).verify(jws);
    assertThat(jws.payload()).isEqualTo(payload);
  }

  @Test
  void compact_payloadWithDot_isRefusedAtSigning() {
    assertThatThrownBy(() -> JwsSigner.of(KEY, JwsAlgorithm.HS256).signCompact(HEADER, "$.02".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void flattened_unencodedPayload_signsAndVerifies() {
    byte[] payload = "$.02 any text".getBytes(StandardCharsets.UTF_8);
    FlattenedJws signed = JwsSigner.of(KEY, JwsAlgorithm.HS256).signFlattened(HEADER, Map.of("kid", "k"), payload);
    FlattenedJws parsed = FlattenedJws.parse(signed.toJson());
    JwsVerifier.of(KEY, JwsAlgorithm.HS256).verify(parsed);
    assertThat(parsed.payload()).isEqualTo(payload);
    assertThat(parsed.kid()).contains("k");
  }

  @Test
  void b64FalseSignature_doesNotVerifyAsEncoded() {
    // Stripping b64 from the header changes the signing input: the signature no longer verifies.
    byte[] payload = "abc".getBytes(StandardCharsets.US_ASCII);
    String token = JwsSigner.of(KEY, JwsAlgorithm.HS256).signCompact(HEADER, payload);
    String signature = token.substring(token.lastIndexOf('.') + 1);
    String swapped = JwsHeader.builder().alg(JwsAlgorithm.HS256).build().encoded() + ".YWJj." + signature;
    assertThatThrownBy(() -> JwsVerifier.of(KEY, JwsAlgorithm.HS256).verify(CompactJws.parse(swapped)))
        .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.code()).isEqualTo(JoseError.SIGNATURE_INVALID));
  }
}
