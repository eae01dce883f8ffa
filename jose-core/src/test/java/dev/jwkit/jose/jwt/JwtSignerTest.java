package dev.jwkit.jose.jwt;

import static dev.jwkit.jose.jwt.JwtVerifierTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkGenerator;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jose.jwk.PrivateJwk;
import dev.jwkit.jose.jws.JwsSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class JwtSignerTest {

  static final Jwk ES256_KEY = JwkGenerator.generate(JwsAlgorithm.ES256);
  static final JwtClaims CLAIMS = JwtClaims.builder().issuer("https://i.example").audience("a")
      .issuedAt(NOW).expiration(NOW.plusSeconds(60)).build();

  static JwtVerifier.Builder verifierFor(Jwk key, JwsAlgorithm alg) {
    Jwk trusted = key instanceof PrivateJwk ? ((PrivateJwk) key).toPublicJwk() : key;
    return JwtVerifier.builder(JwkSet.of(List.of(trusted))).allowedAlgorithms(alg)
        .expectedIssuer("https://i.example").expectedAudience("a").clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static String headerJson(String token) {
    return new String(Base64Url.decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(value = JwsAlgorithm.class, names = {"HS256", "HS512", "RS256", "PS256", "ES256", "ES384", "EdDSA", "Ed25519"})
  void sign_thenVerify_roundTrips(JwsAlgorithm alg) {
    Jwk key = JwkGenerator.generate(alg);
    String token = JwtSigner.of(key, alg).sign(CLAIMS);

    VerifiedJwt jwt = verifierFor(key, alg).build().verify(token);

    assertThat(jwt.claims()).isEqualTo(CLAIMS);
    assertThat(jwt.algorithm()).isEqualTo(alg);
    assertThat(jwt.kid()).isEqualTo(key.kid());
    assertThat(jwt.header().typ()).contains("JWT");
  }

  @Test
  void sign_setsAlgKidAndDefaultTyp() {
    String token = JwtSigner.of(ES256_KEY, JwsAlgorithm.ES256).sign(CLAIMS);
    assertThat(headerJson(token))
        .isEqualTo("{\"alg\":\"ES256\",\"kid\":\"" + ES256_KEY.kid().orElseThrow() + "\",\"typ\":\"JWT\"}");
    assertThat(token.chars().filter(c -> c == '.').count()).isEqualTo(2);
  }

  @Test
  void type_atJwt_isWrittenAndAcceptedByAnAccessTokenVerifier() {
    JwtSigner signer = JwtSigner.builder().key(ES256_KEY, JwsAlgorithm.ES256).type("at+jwt").build();
    String token = signer.sign(CLAIMS);
    assertThat(headerJson(token)).contains("\"typ\":\"at+jwt\"");
    verifierFor(ES256_KEY, JwsAlgorithm.ES256).expectedType("at+jwt").build().verify(token);
    assertThat(signer.type()).contains("at+jwt");
  }

  @Test
  void withoutTypeAndKid_writesOnlyAlg() {
    String token = JwtSigner.builder().key(ES256_KEY, JwsAlgorithm.ES256).withoutType().withoutKid().build().sign(CLAIMS);
    assertThat(headerJson(token)).isEqualTo("{\"alg\":\"ES256\"}");
    verifierFor(ES256_KEY, JwsAlgorithm.ES256).build().verify(token);
  }

  @Test
  void kid_override_isWritten() {
    String token = JwtSigner.builder().key(ES256_KEY, JwsAlgorithm.ES256).kid("custom").build().sign(CLAIMS);
    assertThat(headerJson(token)).contains("\"kid\":\"custom\"");
  }

  @Test
  void signer_preparedJwsSigner_isUsedAsIs() {
    JwtSigner signer = JwtSigner.builder().signer(JwsSigner.of(ES256_KEY, JwsAlgorithm.ES256)).build();
    assertThat(signer.algorithm()).isEqualTo(JwsAlgorithm.ES256);
    assertThat(signer.kid()).isEqualTo(ES256_KEY.kid());
    verifierFor(ES256_KEY, JwsAlgorithm.ES256).build().verify(signer.sign(CLAIMS));
  }

  @Test
  void externalSigner_custodySignature_verifies() {
    JwsSigner custody = JwsSigner.of(ES256_KEY, JwsAlgorithm.ES256);
    JwtSigner signer = JwtSigner.builder().externalSigner(JwsAlgorithm.ES256, custody::sign)
        .kid(ES256_KEY.kid().orElseThrow()).type("at+jwt").build();
    String token = signer.sign(CLAIMS);
    VerifiedJwt jwt = verifierFor(ES256_KEY, JwsAlgorithm.ES256).expectedType("at+jwt").build().verify(token);
    assertThat(jwt.kid()).isEqualTo(ES256_KEY.kid());
  }

  @Test
  void externalSigner_derOrTruncatedSignature_isSigningFailed() throws Exception {
    java.security.PrivateKey jca = ((dev.jwkit.jose.jwk.EcPrivateJwk) ES256_KEY).toPrivateKey();
    java.util.function.Function<byte[], byte[]> der = input -> {
      try {
        java.security.Signature s = java.security.Signature.getInstance("SHA256withECDSA");
        s.initSign(jca);
        s.update(input);
        return s.sign();
      } catch (java.security.GeneralSecurityException e) {
        throw new AssertionError(e);
      }
    };
    JwtSigner derSigner = JwtSigner.builder().externalSigner(JwsAlgorithm.ES256, der).build();
    assertThatThrownBy(() -> derSigner.sign(CLAIMS)).isInstanceOf(JwkitException.class)
        .satisfies(e -> assertThat(((JwkitException) e).code()).isEqualTo(dev.jwkit.jose.JoseError.SIGNING_FAILED));
    JwtSigner shortMac = JwtSigner.builder().externalSigner(JwsAlgorithm.HS256, input -> new byte[16]).build();
    assertThatThrownBy(() -> shortMac.sign(CLAIMS)).isInstanceOf(JwkitException.class);
    assertThat(shortMac.kid()).isEmpty();
  }

  @Test
  void build_withoutKey_isRefused() {
    assertThatThrownBy(() -> JwtSigner.builder().build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> JwtSigner.builder().type("at jwt")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JwtSigner.builder().kid("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void key_thatCannotSignWithAlg_isRefused() {
    assertThatThrownBy(() -> JwtSigner.of(ES256_KEY, JwsAlgorithm.RS256)).isInstanceOf(JwkitException.class);
    Jwk publicOnly = ((PrivateJwk) ES256_KEY).toPublicJwk();
    assertThatThrownBy(() -> JwtSigner.of(publicOnly, JwsAlgorithm.ES256)).isInstanceOf(JwkitException.class);
  }

  @Test
  void toString_redactsTheKey() {
    JwtSigner signer = JwtSigner.of(ES256_KEY, JwsAlgorithm.ES256);
    assertThat(signer.toString()).contains("ES256", "<redacted>").doesNotContain("\"d\"");
  }
}
