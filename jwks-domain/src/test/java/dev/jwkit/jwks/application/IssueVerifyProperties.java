package dev.jwkit.jwks.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.jose.jwt.JwtClaims;
import dev.jwkit.jose.jwt.JwtVerifier;
import dev.jwkit.jose.jwt.UnverifiedJwt;
import dev.jwkit.jwks.custody.LocalKeyCustody;
import dev.jwkit.jwks.inmemory.InMemoryKeyRingRepository;
import dev.jwkit.jwks.model.Policies;
import dev.jwkit.jwks.model.RotationPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * End to end over the real services, real keys and real signatures: under random valid policies and
 * random pauses between scheduler ticks, every token the issuer signs at t verifies with the ring's
 * published keys at every later tick until its {@code exp} plus the skew (within [t, t + T + S]).
 */
class IssueVerifyProperties {

  static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

  record Token(String compact, Instant issuedAt, Instant expiresAt) {}

  @Provide
  Arbitrary<RotationPolicy> policies() {
    return Policies.valid();
  }

  @Provide
  Arbitrary<List<Double>> gaps() {
    // fractions of: one tick (most steps), the publish lead, or up to four rotation periods
    return Arbitraries.doubles().between(0, 3).list().ofMinSize(1).ofMaxSize(40);
  }

  @Property(tries = 40)
  void everyIssuedTokenVerifiesThroughExpiryPlusSkew(@ForAll("policies") RotationPolicy policy,
      @ForAll("gaps") List<Double> gaps) {
    TestClock clock = new TestClock(T0);
    InMemoryKeyRingRepository repository = new InMemoryKeyRingRepository();
    LocalKeyCustody custody = new LocalKeyCustody();
    KeyRotationService rotation = KeyRotationService.builder(repository, custody)
        .policy(policy).clock(clock).build();
    JwtIssuer issuer = JwtIssuer.builder(repository, custody).policy(policy)
        .clock(clock).issuer("iss").build();
    JwtVerifier verifier = JwtVerifier.builder(
            RingKeySource.builder(repository).clock(clock).refreshInterval(Duration.ZERO).build())
        .allowedAlgorithms(policy.algorithm()).expectedIssuer("iss")
        .ignoreAudience().clockSkew(policy.clockSkew())
        .clock(clock).build();
    rotation.start();
    List<Token> tokens = new ArrayList<>();
    for (double gap : gaps) {
      String compact = issuer.issue(JwtClaims.builder().subject("s").build());
      Instant exp = UnverifiedJwt.parse(compact).unverifiedClaims().expiration().orElseThrow();
      // exp is in whole seconds (NumericDate), so it may be up to 1 s before t + T; never after
      assertThat(exp).isBeforeOrEqualTo(clock.instant().plus(policy.maxTokenLifetime()));
      tokens.add(new Token(compact, clock.instant(), exp));
      Duration step;
      if (gap < 2) {
        step = Duration.ofMillis((long) (policy.tick().toMillis() * gap / 2));
      } else if (gap < 2.8) {
        step = Duration.ofMillis((long) (policy.publishLead().toMillis() * (gap - 2)));
      } else {
        step = Duration.ofMillis((long) (policy.rotationPeriod().toMillis() * (gap - 2.8) * 20));
      }
      clock.advance(step);
      rotation.tick();
      Instant now = clock.instant();
      for (Token t : tokens) {
        // the token's own validity window [t, exp + S), which lies inside [t, t + T + S]
        if (now.isBefore(t.expiresAt().plus(policy.clockSkew()))) {
          assertThat(verifier.verify(t.compact()).claims().subject()).contains("s");
        }
      }
    }
  }
}
