package dev.jwkit.jose.jwt;

import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * Conversions between RFC 7519 NumericDate values (seconds since the epoch, possibly fractional) and
 * {@link Instant}, with the bounds checks that keep hostile numbers cheap.
 */
final class NumericDate {

  /** The most fractional digits accepted; beyond nanoseconds they carry no information anyway. */
  private static final int MAX_SCALE = 64;
  /** The most integer digits accepted: enough for {@link Instant#MAX} (17 digits). */
  private static final int MAX_INTEGER_DIGITS = 18;

  private NumericDate() {}

  /**
   * The instant for a parsed JSON number, rounded down to the nanosecond.
   *
   * @throws InvalidTokenException {@link JoseError#CLAIM_INVALID} if the value is not a number or is out
   *     of the range of {@link Instant}
   */
  static Instant toInstant(String claimName, Object value) {
    if (value instanceof Long) {
      return ofEpochSecond(claimName, (Long) value, 0);
    }
    if (value instanceof BigInteger) {
      throw invalid(claimName);
    }
    if (value instanceof BigDecimal) {
      BigDecimal decimal = (BigDecimal) value;
      // Checked before any arithmetic: "1e999999999" is a short literal with a huge value.
      if (decimal.scale() > MAX_SCALE || decimal.precision() - decimal.scale() > MAX_INTEGER_DIGITS) {
        throw invalid(claimName);
      }
      BigDecimal nanosTotal = decimal.movePointRight(9).setScale(0, RoundingMode.FLOOR);
      BigInteger[] parts = nanosTotal.toBigInteger().divideAndRemainder(BigInteger.valueOf(1_000_000_000L));
      long seconds = parts[0].longValue();
      long nanos = parts[1].longValue();
      if (nanos < 0) {
        seconds -= 1;
        nanos += 1_000_000_000L;
      }
      return ofEpochSecond(claimName, seconds, nanos);
    }
    throw invalid(claimName);
  }

  /** Whether {@code value} is a {@code Long} of seconds within the range of {@link Instant}: the common case, checked without allocating. */
  static boolean isEpochSecondInRange(Object value) {
    if (value instanceof Long) {
      long seconds = (Long) value;
      return seconds >= Instant.MIN.getEpochSecond() && seconds <= Instant.MAX.getEpochSecond();
    }
    return false;
  }

  /** The JSON value for an instant: a {@code Long} of whole seconds, or a {@code BigDecimal} when sub-second. */
  static Object toJsonValue(Instant instant) {
    if (instant.getNano() == 0) {
      return instant.getEpochSecond();
    }
    return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9))
        .stripTrailingZeros();
  }

  /** {@code instant + amount}, saturating at {@link Instant#MIN} and {@link Instant#MAX}. */
  static Instant plusSaturated(Instant instant, Duration amount) {
    try {
      return instant.plus(amount);
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return amount.isNegative() ? Instant.MIN : Instant.MAX;
    }
  }

  /** {@code instant - amount}, saturating at {@link Instant#MIN} and {@link Instant#MAX}. */
  static Instant minusSaturated(Instant instant, Duration amount) {
    try {
      return instant.minus(amount);
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return amount.isNegative() ? Instant.MAX : Instant.MIN;
    }
  }

  private static Instant ofEpochSecond(String claimName, long seconds, long nanos) {
    if (seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond()) {
      throw invalid(claimName);
    }
    return Instant.ofEpochSecond(seconds, nanos);
  }

  private static InvalidTokenException invalid(String claimName) {
    return new InvalidTokenException(JoseError.CLAIM_INVALID,
        "claim " + ClaimNames.safe(claimName) + " is not a NumericDate within range");
  }
}
