package dev.jwkit.adapters.file;

import dev.jwkit.jose.ErrorCode;

/**
 * The error codes of the file adapter. The ids are stable: they are listed in the module README and
 * renaming one is a breaking change. Messages name the file and what is wrong, never key material.
 */
public enum FileError implements ErrorCode {
  /** The file or directory cannot be read (missing permission, I/O error). */
  UNREADABLE("file.unreadable"),
  /** The file is not a valid document: truncated or malformed JSON, missing members, bad key. */
  CORRUPT("file.corrupt"),
  /** The file was written by a newer jwkit whose format this version does not know. */
  UNSUPPORTED_FORMAT("file.unsupported_format"),
  /** The file or its directory is readable or writable by group or others. */
  INSECURE_PERMISSIONS("file.insecure_permissions"),
  /** Writing the file failed; the previous content is unchanged. */
  WRITE_FAILED("file.write_failed"),
  /** Another process holds the ring's lock for longer than the lock timeout. */
  LOCK_TIMEOUT("file.lock_timeout"),
  /** A ring name that is not a safe file name. */
  INVALID_NAME("file.invalid_name"),
  /** A keystore or encrypted key could not be opened with the password given. */
  WRONG_PASSWORD("file.wrong_password"),
  /** A keystore entry or PEM object holds a key jwkit does not support. */
  UNSUPPORTED_KEY("file.unsupported_key");

  private final String id;

  FileError(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }
}
