package dev.jwkit.jose.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.ErrorCode;
import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkMetadata;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jose.jwk.OctJwk;
import dev.jwkit.jose.jws.JwsVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtVerifierTest {

  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  static final String ISS = "https://a.example";
  static final String AUD = "api://orders";
  static final byte[] SECRET = sha256("jwt-verifier-test-secret");
  static final Jwk HS_KEY = OctJwk.of(SECRET).withMetadata(JwkMetadata.builder().kid("hs-1").build());
  static final String HEADER = "{\"alg\":\"HS256\",\"kid\":\"hs-1\"}";

  static JwtVerifier.Builder base() {
    return base(JwtKeyResolver.of(JwkSet.of(List.of(HS_KEY))));
  }

  static JwtVerifier.Builder base(JwtKeyResolver keys) {
    return JwtVerifier.builder(keys)
        .allowedAlgorithms(JwsAlgorithm.HS256)
        .expectedIssuer(ISS)
        .expectedAudience(AUD)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static JwtClaims.Builder valid() {
    return JwtClaims.builder()
        .issuer(ISS)
        .audience(AUD)
        .subject("user-1")
        .issuedAt(NOW.minusSeconds(10))
        .expiration(NOW.plusSeconds(300));
  }

  static String token(JwtClaims claims) {
    return Tokens.hs256(HEADER, claims.toJson(), SECRET);
  }

  static String token(String header, String payload) {
    return Tokens.hs256(header, payload, SECRET);
  }

  static void assertRejected(JwtVerifier verifier, String token, ErrorCode code) {
    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOf(InvalidTokenException.class)
        .satisfies(e -> assertThat(((InvalidTokenException) e).code()).isEqualTo(code))
        .satisfies(e -> assertThat(e.getMessage()).startsWith(code.id() + ": ").doesNotContain(token));
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void verify_validToken_returnsHeaderClaimsAndKey() {
    JwtClaims claims = valid().jwtId("j-1").claim("scope", "orders:read").build();
    VerifiedJwt jwt = base().build().verify(token(claims));

    assertThat(jwt.claims()).isEqualTo(claims);
    assertThat(jwt.algorithm()).isEqualTo(JwsAlgorithm.HS256);
    assertThat(jwt.kid()).contains("hs-1");
    assertThat(jwt.header().alg()).isEqualTo(JwsAlgorithm.HS256);
    assertThat(jwt.verificationKey()).isSameAs(HS_KEY);
    assertThat(jwt.toString()).contains("HS256", "hs-1", "scope").doesNotContain("orders:read", "user-1");
  }

  @Test
  void verify_tamperedSignature_isSignatureInvalid() {
    assertRejected(base().build(), Tokens.tamperSignature(token(valid().build())), JoseError.SIGNATURE_INVALID);
  }

  @Test
  void verify_tokenWithoutKid_triesFittingKeys() {
    String token = token("{\"alg\":\"HS256\"}", valid().build().toJson());
    assertThat(base().build().verify(token).kid()).isEmpty();
  }

  @Test
  void claimFailures_messagesCarryNoClaimValues() {
    String value = "personal-value-7731";
    List<String> tokens = List.of(
        token(valid().issuer(value).build()),
        token(valid().audience(value).build()),
        token(valid().claim("exp", NOW.minusSeconds(3600)).claim("jti", value).build()),
        token(HEADER, "{\"iss\":\"" + ISS + "\",\"aud\":\"" + AUD + "\",\"exp\":\"" + value + "\"}"),
        token("{\"alg\":\"HS256\",\"kid\":\"hs-1\",\"typ\":\"" + value + "\"}", valid().build().toJson()));
    JwtVerifier verifier = base().expectedSubject("user-1").build();
    for (String token : tokens) {
      assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidTokenException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(value).doesNotContain(token));
    }
    assertThatThrownBy(() -> verifier.verify(token(valid().subject(value).build())))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(value));
  }

  @Nested
  class Builder {

    @Test
    void allowedAlgorithms_empty_isRefused() {
      assertThatThrownBy(() -> JwtVerifier.builder(JwkSet.of(List.of(HS_KEY))).allowedAlgorithms(Set.of()))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builder_withoutKeys_isRefused() {
      assertThatThrownBy(() -> JwtVerifier.builder((JwkSet) null)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> JwtVerifier.builder((JwtKeyResolver) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void build_withoutIssuerDecision_isRefused() {
      assertThat(base().build()).isNotNull();
      assertThatThrownBy(() -> JwtVerifier.builder(JwkSet.of(List.of(HS_KEY))).expectedAudience(AUD).build())
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("ignoreIssuer()");
    }

    @Test
    void build_withoutAudienceDecision_isRefused() {
      assertThatThrownBy(() -> JwtVerifier.builder(JwkSet.of(List.of(HS_KEY))).expectedIssuer(ISS).build())
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("ignoreAudience()");
    }

    @Test
    void build_conflictingSettings_areRefused() {
      assertThatThrownBy(() -> base().ignoreIssuer().build()).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cannot be used together");
      assertThatThrownBy(() -> base().ignoreAudience().build()).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> base().expectedType("at+jwt").ignoreType().build())
          .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void setters_outOfRange_areRefused() {
      JwtVerifier.Builder b = base();
      assertThatThrownBy(() -> b.clockSkew(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> b.clockSkew(Duration.ofMinutes(11))).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> b.maxTokenAge(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> b.maxTokenLength(10)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> b.maxCachedVerifiers(0)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> b.expectedIssuer("")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> b.expectedAudiences(Set.of())).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> b.expectedType("text/plain")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> b.expectedType("at jwt")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> b.requiredClaims("")).isInstanceOf(IllegalArgumentException.class);
      assertThat(JwtVerifier.DEFAULT_CLOCK_SKEW).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void toBuilder_derivesAVariantWithoutChangingTheOriginal() {
      JwtVerifier original = base().build();
      JwtVerifier strict = original.toBuilder().expectedSubject("someone-else").build();
      String token = token(valid().build());
      assertThat(original.verify(token).claims().subject()).contains("user-1");
      assertRejected(strict, token, JoseError.SUBJECT_MISMATCH);
    }
  }

  @Nested
  class Expiration {

    @Test
    void exp_withinSkew_isAccepted() {
      base().build().verify(token(valid().expiration(NOW.minusSeconds(59)).build()));
    }

    @Test
    void exp_exactlyAtSkew_isRejected() {
      // RFC 7519 §4.1.4: now must be before exp (+ skew); at exp + skew it is not.
      assertRejected(base().build(), token(valid().expiration(NOW.minusSeconds(60)).build()), JoseError.TOKEN_EXPIRED);
    }

    @Test
    void exp_oneSecondBeyondSkew_isRejected() {
      assertRejected(base().build(), token(valid().expiration(NOW.minusSeconds(61)).build()), JoseError.TOKEN_EXPIRED);
    }

    @Test
    void exp_fractionalWithinSkew_isAccepted() {
      String payload = "{\"iss\":\"" + ISS + "\",\"aud\":\"" + AUD + "\",\"exp\":"
          + (NOW.getEpochSecond() - 60) + ".5}";
      base().build().verify(token(HEADER, payload));
      String expired = "{\"iss\":\"" + ISS + "\",\"aud\":\"" + AUD + "\",\"exp\":"
          + (NOW.getEpochSecond() - 61) + ".999}";
      assertRejected(base().build(), token(HEADER, expired), JoseError.TOKEN_EXPIRED);
    }

    @Test
    void exp_withZeroSkew_isExact() {
      JwtVerifier verifier = base().clockSkew(Duration.ZERO).build();
      verifier.verify(token(valid().expiration(NOW.plusSeconds(1)).build()));
      assertRejected(verifier, token(valid().expiration(NOW).build()), JoseError.TOKEN_EXPIRED);
    }

    @Test
    void timeRules_withASubSecondClock_compareExactly() {
      // now = NOW + 0.5 s: exp + skew must lie after now; nbf and iat must not lie after now + skew.
      Clock halfPast = Clock.fixed(NOW.plusMillis(500), ZoneOffset.UTC);
      JwtVerifier verifier = base().clock(halfPast).build();
      verifier.verify(token(valid().expiration(NOW.minusSeconds(59)).build()));
      assertRejected(verifier, token(valid().expiration(NOW.minusSeconds(60)).build()), JoseError.TOKEN_EXPIRED);
      verifier.verify(token(valid().notBefore(NOW.plusSeconds(60)).build()));
      assertRejected(verifier, token(valid().notBefore(NOW.plusSeconds(61)).build()), JoseError.TOKEN_NOT_YET_VALID);
      verifier.verify(token(valid().issuedAt(NOW.plusSeconds(60)).build()));
      assertRejected(verifier, token(valid().issuedAt(NOW.plusSeconds(61)).build()), JoseError.TOKEN_AGE_INVALID);
      String fractional = "{\"iss\":\"" + ISS + "\",\"aud\":\"" + AUD + "\",\"exp\":"
          + (NOW.getEpochSecond() - 60) + ".6}";
      verifier.verify(token(HEADER, fractional));
      String justExpired = "{\"iss\":\"" + ISS + "\",\"aud\":\"" + AUD + "\",\"exp\":"
          + (NOW.getEpochSecond() - 60) + ".5}";
      assertRejected(verifier, token(HEADER, justExpired), JoseError.TOKEN_EXPIRED);
    }

    @Test
    void exp_missing_isRejectedUnlessAllowed() {
      String token = token(valid().remove("exp").build());
      assertRejected(base().build(), token, JoseError.CLAIM_MISSING);
      assertThat(base().allowMissingExpiration().build().verify(token).claims().expiration()).isEmpty();
    }

    @Test
    void exp_farFuture_doesNotOverflow() {
      String payload = "{\"iss\":\"" + ISS + "\",\"aud\":\"" + AUD + "\",\"exp\":" + Instant.MAX.getEpochSecond() + "}";
      base().clockSkew(JwtVerifier.MAX_CLOCK_SKEW).build().verify(token(HEADER, payload));
    }
  }

  @Nested
  class NotBeforeAndIssuedAt {

    @Test
    void nbf_withinSkew_isAccepted() {
      base().build().verify(token(valid().notBefore(NOW.plusSeconds(60)).build()));
    }

    @Test
    void nbf_oneSecondBeyondSkew_isRejected() {
      assertRejected(base().build(), token(valid().notBefore(NOW.plusSeconds(61)).build()),
          JoseError.TOKEN_NOT_YET_VALID);
    }

    @Test
    void iat_inTheFutureWithinSkew_isAccepted() {
      base().build().verify(token(valid().issuedAt(NOW.plusSeconds(60)).build()));
    }

    @Test
    void iat_inTheFutureBeyondSkew_isRejected() {
      assertRejected(base().build(), token(valid().issuedAt(NOW.plusSeconds(61)).build()), JoseError.TOKEN_AGE_INVALID);
    }

    @Test
    void maxAge_atTheLimitPlusSkew_isAccepted() {
      JwtVerifier verifier = base().maxTokenAge(Duration.ofMinutes(10)).build();
      verifier.verify(token(valid().issuedAt(NOW.minusSeconds(600 + 60)).build()));
    }

    @Test
    void maxAge_oneSecondBeyond_isRejected() {
      JwtVerifier verifier = base().maxTokenAge(Duration.ofMinutes(10)).build();
      assertRejected(verifier, token(valid().issuedAt(NOW.minusSeconds(600 + 61)).build()), JoseError.TOKEN_AGE_INVALID);
    }

    @Test
    void maxAge_withoutIat_isClaimMissing() {
      JwtVerifier verifier = base().maxTokenAge(Duration.ofMinutes(10)).build();
      assertRejected(verifier, token(valid().remove("iat").build()), JoseError.CLAIM_MISSING);
    }
  }

  @Nested
  class Issuer {

    @Test
    void iss_exactMatch_isAccepted() {
      base().build().verify(token(valid().build()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https", "a.example", "https://a.example/", "HTTPS://A.EXAMPLE", "https://A.example",
        "https://a.example.evil", " https://a.example", "https://a.example ", "https://a.exampl", ""})
    void iss_prefixSubstringOrCaseVariant_isRejected(String iss) {
      // CVE-2024-53861: a substring test accepted partial issuers.
      assertRejected(base().build(), token(valid().claim("iss", iss).build()), JoseError.ISSUER_MISMATCH);
    }

    @Test
    void iss_missing_isClaimMissing() {
      assertRejected(base().build(), token(valid().remove("iss").build()), JoseError.CLAIM_MISSING);
    }

    @Test
    void iss_oneOfSeveralExpected_isAccepted() {
      JwtVerifier verifier = base().expectedIssuers(Set.of("https://b.example", ISS)).build();
      verifier.verify(token(valid().build()));
      assertRejected(verifier, token(valid().issuer("https://c.example").build()), JoseError.ISSUER_MISMATCH);
    }

    @Test
    void ignoreIssuer_acceptsAnyOrNone() {
      JwtVerifier verifier = base().build().toBuilder().expectedIssuers(Set.of("x")).build();
      assertRejected(verifier, token(valid().build()), JoseError.ISSUER_MISMATCH);
      JwtVerifier lenient = JwtVerifier.builder(JwkSet.of(List.of(HS_KEY))).allowedAlgorithms(JwsAlgorithm.HS256)
          .ignoreIssuer().expectedAudience(AUD).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
      lenient.verify(token(valid().issuer("anyone").build()));
      lenient.verify(token(valid().remove("iss").build()));
    }
  }

  @Nested
  class Audience {

    @Test
    void aud_string_isAccepted() {
      base().build().verify(token(valid().audience(AUD).build()));
    }

    @Test
    void aud_arrayContainingExpected_isAccepted() {
      base().build().verify(token(valid().audience("other", AUD).build()));
      base().build().verify(token(valid().audience(List.of(AUD)).build()));
    }

    @Test
    void aud_arrayWithoutExpected_isRejected() {
      // CVE-2020-26160: an array aud bypassed the check.
      assertRejected(base().build(), token(valid().audience(List.of("other")).build()), JoseError.AUDIENCE_MISMATCH);
    }

    @Test
    void aud_emptyArray_isRejected() {
      assertRejected(base().build(), token(valid().claim("aud", List.of()).build()), JoseError.AUDIENCE_MISMATCH);
    }

    @Test
    void aud_caseVariantOrPrefix_isRejected() {
      assertRejected(base().build(), token(valid().audience("API://ORDERS").build()), JoseError.AUDIENCE_MISMATCH);
      assertRejected(base().build(), token(valid().audience("api://order").build()), JoseError.AUDIENCE_MISMATCH);
    }

    @Test
    void aud_missing_isClaimMissing() {
      assertRejected(base().build(), token(valid().remove("aud").build()), JoseError.CLAIM_MISSING);
    }

    @Test
    void aud_oneOfSeveralExpected_isAccepted() {
      base().expectedAudiences(Set.of("x", AUD)).build().verify(token(valid().build()));
    }
  }

  @Nested
  class Type {

    static final String ACCESS_HEADER = "{\"alg\":\"HS256\",\"kid\":\"hs-1\",\"typ\":\"at+jwt\"}";

    @ParameterizedTest
    @ValueSource(strings = {"at+jwt", "application/at+jwt", "AT+JWT", "Application/At+Jwt"})
    void expectedType_matchingTyp_isAccepted(String typ) {
      JwtVerifier verifier = base().expectedType("at+jwt").build();
      verifier.verify(token("{\"alg\":\"HS256\",\"kid\":\"hs-1\",\"typ\":\"" + typ + "\"}", valid().build().toJson()));
    }

    @Test
    void expectedType_configuredWithPrefix_matchesBareTyp() {
      base().expectedType("application/at+jwt").build().verify(token(ACCESS_HEADER, valid().build().toJson()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"JWT", "jwt", "at+jwt2", "secevent+jwt", "application/jwt", "text/at+jwt"})
    void expectedType_otherTyp_isTypeMismatch(String typ) {
      JwtVerifier verifier = base().expectedType("at+jwt").build();
      assertRejected(verifier, token("{\"alg\":\"HS256\",\"kid\":\"hs-1\",\"typ\":\"" + typ + "\"}",
          valid().build().toJson()), JoseError.TYPE_MISMATCH);
    }

    @Test
    void expectedType_missingTyp_isTypeMismatch() {
      assertRejected(base().expectedType("at+jwt").build(), token(valid().build()), JoseError.TYPE_MISMATCH);
    }

    @Test
    void defaultType_acceptsNoTypOrJwt() {
      base().build().verify(token(valid().build()));
      base().build().verify(token("{\"alg\":\"HS256\",\"kid\":\"hs-1\",\"typ\":\"JWT\"}", valid().build().toJson()));
      base().build().verify(token("{\"alg\":\"HS256\",\"kid\":\"hs-1\",\"typ\":\"application/jwt\"}",
          valid().build().toJson()));
    }

    @Test
    void defaultType_rejectsExplicitlyTypedToken() {
      assertRejected(base().build(), token(ACCESS_HEADER, valid().build().toJson()), JoseError.TYPE_MISMATCH);
    }

    @Test
    void ignoreType_acceptsAnyTyp() {
      base().ignoreType().build().verify(token(ACCESS_HEADER, valid().build().toJson()));
    }
  }

  @Nested
  class MutuallyExclusiveRules {

    // RFC 8725 §3.12: one issuer, two kinds of token, each verifier accepts exactly its own kind.
    final JwtVerifier accessTokens = base().expectedType("at+jwt").expectedAudience("api://orders")
        .requiredClaims("client_id", "jti").build();
    final JwtVerifier idTokens = base().expectedAudience("client-123").requiredClaims("nonce").build();

    final String accessToken = token(Type.ACCESS_HEADER,
        valid().audience("api://orders").claim("client_id", "client-123").jwtId("j1").build().toJson());
    final String idToken = token(valid().audience("client-123").claim("nonce", "n-1").build());

    @Test
    void eachVerifier_acceptsItsOwnKind() {
      accessTokens.verify(accessToken);
      idTokens.verify(idToken);
    }

    @Test
    void accessToken_isRejectedAsIdToken() {
      assertRejected(idTokens, accessToken, JoseError.TYPE_MISMATCH);
    }

    @Test
    void idToken_isRejectedAsAccessToken() {
      assertRejected(accessTokens, idToken, JoseError.TYPE_MISMATCH);
    }

    @Test
    void idTokenRelabelledAsAccessToken_isStillRejected() {
      // Even if an ID token carried typ at+jwt, the audience and required claims keep the kinds apart.
      String relabelled = token(Type.ACCESS_HEADER, valid().audience("client-123").claim("nonce", "n").build().toJson());
      assertRejected(accessTokens, relabelled, JoseError.AUDIENCE_MISMATCH);
    }
  }

  @Nested
  class RequiredClaimsAndSubject {

    @Test
    void requiredClaims_present_isAccepted() {
      base().requiredClaims("jti", "scope").build().verify(token(valid().jwtId("j").claim("scope", "s").build()));
    }

    @Test
    void requiredClaims_missing_isClaimMissing() {
      assertRejected(base().requiredClaims("jti", "scope").build(), token(valid().jwtId("j").build()),
          JoseError.CLAIM_MISSING);
    }

    @Test
    void subject_mismatch_isRejected() {
      assertRejected(base().expectedSubject("user-2").build(), token(valid().build()), JoseError.SUBJECT_MISMATCH);
      assertRejected(base().expectedSubject("user-2").build(), token(valid().remove("sub").build()),
          JoseError.CLAIM_MISSING);
      base().expectedSubject("user-1").build().verify(token(valid().build()));
    }
  }

  @Nested
  class Order {

    @Test
    void expiredTokenWithBadSignature_reportsSignature() {
      String token = Tokens.tamperSignature(token(valid().expiration(NOW.minusSeconds(3600)).build()));
      assertRejected(base().build(), token, JoseError.SIGNATURE_INVALID);
    }

    @Test
    void wrongTypeClaimWithBadSignature_reportsSignature() {
      String token = Tokens.tamperSignature(token(HEADER, "{\"exp\":\"soon\"}"));
      assertRejected(base().build(), token, JoseError.SIGNATURE_INVALID);
    }

    @Test
    void disallowedAlgorithm_isReportedBeforeKeyLookup() {
      AtomicInteger lookups = new AtomicInteger();
      JwtVerifier verifier = base(kid -> {
        lookups.incrementAndGet();
        return JwkSet.of(List.of(HS_KEY));
      }).allowedAlgorithms(JwsAlgorithm.HS512).build();
      assertRejected(verifier, token(valid().build()), JoseError.ALGORITHM_NOT_ALLOWED);
      assertThat(lookups).hasValue(0);
    }

    @Test
    void tooLongToken_isRejectedBeforeDecoding() {
      String token = "a".repeat(JwtVerifier.DEFAULT_MAX_TOKEN_LENGTH + 1);
      assertRejected(base().build(), token, JoseError.INPUT_TOO_LARGE);
      assertRejected(base().maxTokenLength(64).build(), token(valid().build()), JoseError.INPUT_TOO_LARGE);
    }

    @Test
    void manyDots_isRejectedWithoutSplitting() {
      assertRejected(base().build(), ".".repeat(30_000), JoseError.MALFORMED_INPUT);
    }
  }

  @Nested
  class PreparedVerifierCache {

    @Test
    void sameKeys_secondVerification_preparesNothing() {
      AtomicInteger prepared = new AtomicInteger();
      JwkSet keys = JwkSet.of(List.of(HS_KEY));
      JwtVerifier verifier = base(kid -> keys)
          .verifierFactory((key, alg) -> {
            prepared.incrementAndGet();
            return JwsVerifier.of(key, alg);
          }).build();
      String token = token(valid().build());

      verifier.verify(token);
      verifier.verify(token);
      verifier.verify(token(valid().jwtId("other").build()));

      assertThat(prepared).hasValue(1);
      assertThat(verifier.cachedVerifierCount()).isEqualTo(1);
    }

    @Test
    void freshKeyInstances_arePreparedAgain() {
      // The cache is keyed by Jwk identity (documented): a resolver that re-creates its keys gets no hits.
      AtomicInteger prepared = new AtomicInteger();
      JwtVerifier verifier = base(kid -> JwkSet.parse(JwkSet.of(List.of(HS_KEY)).toJson()))
          .verifierFactory((key, alg) -> {
            prepared.incrementAndGet();
            return JwsVerifier.of(key, alg);
          }).build();
      verifier.verify(token(valid().build()));
      verifier.verify(token(valid().build()));
      assertThat(prepared).hasValue(2);
    }

    @Test
    void cache_isBounded() {
      JwtVerifier verifier = base(kid -> JwkSet.of(List.of(
          OctJwk.of(SECRET).withMetadata(JwkMetadata.builder().kid("hs-1").build())))).maxCachedVerifiers(2).build();
      for (int i = 0; i < 5; i++) {
        verifier.verify(token(valid().build()));
      }
      assertThat(verifier.cachedVerifierCount()).isEqualTo(2);
    }
  }
}
