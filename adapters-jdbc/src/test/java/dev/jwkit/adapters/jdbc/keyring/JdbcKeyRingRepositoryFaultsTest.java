package dev.jwkit.adapters.jdbc.keyring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.adapters.jdbc.JdbcDatabase;
import dev.jwkit.adapters.jdbc.JdbcError;
import dev.jwkit.adapters.jdbc.testing.FaultyDataSource;
import dev.jwkit.adapters.jdbc.testing.LogCapture;
import dev.jwkit.adapters.jdbc.testing.PostgresServer;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingCommand;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.model.RotationPlanner;
import dev.jwkit.jwks.model.RotationPolicy;
import dev.jwkit.jwks.model.TestKeys;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults injected into real transactions: a backend killed with {@code pg_terminate_backend} before
 * {@code COMMIT}, serialization failures and deadlocks raised by the server, a statement past its timeout,
 * and a commit whose acknowledgement is lost. Transient faults are retried within the budget; past it, or
 * for a fault that is not transient, the save fails with its {@code jdbc.*} code and the stored ring is
 * exactly as it was.
 */
class JdbcKeyRingRepositoryFaultsTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final RotationPolicy POLICY = RotationPolicy.builder().rotationPeriod(Duration.ofDays(1)).build();
  private static final KeyRingId RING = KeyRingId.of("faults");

  private final PostgresServer server = PostgresServer.shared();
  private String schema;
  private JdbcDatabase owner;
  private FaultyDataSource faulty;
  private JdbcKeyRingRepository repository;
  private KeyRing stored;
  private LogCapture logs;

  @BeforeEach
  void setUp() {
    schema = PostgresServer.newSchemaName();
    owner = JdbcDatabase.builder().url(server.jdbcUrl()).user(server.user()).schema(schema).build();
    faulty = new FaultyDataSource(owner.dataSource());
    JdbcDatabase db = JdbcDatabase.builder().dataSource(faulty).schema(schema).maxAttempts(3)
        .backoff(Duration.ofMillis(1), Duration.ofMillis(20)).statementTimeout(Duration.ofMillis(500)).build();
    repository = JdbcKeyRingRepository.builder().database(db).keyEncryptionKey(Keys.kek("k1")).build();
    stored = repository.save(RotationPlanner.apply(KeyRing.empty(RING), new KeyRingCommand.StartRing(), POLICY, T0,
        new TestKeys()).ring());
    logs = new LogCapture();
  }

  @AfterEach
  void tearDown() {
    logs.close();
    owner.close();
  }

  private KeyRing rotated() {
    return RotationPlanner.apply(stored, new KeyRingCommand.RotateNow(), POLICY, T0.plusSeconds(7200),
        new TestKeys("n")).ring();
  }

  private String rawRow() throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT version || ' ' || document::text FROM " + schema + ".jwkit_key_rings")) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  private void assertUnchanged(String before) throws SQLException {
    faulty.beforeCommit(0, c -> {});
    assertThat(rawRow()).isEqualTo(before);
    KeyRing now = repository.load(RING).orElseThrow();
    assertThat(now.version()).isEqualTo(stored.version());
    assertThat(now.sameContentAs(stored)).isTrue();
  }

  @Test
  void save_backendKilledBeforeCommitOnce_isRetriedAndSavedExactlyOnce() {
    faulty.beforeCommit(1, FaultyDataSource.killBackend(server));
    KeyRing next = rotated();
    KeyRing saved = repository.save(next);
    assertThat(saved.version()).isEqualTo(stored.version() + 1);
    KeyRing loaded = repository.load(RING).orElseThrow();
    assertThat(loaded.version()).isEqualTo(saved.version());
    assertThat(loaded.sameContentAs(next)).isTrue();
    assertThat(logs.lines()).anySatisfy(l -> assertThat(l).startsWith("WARNING save ring 'faults'")
        .contains("jdbc.unavailable").contains("retry 1/2"));
  }

  @Test
  void save_backendKilledOnEveryAttempt_failsUnavailable_andLeavesTheRingAsItWas() throws SQLException {
    String before = rawRow();
    faulty.beforeCommit(3, FaultyDataSource.killBackend(server));
    assertThatThrownBy(() -> repository.save(rotated()))
        .isInstanceOfSatisfying(JwkitException.class, e -> {
          assertThat(e.code()).isEqualTo(JdbcError.UNAVAILABLE);
          assertThat(e.getMessage()).contains("after 3 attempts").contains("lost during COMMIT");
          assertThat(e.getSuppressed()).singleElement()
              .satisfies(s -> assertThat(s.getMessage()).contains("the save was not stored"));
        });
    assertUnchanged(before);
  }

  @Test
  void save_serializationFailureOnce_isRetried() {
    faulty.beforeCommit(1, FaultyDataSource.raise("40001"));
    assertThat(repository.save(rotated()).version()).isEqualTo(stored.version() + 1);
    assertThat(logs.lines()).anySatisfy(l -> assertThat(l).contains("40001").contains("jdbc.serialization_failure"));
  }

  @Test
  void save_deadlockOnEveryAttempt_failsSerializationFailure_andLeavesTheRingAsItWas() throws SQLException {
    String before = rawRow();
    faulty.beforeCommit(3, FaultyDataSource.raise("40P01"));
    assertThatThrownBy(() -> repository.save(rotated()))
        .isInstanceOfSatisfying(JwkitException.class,
            e -> assertThat(e.code()).isEqualTo(JdbcError.SERIALIZATION_FAILURE));
    assertUnchanged(before);
  }

  @Test
  void save_adminShutdownOnce_isRetried() {
    faulty.beforeCommit(1, FaultyDataSource.raise("57P01"));
    assertThat(repository.save(rotated()).version()).isEqualTo(stored.version() + 1);
  }

  @Test
  void save_statementPastTheTimeout_failsTimeout_withoutRetry_andLeavesTheRingAsItWas() throws SQLException {
    String before = rawRow();
    faulty.beforeCommit(3, victim -> {
      try (Statement s = victim.createStatement()) {
        s.execute("SELECT pg_sleep(5)");
      }
    });
    assertThatThrownBy(() -> repository.save(rotated()))
        .isInstanceOfSatisfying(JwkitException.class, e -> {
          assertThat(e.code()).isEqualTo(JdbcError.TIMEOUT);
          assertThat(e.getMessage()).contains("57014").doesNotContain("attempts");
        });
    assertUnchanged(before);
  }

  @Test
  void save_otherSqlError_failsSqlFailed_withoutRetry() throws SQLException {
    String before = rawRow();
    faulty.beforeCommit(3, FaultyDataSource.raise("42501"));
    assertThatThrownBy(() -> repository.save(rotated()))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(JdbcError.SQL_FAILED));
    assertUnchanged(before);
    assertThat(logs.lines()).isEmpty();
  }

  @Test
  void save_commitAcknowledgementLost_isRecognisedAsItsOwnWrite_notAConflict() {
    faulty.afterCommit(1, FaultyDataSource.dropAcknowledgement());
    KeyRing next = rotated();
    KeyRing saved = repository.save(next);
    assertThat(saved.version()).isEqualTo(stored.version() + 1);
    KeyRing loaded = repository.load(RING).orElseThrow();
    assertThat(loaded.version()).as("written once, not twice").isEqualTo(stored.version() + 1);
    assertThat(loaded.sameContentAs(next)).isTrue();
  }

  @Test
  void save_commitAcknowledgementLostOnEveryAttempt_isConfirmedByItsWriteId() {
    faulty.afterCommit(3, FaultyDataSource.dropAcknowledgement());
    KeyRing next = rotated();
    assertThat(repository.save(next).version()).isEqualTo(stored.version() + 1);
    KeyRing loaded = repository.load(RING).orElseThrow();
    assertThat(loaded.version()).isEqualTo(stored.version() + 1);
    assertThat(loaded.sameContentAs(next)).isTrue();
  }
}
