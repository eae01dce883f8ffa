package dev.jwkit.adapters.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.adapters.jdbc.JdbcDatabase;
import dev.jwkit.adapters.jdbc.JdbcError;
import dev.jwkit.adapters.jdbc.testing.PostgresServer;
import dev.jwkit.jose.JwkitException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The schema is created on first start, left alone on the next, applied once when replicas start together. */
class SchemaMigrationsTest {

  private final PostgresServer server = PostgresServer.shared();
  private final String schema = PostgresServer.newSchemaName();
  private final List<JdbcDatabase> opened = new ArrayList<>();

  @AfterEach
  void close() {
    opened.forEach(JdbcDatabase::close);
  }

  private JdbcDatabase database() {
    JdbcDatabase db = JdbcDatabase.builder().url(server.jdbcUrl()).user(server.user()).schema(schema).poolSize(1).build();
    synchronized (opened) {
      opened.add(db);
    }
    return db;
  }

  private List<String> query(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = server.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  @Test
  void migrate_createsTheTablesAndRecordsEachStepOnce_andIsIdempotent() throws SQLException {
    SchemaMigrations.migrate(database());
    SchemaMigrations.migrate(database());
    assertThat(query("SELECT version || ':' || description FROM " + schema + ".jwkit_schema_version"))
        .containsExactly("1:key rings and key-encryption key checks");
    assertThat(query("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema + "' ORDER BY 1"))
        .containsExactly("jwkit_key_encryption_keys", "jwkit_key_rings", "jwkit_schema_version");
    assertThat(SchemaMigrations.latestVersion()).isEqualTo(1);
  }

  @Test
  void migrate_byReplicasStartingAtOnce_appliesEachStepExactlyOnce() throws Exception {
    int replicas = 6;
    ExecutorService pool = Executors.newFixedThreadPool(replicas);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < replicas; i++) {
        JdbcDatabase db = database();
        done.add(pool.submit(() -> {
          go.await();
          SchemaMigrations.migrate(db);
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(query("SELECT count(*) FROM " + schema + ".jwkit_schema_version")).containsExactly("1");
  }

  @Test
  void migrate_schemaOfANewerJwkit_isRefused_andLeftAlone() throws SQLException {
    SchemaMigrations.migrate(database());
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO " + schema + ".jwkit_schema_version (version, description) VALUES (99, 'future')");
    }
    assertThatThrownBy(() -> SchemaMigrations.migrate(database()))
        .isInstanceOfSatisfying(JwkitException.class, e -> {
          assertThat(e.code()).isEqualTo(JdbcError.SCHEMA_TOO_NEW);
          assertThat(e.getMessage()).contains("version 99").contains("upgrade jwkit");
        });
    assertThat(query("SELECT count(*) FROM " + schema + ".jwkit_schema_version")).containsExactly("2");
  }
}
