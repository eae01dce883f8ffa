package dev.jwkit.jose.jws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.PrivateJwk;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RFC 7515 Appendix A, RFC 7520 §4 and RFC 8037 A.4/A.5 examples: byte for byte where the algorithm is
 * deterministic, verification otherwise.
 */
class RfcVectorsTest {

  // RFC 7515 A.1-A.4: values from the RFC (also cross-checked against the RFC text quoted in several
  // public test suites). The payload uses CRLF line breaks, as in the RFC.
  static final String RFC7515_PAYLOAD_B64 =
      "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
  static final String RFC7515_PAYLOAD =
      "{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}";

  static final String A1_KEY = "{\"kty\":\"oct\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\"}";
  static final String A1_TOKEN = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9." + RFC7515_PAYLOAD_B64
      + ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

  static final String A2_KEY = "{\"kty\":\"RSA\","
      + "\"n\":\"ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ\","
      + "\"e\":\"AQAB\","
      + "\"d\":\"Eq5xpGnNCivDflJsRQBXHx1hdR1k6Ulwe2JZD50LpXyWPEAeP88vLNO97IjlA7_GQ5sLKMgvfTeXZx9SE-7YwVol2NXOoAJe46sui395IW_GO-pWJ1O0BkTGoVEn2bKVRUCgu-GjBVaYLU6f3l9kJfFNS3E0QbVdxzubSu3Mkqzjkn439X0M_V51gfpRLI9JYanrC4D4qAdGcopV_0ZHHzQlBjudU2QvXt4ehNYTCBr6XCLQUShb1juUO1ZdiYoFaFQT5Tw8bGUl_x_jTj3ccPDVZFD9pIuhLhBOneufuBiB4cS98l2SR_RQyGWSeWjnczT0QU91p1DhOVRuOopznQ\","
      + "\"p\":\"4BzEEOtIpmVdVEZNCqS7baC4crd0pqnRH_5IB3jw3bcxGn6QLvnEtfdUdiYrqBdss1l58BQ3KhooKeQTa9AB0Hw_Py5PJdTJNPY8cQn7ouZ2KKDcmnPGBY5t7yLc1QlQ5xHdwW1VhvKn-nXqhJTBgIPgtldC-KDV5z-y2XDwGUc\","
      + "\"q\":\"uQPEfgmVtjL0Uyyx88GZFF1fOunH3-7cepKmtH4pxhtCoHqpWmT8YAmZxaewHgHAjLYsp1ZSe7zFYHj7C6ul7TjeLQeZD_YwD66t62wDmpe_HlB-TnBA-njbglfIsRLtXlnDzQkv5dTltRJ11BKBBypeeF6689rjcJIDEz9RWdc\","
      + "\"dp\":\"BwKfV3Akq5_MFZDFZCnW-wzl-CCo83WoZvnLQwCTeDv8uzluRSnm71I3QCLdhrqE2e9YkxvuxdBfpT_PI7Yz-FOKnu1R6HsJeDCjn12Sk3vmAktV2zb34MCdy7cpdTh_YVr7tss2u6vneTwrA86rZtu5Mbr1C1XsmvkxHQAdYo0\","
      + "\"dq\":\"h_96-mK1R_7glhsum81dZxjTnYynPbZpHziZjeeHcXYsXaaMwkOlODsWa7I9xXDoRwbKgB719rrmI2oKr6N3Do9U0ajaHF-NKJnwgjMd2w9cjz3_-kyNlxAr2v4IKhGNpmM5iIgOS1VZnOZ68m6_pbLBSp3nssTdlqvd0tIiTHU\","
      + "\"qi\":\"IYd7DHOhrWvxkwPQsRM2tOgrjbcrfvtQJipd-DlcxyVuuM9sQLdgjVk2oy26F0EmpScGLq2MowX7fhd_QJQ3ydy5cY7YIBi87w93IKLEdfnbJtoOPLUW0ITrJReOgo1cq9SbsxYawBgfp_gh6A5603k2-ZQwVK0JKSHuLFkuQ3U\"}";
  static final String A2_TOKEN = "eyJhbGciOiJSUzI1NiJ9." + RFC7515_PAYLOAD_B64 + "."
      + "cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw";

  static final String A3_KEY = "{\"kty\":\"EC\",\"crv\":\"P-256\","
      + "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\",\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\","
      + "\"d\":\"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI\"}";
  static final String A3_TOKEN = "eyJhbGciOiJFUzI1NiJ9." + RFC7515_PAYLOAD_B64 + "."
      + "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";

  static final String A4_KEY = "{\"kty\":\"EC\",\"crv\":\"P-521\","
      + "\"x\":\"AekpBQ8ST8a8VcfVOTNl353vSrDCLLJXmPk06wTjxrrjcBpXp5EOnYG_NjFZ6OvLFV1jSfS9tsz4qUxcWceqwQGk\","
      + "\"y\":\"ADSmRA43Z1DSNx_RvcLI87cdL07l6jQyyBXMoxVg_l2Th-x3S1WDhjDly79ajL4Kkd0AZMaZmh9ubmf63e3kyMj2\","
      + "\"d\":\"AY5pb7A0UFiB3RELSD64fTLOSV_jazdF7fLYyuTw8lOfRhWg6Y6rUrPAxerEzgdRhajnu0ferB0d53vM9mE15j2C\"}";
  static final String A4_TOKEN = "eyJhbGciOiJFUzUxMiJ9.UGF5bG9hZA."
      + "AdwMgeerwtHoh-l192l60hp9wAHZFVJbLfD_UxMi70cwnZOYaRI1bKPWROc-mZZqwqT2SI-KGDKB34XO0aw_7XdtAG8GaSwFKdCAPZgoXD2YBJZCPEX3xKpRwcdOO8KpEHwJjyqOgzDO7iKvU8vcnwNrmxYbSW9ERBXukOXolLzeO_Jn";

  static final String A5_TOKEN = "eyJhbGciOiJub25lIn0." + RFC7515_PAYLOAD_B64 + ".";

  @Test
  void rfc7515A1_hs256_signsByteForByte() {
    Jwk key = Jwk.parse(A1_KEY);
    JwsHeader header = JwsHeader.parse("{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}");
    String token = JwsSigner.of(key, JwsAlgorithm.HS256)
        .signCompact(header, RFC7515_PAYLOAD.getBytes(StandardCharsets.UTF_8));
    assertThat(token).isEqualTo(A1_TOKEN);
    CompactJws jws = CompactJws.parse(A1_TOKEN);
    JwsVerifier.of(key, JwsAlgorithm.HS256).verify(jws);
    assertThat(new String(jws.payload(), StandardCharsets.UTF_8)).isEqualTo(RFC7515_PAYLOAD);
    assertThat(jws.header().typ()).contains("JWT");
  }

  @Test
  void rfc7515A2_rs256_signsByteForByte() {
    PrivateJwk key = (PrivateJwk) Jwk.parse(A2_KEY);
    String token = JwsSigner.of(key, JwsAlgorithm.RS256).signCompact(
        JwsHeader.builder().alg(JwsAlgorithm.RS256).build(), RFC7515_PAYLOAD.getBytes(StandardCharsets.UTF_8));
    assertThat(token).isEqualTo(A2_TOKEN);
    JwsVerifier.of(key.toPublicJwk(), JwsAlgorithm.RS256).verify(CompactJws.parse(A2_TOKEN));
  }

  @Test
  void rfc7515A3_es256_verifies() {
    PrivateJwk key = (PrivateJwk) Jwk.parse(A3_KEY);
    JwsVerifier verifier = JwsVerifier.of(key.toPublicJwk(), JwsAlgorithm.ES256);
    verifier.verify(CompactJws.parse(A3_TOKEN));
    // ECDSA is randomised: a fresh signature differs but verifies with the same key.
    String fresh = JwsSigner.of(key, JwsAlgorithm.ES256).signCompact(
        JwsHeader.builder().alg(JwsAlgorithm.ES256).build(), RFC7515_PAYLOAD.getBytes(StandardCharsets.UTF_8));
    verifier.verify(CompactJws.parse(fresh));
    assertThat(CompactJws.parse(fresh).signature()).hasSize(64);
  }

  @Test
  void rfc7515A4_es512_verifies() {
    PrivateJwk key = (PrivateJwk) Jwk.parse(A4_KEY);
    JwsVerifier verifier = JwsVerifier.of(key.toPublicJwk(), JwsAlgorithm.ES512);
    CompactJws jws = CompactJws.parse(A4_TOKEN);
    verifier.verify(jws);
    assertThat(new String(jws.payload(), StandardCharsets.US_ASCII)).isEqualTo("Payload");
    String fresh = JwsSigner.of(key, JwsAlgorithm.ES512).signCompact(
        JwsHeader.builder().alg(JwsAlgorithm.ES512).build(), "Payload".getBytes(StandardCharsets.US_ASCII));
    assertThat(CompactJws.parse(fresh).signature()).hasSize(132);
    verifier.verify(CompactJws.parse(fresh));
  }

  @Test
  void rfc7515A5_unsecured_isRejected() {
    assertThatThrownBy(() -> CompactJws.parse(A5_TOKEN))
        .isInstanceOfSatisfying(InvalidTokenException.class,
            e -> assertThat(e.code()).isEqualTo(JoseError.UNSUPPORTED_ALGORITHM));
  }

  // ---------------------------------------------------------------------------------------------
  // RFC 7520 §4

  private static Map<String, Object> cookbook(String file) {
    return Vectors.load("rfc7520/" + file);
  }

  private static Jwk key(Map<String, Object> vector) {
    return Jwk.fromJsonObject(Vectors.object(Vectors.at(vector, "input", "key")));
  }

  private static byte[] payload(Map<String, Object> vector) {
    return ((String) Vectors.at(vector, "input", "payload")).getBytes(StandardCharsets.UTF_8);
  }

  private static JwsHeader protectedHeader(Map<String, Object> vector) {
    return JwsHeader.parse(new String(dev.jwkit.jose.Base64Url.decode(
        (String) Vectors.at(vector, "signing", "protected_b64u")), StandardCharsets.UTF_8));
  }

  @Test
  void rfc7520s41_rs256_signsByteForByte() {
    Map<String, Object> vector = cookbook("4_1.rsa_v15_signature.json");
    PrivateJwk key = (PrivateJwk) key(vector);
    String expected = (String) Vectors.at(vector, "output", "compact");
    assertThat(JwsSigner.of(key, JwsAlgorithm.RS256).signCompact(protectedHeader(vector), payload(vector)))
        .isEqualTo(expected);
    CompactJws jws = CompactJws.parse(expected);
    JwsVerifier.of(key.toPublicJwk(), JwsAlgorithm.RS256).verify(jws);
    assertThat(jws.payload()).isEqualTo(payload(vector));
    assertThat(jws.header().kid()).contains("bilbo.baggins@hobbiton.example");
  }

  @Test
  void rfc7520s42_ps384_verifies() {
    Map<String, Object> vector = cookbook("4_2.rsa-pss_signature.json");
    PrivateJwk key = (PrivateJwk) key(vector);
    JwsVerifier verifier = JwsVerifier.of(key.toPublicJwk(), JwsAlgorithm.PS384);
    verifier.verify(CompactJws.parse((String) Vectors.at(vector, "output", "compact")));
    verifier.verify(FlattenedJws.parse(Json.write(Vectors.object(Vectors.at(vector, "output", "json_flat")))));
    String fresh = JwsSigner.of(key, JwsAlgorithm.PS384).signCompact(protectedHeader(vector), payload(vector));
    verifier.verify(CompactJws.parse(fresh));
  }

  @Test
  void rfc7520s43_es512_verifies() {
    Map<String, Object> vector = cookbook("4_3.ecdsa_signature.json");
    PrivateJwk key = (PrivateJwk) key(vector);
    JwsVerifier verifier = JwsVerifier.of(key.toPublicJwk(), JwsAlgorithm.ES512);
    verifier.verify(CompactJws.parse((String) Vectors.at(vector, "output", "compact")));
    verifier.verify(FlattenedJws.parse(Json.write(Vectors.object(Vectors.at(vector, "output", "json_flat")))));
    String fresh = JwsSigner.of(key, JwsAlgorithm.ES512).signCompact(protectedHeader(vector), payload(vector));
    verifier.verify(CompactJws.parse(fresh));
  }

  @Test
  void rfc7520s44_hs256_signsByteForByte() {
    Map<String, Object> vector = cookbook("4_4.hmac-sha2_integrity_protection.json");
    Jwk key = key(vector);
    String expected = (String) Vectors.at(vector, "output", "compact");
    assertThat(JwsSigner.of(key, JwsAlgorithm.HS256).signCompact(protectedHeader(vector), payload(vector)))
        .isEqualTo(expected);
    JwsVerifier.of(key, JwsAlgorithm.HS256).verify(CompactJws.parse(expected));
  }

  @Test
  void rfc7520s45_detachedContent_signsAndVerifies() {
    Map<String, Object> vector = cookbook("4_5.signature_with_detached_content.json");
    Jwk key = key(vector);
    String expected = (String) Vectors.at(vector, "output", "compact");
    assertThat(JwsSigner.of(key, JwsAlgorithm.HS256).signCompactDetached(protectedHeader(vector), payload(vector)))
        .isEqualTo(expected);
    CompactJws jws = CompactJws.parseDetached(expected, payload(vector));
    assertThat(jws.isDetached()).isTrue();
    JwsVerifier.of(key, JwsAlgorithm.HS256).verify(jws);
    CompactJws wrongContent = CompactJws.parseDetached(expected, "other".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> JwsVerifier.of(key, JwsAlgorithm.HS256).verify(wrongContent))
        .isInstanceOfSatisfying(InvalidTokenException.class,
            e -> assertThat(e.code()).isEqualTo(JoseError.SIGNATURE_INVALID));
  }

  @Test
  void rfc7520s46_flattenedWithUnprotectedKid_signsAndVerifies() {
    Map<String, Object> vector = cookbook("4_6.protecting_specific_header_fields.json");
    Jwk key = key(vector);
    Map<String, Object> flat = Vectors.object(Vectors.at(vector, "output", "json_flat"));
    FlattenedJws parsed = FlattenedJws.parse(Json.write(flat));
    JwsVerifier.of(key, JwsAlgorithm.HS256).verify(parsed);
    assertThat(parsed.kid()).contains("018c0ae5-4d9b-471b-bfd6-eef314bc7037");
    assertThat(parsed.unprotectedHeader()).containsEntry("kid", "018c0ae5-4d9b-471b-bfd6-eef314bc7037");

    FlattenedJws signed = JwsSigner.of(key, JwsAlgorithm.HS256).signFlattened(
        protectedHeader(vector), Map.of("kid", "018c0ae5-4d9b-471b-bfd6-eef314bc7037"), payload(vector));
    assertThat(Json.parseObject(signed.toJson())).isEqualTo(flat);
  }

  @Test
  void rfc7520s47_contentOnlyProtection_isRejected() {
    // Deviation by design: jwkit requires alg in the protected header, so a JWS whose protected header
    // is absent (RFC 7520 §4.7) is refused rather than letting an unprotected header pick the algorithm.
    Map<String, Object> vector = cookbook("4_7.protecting_content_only.json");
    String json = Json.write(Vectors.object(Vectors.at(vector, "output", "json_flat")));
    assertThatThrownBy(() -> FlattenedJws.parse(json))
        .isInstanceOfSatisfying(InvalidTokenException.class,
            e -> assertThat(e.code()).isEqualTo(JoseError.MALFORMED_INPUT));
  }

  @Test
  void rfc8037A4A5_ed25519_signsByteForByteAndVerifies() {
    Map<String, Object> vector = cookbook("curve25519_jws.json");
    PrivateJwk key = (PrivateJwk) key(vector);
    String expected = (String) Vectors.at(vector, "output", "compact");
    assertThat(JwsSigner.of(key, JwsAlgorithm.EdDSA).signCompact(protectedHeader(vector), payload(vector)))
        .isEqualTo(expected);
    JwsVerifier.of(key.toPublicJwk(), JwsAlgorithm.EdDSA).verify(CompactJws.parse(expected));
    JwsVerifier.of(key.toPublicJwk(), JwsAlgorithm.EdDSA)
        .verify(FlattenedJws.parse(Json.write(Vectors.object(Vectors.at(vector, "output", "json_flat")))));
  }
}
