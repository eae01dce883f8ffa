package dev.jwkit.jose.internal.crypto;

/**
 * A prepared verification primitive for one key and one algorithm: a MAC check or a signature check.
 *
 * <p>Implementations are immutable and safe for concurrent use; they never throw for a bad signature.
 */
public interface JcaVerifier {

  /**
   * Whether {@code signature} is valid for {@code data[offset, offset + length)}. Any provider exception
   * counts as invalid.
   */
  boolean verify(byte[] data, int offset, int length, byte[] signature);
}
