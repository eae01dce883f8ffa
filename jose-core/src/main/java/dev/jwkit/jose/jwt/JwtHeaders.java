package dev.jwkit.jose.jwt;

import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jws.CompactJws;
import dev.jwkit.jose.jws.JwsHeader;
import java.util.Set;

/** The JWT-level rules on top of a strictly parsed compact JWS: what a JWT header may say, and its payload. */
final class JwtHeaders {

  private JwtHeaders() {}

  /**
   * Parses the compact JWS (header decoded and checked; payload and signature decoded, not verified).
   *
   * @throws InvalidTokenException from {@link CompactJws#parse(String, int)}
   */
  static CompactJws parse(String token, int maxLength) {
    return CompactJws.parse(token, maxLength);
  }

  /**
   * Checks what a JWT's header must satisfy before any key is looked at, and returns its algorithm.
   *
   * @throws InvalidTokenException {@link JoseError#MALFORMED_INPUT} for {@code b64:false} (RFC 7797
   *     payloads are not JWTs), {@link JoseError#ALGORITHM_NOT_ALLOWED} for an algorithm outside the set
   */
  static JwsAlgorithm checkForJwt(JwsHeader header, Set<JwsAlgorithm> allowed) {
    if (!header.b64()) {
      throw new InvalidTokenException(JoseError.MALFORMED_INPUT,
          "b64:false (RFC 7797 unencoded payload) is not allowed in a JWT");
    }
    JwsAlgorithm alg = header.alg();
    if (!allowed.contains(alg)) {
      throw new InvalidTokenException(JoseError.ALGORITHM_NOT_ALLOWED,
          "algorithm not allowed by this verifier (alg=" + alg.jwaName() + ")");
    }
    return alg;
  }

  /**
   * The claims of a JWS payload.
   *
   * @throws InvalidTokenException {@link JoseError#MALFORMED_INPUT}, {@link JoseError#DUPLICATE_MEMBER},
   *     {@link JoseError#INPUT_TOO_LARGE} for bad JSON, {@link JoseError#CLAIM_INVALID} for a registered
   *     claim of the wrong type
   */
  static JwtClaims claims(CompactJws jws) {
    try {
      return JwtClaims.parse(jws.payload());
    } catch (InvalidTokenException e) {
      throw e;
    } catch (JwkitException e) {
      throw new InvalidTokenException(e.code(), "JWT claims set is not valid JSON: " + stripCode(e), e);
    }
  }

  /** The message of an exception without its leading {@code "code: "}. */
  static String stripCode(JwkitException e) {
    String message = String.valueOf(e.getMessage());
    String prefix = e.code().id() + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }
}
