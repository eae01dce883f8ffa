package dev.jwkit.adapters.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL database that jwkit stores its data in: the connection pool, the schema, and how every
 * statement is bounded and retried. Building one opens the pool; the repositories of this module ({@code
 * keyring.JdbcKeyRingRepository}) are built on it, and building a repository creates or migrates jwkit's
 * tables.
 *
 * <pre>{@code
 * try (JdbcDatabase db = JdbcDatabase.builder()
 *     .url("jdbc:postgresql://db.example:5432/jwkit").user("jwkit").password(password)
 *     .build()) {                                  // pool opened; connections are made on demand
 *   ...
 * }
 * }</pre>
 *
 * <p>Every unit of work runs in one transaction whose statements are bounded by {@link
 * Builder#statementTimeout} (PostgreSQL's {@code statement_timeout}, set for the transaction). Transient
 * failures — serialization failures and deadlocks (SQLState 40001, 40P01), a lost connection (class 08),
 * a server shutting down or failing over (57P01, 57P02, 57P03, a read-only standby 25006), too many
 * connections (53300), no pooled connection in time — roll the transaction back and run it again, at
 * most {@link Builder#maxAttempts} times in all, after an exponential backoff with full jitter; past that
 * budget they surface as {@link JdbcError#UNAVAILABLE} or {@link JdbcError#SERIALIZATION_FAILURE}.
 *
 * <p>The schema is jwkit's own plain SQL, versioned in table {@code jwkit_schema_version} and applied under
 * a transaction-scoped advisory lock, so that replicas starting at once apply each step exactly once.
 *
 * <h2>Security</h2>
 * The password is handed to the pool and never appears in {@link #toString()} or an error message.
 *
 * <h2>Thread safety</h2>
 * Instances are safe for concurrent use; {@link #close()} closes the pool this object opened (never a
 * {@link DataSource} given to {@link Builder#dataSource}).
 */
public final class JdbcDatabase implements AutoCloseable {

  /** Pooled connections: 4; the repositories make a few short transactions per rotation tick and per load. */
  public static final int DEFAULT_POOL_SIZE = 4;
  /** How long to wait for a pooled connection: 5 seconds (HikariCP's default is 30 s; fail fast, then retry). */
  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
  /** The bound on every statement: 5 seconds; jwkit's statements take milliseconds. */
  public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(5);
  /** Attempts of one unit of work, the first included: 4, enough to ride out a failover of a few seconds. */
  public static final int DEFAULT_MAX_ATTEMPTS = 4;
  /** The first backoff before a retry: 100 ms, doubled each time up to {@link #DEFAULT_MAX_BACKOFF}. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);
  /** The longest backoff between two attempts: 2 seconds. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(2);

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final DataSource dataSource;
  private final @Nullable HikariDataSource ownedPool;
  private final @Nullable String schema;
  private final Duration statementTimeout;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;

  private JdbcDatabase(Builder b, DataSource dataSource, @Nullable HikariDataSource ownedPool) {
    this.dataSource = dataSource;
    this.ownedPool = ownedPool;
    this.schema = b.schema;
    this.statementTimeout = b.statementTimeout;
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
  }

  /** A builder; either {@link Builder#url} or {@link Builder#dataSource} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The data source connections come from (the pool this object opened, or the one given). */
  public DataSource dataSource() {
    return dataSource;
  }

  /** The schema jwkit's tables live in; empty for the connection's {@code search_path} (usually {@code public}). */
  public Optional<String> schema() {
    return Optional.ofNullable(schema);
  }

  /** The bound on every statement. */
  public Duration statementTimeout() {
    return statementTimeout;
  }

  /** Attempts of one unit of work, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The backoff before the first retry. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The longest backoff between two attempts. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** Closes the pool this object opened; a data source given to the builder is left open. */
  @Override
  public void close() {
    if (ownedPool != null) {
      ownedPool.close();
    }
  }

  @Override
  public String toString() {
    return "JdbcDatabase[" + (ownedPool != null ? ownedPool.getJdbcUrl() : "external data source")
        + (schema != null ? ", schema=" + schema : "") + "]";
  }

  /** Builds a {@link JdbcDatabase}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String url;
    private @Nullable String user;
    private @Nullable String password;
    private @Nullable DataSource dataSource;
    private @Nullable String schema;
    private int poolSize = DEFAULT_POOL_SIZE;
    private Duration connectionTimeout = DEFAULT_CONNECTION_TIMEOUT;
    private Duration statementTimeout = DEFAULT_STATEMENT_TIMEOUT;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private String applicationName = "jwkit";

    private Builder() {}

    /**
     * The JDBC URL, {@code jdbc:postgresql://host:port/database}; a HikariCP pool is opened on it.
     *
     * @return this builder
     * @throws IllegalArgumentException if it is not a {@code jdbc:postgresql:} URL
     */
    public Builder url(String url) {
      Objects.requireNonNull(url, "url");
      if (!url.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("url must start with jdbc:postgresql: (PostgreSQL is the supported database)");
      }
      this.url = url;
      return this;
    }

    /** The database user (with {@link #url}). @return this builder */
    public Builder user(String user) {
      this.user = Objects.requireNonNull(user, "user");
      return this;
    }

    /** The database password (with {@link #url}); never printed. @return this builder */
    public Builder password(String password) {
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * A data source the application already has (its own pool), instead of {@link #url}; jwkit does not
     * close it.
     *
     * @return this builder
     */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /**
     * The schema for jwkit's tables, created if missing; default: none, the connection's {@code
     * search_path}.
     *
     * @return this builder
     * @throws IllegalArgumentException unless it is a lower-case SQL identifier ({@code [a-z_][a-z0-9_]*},
     *     at most 63 characters)
     */
    public Builder schema(String schema) {
      Objects.requireNonNull(schema, "schema");
      if (!IDENTIFIER.matcher(schema).matches()) {
        throw new IllegalArgumentException("schema must match [a-z_][a-z0-9_]{0,62}");
      }
      this.schema = schema;
      return this;
    }

    /**
     * The pool's maximum size (with {@link #url}); default {@link #DEFAULT_POOL_SIZE}. One connection is
     * kept idle.
     *
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder poolSize(int poolSize) {
      this.poolSize = atLeastOne(poolSize, "poolSize");
      return this;
    }

    /**
     * How long to wait for a pooled connection, and for a new connection to be made; default {@link
     * #DEFAULT_CONNECTION_TIMEOUT}.
     *
     * @return this builder
     * @throws IllegalArgumentException if below 250 ms (HikariCP's floor)
     */
    public Builder connectionTimeout(Duration connectionTimeout) {
      this.connectionTimeout = atLeast(connectionTimeout, Duration.ofMillis(250), "connectionTimeout");
      return this;
    }

    /**
     * The bound on every statement; default {@link #DEFAULT_STATEMENT_TIMEOUT}. A statement past it is
     * cancelled by the server and fails with {@link JdbcError#TIMEOUT}.
     *
     * @return this builder
     * @throws IllegalArgumentException if below 1 ms
     */
    public Builder statementTimeout(Duration statementTimeout) {
      this.statementTimeout = atLeast(statementTimeout, Duration.ofMillis(1), "statementTimeout");
      return this;
    }

    /**
     * Attempts of one unit of work, the first included; default {@link #DEFAULT_MAX_ATTEMPTS}; 1 turns
     * retries off.
     *
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = atLeastOne(maxAttempts, "maxAttempts");
      return this;
    }

    /**
     * The backoff between attempts: {@code initial}, doubled per retry up to {@code max}, each wait drawn
     * uniformly below it (full jitter) so that replicas do not retry in step; default {@link
     * #DEFAULT_INITIAL_BACKOFF} to {@link #DEFAULT_MAX_BACKOFF}.
     *
     * @return this builder
     * @throws IllegalArgumentException if {@code initial} is negative or {@code max} is below it
     */
    public Builder backoff(Duration initial, Duration max) {
      Objects.requireNonNull(initial, "initial");
      Objects.requireNonNull(max, "max");
      if (initial.isNegative() || max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("backoff needs 0 <= initial <= max");
      }
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /** The {@code application_name} the pool's connections report; default {@code jwkit}. @return this builder */
    public Builder applicationName(String applicationName) {
      this.applicationName = Objects.requireNonNull(applicationName, "applicationName");
      return this;
    }

    /**
     * Opens the pool when a URL was given. Connections are made on demand: a database that is down now
     * fails the first unit of work (after its retries), not this call.
     *
     * @throws IllegalStateException if neither or both of {@link #url} and {@link #dataSource} were set
     */
    public JdbcDatabase build() {
      if ((url == null) == (dataSource == null)) {
        throw new IllegalStateException("exactly one of url and dataSource is required");
      }
      if (dataSource != null && (user != null || password != null)) {
        throw new IllegalStateException("user and password go with url, not with dataSource");
      }
      HikariDataSource pool = url == null ? null : openPool();
      return new JdbcDatabase(this, pool != null ? pool : Objects.requireNonNull(dataSource), pool);
    }

    private static int atLeastOne(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be at least 1");
      }
      return value;
    }

    private static Duration atLeast(Duration value, Duration floor, String name) {
      Objects.requireNonNull(value, name);
      if (value.compareTo(floor) < 0) {
        throw new IllegalArgumentException(name + " must be at least " + floor.toMillis() + " ms");
      }
      return value;
    }

    private HikariDataSource openPool() {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      if (user != null) {
        config.setUsername(user);
      }
      if (password != null) {
        config.setPassword(password);
      }
      config.setPoolName("jwkit-jdbc");
      config.setMaximumPoolSize(poolSize);
      config.setMinimumIdle(1);
      config.setConnectionTimeout(connectionTimeout.toMillis());
      config.setValidationTimeout(Math.min(connectionTimeout.toMillis(), 5_000));
      // Start even when the database is down: the first unit of work retries, then reports jdbc.unavailable.
      config.setInitializationFailTimeout(-1);
      config.setAutoCommit(false);
      long seconds = Math.max(1, (connectionTimeout.toMillis() + 999) / 1000);
      config.addDataSourceProperty("connectTimeout", Long.toString(seconds));
      // A dead peer must not hang a thread: the socket read bound sits above the statement timeout.
      config.addDataSourceProperty("socketTimeout", Long.toString(statementTimeout.toSeconds() + 10));
      config.addDataSourceProperty("tcpKeepAlive", "true");
      config.addDataSourceProperty("ApplicationName", applicationName);
      return new HikariDataSource(config);
    }
  }
}
