package dev.jwkit.adapters.jdbc.internal;

import dev.jwkit.adapters.jdbc.JdbcDatabase;
import dev.jwkit.adapters.jdbc.JdbcError;
import dev.jwkit.jose.JwkitException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * jwkit's schema as numbered steps of plain SQL, applied in order on start. Not API.
 *
 * <p>All of it happens in one transaction that first takes {@code pg_advisory_xact_lock} on a key derived
 * from the schema name: a second replica starting at the same moment waits, then finds the steps applied
 * and does nothing. A step is applied at most once and recorded in {@code jwkit_schema_version}; a
 * database whose recorded version is newer than this jwkit's is refused ({@link JdbcError#SCHEMA_TOO_NEW})
 * rather than written with an old layout.
 */
public final class SchemaMigrations {

  /** The first key of the advisory lock: "jwk" in ASCII, so that it is recognisable in {@code pg_locks}. */
  private static final int LOCK_CLASS = 0x6a776b;

  /** One step: its version, what it does, and its statements ({@code %s.} stands for the schema prefix). */
  private record Step(int version, String description, List<String> statements) {}

  private static final List<Step> STEPS = List.of(
      new Step(1, "key rings and key-encryption key checks", List.of(
          "CREATE TABLE %sjwkit_key_rings ("
              + " ring_id text PRIMARY KEY,"
              + " version bigint NOT NULL CHECK (version > 0),"
              + " document jsonb NOT NULL,"
              + " write_id uuid NOT NULL,"
              + " updated_at timestamptz NOT NULL DEFAULT now())",
          "CREATE TABLE %sjwkit_key_encryption_keys ("
              + " kek_id text PRIMARY KEY,"
              + " check_value text NOT NULL,"
              + " created_at timestamptz NOT NULL DEFAULT now())")));

  private SchemaMigrations() {}

  /** The newest schema version this code knows. */
  public static int latestVersion() {
    return STEPS.get(STEPS.size() - 1).version();
  }

  /** The table name qualified with the database's schema, if it has one. */
  public static String table(JdbcDatabase db, String name) {
    return prefix(db) + name;
  }

  private static String prefix(JdbcDatabase db) {
    return db.schema().map(s -> s + ".").orElse("");
  }

  /** Creates or migrates the schema; idempotent and safe against concurrent starts. */
  public static void migrate(JdbcDatabase db) {
    Transactions.run(db, "migrate the jwkit schema", c -> {
      try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
        lock.setInt(1, LOCK_CLASS);
        lock.setString(2, db.schema().orElse(""));
        lock.execute();
      }
      String prefix = prefix(db);
      try (Statement s = c.createStatement()) {
        if (db.schema().isPresent()) {
          s.execute("CREATE SCHEMA IF NOT EXISTS " + db.schema().get());
        }
        s.execute("CREATE TABLE IF NOT EXISTS " + prefix + "jwkit_schema_version ("
            + " version integer PRIMARY KEY,"
            + " description text NOT NULL,"
            + " applied_at timestamptz NOT NULL DEFAULT now())");
      }
      int current = currentVersion(c, prefix);
      if (current > latestVersion()) {
        throw new JwkitException(JdbcError.SCHEMA_TOO_NEW, "the jwkit schema " + (prefix.isEmpty() ? "" : "in "
            + db.schema().orElseThrow() + " ") + "is at version " + current + ", newer than the " + latestVersion()
            + " this jwkit knows; upgrade jwkit");
      }
      for (Step step : STEPS) {
        if (step.version() > current) {
          apply(c, prefix, step);
        }
      }
      return null;
    });
  }

  private static int currentVersion(Connection c, String prefix) throws SQLException {
    try (Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM " + prefix + "jwkit_schema_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void apply(Connection c, String prefix, Step step) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : step.statements()) {
        s.execute(sql.replace("%s", prefix));
      }
    }
    try (PreparedStatement record = c.prepareStatement(
        "INSERT INTO " + prefix + "jwkit_schema_version (version, description) VALUES (?, ?)")) {
      record.setInt(1, step.version());
      record.setString(2, step.description());
      record.executeUpdate();
    }
  }
}
