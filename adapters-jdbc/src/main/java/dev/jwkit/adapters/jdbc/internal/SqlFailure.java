package dev.jwkit.adapters.jdbc.internal;

import dev.jwkit.adapters.jdbc.JdbcError;
import dev.jwkit.jose.JwkitException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What an {@link SQLException} means for jwkit: its code and whether running the work again may succeed. */
record SqlFailure(JdbcError code, boolean transient_, @Nullable String sqlState, String detail) {

  /** Connection-level states that a new connection may not have: shutdown, failover, overload, standby. */
  private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "25006");
  private static final Set<String> CONCURRENCY_STATES = Set.of("40001", "40P01");
  private static final Set<String> TIMEOUT_STATES = Set.of("57014", "55P03");

  static SqlFailure of(SQLException e) {
    String state = e.getSQLState();
    String detail = e.getClass().getSimpleName() + (state != null ? " " + state : "") + ": " + firstLine(e.getMessage());
    if (state != null && CONCURRENCY_STATES.contains(state)) {
      return new SqlFailure(JdbcError.SERIALIZATION_FAILURE, true, state, detail);
    }
    if (state != null && TIMEOUT_STATES.contains(state)) {
      return new SqlFailure(JdbcError.TIMEOUT, false, state, detail);
    }
    if ((state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state)))
        || e instanceof SQLTransientConnectionException || e instanceof SQLRecoverableException) {
      return new SqlFailure(JdbcError.UNAVAILABLE, true, state, detail);
    }
    return new SqlFailure(JdbcError.SQL_FAILED, false, state, detail);
  }

  JwkitException toException(String what, int attempts, boolean duringCommit, SQLException cause) {
    StringBuilder message = new StringBuilder(what).append(" failed");
    if (attempts > 1) {
      message.append(" after ").append(attempts).append(" attempts");
    }
    message.append(": ").append(detail);
    if (duringCommit && code == JdbcError.UNAVAILABLE) {
      message.append(" (the connection was lost during COMMIT)");
    }
    return new JwkitException(code, message.toString(), cause);
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
