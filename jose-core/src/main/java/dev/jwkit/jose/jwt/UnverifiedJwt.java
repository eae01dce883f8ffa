package dev.jwkit.jose.jwt;

import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.jws.CompactJws;
import dev.jwkit.jose.jws.JwsHeader;
import java.util.Objects;

/**
 * A JWT parsed <em>without</em> verifying its signature or its claims: for routing (pick a verifier by
 * {@code iss} or {@code kid}) and for inspection tools such as {@code jwkit token inspect}.
 *
 * <p>Parsing is as strict as verification up to the signature (compact form only, size bound, strict
 * base64url and JSON, known {@code alg}, no {@code b64:false}, registered claims of the right types), but
 * no key is involved and no rule is applied.
 *
 * <h2>Security</h2>
 * Nothing here is authentic: anyone can write any header and claims. There is deliberately no way to
 * turn an {@code UnverifiedJwt} into a {@link VerifiedJwt}; pass the original token string to a {@link
 * JwtVerifier}. Never make an authorization decision on these claims (CVE-2021-37580 was exactly
 * that). {@link #toString()} shows claim names only.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use.
 */
public final class UnverifiedJwt {

  private final JwsHeader header;
  private final JwtClaims claims;

  private UnverifiedJwt(JwsHeader header, JwtClaims claims) {
    this.header = header;
    this.claims = claims;
  }

  /**
   * Parses a compact JWT of at most {@link JwtVerifier#DEFAULT_MAX_TOKEN_LENGTH} characters, without
   * verifying it.
   *
   * @throws InvalidTokenException {@link JoseError#INPUT_TOO_LARGE}, {@link JoseError#MALFORMED_INPUT}
   *     (including the JSON serialization, JWEs and {@code b64:false}), {@link JoseError#DUPLICATE_MEMBER},
   *     {@link JoseError#UNSUPPORTED_ALGORITHM}, {@link JoseError#UNSUPPORTED_CRITICAL_HEADER}, {@link
   *     JoseError#CLAIM_INVALID}
   */
  public static UnverifiedJwt parse(String token) {
    Objects.requireNonNull(token, "token");
    TokenFormat.checkCompactJws(token, JwtVerifier.DEFAULT_MAX_TOKEN_LENGTH);
    CompactJws jws = JwtHeaders.parse(token, JwtVerifier.DEFAULT_MAX_TOKEN_LENGTH);
    if (!jws.header().b64()) {
      throw new InvalidTokenException(JoseError.MALFORMED_INPUT,
          "b64:false (RFC 7797 unencoded payload) is not allowed in a JWT");
    }
    return new UnverifiedJwt(jws.header(), JwtHeaders.claims(jws));
  }

  /** The header, as the token states it (unverified). */
  public JwsHeader unverifiedHeader() {
    return header;
  }

  /** The claims, as the token states them (unverified). */
  public JwtClaims unverifiedClaims() {
    return claims;
  }

  @Override
  public String toString() {
    return "UnverifiedJwt[alg=" + header.alg().jwaName() + ", kid=" + Kids.safe(header.kid()) + ", claims="
        + claims.names() + "]";
  }
}
