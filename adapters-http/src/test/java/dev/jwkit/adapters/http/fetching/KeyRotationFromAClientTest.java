package dev.jwkit.adapters.http.fetching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.adapters.http.testing.FaultServer.Reply;
import dev.jwkit.adapters.http.testing.JwksOrigin;
import dev.jwkit.adapters.http.testing.Keys;
import dev.jwkit.adapters.http.testing.ManualScheduler;
import dev.jwkit.adapters.http.testing.TestClock;
import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.EcPrivateJwk;
import dev.jwkit.jose.jwt.JwtClaims;
import dev.jwkit.jose.jwt.JwtSigner;
import dev.jwkit.jose.jwt.JwtVerifier;
import dev.jwkit.jwks.model.KeySourceError;
import dev.jwkit.jwks.model.KeySourceUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An authorization server rotates its keys; a resource server verifies through the caching key source. */
class KeyRotationFromAClientTest {

  static final String ISSUER = "https://issuer.example";
  static final EcPrivateJwk OLD = Keys.ec("2026-01");
  static final EcPrivateJwk NEW = Keys.ec("2026-02");

  final TestClock clock = TestClock.start();
  final ManualScheduler scheduler = new ManualScheduler();
  final JwksOrigin origin = new JwksOrigin(Keys.publicJwks(OLD));
  final CachingKeySource source = CachingKeySource.builder()
      .location(origin.uri().toString())
      .clock(clock)
      .scheduler(scheduler)
      .build();
  final JwtVerifier verifier = JwtVerifier.builder(source)   // the caching source is the key resolver
      .expectedIssuer(ISSUER).expectedAudience("api")
      .clock(clock)
      .build();

  @AfterEach
  void stop() {
    source.close();
    origin.close();
    scheduler.shutdownNow();
  }

  String token(EcPrivateJwk key) {
    return token(key, Duration.ofHours(2));
  }

  String token(EcPrivateJwk key, Duration lifetime) {
    JwtClaims claims = JwtClaims.builder().issuer(ISSUER).subject("alice").audience("api")
        .issuedAt(clock.instant()).expiration(clock.instant().plus(lifetime)).build();
    return JwtSigner.of(key, JwsAlgorithm.ES256).sign(claims);
  }

  void refreshInBackground() {
    clock.advance(CachingKeySource.DEFAULT_REFRESH);
    source.keys();
    source.inFlight().ifPresent(f -> {
      try {
        f.get();
      } catch (Exception e) {
        // asserted by the caller
      }
    });
  }

  @Test
  void newKey_verifiesAfterAtMostOneRefetch() {
    assertThat(verifier.verify(token(OLD))).isNotNull();
    assertThat(origin.fetches()).isEqualTo(1);

    origin.publish(Keys.publicJwks(OLD, NEW)); // the server pre-publishes, then signs with the new key
    String fresh = token(NEW);
    assertThat(verifier.verify(fresh)).isNotNull();
    assertThat(origin.fetches()).isEqualTo(2);
    for (int i = 0; i < 50; i++) {
      verifier.verify(fresh);
    }
    assertThat(origin.fetches()).isEqualTo(2);
  }

  @Test
  void retiredKey_verifiesUntilUnpublished() {
    String old = token(OLD);
    verifier.verify(old);
    origin.publish(Keys.publicJwks(OLD, NEW)); // OLD retired: still published
    refreshInBackground();
    assertThat(verifier.verify(old)).isNotNull();

    origin.publish(Keys.publicJwks(NEW)); // OLD unpublished
    assertThat(verifier.verify(old)).isNotNull(); // the client has not refreshed yet
    refreshInBackground();
    assertThatThrownBy(() -> verifier.verify(old))
        .isInstanceOf(InvalidTokenException.class)
        .satisfies(t -> assertThat(((InvalidTokenException) t).code()).isEqualTo(JoseError.KEY_NOT_FOUND));
    assertThat(verifier.verify(token(NEW))).isNotNull();
  }

  @Test
  void forgedKid_isRejectedAndCostsOneFetchPerCooldown() {
    verifier.verify(token(OLD));
    EcPrivateJwk attacker = Keys.ec("2026-02");
    for (int i = 0; i < 100; i++) {
      assertThatThrownBy(() -> verifier.verify(token(attacker))).isInstanceOf(InvalidTokenException.class);
    }
    assertThat(origin.fetches()).isEqualTo(2);
  }

  @Test
  void outage_verificationContinuesOnTheCachedSet_thenFailsClosed() {
    String t = token(OLD, Duration.ofDays(3));
    verifier.verify(t);
    origin.server().close(); // the server goes away
    clock.advance(CachingKeySource.DEFAULT_REFRESH.plus(Duration.ofHours(23)));
    assertThat(verifier.verify(t)).isNotNull();
    clock.advance(Duration.ofHours(1).plusMinutes(1)); // beyond the 24 h maximum staleness
    assertThatThrownBy(() -> verifier.verify(t))
        .isInstanceOf(KeySourceUnavailableException.class)
        .satisfies(e -> assertThat(((KeySourceUnavailableException) e).code()).isEqualTo(KeySourceError.STALE_BEYOND_LIMIT));
    assertThat(source.health().status()).isEqualTo(KeySourceHealth.Status.EXPIRED);
  }

  @Test
  void outage_recovery_whenTheServerReturns() {
    String t = token(OLD, Duration.ofDays(3));
    verifier.verify(t);
    origin.fail(Reply::reset);
    clock.advance(CachingKeySource.DEFAULT_REFRESH.plus(CachingKeySource.DEFAULT_MAX_STALENESS));
    assertThatThrownBy(() -> verifier.verify(t)).isInstanceOf(KeySourceUnavailableException.class);
    origin.heal();
    clock.advance(CachingKeySource.DEFAULT_RETRY_MAX);
    String later = token(OLD);
    assertThat(verifier.verify(later)).isNotNull();
  }
}
