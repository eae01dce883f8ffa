package dev.jwkit.jose.internal.crypto;

/**
 * A prepared signing primitive for one key and one algorithm: a MAC or a signature, in the JWS byte
 * form (fixed-length {@code R‖S} for ECDSA).
 *
 * <p>Implementations are immutable and safe for concurrent use.
 */
public interface JcaSigner {

  /**
   * The MAC or signature over {@code data[offset, offset + length)}.
   *
   * @throws dev.jwkit.jose.JwkitException {@link dev.jwkit.jose.JoseError#SIGNING_FAILED} if the provider fails
   */
  byte[] sign(byte[] data, int offset, int length);
}
