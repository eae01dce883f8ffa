package dev.jwkit.jwks.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jws.CompactJws;
import dev.jwkit.jose.jws.JwsHeader;
import dev.jwkit.jose.jws.JwsSigner;
import dev.jwkit.jose.jws.JwsVerifier;
import dev.jwkit.jwks.model.ImportKey;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingCommand;
import dev.jwkit.jwks.model.KeyRingConflictException;
import dev.jwkit.jwks.model.KeyRingError;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.model.KeyState;
import dev.jwkit.jwks.model.ManagedKey;
import dev.jwkit.jwks.model.RotationPlanner;
import dev.jwkit.jwks.model.RotationPolicy;
import dev.jwkit.jwks.model.TestKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link KeyRingRepository} fulfils. An adapter's test extends this class and
 * implements {@link #newRepository()}, returning an empty repository (a fresh directory, a fresh Vault
 * path prefix) on each call:
 *
 * <pre>{@code
 * class FileKeyRingRepositoryTest extends KeyRingRepositoryContract {
 *   @TempDir Path dir;
 *   @Override protected KeyRingRepository newRepository() { return FileKeyRingRepository.of(dir); }
 * }
 * }</pre>
 *
 * <p>Proves: missing rings load empty; a save round-trips every key, state, instant and private key and
 * returns a greater version that a load returns too; a stale save fails with {@link
 * KeyRingConflictException} and leaves the store unchanged; concurrent writers from many threads that
 * retry on conflict lose no update; large rings round-trip; rings are independent.
 */
public abstract class KeyRingRepositoryContract {

  /** An empty repository, new for each test. */
  protected abstract KeyRingRepository newRepository();

  /** Threads in the concurrency test (override to lower for slow stores). */
  protected int concurrentWriters() {
    return 8;
  }

  /** Saves per thread in the concurrency test. */
  protected int savesPerWriter() {
    return 10;
  }

  /** Keys in the large-ring test (about half of them tombstones). */
  protected int largeRingRotations() {
    return 400;
  }

  protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  protected static final KeyRingId RING = KeyRingId.of("contract");
  protected static final RotationPolicy POLICY = RotationPolicy.builder().rotationPeriod(Duration.ofDays(1)).build();

  private KeyRingRepository repository;

  @BeforeEach
  void setUpRepository() {
    repository = newRepository();
  }

  protected static KeyRing startedRing(KeyRingId id) {
    return RotationPlanner.apply(KeyRing.empty(id), new KeyRingCommand.StartRing(), POLICY, T0, new TestKeys())
        .ring();
  }

  @Test
  void load_missingRing_isEmpty() {
    assertThat(repository.load(KeyRingId.of("missing"))).isEmpty();
  }

  @Test
  void save_newRing_roundTripsEveryKeyStateAndInstant() {
    KeyRing ring = startedRing(RING);
    ring = RotationPlanner.plan(ring, POLICY, T0.plus(Duration.ofDays(1)), new TestKeys("r")).ring();
    ring = RotationPlanner.apply(ring, new KeyRingCommand.RevokeKey("r1", "contract test"), POLICY,
        T0.plus(Duration.ofDays(1)).plusSeconds(5), new TestKeys("s")).ring();
    KeyRing saved = repository.save(ring);
    assertThat(saved.version()).isPositive();
    assertThat(saved.sameContentAs(ring)).isTrue();
    KeyRing loaded = repository.load(RING).orElseThrow();
    assertThat(loaded.version()).isEqualTo(saved.version());
    assertThat(loaded.sameContentAs(ring)).as("loaded %s, saved %s", loaded, ring).isTrue();
    assertThat(loaded.keys()).extracting(ManagedKey::state)
        .containsExactly(KeyState.RETIRED, KeyState.ACTIVE, KeyState.REVOKED, KeyState.PENDING);
    assertThat(loaded.revokedKids()).containsExactly("r1");
    assertThat(loaded.key("k2").orElseThrow().revocationReason()).isEmpty();
    assertThat(loaded.key("r1").orElseThrow().revocationReason()).contains("contract test");
  }

  @Test
  void save_localPrivateKey_roundTripsAndStillSigns() {
    KeyRing ring = startedRing(RING);
    repository.save(ring);
    ManagedKey active = repository.load(RING).orElseThrow().activeKey();
    assertThat(active.material().privateJwk()).isPresent();
    String token = JwsSigner.of(active.material().privateJwk().orElseThrow(), JwsAlgorithm.ES256)
        .signCompact(JwsHeader.builder().alg(JwsAlgorithm.ES256).kid(active.kid()).build(),
            "payload".getBytes(StandardCharsets.UTF_8));
    JwsVerifier.of(ring.activeKey().material().publicJwk(), JwsAlgorithm.ES256).verify(CompactJws.parse(token));
    assertThat(repository.load(RING).orElseThrow().key("k1").orElseThrow().material().hasPrivateKey()).isTrue();
  }

  @Test
  void save_returnsGreaterVersion_eachTime() {
    KeyRing v1 = repository.save(startedRing(RING));
    KeyRing changed = RotationPlanner.apply(v1, new KeyRingCommand.RotateNow(), POLICY, T0.plusSeconds(7200),
        new TestKeys("x")).ring();
    KeyRing v2 = repository.save(changed);
    assertThat(v2.version()).isGreaterThan(v1.version());
    assertThat(repository.load(RING).orElseThrow().version()).isEqualTo(v2.version());
    assertThat(repository.load(RING).orElseThrow().activeKey().kid()).isEqualTo("k2");
  }

  @Test
  void save_staleVersion_failsWithConflict_andDoesNotOverwrite() {
    KeyRing v1 = repository.save(startedRing(RING));
    KeyRing first = RotationPlanner.apply(v1, new KeyRingCommand.RotateNow(), POLICY, T0.plusSeconds(7200),
        new TestKeys("a")).ring();
    KeyRing second = RotationPlanner.apply(v1, new KeyRingCommand.RevokeKey("k2", "other writer"), POLICY,
        T0.plusSeconds(7200), new TestKeys("b")).ring();
    KeyRing saved = repository.save(first);
    assertThatThrownBy(() -> repository.save(second))
        .isInstanceOf(KeyRingConflictException.class)
        .satisfies(e -> assertThat(((KeyRingConflictException) e).code()).isEqualTo(KeyRingError.CONFLICT));
    KeyRing stored = repository.load(RING).orElseThrow();
    assertThat(stored.version()).isEqualTo(saved.version());
    assertThat(stored.sameContentAs(first)).isTrue();
  }

  @Test
  void save_newRingWhenOneIsStored_failsWithConflict() {
    KeyRing stored = repository.save(startedRing(RING));
    assertThatThrownBy(() -> repository.save(startedRing(RING))).isInstanceOf(KeyRingConflictException.class);
    assertThat(repository.load(RING).orElseThrow().version()).isEqualTo(stored.version());
  }

  @Test
  void save_versionAheadOfStore_failsWithConflict() {
    KeyRing stored = repository.save(startedRing(RING));
    assertThatThrownBy(() -> repository.save(stored.withVersion(stored.version() + 5)))
        .isInstanceOf(KeyRingConflictException.class);
  }

  @Test
  void save_concurrentWritersFromManyThreads_loseNoUpdate() throws Exception {
    repository.save(startedRing(RING));
    int writers = concurrentWriters();
    int saves = savesPerWriter();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        TestKeys keys = new TestKeys("w" + w + "-");
        results.add(pool.submit(() -> {
          start.await();
          int conflicts = 0;
          for (int i = 0; i < saves; i++) {
            var material = keys.next(JwsAlgorithm.ES256);
            while (true) {
              KeyRing current = repository.load(RING).orElseThrow();
              KeyRing next = RotationPlanner.apply(current, ImportKey.of(material), POLICY, T0.plusSeconds(1),
                  keys).ring();
              try {
                repository.save(next);
                break;
              } catch (KeyRingConflictException e) {
                conflicts++;
              }
            }
          }
          return conflicts;
        }));
      }
      start.countDown();
      for (Future<Integer> f : results) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    KeyRing stored = repository.load(RING).orElseThrow();
    assertThat(stored.keys()).hasSize(2 + writers * saves);
    assertThat(stored.keys(KeyState.ACTIVE)).hasSize(1);
  }

  @Test
  void save_largeRing_roundTrips() {
    RotationPolicy fast = RotationPolicy.builder().maxTokenLifetime(Duration.ofMinutes(1)).clockSkew(Duration.ZERO)
        .propagationDelay(Duration.ZERO).clientCacheAge(Duration.ofMinutes(1)).maxAge(Duration.ZERO)
        .publishLead(Duration.ofMinutes(1)).rotationPeriod(Duration.ofMinutes(1)).tick(Duration.ofSeconds(1))
        .retirementWindow(Duration.ofSeconds(61)).build();
    TestKeys keys = new TestKeys("big");
    KeyRing ring = RotationPlanner.apply(KeyRing.empty(RING), new KeyRingCommand.StartRing(), fast, T0, keys).ring();
    for (int i = 1; i <= largeRingRotations(); i++) {
      ring = RotationPlanner.plan(ring, fast, T0.plus(Duration.ofMinutes(i)), keys).ring();
    }
    assertThat(ring.keys().size()).isGreaterThan(largeRingRotations());
    repository.save(ring);
    KeyRing loaded = repository.load(RING).orElseThrow();
    assertThat(loaded.sameContentAs(ring)).isTrue();
    assertThat(loaded.keys(KeyState.EXPIRED)).hasSizeGreaterThan(largeRingRotations() - 5);
  }

  @Test
  void rings_withDifferentIds_areIndependent() {
    KeyRing a = repository.save(startedRing(KeyRingId.of("ring-a")));
    repository.save(startedRing(KeyRingId.of("ring-b")));
    assertThat(repository.load(KeyRingId.of("ring-a")).orElseThrow().version()).isEqualTo(a.version());
    assertThat(repository.load(KeyRingId.of("ring-c"))).isEmpty();
  }
}
