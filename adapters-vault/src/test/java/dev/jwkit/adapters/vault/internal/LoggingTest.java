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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens and secret ids never reach the log: everything the client logs through {@code System.Logger}
 * (bound to the JDK's default backend in this test) during login, retries, re-login and renewal is
 * captured and searched.
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
}
