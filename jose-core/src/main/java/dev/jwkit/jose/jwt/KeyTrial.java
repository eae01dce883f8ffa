package dev.jwkit.jose.jwt;

import dev.jwkit.jose.ErrorCode;
import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jose.jws.CompactJws;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Key selection and signature verification for one token: the candidates of {@link
 * JwkSet#candidatesFor}, each tried with its prepared verifier, reporting the most specific failure.
 */
final class KeyTrial {

  private KeyTrial() {}

  /**
   * Returns the trusted key the token's signature verifies with.
   *
   * @throws InvalidTokenException {@link JoseError#KEY_NOT_FOUND} when no key has the {@code kid} (or,
   *     without a {@code kid}, none fits the algorithm), {@link JoseError#KEY_MISMATCH} when the keys with
   *     that {@code kid} cannot be used with the algorithm, {@link JoseError#SIGNATURE_INVALID} when no
   *     candidate verifies
   */
  static Jwk verify(CompactJws jws, JwsAlgorithm alg, JwkSet keys, PreparedVerifiers prepared) {
    Optional<String> kid = jws.header().kid();
    List<Jwk> candidates = keys.candidatesFor(kid, alg);
    if (candidates.isEmpty()) {
      if (kid.isPresent() && !keys.findByKid(kid.get()).isEmpty()) {
        // The kid names a trusted key that cannot verify this algorithm (e.g. HS256 naming an RSA key).
        throw new InvalidTokenException(JoseError.KEY_MISMATCH,
            "the key with this kid cannot be used with the token's algorithm" + context(alg, kid) + skipped(keys, kid));
      }
      throw new InvalidTokenException(JoseError.KEY_NOT_FOUND,
          "no trusted key for the token" + context(alg, kid) + skipped(keys, kid));
    }
    @Nullable JwkitException mostSpecific = null;
    for (Jwk candidate : candidates) {
      try {
        prepared.get(candidate, alg).verify(jws);
        return candidate;
      } catch (JwkitException e) {
        if (mostSpecific == null || rank(e.code()) > rank(mostSpecific.code())) {
          mostSpecific = e;
        }
      }
    }
    ErrorCode code = mostSpecific.code();
    throw new InvalidTokenException(code, reason(code) + " (alg=" + alg.jwaName() + ", kid=" + Kids.safe(kid)
        + ", keys tried=" + candidates.size() + ")", mostSpecific);
  }

  /** Tink's "interesting exception": a bad signature under a fitting key says the most. */
  private static int rank(ErrorCode code) {
    if (code == JoseError.SIGNATURE_INVALID) {
      return 3;
    }
    if (code == JoseError.KEY_MISMATCH || code == JoseError.INVALID_KEY) {
      return 2;
    }
    return 1;
  }

  private static String reason(ErrorCode code) {
    if (code == JoseError.SIGNATURE_INVALID) {
      return "signature does not verify with any trusted key";
    }
    if (code == JoseError.KEY_MISMATCH || code == JoseError.INVALID_KEY) {
      return "no trusted key for the token can be used with its algorithm";
    }
    return "no trusted key verifies the token";
  }

  /** Why the set's key with this kid (or without kid) was skipped when it was parsed, if one was. */
  private static String skipped(JwkSet keys, Optional<String> kid) {
    return keys.skippedFor(kid).map(s -> "; the key " + (kid.isPresent() ? "with this kid" : "without kid")
        + " in the set was skipped: " + s.reason().id() + ": " + withoutCode(s.message(), s.reason().id()))
        .orElse("");
  }

  private static String withoutCode(String message, String code) {
    return message.startsWith(code + ": ") ? message.substring(code.length() + 2) : message;
  }

  private static String context(JwsAlgorithm alg, Optional<String> kid) {
    return " (alg=" + alg.jwaName() + ", kid=" + Kids.safe(kid) + ")";
  }
}
