package dev.jwkit.adapters.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.adapters.vault.VaultAuth;
import dev.jwkit.adapters.vault.VaultSettings;
import dev.jwkit.adapters.vault.testing.FakeSleeper;
import dev.jwkit.adapters.vault.testing.FakeVault;
import dev.jwkit.adapters.vault.testing.TestClock;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import dev.jwkit.adapters.vault.VaultError;
import dev.jwkit.jose.JwkitException;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tokens and secret ids never reach the log nor an exception: everything the client logs through {@code
 * System.Logger} (bound to the JDK's default backend in this test) during login, retries, re-login and
 * renewal is captured and searched, and so is every exception (message, causes, suppressed) of every
 * error path, with secrets planted in Vault's own error texts.
 */
class LoggingTest {

  private final TestClock clock = TestClock.startingAt("2026-01-01T00:00:00Z");
  private final FakeVault vault = FakeVault.start(clock);
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Logger backend = Logger.getLogger("dev.jwkit.adapters.vault");
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord r) {
      String text = r.getParameters() == null ? r.getMessage() : MessageFormat.format(r.getMessage(), r.getParameters());
      lines.add(text);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void capture() {
    backend.setLevel(Level.ALL);
    backend.addHandler(capture);
  }

  @AfterEach
  void release() {
    backend.removeHandler(capture);
    backend.setLevel(null);
    vault.close();
  }

  @Test
  void appRoleSessionWithRetriesAndRelogin_logsNoSecret() {
    vault.auth().addAppRole("role-id-abc", "secret-id-xyz", Duration.ofMinutes(30), true);
    VaultClient client = VaultClient.create(VaultSettings.builder().address(vault.address()).allowPlaintextHttp()
        .auth(VaultAuth.appRole("role-id-abc", () -> "secret-id-xyz")).clock(clock).sleeper(new FakeSleeper(clock)).build());
    VaultRequest write = VaultRequest.write("secret/data/x", Map.of("data", Map.of("k", "v")), true);
    client.send(write);
    vault.failNext(1, "secret/data/x", 503, "Vault is sealed");
    client.send(write);
    clock.advance(Duration.ofMinutes(25));
    client.send(write);
    vault.auth().expireAll();
    client.send(write);

    assertThat(lines).isNotEmpty();
    List<String> tokens = vault.requests().stream().flatMap(r -> r.token().stream()).distinct().toList();
    assertThat(tokens).isNotEmpty();
    for (String line : lines) {
      assertThat(line).doesNotContain("secret-id-xyz").doesNotContain("role-id-abc");
      for (String token : tokens) {
        assertThat(line).doesNotContain(token);
      }
    }
  }

  private static final String SECRET_ID = "3f1c0e7a-9b2d-4c1e-8f00-5a6b7c8d9e0f";
  private static final String PLANTED_TOKEN = "hvs.CAESIPlantedTokenValue0123456789abcdef";
  private static final String LEGACY_TOKEN = "s.PlantedLegacyToken0123456";

  private VaultClient appRoleClient(String secretId) {
    return VaultClient.create(VaultSettings.builder().address(vault.address()).allowPlaintextHttp()
        .auth(VaultAuth.appRole("role-id-abc", () -> secretId)).clock(clock).sleeper(new FakeSleeper(clock)).build());
  }

  /** Every message, cause and suppressed exception of a failure, and its toString. */
  private static List<String> texts(Throwable t) {
    List<String> out = new ArrayList<>();
    for (Throwable x = t; x != null; x = x.getCause()) {
      out.add(String.valueOf(x.getMessage()));
      out.add(x.toString());
      for (Throwable s : x.getSuppressed()) {
        out.addAll(texts(s));
      }
    }
    return out;
  }

  private void assertNothingLeaks(Throwable failure, String... secrets) {
    List<String> all = new ArrayList<>(texts(failure));
    all.addAll(lines);
    for (String text : all) {
      for (String secret : secrets) {
        assertThat(text).doesNotContain(secret);
      }
    }
  }

  @Test
  void appRoleLoginQuotingTheSecretId_secretInNoExceptionAndNoLog() {
    vault.auth().addAppRole("role-id-abc", "the-right-one", Duration.ofMinutes(30), true);
    vault.auth().quoteSecretIdInLoginErrors(true);
    JwkitException e = org.junit.jupiter.api.Assertions.assertThrows(JwkitException.class,
        () -> appRoleClient(SECRET_ID).send(VaultRequest.read("secret/data/x")));
    assertThat(e.code()).isEqualTo(VaultError.AUTH_FAILED);
    assertThat(texts(e)).anySatisfy(t -> assertThat(t).contains("invalid secret_id"));
    assertNothingLeaks(e, SECRET_ID, "role-id-abc");
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403, 404, 405, 412, 429, 500, 502, 503})
  void vaultErrorTextWithSecrets_redactedFromEveryException(int status) {
    vault.auth().addAppRole("role-id-abc", SECRET_ID, Duration.ofMinutes(30), true);
    VaultClient client = appRoleClient(SECRET_ID);
    client.send(VaultRequest.read("secret/data/warmup"));
    String session = vault.requests("secret/data/warmup").get(0).token().orElseThrow();
    vault.failNext(20, "secret/data/x", status,
        "1 error occurred:\n\t* bad token " + PLANTED_TOKEN + " and " + LEGACY_TOKEN + " for secret_id \"" + SECRET_ID
            + "\", secret id " + SECRET_ID + ", client token \"" + session + "\" (role-id-abc)\n\n");
    JwkitException e = org.junit.jupiter.api.Assertions.assertThrows(JwkitException.class,
        () -> client.send(VaultRequest.write("secret/data/x", Map.of("data", Map.of("k", "v")), true)));
    assertThat(e.getMessage()).contains("secret/data/x").contains("<redacted>");
    assertNothingLeaks(e, PLANTED_TOKEN, LEGACY_TOKEN, SECRET_ID, session, "role-id-abc");
  }
}
