package dev.jwkit.adapters.file.keysource;

import dev.jwkit.adapters.file.internal.Files2;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jwks.model.KeySourceError;
import dev.jwkit.jwks.model.KeySourceUnavailableException;
import dev.jwkit.jwks.port.KeySource;
import dev.jwkit.jwks.port.KeySourceEvent;
import dev.jwkit.jwks.port.KeySourceListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link KeySource} over a JWKS file on local disk, which notices when the file changes and reloads it.
 *
 * <p>At most once per {@linkplain Builder#checkInterval check interval}, a call looks at the file's
 * modification time, size and file key; when they changed, the file is read again. A file that cannot
 * be read or parsed never replaces a good set: the last good set stays in use and the failure is
 * reported to the {@link KeySourceListener} (a {@link KeySourceEvent.Fetched} per load, a {@link
 * KeySourceEvent.FetchFailed} per failed one). Only if no good set was ever loaded does a call fail, with
 * {@link KeySourceError#NOT_LOADED}. The file is read with {@link JwkSet#parsePublic}, the rule for every
 * public set: private and symmetric ({@code oct}) keys are skipped and reported ({@code jwk.not_public}),
 * like unusable keys, so a verifier given this source never accepts an HMAC token, and a token naming a
 * skipped key is refused with the reason.
 *
 * <h2>Thread safety</h2>
 * Instances are safe for concurrent use; the hot path reads one volatile reference and takes no lock.
 * Concurrent callers after a change may both reload; the results are identical.
 */
public final class FileKeySource implements KeySource {

  /** How often the file's attributes are checked: 1 second. */
  public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(1);

  private final Path file;
  private final Clock clock;
  private final Duration checkInterval;
  private final KeySourceListener listener;
  private final String location;
  private final AtomicReference<State> state = new AtomicReference<>(State.EMPTY);

  private FileKeySource(Builder builder) {
    this.file = builder.file;
    this.clock = builder.clock;
    this.checkInterval = builder.checkInterval;
    this.listener = builder.listener;
    this.location = file.toUri().toString();
  }

  /** A source on {@code file} with the defaults and the system clock. */
  public static FileKeySource of(Path file) {
    return builder().file(file).build();
  }

  /** A builder; {@link Builder#file(Path)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public JwkSet keys() {
    State current = state.get();
    Instant now = clock.instant();
    if (current.checkedAt == null || !now.isBefore(current.checkedAt.plus(checkInterval))) {
      current = refresh(current, now);
    }
    if (current.keys == null) {
      throw new KeySourceUnavailableException(KeySourceError.NOT_LOADED,
          "no usable key set has been loaded from " + file, current.lastFailure);
    }
    return current.keys;
  }

  private State refresh(State current, Instant now) {
    Optional<Object> stamp = stamp();
    if (stamp.isPresent() && stamp.get().equals(current.stamp) && current.keys != null) {
      State checked = current.checkedAt(now);
      state.compareAndSet(current, checked);
      return checked;
    }
    long started = System.nanoTime();
    try {
      JwkSet loaded = JwkSet.parsePublic(Files2.readUtf8(file));
      JwkSet keys = loaded;
      State next = new State(keys, stamp.orElse(null), now, null, 0);
      state.set(next);
      report(new KeySourceEvent.Fetched(location, now, keys.keys().size(), false,
          Duration.ofNanos(System.nanoTime() - started), checkInterval, false));
      if (!loaded.skipped().isEmpty()) {
        report(new KeySourceEvent.KeysSkipped(location, now, loaded.skipped()));
      }
      return next;
    } catch (JwkitException e) {
      State next = new State(current.keys, current.stamp, now, e, current.failures + 1);
      state.set(next);
      report(new KeySourceEvent.FetchFailed(location, now, e.code(), String.valueOf(e.getMessage()),
          Duration.ofNanos(System.nanoTime() - started), next.failures));
      return next;
    }
  }

  private void report(KeySourceEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      // a failing listener must not break key lookups (KeySourceListener's contract)
    }
  }

  /** Modification time, size and file key together: a change to any of them means a new file. */
  private Optional<Object> stamp() {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return Optional.of(Arrays.asList(attributes.lastModifiedTime(), attributes.size(),
          String.valueOf(attributes.fileKey())));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "FileKeySource[" + file + "]";
  }

  private static final class State {
    static final State EMPTY = new State(null, null, null, null, 0);

    final JwkSet keys;
    final Object stamp;
    final Instant checkedAt;
    final JwkitException lastFailure;
    final int failures;

    State(JwkSet keys, Object stamp, Instant checkedAt, JwkitException lastFailure, int failures) {
      this.keys = keys;
      this.stamp = stamp;
      this.checkedAt = checkedAt;
      this.lastFailure = lastFailure;
      this.failures = failures;
    }

    State checkedAt(Instant now) {
      return new State(keys, stamp, now, lastFailure, failures);
    }
  }

  /** Builds a {@link FileKeySource}. Not thread-safe. */
  public static final class Builder {
    private Path file;
    private Clock clock = Clock.systemUTC();
    private Duration checkInterval = DEFAULT_CHECK_INTERVAL;
    private KeySourceListener listener = KeySourceListener.NONE;

    private Builder() {}

    /** The JWKS file. Required. @return this builder */
    public Builder file(Path file) {
      this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
      return this;
    }

    /** The clock that times the checks; default the system UTC clock. @return this builder */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How often the file is checked for changes; default {@link #DEFAULT_CHECK_INTERVAL}. Zero checks on
     * every call.
     *
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder checkInterval(Duration checkInterval) {
      Objects.requireNonNull(checkInterval, "checkInterval");
      if (checkInterval.isNegative()) {
        throw new IllegalArgumentException("checkInterval must not be negative");
      }
      this.checkInterval = checkInterval;
      return this;
    }

    /** Receives one event per (re)load ({@code Fetched} or {@code FetchFailed}); default none. @return this builder */
    public Builder listener(KeySourceListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Builds the source; the file is read on the first call.
     *
     * @throws IllegalStateException if no file was set
     */
    public FileKeySource build() {
      if (file == null) {
        throw new IllegalStateException("file is required");
      }
      return new FileKeySource(this);
    }
  }
}
