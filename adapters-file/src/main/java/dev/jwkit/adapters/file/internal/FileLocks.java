package dev.jwkit.adapters.file.internal;

import dev.jwkit.adapters.file.FileError;
import dev.jwkit.jose.JwkitException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive locks on a lock file that hold across threads and processes.
 *
 * <p>An OS file lock ({@link FileChannel#tryLock()}) excludes other processes, but the JVM allows only one
 * holder per file per process and throws for a second one; so a JVM-wide {@link ReentrantLock} per path
 * orders the threads of this process first. The OS releases the file lock if the process dies, so a
 * crashed writer never leaves the ring locked.
 */
public final class FileLocks {

  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
  private static final long RETRY_MILLIS = 5;

  private FileLocks() {}

  /** A held lock; closing it releases both the OS lock and the in-process lock. */
  public interface Held extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Acquires the exclusive lock on {@code lockFile} (created owner-only if missing), waiting at most
   * {@code timeout}.
   *
   * @throws JwkitException {@link FileError#LOCK_TIMEOUT} if the lock is not acquired in time, or {@link
   *     FileError#WRITE_FAILED} if the lock file cannot be opened
   */
  public static Held acquire(Path lockFile, Duration timeout) {
    Path key = lockFile.toAbsolutePath().normalize();
    ReentrantLock local = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      if (!local.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw timeout(lockFile, timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JwkitException(FileError.LOCK_TIMEOUT, "interrupted while waiting for the lock on " + lockFile, e);
    }
    FileChannel channel = null;
    try {
      channel = open(key);
      FileLock lock;
      while ((lock = tryLock(channel)) == null) {
        if (System.nanoTime() > deadline) {
          throw timeout(lockFile, timeout);
        }
        sleep();
      }
      FileChannel held = channel;
      FileLock heldLock = lock;
      return () -> {
        try {
          heldLock.release();
          held.close();
        } catch (IOException ignored) {
          // closing the channel releases the lock in any case
        } finally {
          local.unlock();
        }
      };
    } catch (RuntimeException e) {
      closeQuietly(channel);
      local.unlock();
      throw e;
    }
  }

  private static FileChannel open(Path lockFile) {
    try {
      if (AtomicFiles.isPosix()) {
        return FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
            PosixFilePermissions.asFileAttribute(AtomicFiles.OWNER_ONLY_FILE));
      }
      return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new JwkitException(FileError.WRITE_FAILED, "could not open lock file " + lockFile, e);
    }
  }

  private static FileLock tryLock(FileChannel channel) {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    } catch (IOException e) {
      throw new JwkitException(FileError.WRITE_FAILED, "could not lock", e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(RETRY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JwkitException(FileError.LOCK_TIMEOUT, "interrupted while waiting for a file lock", e);
    }
  }

  private static JwkitException timeout(Path lockFile, Duration timeout) {
    return new JwkitException(FileError.LOCK_TIMEOUT,
        "could not lock " + lockFile + " within " + timeout.toMillis() + " ms: another process holds it");
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing more to do
      }
    }
  }
}
