package dev.jwkit.jose.jwt;

import static dev.jwkit.jose.jwt.JwtAttackTest.AUD;
import static dev.jwkit.jose.jwt.JwtAttackTest.ISS;
import static dev.jwkit.jose.jwt.JwtAttackTest.RSA;
import static dev.jwkit.jose.jwt.JwtVerifierTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.ErrorCode;
import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkGenerator;
import dev.jwkit.jose.jwk.JwkMetadata;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jose.jwk.OctJwk;
import dev.jwkit.jose.jwk.PrivateJwk;
import dev.jwkit.jose.jwk.PublicJwk;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The safe defaults of {@link JwtVerifier} that a user does not restate: the algorithm comes from the key
 * (never from the token) when {@code allowedAlgorithms} is not set, the issuer and audience decisions are
 * required, and a listener sees every outcome without being able to change it.
 */
class JwtVerifierDefaultsTest {

  static final PrivateJwk RSA_PRIVATE = PrivateJwk.of(RSA);
  static final PublicJwk RSA_PUBLIC = RSA_PRIVATE.toPublicJwk();

  static JwtClaims claims() {
    return JwtClaims.builder().issuer(ISS).audience(AUD).subject("alice")
        .issuedAt(NOW.minusSeconds(5)).expiration(NOW.plusSeconds(300)).build();
  }

  static JwtVerifier.Builder verifier(Jwk... trusted) {
    return JwtVerifier.builder(JwkSet.of(List.of(trusted))).expectedIssuer(ISS).expectedAudience(AUD)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static Jwk withMetadata(Jwk key, String kid, String alg) {
    return key.withMetadata(JwkMetadata.builder().kid(kid).alg(alg).build());
  }

  static String sign(Jwk key, JwsAlgorithm alg, String kid) {
    return JwtSigner.builder().key(key, alg).kid(kid).build().sign(claims());
  }

  static void assertRefused(JwtVerifier verifier, String token, ErrorCode code) {
    assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidTokenException.class)
        .satisfies(e -> assertThat(((InvalidTokenException) e).code()).isEqualTo(code));
  }

  @Nested
  class AlgorithmsFromTheKey {

    @Test
    void rs256Token_keyBoundToPs256_isRefusedWithoutAllowedAlgorithms() {
      JwtVerifier verifier = verifier(withMetadata(RSA_PUBLIC, "rsa-ps", "PS256")).build();
      assertRefused(verifier, sign(RSA_PRIVATE, JwsAlgorithm.RS256, "rsa-ps"), JoseError.KEY_MISMATCH);
      assertThat(verifier.verify(sign(RSA_PRIVATE, JwsAlgorithm.PS256, "rsa-ps")).algorithm())
          .isEqualTo(JwsAlgorithm.PS256);
    }

    @Test
    void rsaKeyWithoutAlg_acceptsTheRsaFamily_andAllowedAlgorithmsNarrowsIt() {
      Jwk key = RSA_PUBLIC.withMetadata(JwkMetadata.builder().kid("rsa").build());
      JwtVerifier anyRsa = verifier(key).build();
      assertThat(anyRsa.verify(sign(RSA_PRIVATE, JwsAlgorithm.RS256, "rsa")).algorithm()).isEqualTo(JwsAlgorithm.RS256);
      assertThat(anyRsa.verify(sign(RSA_PRIVATE, JwsAlgorithm.PS384, "rsa")).algorithm()).isEqualTo(JwsAlgorithm.PS384);

      JwtVerifier psOnly = verifier(key).allowedAlgorithms(JwsAlgorithm.PS256).build();
      assertRefused(psOnly, sign(RSA_PRIVATE, JwsAlgorithm.RS256, "rsa"), JoseError.ALGORITHM_NOT_ALLOWED);
      assertThat(psOnly.verify(sign(RSA_PRIVATE, JwsAlgorithm.PS256, "rsa")).algorithm()).isEqualTo(JwsAlgorithm.PS256);
    }

    @Test
    void allowedAlgorithms_neverWidensWhatTheKeyPermits() {
      JwtVerifier verifier = verifier(withMetadata(RSA_PUBLIC, "rsa-ps", "PS256"))
          .allowedAlgorithms(JwsAlgorithm.RS256, JwsAlgorithm.PS256).build();
      assertRefused(verifier, sign(RSA_PRIVATE, JwsAlgorithm.RS256, "rsa-ps"), JoseError.KEY_MISMATCH);
    }

    @Test
    void hs256WithRsaPublicKeyBytes_isRejectedWithoutAllowedAlgorithms() {
      Jwk rsa = RSA_PUBLIC.withMetadata(JwkMetadata.builder().kid("rsa-1").build());
      JwtVerifier verifier = verifier(rsa).build();
      String header = "{\"alg\":\"HS256\",\"kid\":\"rsa-1\"}";
      for (byte[] secret : List.of(rsa.toJson().getBytes(StandardCharsets.UTF_8), RSA.getPublic().getEncoded())) {
        assertRefused(verifier, Tokens.hs256(header, claims().toJson(), secret), JoseError.KEY_MISMATCH);
        // without a kid there is no key that permits HS256 at all
        assertRefused(verifier, Tokens.hs256("{\"alg\":\"HS256\"}", claims().toJson(), secret), JoseError.KEY_NOT_FOUND);
      }
    }

    @Test
    void algNone_isRejectedWithoutAllowedAlgorithms() {
      JwtVerifier verifier = verifier(RSA_PUBLIC).build();
      for (String alg : List.of("none", "None", "NONE")) {
        String token = Tokens.b64("{\"alg\":\"" + alg + "\"}") + "." + Tokens.b64(claims().toJson()) + ".";
        assertRefused(verifier, token, JoseError.UNSUPPORTED_ALGORITHM);
      }
    }

    @Test
    void ecP256Key_refusesOtherCurvesAlgorithms() {
      PrivateJwk ec = (PrivateJwk) JwkGenerator.generate(JwsAlgorithm.ES256);
      Jwk trusted = ec.toPublicJwk().withMetadata(JwkMetadata.builder().kid("ec").build());
      JwtVerifier verifier = verifier(trusted).build();
      assertThat(verifier.verify(sign(ec, JwsAlgorithm.ES256, "ec")).algorithm()).isEqualTo(JwsAlgorithm.ES256);
      String es384 = Tokens.withSignature("{\"alg\":\"ES384\",\"kid\":\"ec\"}", claims().toJson(), new byte[96]);
      assertRefused(verifier, es384, JoseError.KEY_MISMATCH);
    }

    @Test
    void hmac_isAcceptedOnlyWithAnOctKey() {
      byte[] secret = JwtVerifierTest.sha256("defaults-test-secret");
      Jwk oct = OctJwk.of(secret).withMetadata(JwkMetadata.builder().kid("hs").build());
      JwtVerifier verifier = verifier(oct, RSA_PUBLIC.withMetadata(JwkMetadata.builder().kid("rsa").build())).build();
      assertThat(verifier.verify(Tokens.hs256("{\"alg\":\"HS256\",\"kid\":\"hs\"}", claims().toJson(), secret))
          .kid()).contains("hs");
      assertRefused(verifier, Tokens.hs256("{\"alg\":\"HS256\",\"kid\":\"rsa\"}", claims().toJson(), secret),
          JoseError.KEY_MISMATCH);
    }
  }

  @Nested
  class ExplicitDecisions {

    @Test
    void build_withoutIssuerOrAudienceDecision_failsWithAClearMessage() {
      JwkSet keys = JwkSet.of(List.of(RSA_PUBLIC));
      assertThatThrownBy(() -> JwtVerifier.builder(keys).build()).isInstanceOf(IllegalStateException.class)
          .hasMessage("expectedIssuer is required, or call ignoreIssuer() to skip that check explicitly");
      assertThatThrownBy(() -> JwtVerifier.builder(keys).expectedIssuer(ISS).build())
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("expectedAudience is required, or call ignoreAudience() to skip that check explicitly");
      assertThat(JwtVerifier.builder(keys).ignoreIssuer().ignoreAudience().build()).isNotNull();
    }

    @Test
    void expRequired_andTypChecked_byDefault() {
      Jwk key = RSA_PUBLIC.withMetadata(JwkMetadata.builder().kid("rsa").build());
      JwtVerifier verifier = verifier(key).build();
      String noExp = JwtSigner.builder().key(RSA_PRIVATE, JwsAlgorithm.RS256).kid("rsa").build()
          .sign(claims().toBuilder().remove("exp").build());
      assertRefused(verifier, noExp, JoseError.CLAIM_MISSING);
      String typed = JwtSigner.builder().key(RSA_PRIVATE, JwsAlgorithm.RS256).kid("rsa").type("at+jwt").build()
          .sign(claims());
      assertRefused(verifier, typed, JoseError.TYPE_MISMATCH);
    }
  }

  @Nested
  class Listener {

    @Test
    void listener_seesEveryOutcome_withoutTokenOrClaims() {
      List<VerificationOutcome> seen = new ArrayList<>();
      Jwk key = RSA_PUBLIC.withMetadata(JwkMetadata.builder().kid("rsa").build());
      JwtVerifier verifier = verifier(key).listener(seen::add).build();
      String good = sign(RSA_PRIVATE, JwsAlgorithm.RS256, "rsa");
      verifier.verify(good);
      assertThatThrownBy(() -> verifier.verify(Tokens.tamperSignature(good))).isInstanceOf(InvalidTokenException.class);
      assertThatThrownBy(() -> verifier.verify("not.a-token")).isInstanceOf(InvalidTokenException.class);

      assertThat(seen).hasSize(3);
      assertThat(seen.get(0).verified()).isTrue();
      assertThat(seen.get(0).kid()).contains("rsa");
      assertThat(seen.get(0).alg()).contains("RS256");
      assertThat(seen.get(0).at()).isEqualTo(NOW);
      assertThat(seen.get(1).failure()).contains(JoseError.SIGNATURE_INVALID);
      assertThat(seen.get(1).kid()).contains("rsa");
      assertThat(seen.get(2).failure()).contains(JoseError.MALFORMED_INPUT);
      assertThat(seen.get(2).kid()).isEmpty();
      assertThat(seen.get(2).alg()).isEmpty();
      for (VerificationOutcome outcome : seen) {
        assertThat(outcome.toString()).doesNotContain("alice").doesNotContain(good.substring(0, 20));
      }
    }

    @Test
    void throwingListener_cannotChangeTheResult() {
      Jwk key = RSA_PUBLIC.withMetadata(JwkMetadata.builder().kid("rsa").build());
      List<Optional<ErrorCode>> seen = new ArrayList<>();
      JwtVerifier verifier = verifier(key).listener(outcome -> {
        seen.add(outcome.failure());
        throw new IllegalStateException("listener failure");
      }).build();
      String good = sign(RSA_PRIVATE, JwsAlgorithm.RS256, "rsa");
      assertThat(verifier.verify(good).claims().subject()).contains("alice");
      assertRefused(verifier, Tokens.tamperSignature(good), JoseError.SIGNATURE_INVALID);
      assertThat(seen).containsExactly(Optional.empty(), Optional.of(JoseError.SIGNATURE_INVALID));
    }

    @Test
    void listener_isKeptByToBuilder() {
      List<VerificationOutcome> seen = new ArrayList<>();
      Jwk key = RSA_PUBLIC.withMetadata(JwkMetadata.builder().kid("rsa").build());
      JwtVerifier derived = verifier(key).listener(seen::add).build().toBuilder().clockSkew(java.time.Duration.ZERO)
          .build();
      derived.verify(sign(RSA_PRIVATE, JwsAlgorithm.RS256, "rsa"));
      assertThat(seen).hasSize(1);
    }
  }
}
