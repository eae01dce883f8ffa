package dev.jwkit.adapters.vault.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.adapters.vault.VaultAuth;
import dev.jwkit.adapters.vault.VaultError;
import dev.jwkit.adapters.vault.VaultSettings;
import dev.jwkit.adapters.vault.testing.FakeSleeper;
import dev.jwkit.adapters.vault.testing.FakeVault;
import dev.jwkit.adapters.vault.testing.TestClock;
import dev.jwkit.adapters.vault.internal.VaultClient;
import dev.jwkit.adapters.vault.internal.VaultRequest;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingCommand;
import dev.jwkit.jwks.model.KeyRingConflictException;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.model.RotationPlanner;
import dev.jwkit.jwks.model.RotationPolicy;
import dev.jwkit.jwks.model.TestKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The KV repository against behaviours of real Vault that the contract does not exercise: a refused
 * mount preflight, versions that Vault deletes by itself ({@code delete_version_after}), a write that
 * committed although its answer never arrived.
 */
class VaultKvHardeningTest {

  private static final KeyRingId RING = KeyRingId.of("ring");

  private final TestClock clock = TestClock.startingAt("2026-01-01T00:00:00Z");
  private final FakeVault vault = FakeVault.start(clock);

  @AfterEach
  void close() {
    vault.close();
  }

  private VaultSettings.Builder settings(VaultAuth auth) {
    return VaultSettings.builder().address(vault.address()).allowPlaintextHttp().auth(auth).clock(clock)
        .sleeper(new FakeSleeper(clock));
  }

  private VaultKvKeyRingRepository repository(VaultSettings settings) {
    return VaultKvKeyRingRepository.builder().settings(settings).build();
  }

  private VaultSettings root() {
    return settings(VaultAuth.token(vault::rootToken)).build();
  }

  private static KeyRing startedRing() {
    return RotationPlanner.apply(KeyRing.empty(RING), new KeyRingCommand.StartRing(),
        RotationPolicy.builder().rotationPeriod(Duration.ofDays(1)).build(), Instant.parse("2026-01-01T00:00:00Z"),
        new TestKeys()).ring();
  }

  private static final String RING_PATH = "secret/data/jwkit/keyrings/ring";

  @Test
  void load_latestVersionExpiredByDeleteVersionAfter_ringDeletedNeverANewRing() {
    VaultKvKeyRingRepository repo = repository(root());
    KeyRing saved = repo.save(startedRing());
    vault.kv("secret").deleteVersionAfter(Duration.ofHours(1)); // set by an operator after start
    repo.save(saved);
    clock.advance(Duration.ofHours(2)); // KV deletes the ring's latest version by itself
    assertThatThrownBy(() -> repo.load(RING))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.RING_DELETED))
        .hasMessageContaining("version 2").hasMessageContaining("deleted").hasMessageContaining("replaceDeletedRing");
    assertThatThrownBy(() -> repo.save(startedRing())) // a new ring over it is refused as well
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.RING_DELETED));
    assertThat(vault.kv("secret").currentVersion("jwkit/keyrings/ring")).isEqualTo(2);
  }

  @Test
  void load_latestVersionDestroyed_ringDeleted_andReplacedOnlyWhenTheOperatorSaysSo() {
    VaultKvKeyRingRepository repo = repository(root());
    repo.save(startedRing());
    VaultClient.create(root()).send(VaultRequest.write("secret/destroy/jwkit/keyrings/ring", Map.of("versions", java.util.List.of(1L)), true));
    assertThatThrownBy(() -> repo.load(RING))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.RING_DELETED))
        .hasMessageContaining("destroyed");
    VaultKvKeyRingRepository forced = VaultKvKeyRingRepository.builder().settings(root()).replaceDeletedRing(true).build();
    assertThat(forced.load(RING)).isEmpty();
    assertThat(forced.save(startedRing()).version()).isEqualTo(2);
    assertThat(repo.load(RING).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void start_mountWithDeleteVersionAfter_refusedWithTheSetting() {
    vault.kv("secret").deleteVersionAfter(Duration.ofDays(32));
    VaultKvKeyRingRepository repo = repository(root());
    assertThatThrownBy(() -> repo.load(RING))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.DELETE_VERSION_AFTER))
        .hasMessageContaining("768h0m0s").hasMessageContaining("secret/config");
    assertThat(vault.requests(RING_PATH)).isEmpty();
  }

  @Test
  void start_pathWithDeleteVersionAfter_refused_disabledOnTheMountAccepted() {
    VaultClient.create(root()).send(VaultRequest.write("secret/metadata/jwkit/keyrings/ring",
        Map.of("delete_version_after", "2h"), true));
    assertThatThrownBy(() -> repository(root()).save(startedRing()))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.DELETE_VERSION_AFTER))
        .hasMessageContaining("2h0m0s").hasMessageContaining("secret/metadata/jwkit/keyrings/ring");
    vault.kv("secret").deleteVersionAfter(Duration.ofSeconds(-1)); // disabled for every key of the mount
    assertThat(repository(root()).save(startedRing()).version()).isEqualTo(1);
  }

  @Test
  void save_retriedAfterATimeoutThatHadCommitted_succeedsInsteadOfAFalseConflict() {
    VaultKvKeyRingRepository repo = repository(settings(VaultAuth.token(vault::rootToken)).readTimeout(Duration.ofMillis(250)).build());
    KeyRing saved = repo.save(startedRing());
    vault.commitThenStall(1, RING_PATH, Duration.ofMillis(800));
    KeyRing again = repo.save(saved);
    assertThat(again.version()).isEqualTo(saved.version() + 1);
    assertThat(vault.requests(RING_PATH).stream().filter(r -> r.method().equals("POST"))).hasSize(3);
    assertThat(repo.load(RING).orElseThrow().version()).isEqualTo(saved.version() + 1);
  }

  @Test
  void save_retriedWriteMeetsAnotherWritersVersion_stillAConflict() {
    VaultKvKeyRingRepository repo = repository(root());
    KeyRing saved = repo.save(startedRing());
    vault.beforeNextWrite(RING_PATH, () -> vault.kv("secret").put("jwkit/keyrings/ring", Map.of("other", true)));
    vault.failNext(1, RING_PATH, 500, "internal error");
    assertThatThrownBy(() -> repo.save(saved)).isInstanceOf(KeyRingConflictException.class);
  }

  @Test
  void appRole_preflightRefused_askedOnceAndNoNewLogin() {
    vault.auth().addAppRole("role-1", "secret-1", Duration.ofHours(1), true);
    vault.deny("sys/internal/ui/mounts/");
    VaultKvKeyRingRepository repo = repository(settings(VaultAuth.appRole("role-1", () -> "secret-1")).build());
    for (int i = 0; i < 3; i++) {
      assertThat(repo.load(RING)).isEmpty();
    }
    assertThat(vault.auth().logins()).isEqualTo(1);
    assertThat(vault.requests("sys/internal/ui/mounts/")).hasSize(1);
  }
}
