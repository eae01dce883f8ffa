package dev.jwkit.jose;

/**
 * A stable, machine-readable reason for a failure.
 *
 * <p>Each module contributes its own enum of codes ({@link JoseError} here; the domain and the adapters
 * add theirs) so that codes can be added without editing jose-core. An {@link #id()} is a lowercase
 * dotted string such as {@code "jws.signature_invalid"}; ids are part of the public contract and renaming
 * one is a breaking change.
 *
 * <p>Implementations must be immutable and safe for concurrent use.
 */
public interface ErrorCode {

  /** The stable identifier, for example {@code "jws.signature_invalid"}. */
  String id();
}
