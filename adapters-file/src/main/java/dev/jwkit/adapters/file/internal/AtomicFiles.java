package dev.jwkit.adapters.file.internal;

import dev.jwkit.adapters.file.FileError;
import dev.jwkit.jose.JwkitException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Crash-safe file replacement: the content goes to a temporary file in the same directory, which is
 * flushed to disk, atomically renamed over the target, and then the directory entry is flushed too. A
 * crash at any moment leaves either the old file or the new one, never a torn one.
 *
 * <p>Files are created owner-only (0600) on POSIX file systems, before any byte is written, so secret
 * content is never readable by others even for an instant.
 */
public final class AtomicFiles {

  /** Owner read and write only. */
  public static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

  /** Owner read, write and search only. */
  public static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private AtomicFiles() {}

  /**
   * Replaces {@code target} with {@code content} atomically and durably.
   *
   * @throws JwkitException {@link FileError#WRITE_FAILED} if anything fails; the target is then unchanged
   */
  public static void write(Path target, byte[] content) {
    Path directory = target.toAbsolutePath().getParent();
    Path temporary = null;
    try {
      temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp", ownerOnlyFile());
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      move(temporary, target);
      temporary = null;
      syncDirectory(directory);
    } catch (IOException e) {
      throw new JwkitException(FileError.WRITE_FAILED, "could not write " + target + ": " + e.getClass().getSimpleName(), e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // the temporary name starts with a dot and ends in .tmp; a leftover is harmless
        }
      }
    }
  }

  /** Creates the directory (and parents) owner-only if it does not exist. */
  public static void createDirectory(Path directory) {
    try {
      if (!Files.isDirectory(directory)) {
        if (POSIX) {
          Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        } else {
          Files.createDirectories(directory);
        }
      }
    } catch (IOException e) {
      throw new JwkitException(FileError.WRITE_FAILED, "could not create directory " + directory, e);
    }
  }

  /** Whether the file system supports POSIX permissions (false on Windows). */
  public static boolean isPosix() {
    return POSIX;
  }

  private static void move(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system cannot rename atomically", e);
    }
  }

  private static void syncDirectory(Path directory) {
    // Flushing the directory makes the rename durable. Not every platform can open a directory as a
    // channel (Windows cannot); there the rename is as durable as the platform makes it.
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort, see above
    }
  }

  private static FileAttribute<?>[] ownerOnlyFile() {
    return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)} : new FileAttribute<?>[0];
  }
}
