package dev.jwkit.adapters.vault;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach and authenticate to one Vault server: address, TLS trust, namespace, timeouts, retry
 * and authentication. Both adapters of this module ({@code VaultKvKeyRingRepository}, {@code
 * VaultTransitKeyCustody}) are built from it.
 *
 * <pre>{@code
 * VaultSettings vault = VaultSettings.builder()
 *     .address(URI.create("https://vault.example.com:8200"))
 *     .caCertificatesPem(Files.readString(Path.of("/etc/jwkit/vault-ca.pem")))
 *     .namespace("team-a")
 *     .auth(VaultAuth.appRole(roleId, () -> System.getenv("VAULT_SECRET_ID")))
 *     .build();
 * }</pre>
 *
 * <h2>Security</h2>
 * An {@code http://} address is refused unless {@link Builder#allowPlaintextHttp()} is called (for a
 * loopback dev server). The settings hold no secret themselves: credentials come from the {@link
 * VaultAuth}'s suppliers; {@link #toString()} names neither.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use.
 */
public final class VaultSettings {

  /** Time to open a TCP/TLS connection; Vault's Go client allows 60 s for a whole request. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** Time to wait for one response; Vault answers KV and Transit calls in milliseconds. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
  /** Time for one operation with all its retries; bounds how long a rotation tick can block. */
  public static final Duration DEFAULT_CALL_DEADLINE = Duration.ofSeconds(30);
  /** Attempts per request (the first try included); Vault's Go client retries twice (3 attempts). */
  public static final int DEFAULT_MAX_ATTEMPTS = 4;
  /** First backoff; doubled on each retry, with full jitter. Go client: 1 s min wait. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(250);
  /** Largest backoff between two attempts. Go client: 1.5 s max wait. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(4);
  /**
   * The longest wait a {@code Retry-After} header can impose before a retry (429 quota, 503 standby):
   * longer than the backoff cap, since Vault sets it to when the quota frees up, and short enough that
   * a rotation tick is not held for minutes.
   */
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(15);
  /** The largest {@link Builder#maxRetryAfter(Duration)} accepted. */
  public static final Duration MAX_RETRY_AFTER_LIMIT = Duration.ofMinutes(5);
  /** A token is renewed once this share of its lease has passed (Vault Agent's lifetime watcher: ~2/3). */
  public static final double DEFAULT_RENEW_AT_LEASE_FRACTION = 2.0 / 3.0;

  private final URI address;
  private final Optional<String> namespace;
  private final Optional<String> caCertificatesPem;
  private final VaultAuth auth;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration callDeadline;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final double renewAtLeaseFraction;
  private final Clock clock;
  private final Sleeper sleeper;
  private final boolean plaintextHttp;

  private VaultSettings(Builder b) {
    this.address = b.address;
    this.namespace = Optional.ofNullable(b.namespace);
    this.caCertificatesPem = Optional.ofNullable(b.caCertificatesPem);
    this.auth = b.auth;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.callDeadline = b.callDeadline;
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.renewAtLeaseFraction = b.renewAtLeaseFraction;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.plaintextHttp = b.plaintextHttp;
  }

  /** Returns a new builder with the defaults of this class. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialised with these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.address = address;
    b.namespace = namespace.orElse(null);
    b.caCertificatesPem = caCertificatesPem.orElse(null);
    b.auth = auth;
    b.connectTimeout = connectTimeout;
    b.readTimeout = readTimeout;
    b.callDeadline = callDeadline;
    b.maxAttempts = maxAttempts;
    b.initialBackoff = initialBackoff;
    b.maxBackoff = maxBackoff;
    b.maxRetryAfter = maxRetryAfter;
    b.renewAtLeaseFraction = renewAtLeaseFraction;
    b.clock = clock;
    b.sleeper = sleeper;
    b.plaintextHttp = plaintextHttp;
    return b;
  }

  /** The base address, e.g. {@code https://vault:8200} (no {@code /v1}). */
  public URI address() {
    return address;
  }

  /** The Enterprise/OpenBao namespace sent as {@code X-Vault-Namespace}, if any. */
  public Optional<String> namespace() {
    return namespace;
  }

  /** PEM certificates trusted for TLS instead of the JDK's default trust store, if any. */
  public Optional<String> caCertificatesPem() {
    return caCertificatesPem;
  }

  /** How the client authenticates. */
  public VaultAuth auth() {
    return auth;
  }

  /** Time to open a connection. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Time to wait for one response. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** Time for one operation, all retries included. */
  public Duration callDeadline() {
    return callDeadline;
  }

  /** Attempts per request, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The first backoff between attempts. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The largest backoff between attempts. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** The longest wait a {@code Retry-After} header can impose before a retry. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** The share of a token's lease after which it is renewed. */
  public double renewAtLeaseFraction() {
    return renewAtLeaseFraction;
  }

  /** The clock for deadlines and token leases. */
  public Clock clock() {
    return clock;
  }

  /** How the client waits between retries. */
  public Sleeper sleeper() {
    return sleeper;
  }

  @Override
  public String toString() {
    return "VaultSettings[address=" + address + ", namespace=" + namespace.orElse("") + ", auth="
        + (auth instanceof VaultAuth.AppRole ? "approle" : "token") + "]";
  }

  /**
   * The builder of {@link VaultSettings}. {@link #address(URI)} and {@link #auth(VaultAuth)} are
   * required. Not safe for concurrent use.
   */
  public static final class Builder {
    private URI address;
    private String namespace;
    private String caCertificatesPem;
    private VaultAuth auth;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration callDeadline = DEFAULT_CALL_DEADLINE;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
    private double renewAtLeaseFraction = DEFAULT_RENEW_AT_LEASE_FRACTION;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private boolean plaintextHttp;

    private Builder() {}

    /**
     * The Vault address: scheme, host and port, e.g. {@code https://vault.example.com:8200}. Required.
     *
     * @return this builder
     * @throws IllegalArgumentException if it is not absolute http(s), or has a path, query or user info
     */
    public Builder address(URI address) {
      Objects.requireNonNull(address, "address");
      String scheme = address.getScheme() == null ? "" : address.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("https") && !scheme.equals("http")) {
        throw new IllegalArgumentException("address must be an http or https URI");
      }
      if (address.getHost() == null || address.getRawUserInfo() != null || address.getRawQuery() != null
          || address.getRawFragment() != null
          || (address.getRawPath() != null && !address.getRawPath().isEmpty() && !address.getRawPath().equals("/"))) {
        throw new IllegalArgumentException("address must be scheme://host[:port] without path, query or user info");
      }
      this.address = URI.create(scheme + "://" + address.getRawAuthority());
      return this;
    }

    /**
     * The namespace sent as {@code X-Vault-Namespace} on every request (Enterprise, OpenBao). Default:
     * none.
     *
     * @return this builder
     * @throws IllegalArgumentException if it has unsafe characters
     */
    public Builder namespace(String namespace) {
      Objects.requireNonNull(namespace, "namespace");
      this.namespace = VaultPaths.checkMount(namespace) + "/";
      return this;
    }

    /**
     * PEM certificates (one or more {@code CERTIFICATE} blocks) to trust for TLS, replacing the JDK's
     * trust store. Default: the JDK's trust store. Checked when the client is created.
     *
     * @return this builder
     * @throws IllegalArgumentException if it contains no PEM certificate
     */
    public Builder caCertificatesPem(String pem) {
      Objects.requireNonNull(pem, "pem");
      if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
        throw new IllegalArgumentException("caCertificatesPem has no PEM CERTIFICATE block");
      }
      this.caCertificatesPem = pem;
      return this;
    }

    /**
     * How to authenticate. Required.
     *
     * @return this builder
     */
    public Builder auth(VaultAuth auth) {
      this.auth = Objects.requireNonNull(auth, "auth");
      return this;
    }

    /**
     * Time to open a connection. Default {@link #DEFAULT_CONNECT_TIMEOUT}.
     *
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * Time to wait for one response. Default {@link #DEFAULT_READ_TIMEOUT}.
     *
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /**
     * Time for one operation with all its retries; when it passes the call fails with {@link
     * VaultError#DEADLINE_EXCEEDED} (or the last transient error). Default {@link #DEFAULT_CALL_DEADLINE}.
     *
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder callDeadline(Duration deadline) {
      this.callDeadline = positive(deadline, "callDeadline");
      return this;
    }

    /**
     * Attempts per request, the first included; 1 disables retries. Default {@link #DEFAULT_MAX_ATTEMPTS}.
     *
     * @return this builder
     * @throws IllegalArgumentException if below 1 or above 10
     */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1 || attempts > 10) {
        throw new IllegalArgumentException("maxAttempts must be between 1 and 10");
      }
      this.maxAttempts = attempts;
      return this;
    }

    /**
     * Backoff bounds: the n-th retry waits a random time in [0, min(max, initial·2ⁿ⁻¹)] (full jitter).
     * Defaults {@link #DEFAULT_INITIAL_BACKOFF}, {@link #DEFAULT_MAX_BACKOFF}.
     *
     * @return this builder
     * @throws IllegalArgumentException if either is negative or initial exceeds max
     */
    public Builder backoff(Duration initial, Duration max) {
      Objects.requireNonNull(initial, "initial");
      Objects.requireNonNull(max, "max");
      if (initial.isNegative() || max.isNegative() || initial.compareTo(max) > 0) {
        throw new IllegalArgumentException("backoff needs 0 <= initial <= max");
      }
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /**
     * The longest wait a {@code Retry-After} header (on 429, 503 or a standby's answer) can impose
     * before a retry; a longer header is cut to this. Zero ignores the header (the backoff alone
     * applies). The wait still ends the call when it would pass the {@link #callDeadline(Duration)}.
     * Default {@link #DEFAULT_MAX_RETRY_AFTER}.
     *
     * @return this builder
     * @throws IllegalArgumentException if negative or above {@link #MAX_RETRY_AFTER_LIMIT}
     */
    public Builder maxRetryAfter(Duration max) {
      Objects.requireNonNull(max, "max");
      if (max.isNegative() || max.compareTo(MAX_RETRY_AFTER_LIMIT) > 0) {
        throw new IllegalArgumentException("maxRetryAfter must be between 0 and " + MAX_RETRY_AFTER_LIMIT.toMinutes() + " minutes");
      }
      this.maxRetryAfter = max;
      return this;
    }

    /**
     * The share of a token's lease after which it is renewed (or, for AppRole, logged in again when
     * it cannot be renewed). Default {@link #DEFAULT_RENEW_AT_LEASE_FRACTION}.
     *
     * @return this builder
     * @throws IllegalArgumentException if not in (0, 1)
     */
    public Builder renewAtLeaseFraction(double fraction) {
      if (!(fraction > 0.0 && fraction < 1.0)) {
        throw new IllegalArgumentException("renewAtLeaseFraction must be in (0, 1)");
      }
      this.renewAtLeaseFraction = fraction;
      return this;
    }

    /**
     * The clock for deadlines and leases. Default {@link Clock#systemUTC()}.
     *
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How to wait between retries. Default {@link Sleeper#system()}.
     *
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Allows an {@code http://} address. Tokens then travel in clear text: use it only for a loopback
     * dev server or a test double. Default: refused.
     *
     * @return this builder
     */
    public Builder allowPlaintextHttp() {
      this.plaintextHttp = true;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @throws IllegalStateException if the address or the auth is missing, an http address is given
     *     without {@link #allowPlaintextHttp()}, a CA bundle is given for an http address, or the read
     *     timeout exceeds the call deadline
     */
    public VaultSettings build() {
      if (address == null) {
        throw new IllegalStateException("address is required");
      }
      if (auth == null) {
        throw new IllegalStateException("auth is required");
      }
      boolean http = address.getScheme().equals("http");
      if (http && !plaintextHttp) {
        throw new IllegalStateException("an http:// address needs allowPlaintextHttp(): tokens would travel in clear text");
      }
      if (http && caCertificatesPem != null) {
        throw new IllegalStateException("caCertificatesPem and an http:// address cannot be used together");
      }
      if (readTimeout.compareTo(callDeadline) > 0) {
        throw new IllegalStateException("readTimeout must not exceed callDeadline");
      }
      return new VaultSettings(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return d;
    }
  }
}
