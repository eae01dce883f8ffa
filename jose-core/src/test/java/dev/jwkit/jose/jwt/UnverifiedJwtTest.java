package dev.jwkit.jose.jwt;

import static dev.jwkit.jose.jwt.JwtVerifierTest.HEADER;
import static dev.jwkit.jose.jwt.JwtVerifierTest.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class UnverifiedJwtTest {

  static final String PAYLOAD = "{\"iss\":\"https://a.example\",\"sub\":\"private-subject\",\"exp\":1}";

  @Test
  void parse_exposesHeaderAndClaimsWithoutVerifying() {
    String token = Tokens.tamperSignature(Tokens.hs256(HEADER, PAYLOAD, SECRET));
    UnverifiedJwt jwt = UnverifiedJwt.parse(token);
    assertThat(jwt.unverifiedHeader().alg()).isEqualTo(JwsAlgorithm.HS256);
    assertThat(jwt.unverifiedHeader().kid()).contains("hs-1");
    assertThat(jwt.unverifiedClaims().issuer()).contains("https://a.example");
    assertThat(jwt.toString()).contains("HS256", "hs-1", "iss").doesNotContain("private-subject", "a.example");
  }

  @Test
  void parse_jweJsonAndGarbage_areRejected() {
    assertCode("a.b.c.d.e", JoseError.MALFORMED_INPUT);
    assertCode("{\"payload\":\"x\"}", JoseError.MALFORMED_INPUT);
    assertCode("abc", JoseError.MALFORMED_INPUT);
    assertCode(Tokens.signingInput("{\"alg\":\"none\"}", PAYLOAD) + ".", JoseError.UNSUPPORTED_ALGORITHM);
    assertCode(Tokens.hs256(HEADER, "{\"exp\":\"x\"}", SECRET), JoseError.CLAIM_INVALID);
  }

  @Test
  void verifiedJwt_canOnlyBeCreatedInsideThePackage() {
    for (Constructor<?> constructor : VerifiedJwt.class.getDeclaredConstructors()) {
      assertThat(Modifier.isPublic(constructor.getModifiers()) || Modifier.isProtected(constructor.getModifiers()))
          .isFalse();
    }
    assertThat(Modifier.isFinal(VerifiedJwt.class.getModifiers())).isTrue();
    assertThat(VerifiedJwt.class.isAssignableFrom(UnverifiedJwt.class)).isFalse();
  }

  private static void assertCode(String token, JoseError code) {
    assertThatThrownBy(() -> UnverifiedJwt.parse(token))
        .isInstanceOf(InvalidTokenException.class)
        .satisfies(e -> assertThat(((InvalidTokenException) e).code()).isEqualTo(code));
  }
}
