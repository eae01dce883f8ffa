package dev.jwkit.adapters.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.adapters.vault.VaultAuth;
import dev.jwkit.adapters.vault.VaultError;
import dev.jwkit.adapters.vault.VaultSettings;
import dev.jwkit.adapters.vault.testing.FakeSleeper;
import dev.jwkit.adapters.vault.testing.FakeVault;
import dev.jwkit.adapters.vault.testing.TestClock;
import dev.jwkit.jose.JwkitException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VaultClientTest {

  private final TestClock clock = TestClock.startingAt("2026-01-01T00:00:00Z");
  private final FakeSleeper sleeper = new FakeSleeper(clock);
  private final FakeVault vault = FakeVault.start(clock);

  @AfterEach
  void close() {
    vault.close();
  }

  private VaultSettings.Builder settings(VaultAuth auth) {
    return VaultSettings.builder().address(vault.address()).allowPlaintextHttp().auth(auth).clock(clock).sleeper(sleeper);
  }

  private VaultClient rootClient() {
    return VaultClient.create(settings(VaultAuth.token(vault::rootToken)).build());
  }

  private static VaultRequest write(String path) {
    return VaultRequest.write(path, Map.of("data", Map.of("a", "b")), true);
  }

  @Test
  void send_kvWriteAndRead_returnsEnvelope() {
    VaultClient client = rootClient();
    VaultResponse w = client.send(write("secret/data/x"));
    assertThat(w.data().get("version")).isEqualTo(1L);
    VaultResponse r = client.send(VaultRequest.read("secret/data/x"));
    assertThat(VaultResponse.objectOrEmpty(r.data().get("data"))).containsEntry("a", "b");
  }

  @Test
  void send_missingKey_returns404WhenMissingOk() {
    assertThat(rootClient().send(VaultRequest.read("secret/data/none")).isNotFound()).isTrue();
  }

  @Test
  void send_unknownMount_throwsMountNotFound() {
    assertThatThrownBy(() -> rootClient().send(VaultRequest.read("nomount/data/x")))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.MOUNT_NOT_FOUND))
        .hasMessageContaining("nomount/data/x");
  }

  @Test
  void send_sealedTwice_retriesWithBackoffThenSucceeds() {
    VaultClient client = rootClient();
    client.send(VaultRequest.read("secret/data/warmup"));
    vault.failNext(2, "secret/data/x", 503, "Vault is sealed");
    client.send(write("secret/data/x"));
    assertThat(sleeper.sleeps()).hasSize(2);
    assertThat(sleeper.sleeps()).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(VaultSettings.DEFAULT_MAX_BACKOFF));
  }

  @Test
  void send_sealedForever_throwsSealedAfterMaxAttempts() {
    VaultClient client = rootClient();
    client.send(VaultRequest.read("secret/data/warmup"));
    vault.seal();
    assertThatThrownBy(() -> client.send(VaultRequest.read("secret/data/x")))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.SEALED))
        .hasMessageContaining("503");
    assertThat(vault.requests("secret/data/x")).hasSize(VaultSettings.DEFAULT_MAX_ATTEMPTS);
  }

  @Test
  void send_standby_retried() {
    VaultClient client = rootClient();
    client.send(VaultRequest.read("secret/data/warmup"));
    vault.failNext(1, "secret/data/x", 503, "Vault is in standby mode");
    client.send(write("secret/data/x"));
    assertThat(sleeper.sleeps()).hasSize(1);
  }

  @Test
  void send_rateLimited_waitsRetryAfterEvenAboveTheBackoffCap_upToMaxRetryAfter() {
    VaultClient client = rootClient();
    client.send(VaultRequest.read("secret/data/warmup"));
    vault.rateLimitNext(1, "secret/data/x", 9);
    client.send(write("secret/data/x"));
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(9));

    VaultClient capped = VaultClient.create(settings(VaultAuth.token(vault::rootToken)).maxRetryAfter(Duration.ofSeconds(3)).build());
    vault.rateLimitNext(1, "secret/data/x", 9);
    capped.send(write("secret/data/x"));
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(9), Duration.ofSeconds(3));
  }

  @Test
  void settings_maxRetryAfterOutOfBounds_refused() {
    VaultSettings.Builder b = settings(VaultAuth.token(vault::rootToken));
    assertThatThrownBy(() -> b.maxRetryAfter(Duration.ofMinutes(6))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maxRetryAfter(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThat(b.build().maxRetryAfter()).isEqualTo(VaultSettings.DEFAULT_MAX_RETRY_AFTER);
  }

  @Test
  void send_standbyWithoutActiveNode500_retriedEvenWhenNotIdempotent() {
    VaultClient client = rootClient();
    client.send(VaultRequest.write("transit/keys/k", Map.of("type", "ecdsa-p256"), true));
    vault.standbyFor(2, FakeVault.Standby.NO_ACTIVE_NODE_500);
    VaultResponse r = client.send(VaultRequest.write("transit/keys/k/rotate", Map.of(), false));
    assertThat(r.data().get("latest_version")).isEqualTo(2L);
    assertThat(vault.requests("transit/keys/k/rotate")).hasSize(3);
    assertThat(sleeper.sleeps()).hasSize(2);
  }

  @Test
  void send_standbyRedirect307_notFollowedButRetriedOnTheConfiguredAddress() {
    VaultClient client = rootClient();
    client.send(VaultRequest.read("secret/data/warmup"));
    vault.standbyFor(1, FakeVault.Standby.REDIRECT_307);
    client.send(VaultRequest.write("transit/keys/k", Map.of("type", "ecdsa-p256"), true));
    vault.standbyFor(1, FakeVault.Standby.REDIRECT_307);
    VaultResponse r = client.send(VaultRequest.write("transit/keys/k/rotate", Map.of(), false));
    assertThat(r.data().get("latest_version")).isEqualTo(2L);
    assertThat(vault.requests("transit/keys/k/rotate")).hasSize(2);
  }

  @Test
  void send_standbyLongerThanTheRetryBudget_throwsStandby() {
    VaultClient client = rootClient();
    client.send(VaultRequest.read("secret/data/warmup"));
    vault.standby(FakeVault.Standby.NO_ACTIVE_NODE_500);
    assertThatThrownBy(() -> client.send(VaultRequest.write("transit/keys/k/rotate", Map.of(), false)))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.STANDBY))
        .hasMessageContaining("active cluster node not found");
    assertThat(vault.requests("transit/keys/k/rotate")).hasSize(VaultSettings.DEFAULT_MAX_ATTEMPTS);
  }

  @Test
  void send_serverErrorOnNonIdempotent_notRepeated() {
    VaultClient client = rootClient();
    client.send(VaultRequest.read("secret/data/warmup"));
    vault.failNext(1, "transit/keys/k/rotate", 500, "internal error");
    assertThatThrownBy(() -> client.send(VaultRequest.write("transit/keys/k/rotate", Map.of(), false)))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.SERVER_ERROR));
    assertThat(vault.requests("transit/keys/k/rotate")).hasSize(1);
  }

  @Test
  void send_slowVault_timesOutAsUnreachable() {
    VaultClient client = VaultClient.create(settings(VaultAuth.token(vault::rootToken))
        .readTimeout(Duration.ofMillis(200)).maxAttempts(1).build());
    client.send(VaultRequest.read("secret/data/warmup"));
    vault.delayNext(1, "secret/data/slow", Duration.ofSeconds(2));
    assertThatThrownBy(() -> client.send(VaultRequest.read("secret/data/slow")))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.UNREACHABLE))
        .hasMessageContaining("secret/data/slow");
  }

  @Test
  void send_timeoutThenAnswer_retriedIdempotentRead() {
    VaultClient client = VaultClient.create(settings(VaultAuth.token(vault::rootToken))
        .readTimeout(Duration.ofMillis(200)).build());
    client.send(VaultRequest.read("secret/data/warmup"));
    vault.delayNext(1, "secret/data/slow", Duration.ofSeconds(1));
    assertThat(client.send(VaultRequest.read("secret/data/slow")).isNotFound()).isTrue();
    assertThat(sleeper.sleeps()).hasSize(1);
  }

  @Test
  void send_connectionRefused_throwsUnreachable() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    VaultClient client = VaultClient.create(VaultSettings.builder().address(URI.create("http://127.0.0.1:" + port))
        .allowPlaintextHttp().auth(VaultAuth.token(() -> "t")).clock(clock).sleeper(sleeper).build());
    assertThatThrownBy(() -> client.send(VaultRequest.read("secret/data/x")))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.UNREACHABLE))
        .hasMessageContaining("cannot reach Vault");
    assertThat(sleeper.sleeps()).hasSize(VaultSettings.DEFAULT_MAX_ATTEMPTS - 1);
  }

  @Test
  void send_deadlinePassesDuringBackoff_stopsEarly() {
    VaultClient client = VaultClient.create(settings(VaultAuth.token(vault::rootToken))
        .readTimeout(Duration.ofSeconds(1)).callDeadline(Duration.ofSeconds(1))
        .backoff(Duration.ofSeconds(5), Duration.ofSeconds(5)).maxAttempts(10).build());
    client.send(VaultRequest.read("secret/data/warmup"));
    vault.rateLimitNext(10, "secret/data/x", 5);
    assertThatThrownBy(() -> client.send(VaultRequest.read("secret/data/x")))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.RATE_LIMITED));
    assertThat(vault.requests("secret/data/x")).hasSize(1);
  }

  @Test
  void appRole_expiredToken_logsInAgainOnceAndSucceeds() {
    vault.auth().addAppRole("role-1", "secret-1", Duration.ofHours(1), true);
    VaultClient client = VaultClient.create(settings(VaultAuth.appRole("role-1", () -> "secret-1")).build());
    client.send(write("secret/data/x"));
    assertThat(vault.auth().logins()).isEqualTo(1);
    vault.auth().expireAll();
    client.send(write("secret/data/x"));
    assertThat(vault.auth().logins()).isEqualTo(2);
  }

  /** A path the token may not use is not an expired token: logging in again would only spend a lease. */
  @Test
  void appRole_deniedPath_permissionDeniedWithoutNewLogin() {
    vault.auth().addAppRole("role-1", "secret-1", Duration.ofHours(1), true);
    vault.deny("secret/data/forbidden");
    VaultClient client = VaultClient.create(settings(VaultAuth.appRole("role-1", () -> "secret-1")).build());
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> client.send(VaultRequest.read("secret/data/forbidden")))
          .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.PERMISSION_DENIED))
          .hasMessageContaining("secret/data/forbidden").hasMessageContaining("permission denied");
    }
    assertThat(vault.auth().logins()).isEqualTo(1);
  }

  @Test
  void appRole_expiredTokenRefusedWithoutInvalidTokenText_logsInAgain() {
    vault.auth().invalidTokenSaysSo(false); // OpenBao and older Vault: only "permission denied"
    vault.auth().addAppRole("role-1", "secret-1", Duration.ofHours(1), true);
    VaultClient client = VaultClient.create(settings(VaultAuth.appRole("role-1", () -> "secret-1")).build());
    client.send(write("secret/data/x"));
    vault.auth().expireAll();
    client.send(write("secret/data/x"));
    assertThat(vault.auth().logins()).isEqualTo(2);
  }

  @Test
  void appRole_withoutDefaultPolicy_deniedPathDoesNotLogInAgain() {
    vault.auth().invalidTokenSaysSo(false);
    vault.auth().addAppRole("role-1", "secret-1", Duration.ofHours(1), true, java.util.List.of("jwkit"));
    vault.deny("secret/data/forbidden");
    VaultClient client = VaultClient.create(settings(VaultAuth.appRole("role-1", () -> "secret-1")).build());
    client.send(write("secret/data/x"));
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> client.send(VaultRequest.read("secret/data/forbidden")))
          .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.PERMISSION_DENIED));
    }
    assertThat(vault.auth().logins()).isEqualTo(1);
  }

  @Test
  void token_withoutDefaultPolicy_usableThoughLookupSelfIsRefused() {
    String token = vault.auth().createToken(Duration.ofHours(1), true, java.util.List.of("jwkit"));
    VaultClient client = VaultClient.create(settings(VaultAuth.token(() -> token)).build());
    client.send(write("secret/data/x"));
    assertThat(client.send(VaultRequest.read("secret/data/x")).isSuccess()).isTrue();
  }

  @Test
  void token_deniedPath_supplierNotReadAgain() {
    String token = vault.auth().createToken(Duration.ofHours(1), true);
    AtomicInteger reads = new AtomicInteger();
    vault.deny("secret/data/forbidden");
    VaultClient client = VaultClient.create(settings(VaultAuth.token(() -> {
      reads.incrementAndGet();
      return token;
    })).build());
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> client.send(VaultRequest.read("secret/data/forbidden")))
          .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.PERMISSION_DENIED));
    }
    assertThat(reads).hasValue(1);
  }

  @Test
  void appRole_wrongSecret_throwsAuthFailedWithoutSecret() {
    vault.auth().addAppRole("role-1", "secret-1", Duration.ofHours(1), true);
    VaultClient client = VaultClient.create(settings(VaultAuth.appRole("role-1", () -> "wrong-secret-id")).build());
    assertThatThrownBy(() -> client.send(VaultRequest.read("secret/data/x")))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.AUTH_FAILED))
        .hasMessageNotContaining("wrong-secret-id").hasMessageNotContaining("role-1");
  }

  @Test
  void appRole_leaseTwoThirdsGone_renewsSelf() {
    vault.auth().addAppRole("role-1", "secret-1", Duration.ofMinutes(30), true);
    VaultClient client = VaultClient.create(settings(VaultAuth.appRole("role-1", () -> "secret-1")).build());
    client.send(write("secret/data/x"));
    clock.advance(Duration.ofMinutes(21));
    client.send(write("secret/data/x"));
    assertThat(vault.auth().renewals()).isEqualTo(1);
    assertThat(vault.auth().logins()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(25)); // beyond the original lease: only valid because it was renewed
    client.send(write("secret/data/x"));
    assertThat(vault.auth().logins()).isEqualTo(1);
  }

  @Test
  void appRole_notRenewable_logsInAgainBeforeExpiry() {
    vault.auth().addAppRole("role-1", "secret-1", Duration.ofMinutes(30), false);
    VaultClient client = VaultClient.create(settings(VaultAuth.appRole("role-1", () -> "secret-1")).build());
    client.send(write("secret/data/x"));
    clock.advance(Duration.ofMinutes(25));
    client.send(write("secret/data/x"));
    assertThat(vault.auth().logins()).isEqualTo(2);
    assertThat(vault.auth().renewals()).isZero();
  }

  @Test
  void token_supplierReadAgainAfter403() {
    String first = vault.auth().createToken(Duration.ofHours(1), true);
    String second = vault.auth().createToken(Duration.ofHours(1), true);
    AtomicInteger reads = new AtomicInteger();
    VaultClient client = VaultClient.create(settings(VaultAuth.token(() -> reads.incrementAndGet() == 1 ? first : second)).build());
    client.send(write("secret/data/x"));
    vault.auth().expire(first);
    client.send(write("secret/data/x"));
    assertThat(reads).hasValue(2);
    assertThat(vault.requests("secret/data/x").get(vault.requests("secret/data/x").size() - 1).token()).hasValue(second);
  }

  @Test
  void token_invalid_throwsAuthFailedWithoutToken() {
    VaultClient client = VaultClient.create(settings(VaultAuth.token(() -> "hvs.very-secret-token")).build());
    assertThatThrownBy(() -> client.send(VaultRequest.read("secret/data/x")))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.AUTH_FAILED))
        .hasMessageNotContaining("very-secret-token");
  }

  @Test
  void token_renewable_renewedBeforeLeaseEnds() {
    String token = vault.auth().createToken(Duration.ofMinutes(30), true);
    VaultClient client = VaultClient.create(settings(VaultAuth.token(() -> token)).build());
    client.send(write("secret/data/x"));
    clock.advance(Duration.ofMinutes(21));
    client.send(write("secret/data/x"));
    assertThat(vault.auth().renewals()).isEqualTo(1);
  }

  @Test
  void namespace_sentOnEveryRequest() {
    VaultClient client = VaultClient.create(settings(VaultAuth.token(vault::rootToken)).namespace("team-a").build());
    client.send(write("secret/data/x"));
    assertThat(vault.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.namespace()).hasValue("team-a/"));
  }

  @Test
  void errors_multierrorFraming_removedFromMessage() {
    assertThat(VaultErrors.detail(java.util.List.of("2 errors occurred:\n\t* permission denied\n\t* invalid token\n\n")))
        .isEqualTo("permission denied; invalid token");
  }

  @Test
  void errors_classification_followsVaultTexts() {
    assertThat(VaultErrors.classify(400, "check-and-set parameter did not match the current version")).isEqualTo(VaultError.CAS_CONFLICT);
    assertThat(VaultErrors.classify(500, "requested version for signing is less than the minimum encryption key version"))
        .isEqualTo(VaultError.KEY_VERSION_DISALLOWED);
    assertThat(VaultErrors.classify(400, "ciphertext or signature version is disallowed by policy (too old)"))
        .isEqualTo(VaultError.KEY_VERSION_DISALLOWED);
    assertThat(VaultErrors.classify(503, "vault is sealed")).isEqualTo(VaultError.SEALED);
    assertThat(VaultErrors.classify(429, "rate limit quota exceeded")).isEqualTo(VaultError.RATE_LIMITED);
    assertThat(VaultErrors.classify(400, "upgrading from non-versioned to versioned data. this backend will be unavailable"))
        .isEqualTo(VaultError.SERVER_ERROR);
    assertThat(VaultErrors.classify(400, "key not found")).isEqualTo(VaultError.NOT_FOUND);
    assertThat(VaultErrors.classify(415, "")).isEqualTo(VaultError.INVALID_REQUEST);
  }
}
