package dev.jwkit.adapters.jdbc;

import dev.jwkit.jose.ErrorCode;

/**
 * The error codes of the JDBC adapter. The ids are stable: they are listed in the module README and
 * renaming one is a breaking change. Messages name the table, the ring and the SQLState, never key
 * material, a password or a key-encryption key.
 */
public enum JdbcError implements ErrorCode {
  /**
   * The database could not be reached or the connection was lost (SQLState class 08, 57P01/57P02/57P03
   * shutdown or failover, 53300 too many connections, 25006 a read-only standby, no pooled connection in
   * time), also after the retries; the stored data is as it was before the call, unless the message says
   * that the outcome of a commit is unknown.
   */
  UNAVAILABLE("jdbc.unavailable"),
  /** Serialization failures or deadlocks (40001, 40P01) went on past the retry budget. */
  SERIALIZATION_FAILURE("jdbc.serialization_failure"),
  /** A statement ran past the statement timeout (57014) and was cancelled; its transaction was rolled back. */
  TIMEOUT("jdbc.timeout"),
  /** Any other SQL failure (permission denied, undefined table, ...); not retried. */
  SQL_FAILED("jdbc.sql_failed"),
  /** The database schema was written by a newer jwkit than this one; upgrade jwkit. */
  SCHEMA_TOO_NEW("jdbc.schema_too_new"),
  /** A stored ring row is not a valid ring document (malformed, or a document of another ring). */
  CORRUPT("jdbc.corrupt"),
  /** The key-encryption key could not be read: the file or environment variable is missing, or not 256 bits. */
  KEK_UNAVAILABLE("jdbc.kek_unavailable"),
  /** A key-encryption key is not the key the database registered under its id: a wrong KEK. */
  KEK_MISMATCH("jdbc.kek_mismatch"),
  /** Stored private keys are sealed with a key-encryption key id that is not configured. */
  KEK_UNKNOWN("jdbc.kek_unknown"),
  /** A sealed private key does not open under its key-encryption key: the row was altered or moved. */
  DECRYPT_FAILED("jdbc.decrypt_failed"),
  /** The thread was interrupted while waiting to retry. */
  INTERRUPTED("jdbc.interrupted");

  private final String id;

  JdbcError(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }
}
