package dev.jwkit.jose.jwt;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import org.jspecify.annotations.Nullable;

/** Length checks on signatures made outside jwkit, so that a DER or truncated signature is caught when signing. */
final class SignatureShape {

  private static final int MIN_RSA_BYTES = 2048 / 8;
  private static final int MAX_RSA_BYTES = 16384 / 8;

  private SignatureShape() {}

  /**
   * Checks that {@code signature} has a length a JWS signature of {@code alg} can have.
   *
   * @throws JwkitException {@link JoseError#SIGNING_FAILED} otherwise
   */
  static void check(JwsAlgorithm alg, byte @Nullable [] signature) {
    if (signature == null || !fits(alg, signature.length)) {
      throw new JwkitException(JoseError.SIGNING_FAILED,
          "external signature does not have the length of a JWS " + alg.jwaName() + " signature");
    }
  }

  private static boolean fits(JwsAlgorithm alg, int length) {
    switch (alg.family()) {
      case HMAC:
        return length == alg.hashBits() / 8;
      case RSASSA_PKCS1_V1_5:
      case RSASSA_PSS:
        return length >= MIN_RSA_BYTES && length <= MAX_RSA_BYTES;
      case ECDSA:
      case EDDSA:
        for (Curve curve : alg.curves()) {
          if (length == 2 * curve.coordinateLength()) {
            return true;
          }
        }
        return false;
      default:
        throw new AssertionError(alg);
    }
  }
}
