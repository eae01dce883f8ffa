package dev.jwkit.adapters.http.fetching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.adapters.http.testing.FaultServer.Reply;
import dev.jwkit.adapters.http.testing.JwksOrigin;
import dev.jwkit.adapters.http.testing.Keys;
import dev.jwkit.adapters.http.testing.ManualScheduler;
import dev.jwkit.adapters.http.testing.MemoryLastKnownGoodStore;
import dev.jwkit.adapters.http.testing.TestClock;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.EcPrivateJwk;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkGenerator;
import dev.jwkit.jose.jwk.JwkMetadata;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jose.jwk.OctJwk;
import dev.jwkit.jose.jwk.PublicJwk;
import dev.jwkit.jose.jwt.JwtClaims;
import dev.jwkit.jose.jwt.JwtSigner;
import dev.jwkit.jose.jwt.JwtVerifier;
import dev.jwkit.jwks.model.KeySetCachePolicy;
import dev.jwkit.jwks.model.KeySourceError;
import dev.jwkit.jwks.model.KeySourceUnavailableException;
import dev.jwkit.jwks.port.KeySourceEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CachingKeySourceTest {

  static final EcPrivateJwk K1 = Keys.ec("k1");
  static final EcPrivateJwk K2 = Keys.ec("k2");

  final TestClock clock = TestClock.start();
  final ManualScheduler scheduler = new ManualScheduler();
  final List<KeySourceEvent> events = new CopyOnWriteArrayList<>();
  JwksOrigin origin;
  CachingKeySource source;

  @BeforeEach
  void start() {
    origin = new JwksOrigin(Keys.publicJwks(K1));
  }

  @AfterEach
  void stop() {
    if (source != null) {
      source.close();
    }
    origin.close();
    scheduler.shutdownNow();
  }

  CachingKeySource.Builder builder() {
    return CachingKeySource.builder()
        .location(origin.uri().toString())
        .fetcher(HttpJwksFetcher.builder().readTimeout(Duration.ofSeconds(2)).deadline(Duration.ofSeconds(3)).build())
        .clock(clock)
        .scheduler(scheduler)
        .listener(events::add);
  }

  CachingKeySource source() {
    source = builder().build();
    return source;
  }


  void awaitBackgroundFetch() {
    source.inFlight().ifPresent(f -> {
      try {
        f.get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        // the outcome is asserted by the test
      }
    });
  }

  static String thumb(Jwk k) {
    return k.thumbprint().toBase64Url();
  }

  @Test
  void keysFor_knownKid_returnsThatPublicKey() {
    JwkSet keys = source().keysWithKid("k1");
    assertThat(keys.keys()).hasSize(1);
    assertThat(keys.keys().get(0)).isInstanceOf(PublicJwk.class);
    assertThat(thumb(keys.keys().get(0))).isEqualTo(thumb(K1.toPublicJwk()));
    assertThat(source.keys().keys()).hasSize(1);
    assertThat(origin.fetches()).isEqualTo(1);
  }

  @Test
  void coldStart_concurrentLookups_shareOneFetch() throws Exception {
    source();
    origin.hold();
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Future<JwkSet>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        results.add(pool.submit(() -> source.keysWithKid("k1")));
      }
      origin.release();
      for (Future<JwkSet> r : results) {
        assertThat(r.get(10, TimeUnit.SECONDS).keys()).hasSize(1);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(origin.fetches()).isEqualTo(1);
  }

  @Test
  void coldStart_serverNeverAnswers_failsWithNotLoadedWithinMaxWait() {
    origin.hold();
    source = builder().maxWait(Duration.ofMillis(300)).build();
    assertThatThrownBy(() -> source.keysWithKid("k1"))
        .isInstanceOf(KeySourceUnavailableException.class)
        .satisfies(t -> assertThat(((KeySourceUnavailableException) t).code()).isEqualTo(KeySourceError.NOT_LOADED));
  }

  @Test
  void coldStart_serverDown_failsWithNotLoaded_andBacksOffInsteadOfHammering() {
    origin.fail(() -> Reply.status(503, "down"));
    source();
    assertThatThrownBy(() -> source.keysWithKid("k1"))
        .satisfies(t -> assertThat(((KeySourceUnavailableException) t).code()).isEqualTo(KeySourceError.NOT_LOADED))
        .hasRootCauseInstanceOf(KeySourceUnavailableException.class);
    for (int i = 0; i < 100; i++) {
      assertThatThrownBy(() -> source.keysWithKid("k1")).isInstanceOf(KeySourceUnavailableException.class);
    }
    assertThat(origin.fetches()).isEqualTo(1);
    assertThat(source.health().lastFailureCode()).contains(HttpJwksError.BAD_STATUS);
    origin.heal();
    clock.advance(CachingKeySource.DEFAULT_RETRY_MIN);
    assertThat(source.keysWithKid("k1").keys()).hasSize(1);
  }

  @Test
  void knownKid_whileBackgroundRefreshIsStuck_neverWaitsOnTheNetwork() {
    source().keysWithKid("k1");
    CountDownLatch gate = origin.hold();
    clock.advance(CachingKeySource.DEFAULT_REFRESH); // past refreshAt: the lookup starts a background refresh
    for (int i = 0; i < 1000; i++) {
      assertThat(source.keysWithKid("k1").keys()).hasSize(1);
    }
    assertThat(source.inFlight()).isPresent();
    gate.countDown();
    awaitBackgroundFetch();
    assertThat(origin.fetches()).isEqualTo(2);
  }

  @Test
  void refresh_usesIfNoneMatch_and304KeepsTheSet() {
    origin.cacheControl("max-age=120");
    source().keysWithKid("k1");
    clock.advance(Duration.ofSeconds(60));
    source.keysWithKid("k1");
    assertThat(source.inFlight()).isEmpty();
    assertThat(origin.fetches()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(31)); // 91 s: past refreshAt = 120 - 30
    source.keysWithKid("k1");
    awaitBackgroundFetch();
    assertThat(origin.fetches()).isEqualTo(2);
    assertThat(origin.notModified()).isEqualTo(1);
    assertThat(source.keysWithKid("k1").keys()).hasSize(1);
    assertThat(events).filteredOn(e -> e instanceof KeySourceEvent.Fetched && ((KeySourceEvent.Fetched) e).notModified())
        .hasSize(1);
  }

  @Test
  void maxAge_isClampedToTheMinimumRefresh() {
    origin.cacheControl("max-age=0");
    source().keysWithKid("k1");
    clock.advance(Duration.ofSeconds(29));
    source.keysWithKid("k1");
    assertThat(origin.fetches()).isEqualTo(1);
    assertThat(events).filteredOn(e -> e instanceof KeySourceEvent.Fetched)
        .first().satisfies(e -> assertThat(((KeySourceEvent.Fetched) e).lifetime()).isEqualTo(Duration.ofMinutes(1)));
  }

  @Test
  void backgroundTick_refreshesWhenDue() {
    source().keysWithKid("k1");
    clock.advance(CachingKeySource.DEFAULT_REFRESH);
    assertThat(scheduler.runScheduled()).isGreaterThanOrEqualTo(1);
    awaitBackgroundFetch();
    assertThat(origin.fetches()).isEqualTo(2);
  }

  @Test
  void rotation_newKid_isSeenAfterOneRefetch() {
    source().keysWithKid("k1");
    origin.publish(Keys.publicJwks(K1, K2));
    JwkSet k2 = source.keysWithKid("k2");
    assertThat(k2.keys()).hasSize(1);
    assertThat(thumb(k2.keys().get(0))).isEqualTo(thumb(K2.toPublicJwk()));
    assertThat(origin.fetches()).isEqualTo(2);
    assertThat(events).filteredOn(e -> e instanceof KeySourceEvent.UnknownKidRefetch).hasSize(1);
  }

  @Test
  void rotation_retiredKid_isServedUntilUnpublished() {
    origin.publish(Keys.publicJwks(K1, K2));
    source().keysWithKid("k2");
    origin.publish(Keys.publicJwks(K2));
    assertThat(source.keysWithKid("k1").keys()).hasSize(1); // still held: the set is fresh
    clock.advance(CachingKeySource.DEFAULT_REFRESH);
    source.keysWithKid("k2");
    awaitBackgroundFetch();
    assertThat(source.keysWithKid("k1").keys()).isEmpty();
  }

  @Test
  void thunderingHerd_200ConcurrentUnknownKids_causeOneFetch() throws Exception {
    source().keysWithKid("k1");
    CountDownLatch gate = origin.hold();
    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch startLine = new CountDownLatch(1);
    try {
      List<Future<JwkSet>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        results.add(pool.submit(() -> {
          startLine.await();
          return source.keysWithKid("unknown");
        }));
      }
      startLine.countDown();
      gate.countDown();
      for (Future<JwkSet> r : results) {
        assertThat(r.get(20, TimeUnit.SECONDS).keys()).isEmpty();
      }
    } finally {
      origin.release();
      pool.shutdownNow();
    }
    assertThat(origin.fetches()).isEqualTo(2); // the cold start and one refetch
  }

  @Test
  void bogusKidFlood_thousandPerSecond_fetchesNoMoreThanTheCooldownAllows() {
    source().keysWithKid("k1");
    int before = origin.fetches();
    Duration step = Duration.ofMillis(1); // 1,000 bogus kids per simulated second
    for (int i = 0; i < 100_000; i++) { // 100 simulated seconds
      source.keysWithKid("bogus-" + i);
      clock.advance(step);
    }
    int refetches = origin.fetches() - before;
    // refetches at t = 0, 30, 60, 90 s at most; the set was never refreshed by schedule (10 min)
    assertThat(refetches).isLessThanOrEqualTo(4).isGreaterThanOrEqualTo(1);
    assertThat(source.keysWithKid("k1").keys()).hasSize(1);
  }

  @Test
  void bogusKids_doNotStarveTheScheduledRefresh() {
    origin.cacheControl("max-age=60");
    source = builder().unknownKidCooldown(Duration.ofMinutes(10)).build();
    source.keysWithKid("k1");
    source.keysWithKid("bogus"); // spends the on-demand budget for 10 minutes
    int afterBogus = origin.fetches();
    clock.advance(Duration.ofSeconds(31)); // past refreshAt = 60 - 30
    source.keysWithKid("k1");
    awaitBackgroundFetch();
    assertThat(origin.fetches()).isEqualTo(afterBogus + 1);
  }

  @Test
  void negativeCache_answersARecentlyUnknownKidWithoutWaiting() {
    source().keysWithKid("k1");
    source.keysWithKid("nope");
    int fetches = origin.fetches();
    origin.hold();
    clock.advance(Duration.ofSeconds(31)); // cooldown over, negative entry still valid? no: 30 s ttl
    clock.advance(Duration.ofSeconds(-31));
    for (int i = 0; i < 100; i++) {
      assertThat(source.keysWithKid("nope").keys()).isEmpty();
    }
    assertThat(origin.fetches()).isEqualTo(fetches);
    origin.release();
  }

  @Test
  void outage_servesStaleUntilTheLimit_thenFailsClosed_thenRecovers() {
    source().keysWithKid("k1");
    origin.fail(Reply::reset);
    clock.advance(CachingKeySource.DEFAULT_REFRESH.plusSeconds(1)); // expired: stale from now on
    assertThat(source.keysWithKid("k1").keys()).hasSize(1);
    awaitBackgroundFetch();
    assertThat(events).filteredOn(e -> e instanceof KeySourceEvent.ServingStale).first()
        .satisfies(e -> assertThat(((KeySourceEvent.ServingStale) e).timeLeft())
            .isEqualTo(CachingKeySource.DEFAULT_MAX_STALENESS.minusSeconds(1)));
    assertThat(source.health().status()).isEqualTo(KeySourceHealth.Status.STALE);

    clock.advance(CachingKeySource.DEFAULT_MAX_STALENESS.minusSeconds(10));
    assertThat(source.keysWithKid("k1").keys()).hasSize(1);
    awaitBackgroundFetch();

    clock.advance(Duration.ofSeconds(20)); // beyond the limit
    assertThatThrownBy(() -> source.keysWithKid("k1"))
        .isInstanceOf(KeySourceUnavailableException.class)
        .satisfies(t -> assertThat(((KeySourceUnavailableException) t).code()).isEqualTo(KeySourceError.STALE_BEYOND_LIMIT));
    assertThat(source.health().status()).isEqualTo(KeySourceHealth.Status.EXPIRED);
    assertThat(events).anyMatch(e -> e instanceof KeySourceEvent.FailedClosed);

    origin.heal();
    clock.advance(CachingKeySource.DEFAULT_RETRY_MAX);
    assertThat(source.keysWithKid("k1").keys()).hasSize(1);
    assertThat(source.health().status()).isEqualTo(KeySourceHealth.Status.FRESH);
  }

  @Test
  void outage_serverGoneForGood_connectionRefused_isServedStale() {
    source().keysWithKid("k1");
    origin.server().close();
    clock.advance(CachingKeySource.DEFAULT_REFRESH);
    assertThat(source.keysWithKid("k1").keys()).hasSize(1);
    awaitBackgroundFetch();
    assertThat(source.health().lastFailureCode()).get()
        .isIn(HttpJwksError.CONNECT_FAILED, HttpJwksError.IO_FAILED, HttpJwksError.TIMEOUT);
  }

  @Test
  void unparsableSet_neverReplacesAGoodOne() {
    source().keysWithKid("k1");
    origin.fail(() -> Reply.json("{\"keys\": 42}"));
    clock.advance(CachingKeySource.DEFAULT_REFRESH);
    source.keysWithKid("k1");
    awaitBackgroundFetch();
    assertThat(source.keysWithKid("k1").keys()).hasSize(1);
    assertThat(source.health().lastFailureCode()).contains(HttpJwksError.MALFORMED_JWKS);
  }

  @Test
  void setWithNoUsableKey_neverReplacesAGoodOne() {
    source().keysWithKid("k1");
    origin.publish("{\"keys\":[{\"kty\":\"XYZ\",\"kid\":\"k9\"}]}");
    clock.advance(CachingKeySource.DEFAULT_REFRESH);
    source.keysWithKid("k1");
    awaitBackgroundFetch();
    assertThat(source.keysWithKid("k1").keys()).hasSize(1);
    assertThat(source.health().lastFailureCode()).contains(KeySourceError.INVALID_KEY_SET);
  }

  @Test
  void privateAndSymmetricKeys_inARemoteSet_areRefusedAndReported() {
    Jwk oct = JwkGenerator.generateOct(256).withMetadata(Keys.kid("hmac"));
    origin.publish(Keys.rawJwks(K1.toPublicJwk(), K2, oct));
    JwkSet all = source().keys();
    assertThat(all.keys()).hasSize(1).allMatch(k -> k instanceof PublicJwk);
    assertThat(source.keysWithKid("k2").keys()).isEmpty();
    assertThat(source.keysWithKid("hmac").keys()).isEmpty();
    KeySourceEvent.KeysSkipped skipped = (KeySourceEvent.KeysSkipped) events.stream()
        .filter(e -> e instanceof KeySourceEvent.KeysSkipped).findFirst().orElseThrow();
    // issue 14: the reason is the parser's one rule for public sets, no longer this adapter's own code
    assertThat(skipped.skipped()).hasSize(2).allMatch(s -> s.reason() == JoseError.NOT_PUBLIC);
    assertThat(skipped.skipped()).extracting(s -> s.index()).containsExactly(1, 2);
    assertThat(skipped.skipped().toString()).doesNotContain("\"d\"");
  }

  @Test
  void hmacTokens_macedWithOctKeysOfTheFetchedSet_areRefused_withTheSkipReason() {
    OctJwk oct = JwkGenerator.generateOct(256).withMetadata(Keys.kid("hmac"));
    OctJwk sharingK1 = JwkGenerator.generateOct(256).withMetadata(Keys.kid("k1"));
    OctJwk withoutKid = JwkGenerator.generateOct(256).withMetadata(JwkMetadata.empty());
    origin.publish(Keys.rawJwks(K1.toPublicJwk(), oct, sharingK1, withoutKid));
    JwtVerifier verifier = JwtVerifier.builder(source()).allowedAlgorithms(JwsAlgorithm.HS256, JwsAlgorithm.ES256)
        .ignoreIssuer().ignoreAudience().build();
    JwtClaims claims = JwtClaims.builder().subject("mallory").expiration(Instant.now().plusSeconds(600)).build();
    String named = JwtSigner.builder().key(oct, JwsAlgorithm.HS256).kid("hmac").build().sign(claims);
    String sharing = JwtSigner.builder().key(sharingK1, JwsAlgorithm.HS256).kid("k1").build().sign(claims);
    String anonymous = JwtSigner.builder().key(withoutKid, JwsAlgorithm.HS256).withoutKid().build().sign(claims);
    assertThatThrownBy(() -> verifier.verify(named)).isInstanceOf(JwkitException.class)
        .satisfies(e -> assertThat(((JwkitException) e).code()).isEqualTo(JoseError.KEY_NOT_FOUND))
        .hasMessageContaining(JoseError.NOT_PUBLIC.id());
    // an oct key sharing an EC key's kid does not widen that kid's algorithms
    assertThatThrownBy(() -> verifier.verify(sharing)).isInstanceOf(JwkitException.class)
        .satisfies(e -> assertThat(((JwkitException) e).code()).isEqualTo(JoseError.KEY_MISMATCH));
    assertThatThrownBy(() -> verifier.verify(anonymous)).isInstanceOf(JwkitException.class)
        .satisfies(e -> assertThat(((JwkitException) e).code()).isEqualTo(JoseError.KEY_NOT_FOUND))
        .hasMessageContaining(JoseError.NOT_PUBLIC.id());
  }

  @Test
  void unusableKey_isSkippedNotFatal() {
    String doc = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-999\",\"kid\":\"bad\",\"x\":\"AA\",\"y\":\"AA\"},"
        + Keys.publicJwks(K1).substring("{\"keys\":[".length());
    origin.publish(doc);
    assertThat(source().keysWithKid("k1").keys()).hasSize(1);
    assertThat(events).anyMatch(e -> e instanceof KeySourceEvent.KeysSkipped);
  }

  @Test
  void lastKnownGoodStore_isSavedAndUsedWhenTheServerIsDownAtStartup() {
    MemoryLastKnownGoodStore store = new MemoryLastKnownGoodStore();
    source = builder().lastKnownGoodStore(store).build();
    source.keysWithKid("k1");
    assertThat(store.saved()).isPresent();
    assertThat(new String(store.saved().orElseThrow().body(), StandardCharsets.UTF_8)).doesNotContain("\"d\"");
    source.close();

    origin.fail(() -> Reply.status(500, "down"));
    clock.advance(Duration.ofHours(1));
    source = builder().lastKnownGoodStore(store).build();
    assertThat(source.keysWithKid("k1").keys()).hasSize(1);
    assertThat(source.health().status()).isEqualTo(KeySourceHealth.Status.STALE);
  }

  @Test
  void health_reportsAgeKeysHitsAndMisses() {
    assertThat(source().health().status()).isEqualTo(KeySourceHealth.Status.NOT_LOADED);
    source.keysWithKid("k1");
    source.keysWithKid("zz");
    clock.advance(Duration.ofSeconds(5));
    KeySourceHealth h = source.health();
    assertThat(h.status()).isEqualTo(KeySourceHealth.Status.FRESH);
    assertThat(h.keys()).isEqualTo(1);
    assertThat(h.age()).contains(Duration.ofSeconds(5));
    assertThat(h.hits()).isEqualTo(1);
    assertThat(h.misses()).isEqualTo(1);
    assertThat(h.isServing()).isTrue();
    assertThat(h.lastSuccess()).isPresent();
    assertThat(h.location()).endsWith("/.well-known/jwks.json");
  }

  @Test
  void meters_countFetchesLookupsKeysAndAge() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    source = builder().meterRegistry(registry).build();
    source.keysWithKid("k1");
    source.keysWithKid("k1");
    source.keysWithKid("unknown");
    assertThat(registry.get(KeySourceMetrics.FETCH).tag("outcome", "success").timer().count()).isEqualTo(1);
    assertThat(registry.get(KeySourceMetrics.FETCH).tag("outcome", "not_modified").timer().count()).isEqualTo(1);
    assertThat(registry.get(KeySourceMetrics.LOOKUPS).tag("result", "hit").functionCounter().count()).isEqualTo(2);
    assertThat(registry.get(KeySourceMetrics.LOOKUPS).tag("result", "miss").functionCounter().count()).isEqualTo(1);
    assertThat(registry.get(KeySourceMetrics.KEYS).gauge().value()).isEqualTo(1);
    assertThat(registry.get(KeySourceMetrics.AGE).gauge().value()).isEqualTo(0);
    origin.fail(() -> Reply.status(500, "x"));
    clock.advance(CachingKeySource.DEFAULT_REFRESH);
    source.keysWithKid("k1");
    awaitBackgroundFetch();
    assertThat(registry.get(KeySourceMetrics.FETCH).tag("outcome", "http.bad_status").timer().count()).isEqualTo(1);
  }

  @Test
  void keysFor_returnsTheHeldSetForTheVerifierToSelectFrom() {
    origin.publish(Keys.publicJwks(K1, K2));
    assertThat(source().keysFor("k1").keys()).hasSize(2);
    assertThat(source.keysFor("unknown").keys()).hasSize(2);
    assertThat(source.keys().keys()).hasSize(2);
    assertThat(source.revokedKids()).isEmpty();
  }

  @Test
  void listener_isToldEachFetchAndItsOutcome() {
    List<KeySourceEvent> seen = new CopyOnWriteArrayList<>();
    source = builder().listener(seen::add).build();
    source.keys();
    origin.fail(Reply::reset);
    clock.advance(CachingKeySource.DEFAULT_REFRESH.plusSeconds(1));
    source.keys();
    awaitBackgroundFetch();
    assertThat(seen).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("Fetched", "FetchFailed", "ServingStale");
    assertThat(((KeySourceEvent.Fetched) seen.get(0)).keys()).isEqualTo(1);
    assertThat(((KeySourceEvent.FetchFailed) seen.get(1)).consecutiveFailures()).isEqualTo(1);
  }

  @Test
  void domainPolicy_setsTheCacheBehaviour() {
    source = builder().policy(KeySetCachePolicy.builder().maxStaleness(Duration.ZERO).build()).build();
    source.keys();
    origin.fail(() -> Reply.status(503, "down"));
    clock.advance(CachingKeySource.DEFAULT_REFRESH);
    assertThatThrownBy(() -> source.keys())
        .satisfies(t -> assertThat(((KeySourceUnavailableException) t).code()).isEqualTo(KeySourceError.STALE_BEYOND_LIMIT));
  }

  @Test
  void refreshNow_warmsTheCache() {
    source().refreshNow();
    assertThat(origin.fetches()).isEqualTo(1);
    assertThat(source.health().status()).isEqualTo(KeySourceHealth.Status.FRESH);
  }

  @Test
  void builder_refusesInconsistentSettings() {
    assertThatThrownBy(() -> CachingKeySource.builder().build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> CachingKeySource.builder().location("http://issuer.example/jwks").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("allowInsecureHttp");
    assertThat(CachingKeySource.builder().location("http://issuer.example/jwks")
        .fetcher(HttpJwksFetcher.builder().allowInsecureHttp().build()).build()).isNotNull();
    assertThatThrownBy(() -> builder().minRefresh(Duration.ofHours(2)).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("defaultRefresh");
    assertThatThrownBy(() -> builder().maxStaleness(Duration.ofDays(31))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder().unknownKidCooldown(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder().maxWait(Duration.ofMinutes(5))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void close_ownedScheduler_isShutDown_andLookupsStillWorkOnTheHeldSet() {
    source = CachingKeySource.builder().location(origin.uri().toString()).build();
    source.keysWithKid("k1");
    source.close();
    assertThat(source.keysWithKid("k1").keys()).hasSize(1);
    CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
    assertThat(done).isDone();
  }
}
