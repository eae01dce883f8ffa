package dev.jwkit.adapters.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import dev.jwkit.adapters.vault.kv.VaultKvKeyRingRepository;
import dev.jwkit.adapters.vault.testing.TestClock;
import dev.jwkit.adapters.vault.testing.VaultTarget;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jws.CompactJws;
import dev.jwkit.jose.jws.JwsVerifier;
import dev.jwkit.jose.jwt.JwtClaims;
import dev.jwkit.jwks.application.KeyRotationService;
import dev.jwkit.jwks.application.JwtIssuer;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingError;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.model.KeyState;
import dev.jwkit.jwks.model.ManagedKey;
import dev.jwkit.jwks.model.RotationPolicy;
import dev.jwkit.adapters.vault.transit.VaultTransitKeyCustody;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Several replicas, each with its own {@link KeyRotationService}, {@link VaultKvKeyRingRepository} and
 * {@link VaultTransitKeyCustody}, rotate one ring in one Vault while their ticks interleave: they must
 * converge on one ring with exactly one active key, every ring key must be a Transit version, retired
 * keys must be refused by Transit, and tokens from the active key must verify with jose-core and Nimbus.
 * Run against the double ({@link VaultReplicasRotationTest}) and a real Vault ({@link
 * VaultReplicasRotationVaultContainerTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class VaultReplicasRotationContract {

  private static final RotationPolicy POLICY = RotationPolicy.builder().rotationPeriod(Duration.ofDays(1)).build();

  private VaultTarget target;

  protected abstract VaultTarget target();

  @BeforeAll
  void start() {
    target = target();
  }

  @Test
  void replicasSharingOneVault_convergeOnOneRingWithExactlyOneActiveKey() throws Exception {
    TestClock clock = TestClock.startingAt("2026-01-01T00:00:00Z");
    String prefix = "replicas-" + Long.toHexString(System.nanoTime());
    KeyRingId ringId = KeyRingId.of("default");
    int replicas = 3;
    List<KeyRotationService> services = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      VaultSettings settings = target.rootSettings().build();
      services.add(KeyRotationService.builder(VaultKvKeyRingRepository.builder().settings(settings).pathPrefix(prefix).build(), VaultTransitKeyCustody.builder().settings(settings).keyNamePrefix(prefix).build())
          .policy(POLICY).clock(clock).ringId(ringId).build());
    }
    ExecutorService pool = Executors.newFixedThreadPool(replicas);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (KeyRotationService s : services) {
        done.add(pool.submit(() -> {
          go.await();
          s.start();
          for (int i = 0; i < 25; i++) {
            s.tick();
            clock.advance(Duration.ofHours(2));
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(300, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    services.get(0).tick();

    VaultKvKeyRingRepository repository = VaultKvKeyRingRepository.builder()
        .settings(target.rootSettings().build()).pathPrefix(prefix).build();
    VaultTransitKeyCustody custody = VaultTransitKeyCustody.builder()
        .settings(target.rootSettings().build()).keyNamePrefix(prefix).build();
    KeyRing ring = repository.load(ringId).orElseThrow();
    assertThat(ring.keys(KeyState.ACTIVE)).hasSize(1);
    assertThat(ring.keys().stream().filter(k -> k.retiredAt().isPresent())).isNotEmpty();
    assertThat(ring.keys()).allSatisfy(k -> {
      assertThat(k.material().custody()).isEqualTo(VaultTransitKeyCustody.NAME);
      assertThat(k.material().reference()).startsWith(prefix + "-es256:");
      assertThat(k.material().hasPrivateKey()).isFalse();
    });
    for (ManagedKey k : ring.keys(KeyState.RETIRED)) {
      assertThatThrownBy(() -> custody.sign(k.material(), "a.b".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
          .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(KeyRingError.CUSTODY_FAILED));
    }

    JwtIssuer issuer = JwtIssuer.builder(repository, custody).policy(POLICY)
        .clock(clock).ringId(ringId).issuer("https://issuer.example").build();
    String token = issuer.issue(JwtClaims.builder().subject("replica-test").build());
    ManagedKey active = ring.activeKey();
    JwsVerifier.of(active.material().publicJwk(), JwsAlgorithm.ES256).verify(CompactJws.parse(token));
    JWSObject nimbus = JWSObject.parse(token);
    assertThat(nimbus.getHeader().getKeyID()).isEqualTo(active.kid());
    assertThat(nimbus.verify(new ECDSAVerifier(JWK.parse(active.material().publicJwk().toJson()).toECKey()))).isTrue();
  }
}
