package dev.jwkit.jose.jwk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.ErrorCode;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Invalid JWKs, each refused with the right {@link JoseError}. */
class JwkValidationTest {

  static final String X = "MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4";
  static final String Y = "4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM";
  static final String D = "870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE";
  static final String OTHER_D = "yy49oPcINGK2ps0LmtxpB6UTEOiITghHBif6wDqmJ3c";
  static final String ED_X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
  static final String ED_D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
  static final String HS256_K = "hJtXIZ2uSN5kbQfbtTNWbpdmhkV8FJG-Onbc6mxCcYg";

  static String ec(String extra) {
    return "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + X + "\",\"y\":\"" + Y + "\"" + extra + "}";
  }

  static String rsaPublic() {
    String n = RfcN.N;
    return "{\"kty\":\"RSA\",\"n\":\"" + n + "\",\"e\":\"AQAB\"}";
  }

  private static void assertCode(String json, ErrorCode code) {
    assertThatThrownBy(() -> Jwk.parse(json))
        .isInstanceOf(JwkitException.class)
        .satisfies(e -> assertThat(((JwkitException) e).code()).isEqualTo(code));
  }

  @Test
  void validBaseKeys_parse() {
    assertThat(Jwk.parse(ec(""))).isInstanceOf(EcPublicJwk.class);
    assertThat(Jwk.parse(ec(",\"d\":\"" + D + "\""))).isInstanceOf(EcPrivateJwk.class);
    assertThat(Jwk.parse(rsaPublic())).isInstanceOf(RsaPublicJwk.class);
  }

  @Test
  void ecPointOffCurve_isInvalidKey() {
    assertCode(ec("").replace(Y, "4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyQ"), JoseError.INVALID_KEY);
  }

  @Test
  void ecZeroPoint_isInvalidKey() {
    String zero = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    assertCode(ec("").replace(X, zero).replace(Y, zero), JoseError.INVALID_KEY);
  }

  @Test
  void ecCoordinateNotBelowFieldPrime_isInvalidKey() {
    String max = "__________________________________________8";
    assertCode(ec("").replace(X, max), JoseError.INVALID_KEY);
  }

  @Test
  void ecWrongCoordinateLength_isInvalidKey() {
    byte[] x = dev.jwkit.jose.Base64Url.decode(X);
    byte[] shorter = java.util.Arrays.copyOfRange(x, 1, 32);
    byte[] longer = new byte[33];
    System.arraycopy(x, 0, longer, 1, 32);
    assertCode(ec("").replace(X, dev.jwkit.jose.Base64Url.encode(shorter)), JoseError.INVALID_KEY);
    assertCode(ec("").replace(X, dev.jwkit.jose.Base64Url.encode(longer)), JoseError.INVALID_KEY);
  }

  @Test
  void ecCurveLabelWrong_isInvalidKey() {
    assertCode(ec("").replace("P-256", "P-384"), JoseError.INVALID_KEY);
  }

  @Test
  void ecPrivateScalarWrongLengthOrRange_isInvalidKey() {
    assertCode(ec(",\"d\":\"" + D.substring(0, 42) + "\""), JoseError.INVALID_KEY);
    assertCode(ec(",\"d\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\""), JoseError.INVALID_KEY);
    assertCode(ec(",\"d\":\"__________________________________________8\""), JoseError.INVALID_KEY);
  }

  @Test
  void ecMismatchedPrivatePublic_isInvalidKey() {
    assertCode(ec(",\"d\":\"" + OTHER_D + "\""), JoseError.INVALID_KEY);
  }

  @Test
  void okpMismatchedPrivatePublic_isInvalidKey() {
    assertCode("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + ED_X + "\",\"d\":\"" + OTHER_D + "\"}", JoseError.INVALID_KEY);
  }

  @Test
  void okpWrongLengths_areInvalidKey() {
    assertCode("{\"kty\":\"OKP\",\"crv\":\"Ed448\",\"x\":\"" + ED_X + "\"}", JoseError.INVALID_KEY);
    assertCode("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + ED_X + "\",\"d\":\"" + ED_D.substring(0, 40) + "\"}",
        JoseError.INVALID_KEY);
  }

  @Test
  void ed25519NonCanonicalPoint_isInvalidKeyOnFirstUse() {
    byte[] ff = new byte[32];
    java.util.Arrays.fill(ff, (byte) 0xFF);
    PublicJwk key = (PublicJwk) Jwk.parse("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\""
        + dev.jwkit.jose.Base64Url.encode(ff) + "\"}");
    assertThatThrownBy(key::toPublicKey)
        .isInstanceOf(JwkitException.class)
        .satisfies(e -> assertThat(((JwkitException) e).code()).isEqualTo(JoseError.INVALID_KEY));
  }

  @Test
  void okpCurveOnEcKey_isInvalidKey() {
    assertCode(ec("").replace("P-256", "Ed25519"), JoseError.INVALID_KEY);
  }

  @Test
  void xdhKeyMarkedForSigning_isInvalidKey() {
    assertCode("{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"3p7bfXt9wbTTW2HC7OQ1Nz-DQ8hbeGdNrfx-FG-IK08\",\"use\":\"sig\"}",
        JoseError.INVALID_KEY);
    assertCode("{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"3p7bfXt9wbTTW2HC7OQ1Nz-DQ8hbeGdNrfx-FG-IK08\",\"alg\":\"EdDSA\"}",
        JoseError.INVALID_KEY);
  }

  @ParameterizedTest
  @CsvSource({"AQ, exponent one", "Ag, even exponent", "AAEAAQ, leading zero", "AA, zero"})
  void rsaBadExponent_isInvalidKey(String e, String why) {
    assertCode(rsaPublic().replace("\"AQAB\"", "\"" + e + "\""), JoseError.INVALID_KEY);
  }

  @Test
  void rsaModulusLeadingZeroOrEven_isInvalidKey() {
    assertCode(rsaPublic().replace("\"n\":\"", "\"n\":\"AA"), JoseError.INVALID_KEY);
    String even = RfcN.N.substring(0, RfcN.N.length() - 1) + "A"; // last 6 bits 0: even
    assertCode(rsaPublic().replace(RfcN.N, even), JoseError.INVALID_KEY);
  }

  @Test
  void rsa1024BitKey_parses() {
    Jwk key = Jwk.parse(RfcN.RSA_1024_PUBLIC);
    assertThat(((RsaPublicJwk) key).modulusBits()).isEqualTo(1024);
  }

  @Test
  void rsaRocaKey_parsesButIsRefusedOnFirstUse() {
    PublicJwk key = (PublicJwk) Jwk.parse(RfcN.RSA_ROCA_PUBLIC);
    for (org.junit.jupiter.api.function.Executable use : java.util.List.<org.junit.jupiter.api.function.Executable>of(
        key::toPublicKey,
        () -> JwkAlgorithmBinding.checkUsableFor(key, dev.jwkit.jose.jwa.JwsAlgorithm.RS256, KeyUsage.VERIFY))) {
      assertThatThrownBy(use::execute)
          .isInstanceOf(JwkitException.class)
          .satisfies(e -> assertThat(((JwkitException) e).code()).isEqualTo(JoseError.INVALID_KEY))
          .hasMessageContaining("ROCA");
    }
    assertThat(JwkSet.of(java.util.List.of(key)).candidatesFor(java.util.Optional.empty(),
        dev.jwkit.jose.jwa.JwsAlgorithm.RS256)).isEmpty();
  }

  @Test
  void rsaOth_isUnsupported() {
    assertCode(RfcN.RSA_PRIVATE.replace("}", ",\"oth\":[]}"), JoseError.UNSUPPORTED_KEY);
  }

  @Test
  void rsaPartialCrt_isInvalidKey() {
    assertCode(RfcN.RSA_PRIVATE.replaceAll(",\"qi\":\"[^\"]*\"", ""), JoseError.INVALID_KEY);
  }

  @Test
  void rsaCrtWithoutD_isInvalidKey() {
    assertCode(RfcN.RSA_PRIVATE.replaceAll(",\"d\":\"[^\"]*\"", ""), JoseError.INVALID_KEY);
  }

  @Test
  void rsaMismatchedPrivatePublic_isInvalidKey() {
    // d and the CRT members of the RFC 7517 A.2 key under the RFC 7517 C.1 modulus
    assertCode(RfcN.RSA_PRIVATE.replace(RfcN.N, RfcN.OTHER_N), JoseError.INVALID_KEY);
    // d alone that does not belong to n
    assertCode(RfcN.RSA_PRIVATE.replaceAll(",\"(p|q|dp|dq|qi)\":\"[^\"]*\"", "").replace(RfcN.N, RfcN.OTHER_N),
        JoseError.INVALID_KEY);
  }

  @Test
  void paddedBase64_isMalformed() {
    assertCode(ec("").replace(Y, Y + "="), JoseError.MALFORMED_INPUT);
  }

  @Test
  void base64WithNonZeroTrailingBits_isMalformed() {
    assertCode(ec("").replace(Y, Y.substring(0, 42) + "N"), JoseError.MALFORMED_INPUT);
  }

  @Test
  void base64StandardAlphabet_isMalformed() {
    assertCode("{\"kty\":\"oct\",\"k\":\"hJtXIZ2uSN5kbQfbtTNWbpdmhkV8FJG+Onbc6mxCcYg\"}", JoseError.MALFORMED_INPUT);
  }

  @Test
  void crvAlgMismatch_isInvalidKey() {
    assertCode(ec(",\"alg\":\"ES384\""), JoseError.INVALID_KEY);
    assertCode(ec(",\"alg\":\"RS256\""), JoseError.INVALID_KEY);
    assertCode(ec(",\"alg\":\"ES256K\""), JoseError.INVALID_KEY);
  }

  @Test
  void unregisteredAlg_isUnsupported() {
    assertCode(ec(",\"alg\":\"ES521\""), JoseError.UNSUPPORTED_KEY);
    assertCode(ec(",\"alg\":\"none\""), JoseError.UNSUPPORTED_KEY);
    assertCode(ec(",\"alg\":\"es256\""), JoseError.UNSUPPORTED_KEY);
  }

  @ParameterizedTest
  @CsvSource({"HS256, 31", "HS384, 47", "HS512, 63"})
  void shortHmacKey_isInvalidKey(String alg, int bytes) {
    String k = dev.jwkit.jose.Base64Url.encode(new byte[bytes]);
    assertCode("{\"kty\":\"oct\",\"k\":\"" + k + "\",\"alg\":\"" + alg + "\"}", JoseError.INVALID_KEY);
    String ok = dev.jwkit.jose.Base64Url.encode(new byte[bytes + 1]);
    assertThat(Jwk.parse("{\"kty\":\"oct\",\"k\":\"" + ok + "\",\"alg\":\"" + alg + "\"}")).isInstanceOf(OctJwk.class);
  }

  @Test
  void emptyOctKey_isInvalidKey() {
    assertCode("{\"kty\":\"oct\",\"k\":\"\"}", JoseError.INVALID_KEY);
  }

  @Test
  void duplicateMember_isRejected() {
    assertCode("{\"kty\":\"oct\",\"k\":\"" + HS256_K + "\",\"k\":\"" + HS256_K + "\"}", JoseError.DUPLICATE_MEMBER);
    assertCode("{\"kty\":\"oct\",\"kid\":\"a\",\"k\":\"" + HS256_K + "\",\"kid\":\"b\"}", JoseError.DUPLICATE_MEMBER);
  }

  @Test
  void nonStringKid_isMalformed() {
    assertCode(ec(",\"kid\":123"), JoseError.MALFORMED_INPUT);
    assertCode(ec(",\"kid\":null"), JoseError.MALFORMED_INPUT);
    assertCode(ec(",\"kid\":[\"a\"]"), JoseError.MALFORMED_INPUT);
  }

  @Test
  void nonStringMembers_areMalformed() {
    assertCode("{\"kty\":1}", JoseError.MALFORMED_INPUT);
    assertCode(ec("").replace("\"" + X + "\"", "12"), JoseError.MALFORMED_INPUT);
    assertCode(ec(",\"key_ops\":\"sign\""), JoseError.MALFORMED_INPUT);
    assertCode(ec(",\"key_ops\":[1]"), JoseError.MALFORMED_INPUT);
    assertCode(ec(",\"x5c\":\"MIIB\""), JoseError.MALFORMED_INPUT);
  }

  @Test
  void missingMembers_areMalformed() {
    assertCode("{\"crv\":\"P-256\"}", JoseError.MALFORMED_INPUT);
    assertCode("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + X + "\"}", JoseError.MALFORMED_INPUT);
    assertCode("{\"kty\":\"oct\"}", JoseError.MALFORMED_INPUT);
  }

  @Test
  void unknownKtyOrCrv_isUnsupported() {
    assertCode("{\"kty\":\"ec\",\"crv\":\"P-256\"}", JoseError.UNSUPPORTED_KEY);
    assertCode(ec("").replace("P-256", "P-224"), JoseError.UNSUPPORTED_KEY);
  }

  @Test
  void memberOfAnotherKeyType_isInvalidKey() {
    assertCode(ec(",\"k\":\"" + HS256_K + "\""), JoseError.INVALID_KEY);
    assertCode("{\"kty\":\"oct\",\"k\":\"" + HS256_K + "\",\"crv\":\"P-256\"}", JoseError.INVALID_KEY);
  }

  @Test
  void keyOpsDuplicates_isMalformed() {
    assertCode(ec(",\"key_ops\":[\"verify\",\"verify\"]"), JoseError.MALFORMED_INPUT);
  }

  @Test
  void useAndKeyOpsInconsistent_isInvalidKey() {
    assertCode(ec(",\"use\":\"sig\",\"key_ops\":[\"encrypt\"]"), JoseError.INVALID_KEY);
    assertCode(ec(",\"use\":\"enc\",\"key_ops\":[\"verify\"]"), JoseError.INVALID_KEY);
    assertCode(ec(",\"use\":\"enc\",\"alg\":\"ES256\""), JoseError.INVALID_KEY);
    assertThat(Jwk.parse(ec(",\"use\":\"sig\",\"key_ops\":[\"verify\"]"))).isNotNull();
  }

  @Test
  void x5cNotStandardBase64_isMalformed() {
    assertCode(ec(",\"x5c\":[\"MIIB-_\"]"), JoseError.MALFORMED_INPUT);
    assertCode(ec(",\"x5c\":[\"\"]"), JoseError.MALFORMED_INPUT);
  }

  @Test
  void x5tWrongLength_isMalformed() {
    assertCode(ec(",\"x5t\":\"" + X + "\""), JoseError.MALFORMED_INPUT);
    assertCode(ec(",\"x5t#S256\":\"AAAA\""), JoseError.MALFORMED_INPUT);
  }

  @Test
  void notAnObject_isMalformed() {
    assertCode("[]", JoseError.MALFORMED_INPUT);
    assertCode("\"kty\"", JoseError.MALFORMED_INPUT);
    assertCode("{\"kty\":\"EC\"", JoseError.MALFORMED_INPUT);
  }

  @Test
  void parsePublic_privateOrOct_isInvalidKey() {
    assertThatThrownBy(() -> PublicJwk.parsePublic(ec(",\"d\":\"" + D + "\"")))
        .isInstanceOf(JwkitException.class)
        .satisfies(e -> assertThat(((JwkitException) e).code()).isEqualTo(JoseError.INVALID_KEY));
    assertThatThrownBy(() -> PublicJwk.parsePublic("{\"kty\":\"oct\",\"k\":\"" + HS256_K + "\"}"))
        .isInstanceOf(JwkitException.class);
    assertThat(PublicJwk.parsePublic(ec(""))).isInstanceOf(EcPublicJwk.class);
  }

  @Test
  void metadataThatDoesNotFit_isRefusedByWithMetadata() {
    Jwk key = Jwk.parse(ec(""));
    assertThatThrownBy(() -> key.withMetadata(JwkMetadata.builder().alg("ES512").build()))
        .isInstanceOf(JwkitException.class)
        .satisfies(e -> assertThat(((JwkitException) e).code()).isEqualTo(JoseError.INVALID_KEY));
  }
}
