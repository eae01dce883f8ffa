package dev.jwkit.adapters.jdbc.keyring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.adapters.jdbc.JdbcDatabase;
import dev.jwkit.adapters.jdbc.JdbcError;
import dev.jwkit.adapters.jdbc.testing.LogCapture;
import dev.jwkit.adapters.jdbc.testing.PostgresServer;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingCommand;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.model.RotationPlanner;
import dev.jwkit.jwks.model.RotationPolicy;
import dev.jwkit.jwks.model.TestKeys;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The database goes away and comes back (a restart, a failover): while it is down, loads and saves fail
 * with {@code jdbc.unavailable} after their retries and nothing is half-written; once it is back, the same
 * repository and pool work again without being rebuilt.
 */
class DatabaseRestartTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final RotationPolicy POLICY = RotationPolicy.builder().rotationPeriod(Duration.ofDays(1)).build();
  private static final KeyRingId RING = KeyRingId.of("restart");

  @Test
  void databaseRestarted_failsUnavailableWhileDown_andRecoversWithTheSamePool() {
    PostgresServer server = PostgresServer.create();
    server.start();
    try (LogCapture logs = new LogCapture();
         JdbcDatabase db = JdbcDatabase.builder().url(server.jdbcUrl()).user(server.user())
             .connectionTimeout(Duration.ofMillis(500)).maxAttempts(2).backoff(Duration.ofMillis(1), Duration.ofMillis(10))
             .build()) {
      JdbcKeyRingRepository repository = JdbcKeyRingRepository.builder().database(db).keyEncryptionKey(Keys.kek("k"))
          .build();
      KeyRing stored = repository.save(RotationPlanner.apply(KeyRing.empty(RING), new KeyRingCommand.StartRing(),
          POLICY, T0, new TestKeys()).ring());
      KeyRing next = RotationPlanner.apply(stored, new KeyRingCommand.RotateNow(), POLICY, T0.plusSeconds(60),
          new TestKeys("n")).ring();

      server.stop();
      assertThatThrownBy(() -> repository.load(RING))
          .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(JdbcError.UNAVAILABLE));
      assertThatThrownBy(() -> repository.save(next))
          .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(JdbcError.UNAVAILABLE));

      server.start();
      KeyRing afterRestart = loadOnceTheDatabaseIsBack(repository);
      assertThat(afterRestart.version()).isEqualTo(stored.version());
      assertThat(afterRestart.sameContentAs(stored)).as("the failed save left the ring as it was").isTrue();
      assertThat(repository.save(next).version()).isEqualTo(stored.version() + 1);
      assertThat(logs.lines()).isNotEmpty().allSatisfy(l -> assertThat(l).contains("jdbc.unavailable"));
    } finally {
      server.stopAndDelete();
    }
  }

  /** The pool makes new connections in the background, with its own backoff after the failures. */
  private static KeyRing loadOnceTheDatabaseIsBack(JdbcKeyRingRepository repository) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        return repository.load(RING).orElseThrow();
      } catch (JwkitException e) {
        assertThat(e.code()).isEqualTo(JdbcError.UNAVAILABLE);
        assertThat(System.nanoTime()).as("the pool reconnects within a minute").isLessThan(deadline);
      }
    }
  }
}
