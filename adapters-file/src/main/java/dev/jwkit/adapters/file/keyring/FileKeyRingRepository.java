package dev.jwkit.adapters.file.keyring;

import dev.jwkit.adapters.file.FileError;
import dev.jwkit.adapters.file.internal.AtomicFiles;
import dev.jwkit.adapters.file.internal.FileLocks;
import dev.jwkit.adapters.file.internal.FilePermissionsCheck;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingConflictException;
import dev.jwkit.jwks.model.KeyRingDocument;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.port.KeyRingRepository;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link KeyRingRepository} that keeps each ring in one JSON file of a data directory: the embedded
 * default storage of jwkit.
 *
 * <p>Ring {@code id} lives in {@code <directory>/<id>.ring.json}, in the versioned format of {@link
 * KeyRingDocument}; the file name comes only from the {@link KeyRingId}, whose syntax admits no path
 * separator, never from a key or a token. A save takes an exclusive lock ({@code <id>.ring.lock}: an OS
 * file lock between processes, and a JVM-wide lock between threads), re-reads the stored version,
 * refuses a stale save with {@link KeyRingConflictException}, and replaces the file atomically (temporary
 * file, fsync, rename, directory fsync). So a crash leaves the old or the new ring, and two processes
 * rotating the same ring never lose an update. Loads take no lock: a rename is atomic, so a reader sees
 * one whole version.
 *
 * <h2>Security</h2>
 * Ring files hold private keys under local custody. The directory is created 0700 and files 0600; a ring
 * file that group or others can access, or a directory that they can write, is refused with {@link
 * FileError#INSECURE_PERMISSIONS} unless {@link Builder#allowInsecurePermissions()} was called, as ssh
 * refuses a loose private key file. Error messages name the file, never key material.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use, also with other instances and other processes on
 * the same directory.
 */
public final class FileKeyRingRepository implements KeyRingRepository {

  /** How long a save waits for another writer's lock: 10 seconds, far above a save's duration. */
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);

  static final String RING_SUFFIX = ".ring.json";
  static final String LOCK_SUFFIX = ".ring.lock";

  private final Path directory;
  private final Duration lockTimeout;
  private final boolean allowInsecurePermissions;

  private FileKeyRingRepository(Builder builder) {
    this.directory = builder.directory.toAbsolutePath().normalize();
    this.lockTimeout = builder.lockTimeout;
    this.allowInsecurePermissions = builder.allowInsecurePermissions;
  }

  /** A repository on {@code directory} with the defaults; the directory is created on the first save. */
  public static FileKeyRingRepository of(Path directory) {
    return builder().directory(directory).build();
  }

  /** A builder; {@link Builder#directory(Path)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The data directory. */
  public Path directory() {
    return directory;
  }

  /** The file that holds ring {@code id}. */
  public Path fileOf(KeyRingId id) {
    Objects.requireNonNull(id, "id");
    return directory.resolve(id.value() + RING_SUFFIX);
  }

  /**
   * {@inheritDoc}
   *
   * @throws JwkitException {@link FileError#CORRUPT} (the file is not a valid ring document), {@link
   *     FileError#UNSUPPORTED_FORMAT} (written by a newer jwkit), {@link FileError#INSECURE_PERMISSIONS}
   *     or {@link FileError#UNREADABLE}; each names the file
   */
  @Override
  public Optional<KeyRing> load(KeyRingId id) {
    return read(fileOf(id), id);
  }

  /**
   * {@inheritDoc}
   *
   * @throws KeyRingConflictException if the stored version is not {@code ring.version()}; the file is
   *     unchanged
   * @throws JwkitException {@link FileError#LOCK_TIMEOUT}, {@link FileError#WRITE_FAILED}, or any error of
   *     {@link #load}; the file is unchanged
   */
  @Override
  public KeyRing save(KeyRing ring) {
    Objects.requireNonNull(ring, "ring");
    AtomicFiles.createDirectory(directory);
    if (!allowInsecurePermissions) {
      // before the lock file and the ring (private keys) are written, not only when they are read back
      FilePermissionsCheck.requireDirectoryOwnerWritable(directory);
    }
    Path file = fileOf(ring.id());
    try (FileLocks.Held lock = FileLocks.acquire(directory.resolve(ring.id().value() + LOCK_SUFFIX), lockTimeout)) {
      long stored = read(file, ring.id()).map(KeyRing::version).orElse(0L);
      if (stored != ring.version()) {
        throw new KeyRingConflictException(ring.id(), ring.version());
      }
      KeyRing saved = ring.withVersion(stored + 1);
      AtomicFiles.write(file, KeyRingDocument.toJson(saved));
      return saved;
    }
  }

  private Optional<KeyRing> read(Path file, KeyRingId id) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (AccessDeniedException e) {
      throw new JwkitException(FileError.UNREADABLE, "permission denied reading " + file, e);
    } catch (IOException e) {
      throw new JwkitException(FileError.UNREADABLE, "could not read " + file + ": " + e.getClass().getSimpleName(), e);
    }
    if (!allowInsecurePermissions) {
      FilePermissionsCheck.requireOwnerOnly(file);
    }
    KeyRing ring = parse(file, bytes);
    if (!ring.id().equals(id)) {
      throw new JwkitException(FileError.CORRUPT, file + " holds ring '" + ring.id() + "', not '" + id + "'");
    }
    return Optional.of(ring);
  }

  private static KeyRing parse(Path file, byte[] bytes) {
    Map<String, Object> document;
    try {
      document = Json.parseObject(bytes, KeyRingDocument.LIMITS);
    } catch (JwkitException e) {
      throw new JwkitException(FileError.CORRUPT, file + " is not a valid key ring file (" + e.getMessage()
          + "); restore it from a backup or move it away to start a new ring", e);
    }
    Object formatVersion = document.get("formatVersion");
    if (formatVersion instanceof Long && (Long) formatVersion > KeyRingDocument.FORMAT_VERSION) {
      throw new JwkitException(FileError.UNSUPPORTED_FORMAT, file + " has key ring format version " + formatVersion
          + ", newer than the " + KeyRingDocument.FORMAT_VERSION + " this jwkit reads; upgrade jwkit");
    }
    try {
      return KeyRingDocument.fromMap(document);
    } catch (JwkitException e) {
      throw new JwkitException(FileError.CORRUPT, file + " is not a valid key ring file (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public String toString() {
    return "FileKeyRingRepository[" + directory + "]";
  }

  /** Builds a {@link FileKeyRingRepository}. Not thread-safe. */
  public static final class Builder {
    private Path directory;
    private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
    private boolean allowInsecurePermissions;

    private Builder() {}

    /**
     * The data directory; created owner-only (0700) on the first save if missing.
     *
     * @return this builder
     */
    public Builder directory(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * How long a save waits for another writer; default {@link #DEFAULT_LOCK_TIMEOUT}.
     *
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder lockTimeout(Duration lockTimeout) {
      Objects.requireNonNull(lockTimeout, "lockTimeout");
      if (lockTimeout.isNegative() || lockTimeout.isZero()) {
        throw new IllegalArgumentException("lockTimeout must be positive");
      }
      this.lockTimeout = lockTimeout;
      return this;
    }

    /**
     * Accepts ring files that group or others can access. Off by default; turning it on is a security
     * decision (for example on a file system whose permissions cannot be set).
     *
     * @return this builder
     */
    public Builder allowInsecurePermissions() {
      this.allowInsecurePermissions = true;
      return this;
    }

    /**
     * Builds the repository.
     *
     * @throws IllegalStateException if no directory was set
     */
    public FileKeyRingRepository build() {
      if (directory == null) {
        throw new IllegalStateException("directory is required");
      }
      return new FileKeyRingRepository(this);
    }
  }
}
