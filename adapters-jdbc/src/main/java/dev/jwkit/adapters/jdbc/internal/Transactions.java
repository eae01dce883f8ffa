package dev.jwkit.adapters.jdbc.internal;

import dev.jwkit.adapters.jdbc.JdbcDatabase;
import dev.jwkit.adapters.jdbc.JdbcError;
import dev.jwkit.jose.JwkitException;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs units of work, each in one transaction on a pooled connection, bounded by the database's statement
 * timeout and retried on transient failures within its budget. Not API.
 */
public final class Transactions {

  private static final System.Logger LOG = System.getLogger("dev.jwkit.adapters.jdbc");

  /** A unit of work on a connection inside a transaction; the runner commits it. */
  @FunctionalInterface
  public interface Work<T> {
    /** Runs the work; an exception rolls the transaction back. */
    T run(Connection connection) throws SQLException;
  }

  private Transactions() {}

  /**
   * Runs {@code work} in a transaction and commits it, retrying transient failures.
   *
   * @param what what the work does, for messages ("save ring 'default'")
   * @throws JwkitException a {@link JdbcError} for SQL failures; any {@link JwkitException} the work throws
   *     (after the transaction is rolled back), unchanged
   */
  public static <T> T run(JdbcDatabase db, String what, Work<T> work) {
    int attempt = 1;
    while (true) {
      boolean committing = false;
      try (Connection c = db.dataSource().getConnection()) {
        boolean autoCommit = c.getAutoCommit();
        if (autoCommit) {
          c.setAutoCommit(false);
        }
        try {
          boundStatements(c, db.statementTimeout());
          T result = work.run(c);
          committing = true;
          c.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          rollbackQuietly(c, e);
          throw e;
        } finally {
          restoreQuietly(c, autoCommit);
        }
      } catch (SQLException e) {
        SqlFailure failure = SqlFailure.of(e);
        if (!failure.transient_() || attempt >= db.maxAttempts()) {
          throw failure.toException(what, attempt, committing, e);
        }
        Duration wait = backoff(db, attempt);
        LOG.log(Level.WARNING, "{0} failed (SQLState {1}, {2}); retry {3}/{4} in {5} ms", what, e.getSQLState(),
            failure.code().id(), attempt, db.maxAttempts() - 1, wait.toMillis());
        sleep(wait, what);
        attempt++;
      }
    }
  }

  private static void boundStatements(Connection c, Duration statementTimeout) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT set_config('statement_timeout', ?, true)")) {
      s.setString(1, statementTimeout.toMillis() + "ms");
      s.execute();
    }
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static void restoreQuietly(Connection c, boolean autoCommit) {
    if (autoCommit) {
      try {
        c.setAutoCommit(true);
      } catch (SQLException ignored) {
        // A broken connection: the pool discards it.
      }
    }
  }

  private static Duration backoff(JdbcDatabase db, int attempt) {
    long initial = db.initialBackoff().toMillis();
    long cap = db.maxBackoff().toMillis();
    long ceiling = Math.min(cap, initial << Math.min(attempt - 1, 20));
    return Duration.ofMillis(ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1));
  }

  private static void sleep(Duration wait, String what) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JwkitException(JdbcError.INTERRUPTED, what + ": interrupted while waiting to retry", e);
    }
  }
}
