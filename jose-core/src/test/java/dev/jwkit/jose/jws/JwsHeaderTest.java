package dev.jwkit.jose.jws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwsHeaderTest {

  @Test
  void builder_allParameters_roundTripThroughJson() {
    JwsHeader header = JwsHeader.builder()
        .typ("at+jwt").kid("k1").alg(JwsAlgorithm.ES256).cty("JWT")
        .jku("https://issuer.example/jwks").x5u("https://issuer.example/cert")
        .x5c(List.of("MIIB")).x5t("dGh1bWI").x5tS256("dGh1bWIy")
        .jwk(Map.of("kty", "EC", "crv", "P-256", "x", "AA", "y", "BB"))
        .parameter("urn:example:claim", "v")
        .build();
    assertThat(header.toJson()).startsWith("{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"k1\"");
    JwsHeader parsed = JwsHeader.parse(header.toJson());
    assertThat(parsed.alg()).isEqualTo(JwsAlgorithm.ES256);
    assertThat(parsed.typ()).contains("at+jwt");
    assertThat(parsed.kid()).contains("k1");
    assertThat(parsed.cty()).contains("JWT");
    assertThat(parsed.jku()).contains("https://issuer.example/jwks");
    assertThat(parsed.x5u()).contains("https://issuer.example/cert");
    assertThat(parsed.x5c()).containsExactly("MIIB");
    assertThat(parsed.x5t()).contains("dGh1bWI");
    assertThat(parsed.x5tS256()).contains("dGh1bWIy");
    assertThat(parsed.jwk()).hasValueSatisfying(jwk -> assertThat(jwk).containsEntry("kty", "EC"));
    assertThat(parsed.parameter("urn:example:claim")).contains("v");
    assertThat(parsed.toJsonObject()).isEqualTo(header.toJsonObject());
    assertThat(parsed.b64()).isTrue();
    assertThat(parsed.crit()).isEmpty();
  }

  @Test
  void parse_keepsExactBytes() {
    String json = "{ \"alg\" : \"HS256\",\r\n \"kid\":\"a\" }";
    assertThat(JwsHeader.parse(json).toJson()).isEqualTo(json);
  }

  @Test
  void builder_b64False_addsCritAndIsUnderstood() {
    JwsHeader header = JwsHeader.builder().alg(JwsAlgorithm.HS256).b64(false).build();
    assertThat(header.b64()).isFalse();
    assertThat(header.crit()).containsExactly("b64");
    assertThat(JwsHeader.parse(header.toJson()).b64()).isFalse();
  }

  @Test
  void builder_withoutAlg_isIllegalState() {
    assertThatThrownBy(() -> JwsHeader.builder().kid("k").build()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void builder_registeredNameAsParameter_isIllegalArgument() {
    assertThatThrownBy(() -> JwsHeader.builder().parameter("alg", "none")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JwsHeader.builder().parameter("crit", List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JwsHeader.builder().jwk(Map.of("kty", "EC", "d", "x"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parse_unknownAlgorithm_isUnsupported() {
    assertThatThrownBy(() -> JwsHeader.parse("{\"alg\":\"HS1\"}"))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(JoseError.UNSUPPORTED_ALGORITHM));
  }

  @Test
  void toBuilder_derivesACopy() {
    JwsHeader header = JwsHeader.builder().alg(JwsAlgorithm.RS256).kid("a").build();
    JwsHeader other = header.toBuilder().kid("b").typ("JWT").build();
    assertThat(header.kid()).contains("a");
    assertThat(other.kid()).contains("b");
    assertThat(Json.parseObject(other.toJson())).containsEntry("alg", "RS256").containsEntry("typ", "JWT");
  }

  @Test
  void builder_parameterValue_isCopiedDeeply() {
    java.util.ArrayList<Object> list = new java.util.ArrayList<>(List.of("a"));
    JwsHeader header = JwsHeader.builder().alg(JwsAlgorithm.HS256).parameter("x", list).build();
    list.add("b");
    assertThat(header.parameter("x")).contains(List.of("a"));
    assertThatThrownBy(() -> JwsHeader.builder().parameter("y", new Object())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toString_isShort() {
    assertThat(JwsHeader.builder().alg(JwsAlgorithm.RS256).kid("secret-looking").build().toString())
        .isEqualTo("JwsHeader[alg=RS256, parameters=[alg, kid]]");
  }
}
