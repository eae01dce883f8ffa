package dev.jwkit.adapters.vault.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.adapters.vault.VaultError;
import dev.jwkit.adapters.vault.testing.FakeVault;
import dev.jwkit.adapters.vault.testing.VaultTarget;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingConflictException;
import dev.jwkit.jwks.model.KeyRingError;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.port.KeyRingRepository;
import dev.jwkit.jwks.port.KeyRingRepositoryContract;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The {@link KeyRingRepositoryContract} against the Vault double, plus what is specific to KV v2: the
 * CAS option actually sent, a conflicting writer between load and save, a sealed Vault, a KV v1 mount,
 * a soft-deleted ring.
 */
class VaultKvKeyRingRepositoryTest extends KeyRingRepositoryContract {

  private static final FakeVault VAULT = FakeVault.start();
  private static final VaultTarget TARGET = VaultTarget.of(VAULT);

  private String prefix;

  @AfterAll
  static void stop() {
    VAULT.close();
  }

  /** Fewer writers than the default: the two-core build machine is shared, and every retry is an HTTP round trip. */
  @Override
  protected int concurrentWriters() {
    return 4;
  }

  @Override
  protected int savesPerWriter() {
    return 5;
  }

  @Override
  protected KeyRingRepository newRepository() {
    prefix = "jwkit/test-" + Long.toHexString(System.nanoTime());
    return repository(prefix);
  }

  private static VaultKvKeyRingRepository repository(String prefix) {
    return VaultKvKeyRingRepository.builder().settings(TARGET.rootSettings().build()).pathPrefix(prefix).build();
  }

  @Test
  void save_sendsCasOfTheLoadedVersion() {
    VaultKvKeyRingRepository repo = repository(prefix);
    KeyRing saved = repo.save(startedRing(RING));
    repo.save(saved);
    var writes = VAULT.requests("secret/data/" + prefix + "/contract").stream()
        .filter(r -> r.method().equals("POST")).toList();
    assertThat(writes).hasSize(2);
    assertThat(writes.get(0).body().get("options")).isEqualTo(Map.of("cas", 0L));
    assertThat(writes.get(1).body().get("options")).isEqualTo(Map.of("cas", saved.version()));
  }

  @Test
  void save_otherReplicaSavesBetweenLoadAndSave_conflictAndTheirRingKept() {
    VaultKvKeyRingRepository mine = repository(prefix);
    VaultKvKeyRingRepository theirs = repository(prefix);
    KeyRing loaded = mine.save(startedRing(RING));
    VAULT.beforeNextWrite("secret/data/" + prefix + "/contract", () -> theirs.save(theirs.load(RING).orElseThrow()));
    assertThatThrownBy(() -> mine.save(loaded))
        .isInstanceOfSatisfying(KeyRingConflictException.class, e -> assertThat(e.code()).isEqualTo(KeyRingError.CONFLICT))
        .hasMessageContaining("contract");
    assertThat(mine.load(RING).orElseThrow().version()).isEqualTo(loaded.version() + 1);
  }

  @Test
  void load_sealedVault_sealedAfterRetries() {
    VaultKvKeyRingRepository repo = VaultKvKeyRingRepository.builder()
        .settings(TARGET.rootSettings().maxAttempts(2).backoff(java.time.Duration.ZERO, java.time.Duration.ZERO).build())
        .pathPrefix(prefix).build();
    repo.load(RING);
    VAULT.failNext(2, "secret/data/" + prefix, 503, "Vault is sealed");
    assertThatThrownBy(() -> repo.load(RING))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.SEALED));
  }

  @Test
  void load_kvVersion1Mount_kvVersionMismatch() {
    VAULT.mountKv("kv1-" + prefix.hashCode(), 1);
    VaultKvKeyRingRepository repo = VaultKvKeyRingRepository.builder().settings(TARGET.rootSettings().build())
        .mount("kv1-" + prefix.hashCode()).build();
    assertThatThrownBy(() -> repo.load(RING))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.KV_VERSION_MISMATCH));
  }

  /**
   * Issue 14: a soft-deleted ring used to load as missing, and the next start replaced every key. It is
   * now refused until the operator says to replace it.
   */
  @Test
  void save_newRingAfterOperatorSoftDelete_refusedUnlessReplaceDeletedRing() {
    VaultKvKeyRingRepository repo = repository(prefix);
    repo.save(startedRing(RING));
    dev.jwkit.adapters.vault.internal.VaultClient.create(TARGET.rootSettings().build())
        .send(dev.jwkit.adapters.vault.internal.VaultRequest.delete("secret/data/" + prefix + "/contract"));
    assertThatThrownBy(() -> repo.load(RING))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.RING_DELETED));
    assertThatThrownBy(() -> repo.save(startedRing(RING)))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.RING_DELETED));
    VaultKvKeyRingRepository forced = VaultKvKeyRingRepository.builder().settings(TARGET.rootSettings().build())
        .pathPrefix(prefix).replaceDeletedRing(true).build();
    assertThat(forced.load(RING)).isEmpty();
    KeyRing saved = forced.save(startedRing(RING));
    assertThat(saved.version()).isEqualTo(2);
    assertThat(repo.load(RING).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void load_documentOfAnotherRing_documentInvalid() {
    VaultKvKeyRingRepository repo = repository(prefix);
    repo.save(startedRing(KeyRingId.of("other")));
    // copy ring "other" under the id "contract" as an operator mistake would
    var client = dev.jwkit.adapters.vault.internal.VaultClient.create(TARGET.rootSettings().build());
    var other = client.send(dev.jwkit.adapters.vault.internal.VaultRequest.read("secret/data/" + prefix + "/other"));
    client.send(dev.jwkit.adapters.vault.internal.VaultRequest.write("secret/data/" + prefix + "/contract",
        Map.of("data", other.data().get("data")), true));
    assertThatThrownBy(() -> repo.load(RING))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(KeyRingError.DOCUMENT_INVALID));
  }

  @Test
  void save_engineRequiresCas_stillSaves() {
    VAULT.kv("secret").casRequired(true);
    try {
      VaultKvKeyRingRepository repo = repository(prefix);
      KeyRing saved = repo.save(startedRing(RING));
      assertThat(repo.save(saved).version()).isEqualTo(saved.version() + 1);
    } finally {
      VAULT.kv("secret").casRequired(false);
    }
  }
}
