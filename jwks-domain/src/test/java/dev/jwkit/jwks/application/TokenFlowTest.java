package dev.jwkit.jwks.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwt.JwtClaims;
import dev.jwkit.jose.jwt.JwtSigner;
import dev.jwkit.jose.jwt.JwtVerifier;
import dev.jwkit.jose.jwt.UnverifiedJwt;
import dev.jwkit.jose.jwt.VerificationOutcome;
import dev.jwkit.jose.jwt.VerifiedJwt;
import dev.jwkit.jwks.custody.LocalKeyCustody;
import dev.jwkit.jwks.inmemory.InMemoryKeyRingRepository;
import dev.jwkit.jwks.model.KeyRingError;
import dev.jwkit.jwks.model.ManagedKey;
import dev.jwkit.jwks.model.Publication;
import dev.jwkit.jwks.model.RotationPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TokenFlowTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final String ISS = "https://issuer.example";
  final RotationPolicy policy = RotationPolicy.builder().rotationPeriod(Duration.ofDays(1)).build();
  final TestClock clock = new TestClock(T0);
  final InMemoryKeyRingRepository repository = new InMemoryKeyRingRepository();
  final LocalKeyCustody custody = new LocalKeyCustody();
  final KeyRotationService rotation = KeyRotationService.builder(repository, custody)
      .policy(policy).clock(clock).build();
  final JwtIssuer issuer = JwtIssuer.builder(repository, custody).policy(policy)
      .clock(clock).issuer(ISS).build();
  final List<VerificationOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
  // the ring's key source handed straight to jose-core's verifier: no allowedAlgorithms, the key decides
  final JwtVerifier verifier = JwtVerifier.builder(
          RingKeySource.builder(repository).clock(clock).refreshInterval(Duration.ZERO).build())
      .expectedIssuer(ISS).expectedAudience("api").clockSkew(policy.clockSkew())
      .clock(clock).listener(outcomes::add).build();

  JwtClaims claims() {
    return JwtClaims.builder().subject("alice").audience("api").build();
  }

  @Test
  void issue_thenVerify_roundTripsWithKidAlgTypAndBoundedLifetime() {
    String active = rotation.start().ring().activeKey().kid();
    String token = issuer.issue(claims());
    UnverifiedJwt parsed = UnverifiedJwt.parse(token);
    assertThat(parsed.unverifiedHeader().kid()).contains(active);
    assertThat(parsed.unverifiedHeader().alg()).isEqualTo(JwsAlgorithm.ES256);
    assertThat(parsed.unverifiedHeader().typ()).contains("JWT");
    JwtClaims c = parsed.unverifiedClaims();
    assertThat(c.issuedAt()).contains(T0);
    assertThat(c.expiration()).contains(T0.plus(policy.maxTokenLifetime()));
    assertThat(c.jwtId()).isPresent();
    assertThat(c.issuer()).contains(ISS);
    VerifiedJwt verified = verifier.verify(token);
    assertThat(verified.kid()).contains(active);
    assertThat(verified.claims().subject()).contains("alice");
    assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.verified()).isTrue());
  }

  @Test
  void issue_twice_givesDistinctRandomJti() {
    rotation.start();
    assertThat(UnverifiedJwt.parse(issuer.issue(claims())).unverifiedClaims().jwtId())
        .isNotEqualTo(UnverifiedJwt.parse(issuer.issue(claims())).unverifiedClaims().jwtId());
  }

  @Test
  void issue_lifetimeLongerThanPolicy_isClamped() {
    rotation.start();
    String token = issuer.issue(claims(), Duration.ofDays(3));
    assertThat(UnverifiedJwt.parse(token).unverifiedClaims().expiration()).contains(T0.plus(policy.maxTokenLifetime()));
    String later = issuer.issue(claims().toBuilder().expiration(T0.plus(Duration.ofDays(9))).build());
    assertThat(UnverifiedJwt.parse(later).unverifiedClaims().expiration()).contains(T0.plus(policy.maxTokenLifetime()));
  }

  @Test
  void issue_missingRing_failsWithNotFound() {
    assertThatThrownBy(() -> issuer.issue(claims())).isInstanceOf(JwkitException.class)
        .hasMessageStartingWith("keyring.not_found");
  }

  @Test
  void rotation_oldTokenStillVerifies_newTokenCarriesNewKid() {
    String first = rotation.start().ring().activeKey().kid();
    String old = issuer.issue(claims());
    clock.advance(Duration.ofDays(1));
    rotation.tick();
    clock.advance(policy.tick());
    String fresh = issuer.issue(claims());
    assertThat(UnverifiedJwt.parse(fresh).unverifiedHeader().kid()).isPresent().get().isNotEqualTo(first);
    clock.set(T0.plus(Duration.ofMinutes(10)));
    assertThat(verifier.verify(old).kid()).contains(first);
  }

  @Test
  void verify_tokenOfRevokedKey_failsWithKeyRevoked() {
    String first = rotation.start().ring().activeKey().kid();
    String token = issuer.issue(claims());
    rotation.revoke(first, "compromised");
    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOf(InvalidTokenException.class)
        .satisfies(e -> assertThat(((InvalidTokenException) e).code()).isEqualTo(KeyRingError.KEY_REVOKED))
        .hasMessageContaining(first)
        .hasMessageNotContaining(token);
    assertThat(outcomes).last().satisfies(o -> {
      assertThat(o.failure()).contains(KeyRingError.KEY_REVOKED);
      assertThat(o.kid()).contains(first);
    });
  }

  @Test
  void verify_wrongAudience_failsWithAudienceMismatch() {
    rotation.start();
    String token = issuer.issue(JwtClaims.builder().subject("alice").audience("other").build());
    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOf(InvalidTokenException.class)
        .satisfies(e -> assertThat(((InvalidTokenException) e).code()).isEqualTo(JoseError.AUDIENCE_MISMATCH));
  }

  @Test
  void verify_expiredToken_failsWithExpired() {
    rotation.start();
    String token = issuer.issue(claims());
    clock.advance(policy.maxTokenLifetime().plus(policy.clockSkew()).plusSeconds(1));
    assertThatThrownBy(() -> verifier.verify(token))
        .satisfies(e -> assertThat(((JwkitException) e).code()).isEqualTo(JoseError.TOKEN_EXPIRED));
  }

  @Test
  void verify_tokenFromAnotherRing_failsWithKeyNotFound() {
    rotation.start();
    InMemoryKeyRingRepository otherRepo = new InMemoryKeyRingRepository();
    KeyRotationService.builder(otherRepo, custody).policy(policy).clock(clock).build().start();
    String foreign = JwtIssuer.builder(otherRepo, custody).policy(policy).clock(clock)
        .issuer(ISS).build().issue(claims());
    assertThatThrownBy(() -> verifier.verify(foreign))
        .satisfies(e -> assertThat(((JwkitException) e).code()).isEqualTo(JoseError.KEY_NOT_FOUND));
  }

  @Test
  void verify_garbage_failsWithMalformedInput_andOutcomeHasNoHeader() {
    assertThatThrownBy(() -> verifier.verify("not.a.jwt")).isInstanceOf(InvalidTokenException.class);
    assertThat(outcomes).last().satisfies(o -> assertThat(o.kid()).isEmpty());
  }

  @Test
  void verifier_withoutIssuerOrAudienceDecision_isRefused() {
    RingKeySource keys = RingKeySource.of(repository);
    assertThatThrownBy(() -> JwtVerifier.builder(keys).ignoreAudience().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ignoreIssuer()");
    assertThatThrownBy(() -> JwtVerifier.builder(keys).expectedIssuer(ISS).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ignoreAudience()");
  }

  @Test
  void keySource_tokenWithoutKid_usesAllPublishedKeys_andKeyDecidesTheAlgorithm() {
    ManagedKey active = rotation.start().ring().activeKey();
    String withoutKid = JwtSigner.builder().key(active.material().privateJwk().orElseThrow(), active.algorithm())
        .withoutKid().build().sign(claims().toBuilder().issuer(ISS).expiration(T0.plusSeconds(60)).build());
    assertThat(verifier.verify(withoutKid).verificationKey().kid()).contains(active.kid());
  }

  @Test
  void keySource_hs256TokenMacedWithARingPublicKey_isRefused() throws Exception {
    ManagedKey active = rotation.start().ring().activeKey();
    byte[] secret = active.material().publicJwk().toJson().getBytes(StandardCharsets.UTF_8);
    String signingInput = Base64Url.encodeUtf8("{\"alg\":\"HS256\",\"kid\":\"" + active.kid() + "\"}") + "."
        + Base64Url.encodeUtf8(claims().toBuilder().issuer(ISS).expiration(T0.plusSeconds(60)).build().toJson());
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    String forged = signingInput + "." + Base64Url.encode(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(InvalidTokenException.class)
        .satisfies(e -> assertThat(((InvalidTokenException) e).code()).isEqualTo(JoseError.KEY_MISMATCH));
  }

  @Test
  void jwksPublication_servesPublishedKeysWithStableTag() {
    rotation.start();
    JwksPublication jwks = JwksPublication.builder(repository).policy(policy).clock(clock).build();
    Publication a = jwks.current();
    assertThat(a.kids()).hasSize(2).contains(issuer.activeKid());
    assertThat(a.toJson()).doesNotContain("\"d\"");
    clock.advance(Duration.ofSeconds(30));
    assertThat(jwks.current().etag()).isEqualTo(a.etag());
  }

  @Test
  void jwksPublication_missingRing_isEmptySet() {
    Publication p = JwksPublication.builder(repository).clock(clock).build().current();
    assertThat(p.kids()).isEmpty();
    assertThat(p.maxAge()).isZero();
  }
}
