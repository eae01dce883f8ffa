package dev.jwkit.jose.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.JwkitException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtClaimsTest {

  private static final Instant T = Instant.ofEpochSecond(1_700_000_000L);

  @Test
  void builder_everyRegisteredClaim_readBackTyped() {
    JwtClaims claims = JwtClaims.builder()
        .issuer("https://issuer.example")
        .subject("user-42")
        .audience("api://orders")
        .expiration(T.plusSeconds(900))
        .notBefore(T.minusSeconds(5))
        .issuedAt(T)
        .jwtId("id-1")
        .build();

    assertThat(claims.issuer()).contains("https://issuer.example");
    assertThat(claims.subject()).contains("user-42");
    assertThat(claims.audience()).containsExactly("api://orders");
    assertThat(claims.expiration()).contains(T.plusSeconds(900));
    assertThat(claims.notBefore()).contains(T.minusSeconds(5));
    assertThat(claims.issuedAt()).contains(T);
    assertThat(claims.jwtId()).contains("id-1");
    assertThat(claims.toJson()).isEqualTo("{\"iss\":\"https://issuer.example\",\"sub\":\"user-42\","
        + "\"aud\":\"api://orders\",\"exp\":1700000900,\"nbf\":1699999995,\"iat\":1700000000,\"jti\":\"id-1\"}");
  }

  @Test
  void emptyClaims_registeredAccessors_areEmpty() {
    JwtClaims claims = JwtClaims.builder().build();
    assertThat(claims.issuer()).isEmpty();
    assertThat(claims.subject()).isEmpty();
    assertThat(claims.audience()).isEmpty();
    assertThat(claims.expiration()).isEmpty();
    assertThat(claims.notBefore()).isEmpty();
    assertThat(claims.issuedAt()).isEmpty();
    assertThat(claims.jwtId()).isEmpty();
    assertThat(claims.toJson()).isEqualTo("{}");
  }

  @Test
  void parse_audienceString_isSingletonList() {
    assertThat(JwtClaims.parse("{\"aud\":\"a\"}").audience()).containsExactly("a");
  }

  @Test
  void parse_audienceArray_isList() {
    assertThat(JwtClaims.parse("{\"aud\":[\"a\",\"b\"]}").audience()).containsExactly("a", "b");
    assertThat(JwtClaims.parse("{\"aud\":[]}").audience()).isEmpty();
  }

  @Test
  void builder_audience_oneIsStringSeveralIsArray() {
    assertThat(JwtClaims.builder().audience("a").build().toJson()).isEqualTo("{\"aud\":\"a\"}");
    assertThat(JwtClaims.builder().audience("a", "b").build().toJson()).isEqualTo("{\"aud\":[\"a\",\"b\"]}");
    assertThat(JwtClaims.builder().audience(List.of("a")).build().toJson()).isEqualTo("{\"aud\":[\"a\"]}");
  }

  @Test
  void builder_emptyAudienceList_isRefused() {
    assertThatThrownBy(() -> JwtClaims.builder().audience(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JwtClaims.builder().audience("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parse_fractionalNumericDate_keepsSubSecondPrecision() {
    JwtClaims claims = JwtClaims.parse("{\"exp\":1700000000.5,\"iat\":1.7e9,\"nbf\":1700000000.123456789999}");
    assertThat(claims.expiration()).contains(T.plusMillis(500));
    assertThat(claims.issuedAt()).contains(T);
    assertThat(claims.notBefore()).contains(Instant.ofEpochSecond(1_700_000_000L, 123_456_789));
  }

  @Test
  void parse_negativeFractionalNumericDate_roundsDown() {
    assertThat(JwtClaims.parse("{\"exp\":-1.5}").expiration()).contains(Instant.ofEpochSecond(-2, 500_000_000));
  }

  @Test
  void parse_fractionalNumericDate_roundTripsUnchanged() {
    String json = "{\"exp\":1700000000.5,\"custom\":{\"x\":[1,true,null,\"s\"]}}";
    JwtClaims claims = JwtClaims.parse(json);
    assertThat(claims.toJson()).isEqualTo(json);
    assertThat(JwtClaims.parse(claims.toJson())).isEqualTo(claims);
    assertThat(claims.toBuilder().build()).isEqualTo(claims);
  }

  @Test
  void builder_subSecondInstant_isWrittenAsWholeSeconds() {
    JwtClaims claims = JwtClaims.builder().expiration(T.plusMillis(999)).build();
    assertThat(claims.toJson()).isEqualTo("{\"exp\":1700000000}");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"exp\":\"1700000000\"}", "{\"nbf\":true}", "{\"iat\":null}", "{\"exp\":[1]}", "{\"exp\":{}}",
      "{\"exp\":1e999999999}", "{\"exp\":-1e999999999}", "{\"exp\":1e-999999999}",
      "{\"exp\":99999999999999999999}", "{\"exp\":9223372036854775807}",
      "{\"iss\":123}", "{\"iss\":null}", "{\"sub\":[\"a\"]}", "{\"jti\":1}",
      "{\"aud\":1}", "{\"aud\":[\"a\",1]}", "{\"aud\":[null]}", "{\"aud\":{\"a\":1}}", "{\"aud\":[[\"a\"]]}"})
  void parse_registeredClaimOfWrongType_isClaimInvalid(String json) {
    assertThatThrownBy(() -> JwtClaims.parse(json))
        .isInstanceOf(InvalidTokenException.class)
        .extracting(e -> ((JwkitException) e).code()).isEqualTo(JoseError.CLAIM_INVALID);
  }

  @Test
  void parse_duplicateClaim_isRejected() {
    assertThatThrownBy(() -> JwtClaims.parse("{\"iat\":1,\"iat\":2}"))
        .isInstanceOf(JwkitException.class)
        .extracting(e -> ((JwkitException) e).code()).isEqualTo(JoseError.DUPLICATE_MEMBER);
  }

  @Test
  void parse_notAnObject_isMalformed() {
    assertThatThrownBy(() -> JwtClaims.parse("[1]"))
        .extracting(e -> ((JwkitException) e).code()).isEqualTo(JoseError.MALFORMED_INPUT);
  }

  @Test
  void customClaims_typedGetters_returnValues() {
    JwtClaims claims = JwtClaims.builder()
        .claim("s", "text")
        .claim("n", 42)
        .claim("b", true)
        .claim("t", T)
        .claim("l", List.of("x", "y"))
        .claim("o", Map.of("k", "v"))
        .claim("d", 1.25)
        .claim("nul", Json.NULL)
        .build();

    assertThat(claims.stringClaim("s")).contains("text");
    assertThat(claims.longClaim("n")).contains(42L);
    assertThat(claims.booleanClaim("b")).contains(true);
    assertThat(claims.instantClaim("t")).contains(T);
    assertThat(claims.stringListClaim("l")).contains(List.of("x", "y"));
    assertThat(claims.objectClaim("o")).contains(Map.of("k", "v"));
    assertThat(claims.claim("d")).contains(new BigDecimal("1.25"));
    assertThat(claims.claim("nul")).contains(Json.NULL);
    assertThat(claims.hasClaim("nul")).isTrue();
    assertThat(claims.names()).containsExactly("s", "n", "b", "t", "l", "o", "d", "nul");
    assertThat(JwtClaims.parse(claims.toJson())).isEqualTo(claims);
  }

  @Test
  void customClaims_absent_areEmpty() {
    JwtClaims claims = JwtClaims.builder().build();
    assertThat(claims.stringClaim("x")).isEmpty();
    assertThat(claims.longClaim("x")).isEmpty();
    assertThat(claims.booleanClaim("x")).isEmpty();
    assertThat(claims.instantClaim("x")).isEmpty();
    assertThat(claims.stringListClaim("x")).isEmpty();
    assertThat(claims.objectClaim("x")).isEmpty();
    assertThat(claims.claim("x")).isEmpty();
    assertThat(claims.hasClaim("x")).isFalse();
  }

  @Test
  void customClaims_wrongType_isClaimInvalid() {
    JwtClaims claims = JwtClaims.parse(
        "{\"s\":1,\"n\":\"1\",\"f\":1.5,\"big\":99999999999999999999,\"b\":\"true\",\"t\":\"2020\","
            + "\"l\":\"x\",\"ml\":[\"x\",1],\"o\":[],\"nul\":null}");
    assertClaimInvalid(() -> claims.stringClaim("s"));
    assertClaimInvalid(() -> claims.stringClaim("nul"));
    assertClaimInvalid(() -> claims.longClaim("n"));
    assertClaimInvalid(() -> claims.longClaim("f"));
    assertClaimInvalid(() -> claims.longClaim("big"));
    assertClaimInvalid(() -> claims.booleanClaim("b"));
    assertClaimInvalid(() -> claims.instantClaim("t"));
    assertClaimInvalid(() -> claims.stringListClaim("l"));
    assertClaimInvalid(() -> claims.stringListClaim("ml"));
    assertClaimInvalid(() -> claims.objectClaim("o"));
  }

  @Test
  void builder_registeredClaimWithWrongTypeThroughClaim_isRefused() {
    assertThatThrownBy(() -> JwtClaims.builder().claim("exp", "tomorrow")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JwtClaims.builder().claim("iss", 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JwtClaims.builder().claim("aud", List.of(1))).isInstanceOf(IllegalArgumentException.class);
    assertThat(JwtClaims.builder().claim("exp", T).build().expiration()).contains(T);
    assertThat(JwtClaims.builder().claim("aud", List.of("a", "b")).build().audience()).containsExactly("a", "b");
  }

  @Test
  void builder_valueWithoutJsonForm_isRefused() {
    assertThatThrownBy(() -> JwtClaims.builder().claim("x", new Object())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JwtClaims.builder().claim("x", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JwtClaims.builder().claim("x", Map.of(1, "v"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void builder_nestingBeyondTokenLimit_isRefused() {
    Object nested = "leaf";
    for (int i = 0; i < 20; i++) {
      nested = List.of(nested);
    }
    Object deep = nested;
    assertThatThrownBy(() -> JwtClaims.builder().claim("x", deep)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void builder_isReusableAndClaimsAreImmutable() {
    JwtClaims.Builder builder = JwtClaims.builder().subject("a");
    JwtClaims first = builder.build();
    JwtClaims second = builder.subject("b").remove("x").build();
    assertThat(first.subject()).contains("a");
    assertThat(second.subject()).contains("b");
    assertThatThrownBy(() -> first.toJsonObject().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void fromJsonObject_copiesAndChecks() {
    JwtClaims claims = JwtClaims.fromJsonObject(Map.of("iss", "i", "exp", 5L));
    assertThat(claims.issuer()).contains("i");
    assertThat(claims.expiration()).contains(Instant.ofEpochSecond(5));
    assertClaimInvalid(() -> JwtClaims.fromJsonObject(Map.of("iss", 5L)));
  }

  @Test
  void toString_listsNamesButNoValues() {
    JwtClaims claims = JwtClaims.builder().subject("secret-subject").claim("email", "a@example.com").build();
    assertThat(claims.toString()).contains("sub", "email").doesNotContain("secret-subject", "a@example.com");
  }

  @Test
  void claimInvalidMessages_doNotContainValues() {
    assertThatThrownBy(() -> JwtClaims.parse("{\"iss\":12345678}"))
        .hasMessageNotContaining("12345678").hasMessageContaining("'iss'");
    assertThatThrownBy(() -> JwtClaims.parse("{\"exp\":\"sneaky-value\"}")).hasMessageNotContaining("sneaky-value");
  }

  private static void assertClaimInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(InvalidTokenException.class)
        .extracting(e -> ((JwkitException) e).code()).isEqualTo(JoseError.CLAIM_INVALID);
  }
}
