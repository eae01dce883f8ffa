package dev.jwkit.jose.jwt;

import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The registered claims of a claims set (RFC 7519 §4.1) as raw JSON values, read from its map once and
 * checked for their types: {@code iss}, {@code sub}, {@code jti} strings; {@code aud} a string or an
 * array of strings; {@code exp}, {@code nbf}, {@code iat} NumericDates within the range of {@code
 * Instant}. Each field is null when the claim is absent. The typed getters of {@link JwtClaims} and the
 * verifier's rules read these fields instead of looking each claim up per token.
 *
 * <p>Immutable; safe for concurrent use.
 */
final class RegisteredClaims {

  final @Nullable Object iss;
  final @Nullable Object sub;
  final @Nullable Object aud;
  final @Nullable Object exp;
  final @Nullable Object nbf;
  final @Nullable Object iat;
  final @Nullable Object jti;

  /**
   * Reads and checks the registered claims of {@code claims}.
   *
   * @throws InvalidTokenException {@link JoseError#CLAIM_INVALID} when a registered claim has the wrong type
   */
  RegisteredClaims(Map<String, Object> claims) {
    this.iss = claims.get(ClaimNames.ISSUER);
    this.sub = claims.get(ClaimNames.SUBJECT);
    this.aud = claims.get(ClaimNames.AUDIENCE);
    this.exp = claims.get(ClaimNames.EXPIRATION);
    this.nbf = claims.get(ClaimNames.NOT_BEFORE);
    this.iat = claims.get(ClaimNames.ISSUED_AT);
    this.jti = claims.get(ClaimNames.JWT_ID);
    requireString(ClaimNames.ISSUER, iss);
    requireString(ClaimNames.SUBJECT, sub);
    requireString(ClaimNames.JWT_ID, jti);
    if (aud != null && !(aud instanceof String)) {
      if (!(aud instanceof List)) {
        throw wrongType(ClaimNames.AUDIENCE, "a string or an array of strings");
      }
      for (Object element : (List<?>) aud) {
        if (!(element instanceof String)) {
          throw wrongType(ClaimNames.AUDIENCE, "a string or an array of strings");
        }
      }
    }
    requireNumericDate(ClaimNames.EXPIRATION, exp);
    requireNumericDate(ClaimNames.NOT_BEFORE, nbf);
    requireNumericDate(ClaimNames.ISSUED_AT, iat);
  }

  /**
   * The index of a registered claim name for {@link #byIndex} (both defined here, so the numbering has
   * one home), or -1 for any other name.
   */
  static int indexOf(String name) {
    switch (name) {
      case ClaimNames.ISSUER: return 0;
      case ClaimNames.SUBJECT: return 1;
      case ClaimNames.AUDIENCE: return 2;
      case ClaimNames.EXPIRATION: return 3;
      case ClaimNames.NOT_BEFORE: return 4;
      case ClaimNames.ISSUED_AT: return 5;
      case ClaimNames.JWT_ID: return 6;
      default: return -1;
    }
  }

  /** The raw value of the registered claim with this {@link #indexOf index}, or null when absent. */
  @Nullable Object byIndex(int index) {
    switch (index) {
      case 0: return iss;
      case 1: return sub;
      case 2: return aud;
      case 3: return exp;
      case 4: return nbf;
      case 5: return iat;
      case 6: return jti;
      default: throw new IllegalArgumentException("not a registered claim index: " + index);
    }
  }

  private static void requireString(String name, @Nullable Object value) {
    if (value != null && !(value instanceof String)) {
      throw wrongType(name, "a string");
    }
  }

  private static void requireNumericDate(String name, @Nullable Object value) {
    if (value != null && !NumericDate.isEpochSecondInRange(value)) {
      NumericDate.toInstant(name, value); // the exact check, and its error
    }
  }

  static InvalidTokenException wrongType(String name, String description) {
    return new InvalidTokenException(JoseError.CLAIM_INVALID,
        "claim " + ClaimNames.safe(name) + " is not " + description);
  }
}
