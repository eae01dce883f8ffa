package dev.jwkit.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.adapters.jdbc.testing.LogCapture;
import dev.jwkit.adapters.jdbc.testing.PostgresServer;
import dev.jwkit.adapters.jdbc.internal.SchemaMigrations;
import dev.jwkit.jose.JwkitException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The database settings: validation, defaults, what is printed, and a database that cannot be reached. */
class JdbcDatabaseTest {

  @Test
  void builder_refusesConflictingOrMissingSettings() {
    assertThatThrownBy(() -> JdbcDatabase.builder().build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> JdbcDatabase.builder().url("jdbc:mysql://x/y")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JdbcDatabase.builder().schema("Robert'); DROP TABLE students;--"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JdbcDatabase.builder().poolSize(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JdbcDatabase.builder().statementTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JdbcDatabase.builder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    PostgresServer server = PostgresServer.shared();
    try (JdbcDatabase db = server.newDatabase().build()) {
      assertThatThrownBy(() -> JdbcDatabase.builder().url(server.jdbcUrl()).dataSource(db.dataSource()).build())
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void defaults_andToString_withoutThePassword() {
    try (JdbcDatabase db = JdbcDatabase.builder().url("jdbc:postgresql://127.0.0.1:1/jwkit").user("jwkit")
        .password("s3cret-password").build()) {
      assertThat(db.statementTimeout()).isEqualTo(JdbcDatabase.DEFAULT_STATEMENT_TIMEOUT);
      assertThat(db.maxAttempts()).isEqualTo(JdbcDatabase.DEFAULT_MAX_ATTEMPTS);
      assertThat(db.schema()).isEmpty();
      assertThat(db.toString()).contains("jdbc:postgresql://127.0.0.1:1/jwkit").doesNotContain("s3cret");
    }
  }

  @Test
  void unreachableDatabase_failsUnavailable_afterTheRetryBudget() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    try (LogCapture logs = new LogCapture();
         JdbcDatabase db = JdbcDatabase.builder().url("jdbc:postgresql://127.0.0.1:" + closedPort + "/jwkit")
             .user("jwkit").password("s3cret-password").connectionTimeout(Duration.ofMillis(500)).maxAttempts(2)
             .backoff(Duration.ofMillis(1), Duration.ofMillis(5)).build()) {
      assertThatThrownBy(() -> SchemaMigrations.migrate(db))
          .isInstanceOfSatisfying(JwkitException.class, e -> {
            assertThat(e.code()).isEqualTo(JdbcError.UNAVAILABLE);
            assertThat(e.getMessage()).contains("after 2 attempts").doesNotContain("s3cret");
          });
      assertThat(logs.lines()).singleElement().satisfies(l -> assertThat(l).startsWith("WARNING migrate")
          .contains("retry 1/1").doesNotContain("s3cret"));
    }
  }
}
