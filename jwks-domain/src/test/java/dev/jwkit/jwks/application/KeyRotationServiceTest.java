package dev.jwkit.jwks.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jwks.inmemory.InMemoryKeyRingRepository;
import dev.jwkit.jwks.custody.LocalKeyCustody;
import dev.jwkit.jwks.model.KeyMaterial;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingConflictException;
import dev.jwkit.jwks.model.KeyRingEvent;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.model.KeyState;
import dev.jwkit.jwks.model.RotationPolicy;
import dev.jwkit.jwks.port.KeyCustody;
import dev.jwkit.jwks.port.KeyRingRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeyRotationServiceTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  final RotationPolicy policy = RotationPolicy.builder().rotationPeriod(Duration.ofDays(1)).build();
  final TestClock clock = new TestClock(T0);
  final InMemoryKeyRingRepository repository = new InMemoryKeyRingRepository();
  final List<KeyRingEvent> events = Collections.synchronizedList(new ArrayList<>());

  KeyRotationService service(KeyRingRepository repo, KeyCustody custody) {
    return KeyRotationService.builder(repo, custody).policy(policy).clock(clock)
        .listener(events::add).build();
  }

  @Test
  void start_twice_startsOnce() {
    KeyRotationService s = service(repository, new LocalKeyCustody());
    RotationResult first = s.start();
    RotationResult second = s.start();
    assertThat(first.changed()).isTrue();
    assertThat(second.changed()).isFalse();
    assertThat(second.ring()).isEqualTo(first.ring());
    assertThat(first.ring().version()).isEqualTo(1);
    assertThat(events).hasAtLeastOneElementOfType(KeyRingEvent.RingStarted.class);
  }

  @Test
  void tick_atRotationPeriod_rotatesAndSaves() {
    KeyRotationService s = service(repository, new LocalKeyCustody());
    String first = s.start().ring().activeKey().kid();
    clock.advance(Duration.ofDays(1));
    RotationResult result = s.tick();
    assertThat(result.changed()).isTrue();
    assertThat(repository.load(KeyRingId.DEFAULT).orElseThrow().key(first).orElseThrow().state())
        .isEqualTo(KeyState.RETIRED);
    assertThat(s.tick().changed()).isFalse();
  }

  @Test
  void tick_unstartedRing_doesNothing() {
    assertThat(service(repository, new LocalKeyCustody()).tick().changed()).isFalse();
    assertThat(repository.load(KeyRingId.DEFAULT)).isEmpty();
  }

  @Test
  void rotateNowOrRevoke_missingRing_failWithNotFound() {
    KeyRotationService s = service(repository, new LocalKeyCustody());
    assertThatThrownBy(s::rotateNow).isInstanceOf(JwkitException.class)
        .hasMessageStartingWith("keyring.not_found").hasMessageContaining("start it first");
    assertThatThrownBy(() -> s.revoke("k", "r")).hasMessageStartingWith("keyring.not_found");
    assertThatThrownBy(s::load).hasMessageStartingWith("keyring.not_found");
  }

  @Test
  void revoke_activeKey_tellsCustodyToDestroyIt() {
    List<String> destroyed = Collections.synchronizedList(new ArrayList<>());
    LocalKeyCustody local = new LocalKeyCustody();
    KeyCustody recording = new KeyCustody() {
      @Override public String name() { return local.name(); }
      @Override public KeyMaterial generate(JwsAlgorithm a) { return local.generate(a); }
      @Override public byte[] sign(KeyMaterial k, byte[] in) { return local.sign(k, in); }
      @Override public void retire(KeyMaterial k) { local.retire(k); }
      @Override public void destroy(KeyMaterial k) { destroyed.add(k.kid()); }
    };
    KeyRotationService s = service(repository, recording);
    String active = s.start().ring().activeKey().kid();
    clock.advance(Duration.ofMinutes(20));
    RotationResult r = s.revoke(active, "key file leaked");
    assertThat(destroyed).containsExactly(active);
    assertThat(r.ring().activeKey().kid()).isNotEqualTo(active);
    KeyRingEvent.KeyActivated activated = r.events().stream().filter(KeyRingEvent.KeyActivated.class::isInstance)
        .map(KeyRingEvent.KeyActivated.class::cast).findFirst().orElseThrow();
    assertThat(activated.emergency()).isTrue();
    assertThat(activated.exposure()).isZero();
  }

  @Test
  void tick_afterConflict_replansFromWhatTheOtherWriterSaved_andReusesGeneratedKeys() {
    AtomicInteger generated = new AtomicInteger();
    LocalKeyCustody local = new LocalKeyCustody();
    KeyCustody counting = new KeyCustody() {
      @Override public String name() { return local.name(); }
      @Override public KeyMaterial generate(JwsAlgorithm a) { generated.incrementAndGet(); return local.generate(a); }
      @Override public byte[] sign(KeyMaterial k, byte[] in) { return local.sign(k, in); }
      @Override public void retire(KeyMaterial k) { }
      @Override public void destroy(KeyMaterial k) { }
    };
    service(repository, counting).start();
    clock.advance(Duration.ofDays(1));
    // a repository whose first save loses the race against another replica doing the same rotation
    KeyRotationService other = service(repository, new LocalKeyCustody());
    KeyRingRepository racing = new KeyRingRepository() {
      boolean raced;
      @Override public Optional<KeyRing> load(KeyRingId id) { return repository.load(id); }
      @Override public KeyRing save(KeyRing ring) {
        if (!raced) {
          raced = true;
          other.tick();
          throw new KeyRingConflictException(ring.id(), ring.version());
        }
        return repository.save(ring);
      }
    };
    int before = generated.get();
    RotationResult result = service(racing, counting).tick();
    assertThat(result.changed()).isFalse(); // the other replica already rotated: nothing left to do
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(generated.get() - before).isEqualTo(1);
    assertThat(repository.load(KeyRingId.DEFAULT).orElseThrow().keys(KeyState.ACTIVE)).hasSize(1);
  }

  @Test
  void replicasOnOneRepository_convergeOnOneRingWithExactlyOneActiveKey() throws Exception {
    int replicas = 6;
    List<KeyRotationService> services = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      services.add(service(repository, new LocalKeyCustody()));
    }
    ExecutorService pool = Executors.newFixedThreadPool(replicas);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> changes = new ArrayList<>();
    try {
      for (KeyRotationService s : services) {
        changes.add(pool.submit(() -> {
          go.await();
          int changed = s.start().changed() ? 1 : 0;
          for (int i = 0; i < 200; i++) {
            if (s.tick().changed()) {
              changed++;
            }
            clock.advance(Duration.ofMinutes(30)); // every replica moves time: ticks interleave arbitrarily
          }
          return changed;
        }));
      }
      go.countDown();
      for (Future<Integer> f : changes) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    KeyRing ring = repository.load(KeyRingId.DEFAULT).orElseThrow();
    assertThat(ring.keys(KeyState.ACTIVE)).hasSize(1);
    assertThat(ring.keys(KeyState.PENDING)).hasSize(1);
    assertThat(events.stream().filter(KeyRingEvent.RingStarted.class::isInstance)).hasSize(1);
    long activations = events.stream().filter(KeyRingEvent.KeyActivated.class::isInstance).count();
    long retiredOrExpired = ring.keys().stream().filter(k -> k.retiredAt().isPresent()).count();
    assertThat(activations).as("every saved activation is in the ring: no lost update").isEqualTo(retiredOrExpired + 1);
    assertThat(ring.version()).isEqualTo(changes.stream().mapToInt(f -> {
      try {
        return f.get();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }).sum());
  }

  @Test
  void builder_requiredPartsAreArguments_andTheClockDefaultsToTheSystemClock() {
    assertThatThrownBy(() -> KeyRotationService.builder(null, new LocalKeyCustody()))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("repository");
    assertThatThrownBy(() -> KeyRotationService.builder(repository, null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("custody");
    // the safe default: without clock(..) the system clock is used
    java.time.Instant before = java.time.Clock.systemUTC().instant().minusSeconds(1);
    KeyRotationService s = KeyRotationService.builder(repository, new LocalKeyCustody()).build();
    assertThat(s.start().ring().activeKey().activatedAt()).get().matches(at -> at.isAfter(before));
  }
}
