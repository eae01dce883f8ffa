package dev.jwkit.adapters.jdbc.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that injects faults at {@code COMMIT}: before it (the transaction is still open, so the
 * database rolls it back) or after it (the commit went through, but the client sees the connection drop,
 * as when the acknowledgement is lost). Faults are real where they can be: {@link #killBeforeCommit}
 * terminates the server backend with {@code pg_terminate_backend}.
 */
public final class FaultyDataSource implements DataSource {

  /** What to do to a connection at commit. */
  @FunctionalInterface
  public interface Fault {
    void inject(Connection victim) throws SQLException;
  }

  private final DataSource delegate;
  private volatile Fault beforeCommit = c -> {};
  private volatile Fault afterCommit = c -> {};
  private final AtomicInteger remaining = new AtomicInteger();

  public FaultyDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  /** The next {@code times} commits run {@code fault} on their connection first. */
  public void beforeCommit(int times, Fault fault) {
    this.beforeCommit = fault;
    this.afterCommit = c -> {};
    remaining.set(times);
  }

  /** The next {@code times} commits succeed, then run {@code fault} (which should throw). */
  public void afterCommit(int times, Fault fault) {
    this.afterCommit = fault;
    this.beforeCommit = c -> {};
    remaining.set(times);
  }

  /** A fault that kills the connection's server process with {@code pg_terminate_backend}, from another session. */
  public static Fault killBackend(PostgresServer server) {
    return victim -> {
      int pid;
      try (var s = victim.createStatement(); var rs = s.executeQuery("SELECT pg_backend_pid()")) {
        rs.next();
        pid = rs.getInt(1);
      }
      try (Connection admin = server.connect(); var s = admin.prepareStatement("SELECT pg_terminate_backend(?, 10000)")) {
        s.setInt(1, pid);
        s.execute();
      }
    };
  }

  /** A fault that makes the server itself raise {@code sqlState} inside the transaction. */
  public static Fault raise(String sqlState) {
    return victim -> {
      try (var s = victim.createStatement()) {
        s.execute("DO $$ BEGIN RAISE EXCEPTION 'injected fault' USING ERRCODE = '" + sqlState + "'; END $$");
      }
    };
  }

  /** A fault that throws a connection failure (08006) without touching the server. */
  public static Fault dropAcknowledgement() {
    return victim -> {
      throw new SQLException("injected: connection lost after COMMIT was sent", "08006");
    };
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return wrap(delegate.getConnection(username, password));
  }

  private Connection wrap(Connection real) {
    InvocationHandler handler = (proxy, method, args) -> {
      boolean commit = method.getName().equals("commit") && method.getParameterCount() == 0;
      boolean fault = commit && remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
      if (fault) {
        beforeCommit.inject(real);
      }
      try {
        Object result = method.invoke(real, args);
        if (fault) {
          afterCommit.inject(real);
        }
        return result;
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        handler);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return delegate.isWrapperFor(iface);
  }
}
