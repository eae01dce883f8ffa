package dev.jwkit.adapters.file.internal;

import dev.jwkit.adapters.file.FileError;
import dev.jwkit.jose.JwkitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Refuses secret files that others can read, as ssh refuses a private key file with loose permissions.
 * On file systems without POSIX permissions the check does nothing.
 */
public final class FilePermissionsCheck {

  private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private static final Set<PosixFilePermission> GROUP_OR_OTHERS_WRITE = EnumSet.of(
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

  private FilePermissionsCheck() {}

  /**
   * Checks that {@code file} grants nothing to group or others, and that its directory cannot be written
   * by group or others (which would let them replace the file).
   *
   * @throws JwkitException {@link FileError#INSECURE_PERMISSIONS} naming the file, its mode and the fix
   */
  public static void requireOwnerOnly(Path file) {
    if (!AtomicFiles.isPosix()) {
      return;
    }
    Set<PosixFilePermission> filePermissions = permissions(file);
    if (!disjoint(filePermissions, GROUP_OR_OTHERS)) {
      throw new JwkitException(FileError.INSECURE_PERMISSIONS, file + " is accessible by group or others (mode "
          + PosixFilePermissions.toString(filePermissions) + "); run 'chmod 600 " + file
          + "', or allow insecure permissions explicitly");
    }
    requireDirectoryOwnerWritable(file.toAbsolutePath().getParent());
  }

  /**
   * Checks that group and others cannot write to {@code directory} (they could replace a file in it): run
   * before a secret file is written there, as well as when one is read.
   *
   * @throws JwkitException {@link FileError#INSECURE_PERMISSIONS} naming the directory, its mode and the fix
   */
  public static void requireDirectoryOwnerWritable(Path directory) {
    if (!AtomicFiles.isPosix()) {
      return;
    }
    Set<PosixFilePermission> directoryPermissions = permissions(directory);
    if (!disjoint(directoryPermissions, GROUP_OR_OTHERS_WRITE)) {
      throw new JwkitException(FileError.INSECURE_PERMISSIONS, directory + " is writable by group or others (mode "
          + PosixFilePermissions.toString(directoryPermissions) + "); run 'chmod 700 " + directory
          + "', or allow insecure permissions explicitly");
    }
  }

  private static Set<PosixFilePermission> permissions(Path path) {
    try {
      return Files.getPosixFilePermissions(path);
    } catch (IOException e) {
      throw new JwkitException(FileError.UNREADABLE, "cannot read the permissions of " + path, e);
    }
  }

  private static boolean disjoint(Set<PosixFilePermission> a, Set<PosixFilePermission> b) {
    for (PosixFilePermission permission : a) {
      if (b.contains(permission)) {
        return false;
      }
    }
    return true;
  }
}
