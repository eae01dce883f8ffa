package dev.jwkit.jose.jwt;

import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The claim and {@code typ} rules of a {@link JwtVerifier}, applied to a token whose signature has
 * already been verified. Immutable; built only by {@link JwtVerifier.Builder}.
 *
 * <p>The checks run in a fixed order, so that a token that breaks several rules always reports the same
 * code: {@code typ}, then {@code exp}, {@code nbf}, {@code iat} (future, then maximum age), then {@code
 * iss}, {@code aud}, {@code sub}, then the other required claims.
 */
final class ClaimRules {

  /** {@code typ} values accepted when no type is configured: absent, or the generic {@code JWT}. */
  private static final String GENERIC_TYPE = "jwt";

  private final Optional<String> expectedType; // normalized
  private final boolean ignoreType;
  private final Set<String> issuers; // empty = ignore
  private final Set<String> audiences; // empty = ignore
  private final Optional<String> subject;
  private final String[] requiredClaims;
  // For each required claim, its registered index (checked through the claims' fields) or -1.
  private final int[] requiredIndexes;
  private final boolean requireExpiration;
  private final Optional<Duration> maxAge;
  private final Duration skew;

  ClaimRules(Optional<String> expectedType, boolean ignoreType, Set<String> issuers, Set<String> audiences,
      Optional<String> subject, Set<String> requiredClaims, boolean requireExpiration,
      Optional<Duration> maxAge, Duration skew) {
    this.expectedType = expectedType.map(TokenType::normalize);
    this.ignoreType = ignoreType;
    this.issuers = Set.copyOf(issuers);
    this.audiences = Set.copyOf(audiences);
    this.subject = subject;
    this.requiredClaims = requiredClaims.toArray(new String[0]);
    this.requiredIndexes = new int[this.requiredClaims.length];
    for (int i = 0; i < this.requiredClaims.length; i++) {
      requiredIndexes[i] = RegisteredClaims.indexOf(this.requiredClaims[i]);
    }
    this.requireExpiration = requireExpiration;
    this.maxAge = maxAge;
    this.skew = skew;
  }

  /**
   * Checks the {@code typ} header and the claims at the instant {@code now}.
   *
   * <p>The rules read the raw claim values: NumericDates that are whole seconds (the usual case) are
   * compared as numbers, so a valid token costs no {@code Instant}, {@code Optional} or list per check.
   *
   * @param typ the {@code typ} header of the verified token, if any
   * @throws InvalidTokenException with the code of the first rule broken
   */
  void check(Optional<String> typ, JwtClaims claims, Instant now) {
    checkType(typ);
    checkTimes(claims, now);
    checkIssuer(claims);
    checkAudience(claims);
    checkSubject(claims);
    for (int i = 0; i < requiredClaims.length; i++) {
      int index = requiredIndexes[i];
      if (index >= 0 ? claims.registered().byIndex(index) == null : !claims.hasClaim(requiredClaims[i])) {
        throw missing(requiredClaims[i]);
      }
    }
  }

  private void checkType(Optional<String> typ) {
    if (ignoreType) {
      return;
    }
    if (expectedType.isPresent()) {
      if (typ.isEmpty() || !TokenType.matches(typ.get(), expectedType.get())) {
        throw new InvalidTokenException(JoseError.TYPE_MISMATCH,
            "typ header is not the expected type '" + expectedType.get() + "'");
      }
    } else if (typ.isPresent() && !TokenType.matches(typ.get(), GENERIC_TYPE)) {
      throw new InvalidTokenException(JoseError.TYPE_MISMATCH,
          "typ header names a specific token type, but this verifier expects a generic JWT");
    }
  }

  private void checkTimes(JwtClaims claims, Instant now) {
    Instant latest = NumericDate.plusSaturated(now, skew); // now + skew: nothing may lie after it
    Object exp = claims.registered().exp;
    if (exp != null) {
      // RFC 7519 §4.1.4: the current time MUST be before exp; the skew extends that, so the token is
      // expired when exp + skew <= now, i.e. exp <= now - skew.
      if (!isAfter(ClaimNames.EXPIRATION, exp, NumericDate.minusSaturated(now, skew))) {
        throw new InvalidTokenException(JoseError.TOKEN_EXPIRED, "token has expired");
      }
    } else if (requireExpiration) {
      throw missing(ClaimNames.EXPIRATION);
    }
    Object nbf = claims.registered().nbf;
    if (nbf != null && isAfter(ClaimNames.NOT_BEFORE, nbf, latest)) {
      throw new InvalidTokenException(JoseError.TOKEN_NOT_YET_VALID, "token is not valid yet (nbf)");
    }
    Object iat = claims.registered().iat;
    if (iat != null && isAfter(ClaimNames.ISSUED_AT, iat, latest)) {
      throw new InvalidTokenException(JoseError.TOKEN_AGE_INVALID, "token is issued in the future (iat)");
    }
    if (maxAge.isPresent()) {
      if (iat == null) {
        throw missing(ClaimNames.ISSUED_AT);
      }
      Instant oldestAccepted = NumericDate.minusSaturated(NumericDate.minusSaturated(now, maxAge.get()), skew);
      if (NumericDate.toInstant(ClaimNames.ISSUED_AT, iat).isBefore(oldestAccepted)) {
        throw new InvalidTokenException(JoseError.TOKEN_AGE_INVALID,
            "token is older than the maximum age of " + maxAge.get());
      }
    }
  }

  /** Whether the NumericDate {@code value} lies strictly after {@code instant}. */
  private static boolean isAfter(String name, Object value, Instant instant) {
    if (value instanceof Long) {
      long seconds = (Long) value; // whole seconds: after the instant iff later second, or same second and it has no nanos left
      return seconds > instant.getEpochSecond();
    }
    return NumericDate.toInstant(name, value).isAfter(instant);
  }

  private void checkIssuer(JwtClaims claims) {
    if (issuers.isEmpty()) {
      return;
    }
    Object iss = claims.registered().iss;
    if (iss == null) {
      throw missing(ClaimNames.ISSUER);
    }
    // Exact, case-sensitive comparison (CVE-2024-53861 used a substring test).
    if (!issuers.contains(iss)) {
      throw new InvalidTokenException(JoseError.ISSUER_MISMATCH, "iss is not an expected issuer");
    }
  }

  private void checkAudience(JwtClaims claims) {
    if (audiences.isEmpty()) {
      return;
    }
    Object aud = claims.registered().aud;
    if (aud == null) {
      throw missing(ClaimNames.AUDIENCE);
    }
    // aud may be a string or an array (CVE-2020-26160): one expected value among them is enough.
    if (aud instanceof String) {
      if (audiences.contains(aud)) {
        return;
      }
    } else {
      for (Object value : (List<?>) aud) { // checked to hold only strings when the claims were parsed
        if (audiences.contains(value)) {
          return;
        }
      }
    }
    throw new InvalidTokenException(JoseError.AUDIENCE_MISMATCH, "aud names no expected audience");
  }

  private void checkSubject(JwtClaims claims) {
    if (subject.isEmpty()) {
      return;
    }
    Object sub = claims.registered().sub;
    if (sub == null) {
      throw missing(ClaimNames.SUBJECT);
    }
    if (!sub.equals(subject.get())) {
      throw new InvalidTokenException(JoseError.SUBJECT_MISMATCH, "sub is not the expected subject");
    }
  }

  private static InvalidTokenException missing(String name) {
    return new InvalidTokenException(JoseError.CLAIM_MISSING, "required claim " + ClaimNames.safe(name) + " is missing");
  }
}
