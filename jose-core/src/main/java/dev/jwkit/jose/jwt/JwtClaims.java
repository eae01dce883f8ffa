package dev.jwkit.jose.jwt;

import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.JsonLimits;
import dev.jwkit.jose.JwkitException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A JWT claims set (RFC 7519 §4): the registered claims with typed accessors, and custom claims.
 *
 * <p>Values are plain JSON values as {@link Json} produces them: {@code String}, {@code Boolean}, {@code
 * Long} (or {@code BigInteger} beyond 64 bits), {@code BigDecimal} for non-integers, {@link Json#NULL},
 * unmodifiable {@code List} and {@code Map<String, Object>}. There is no Java {@code null} anywhere.
 *
 * <p>The registered claims always have their RFC 7519 types: {@code iss}, {@code sub} and {@code jti}
 * are strings; {@code aud} is a string or an array of strings; {@code exp}, {@code nbf} and {@code iat}
 * are NumericDates (JSON numbers of seconds since the epoch, possibly fractional). A claims set that
 * breaks this cannot be parsed or built ({@link JoseError#CLAIM_INVALID}). The typed getters for custom
 * claims throw {@link JoseError#CLAIM_INVALID} when the claim exists with another type, and return
 * empty when it is absent.
 *
 * <pre>{@code
 * JwtClaims claims = JwtClaims.builder()
 *     .issuer("https://issuer.example")
 *     .subject("user-42")
 *     .audience("api://orders")
 *     .issuedAt(now)
 *     .expiration(now.plus(Duration.ofMinutes(15)))
 *     .claim("scope", "orders:read")
 *     .build();
 * }</pre>
 *
 * <h2>Security</h2>
 * A {@code JwtClaims} is only data: it says nothing about who wrote it. Claims of a token are trusted
 * only when they come from a {@link VerifiedJwt}. {@link #toString()} lists claim names, never values.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use; the {@link Builder} is not.
 */
public final class JwtClaims {

  private final Map<String, Object> claims;
  /** The registered claims, read and type-checked once (see {@link RegisteredClaims}). */
  private final RegisteredClaims registered;

  /** @throws InvalidTokenException {@link JoseError#CLAIM_INVALID} when a registered claim has the wrong type */
  private JwtClaims(Map<String, Object> claims) {
    this.claims = claims;
    this.registered = new RegisteredClaims(claims);
  }

  /** A builder for a new, empty claims set. */
  public static Builder builder() {
    return new Builder(new LinkedHashMap<>());
  }

  /** A builder that starts with the claims of this set. */
  public Builder toBuilder() {
    return new Builder(new LinkedHashMap<>(claims));
  }

  /**
   * Parses a claims set from JSON text, under {@link JsonLimits#TOKEN}.
   *
   * @throws JwkitException {@link JoseError#MALFORMED_INPUT}, {@link JoseError#DUPLICATE_MEMBER} or
   *     {@link JoseError#INPUT_TOO_LARGE} for bad JSON; {@link InvalidTokenException} with {@link
   *     JoseError#CLAIM_INVALID} when a registered claim has the wrong type
   */
  public static JwtClaims parse(String json) {
    Objects.requireNonNull(json, "json");
    return parse(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Parses a claims set from UTF-8 JSON bytes (a JWS payload), under {@link JsonLimits#TOKEN}.
   *
   * @throws JwkitException as {@link #parse(String)}
   */
  public static JwtClaims parse(byte[] utf8) {
    Objects.requireNonNull(utf8, "utf8");
    return new JwtClaims(Json.parseObject(utf8, JsonLimits.TOKEN));
  }

  /**
   * A claims set from a map of JSON values (as {@link Json} parses them, or Java numbers, {@link Instant}s
   * for NumericDates, collections and maps), deeply copied.
   *
   * @throws InvalidTokenException {@link JoseError#CLAIM_INVALID} when a registered claim has the wrong type
   * @throws IllegalArgumentException for a value that has no JSON form
   */
  public static JwtClaims fromJsonObject(Map<String, ?> object) {
    Objects.requireNonNull(object, "object");
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : object.entrySet()) {
      copy.put(Objects.requireNonNull(entry.getKey(), "claim name"),
          JsonValues.toJson(Objects.requireNonNull(entry.getValue(), "claim value"), 2));
    }
    return new JwtClaims(Collections.unmodifiableMap(copy));
  }

  // ---------------------------------------------------------------------------------------------
  // Registered claims

  /** The {@code iss} (issuer) claim. */
  public Optional<String> issuer() {
    return Optional.ofNullable((String) registered.iss);
  }

  /** The {@code sub} (subject) claim. */
  public Optional<String> subject() {
    return Optional.ofNullable((String) registered.sub);
  }

  /**
   * The {@code aud} (audience) claim as a list: one element when the token carries a single string, the
   * array's elements otherwise, and empty when the claim is absent (or an empty array).
   */
  public List<String> audience() {
    Object aud = registered.aud;
    if (aud == null) {
      return List.of();
    }
    if (aud instanceof String) {
      return List.of((String) aud);
    }
    @SuppressWarnings("unchecked") // checked to be a list of strings when the set was created
    List<String> list = (List<String>) aud;
    return List.copyOf(list);
  }

  /** The {@code exp} (expiration time) claim, rounded down to the nanosecond if fractional. */
  public Optional<Instant> expiration() {
    return timeClaim(ClaimNames.EXPIRATION, registered.exp);
  }

  /** The {@code nbf} (not before) claim, rounded down to the nanosecond if fractional. */
  public Optional<Instant> notBefore() {
    return timeClaim(ClaimNames.NOT_BEFORE, registered.nbf);
  }

  /** The {@code iat} (issued at) claim, rounded down to the nanosecond if fractional. */
  public Optional<Instant> issuedAt() {
    return timeClaim(ClaimNames.ISSUED_AT, registered.iat);
  }

  /** The {@code jti} (JWT ID) claim. */
  public Optional<String> jwtId() {
    return Optional.ofNullable((String) registered.jti);
  }

  private static Optional<Instant> timeClaim(String name, @Nullable Object value) {
    return value == null ? Optional.empty() : Optional.of(NumericDate.toInstant(name, value));
  }

  /** The registered claims as raw values, for the verifier's rules. */
  RegisteredClaims registered() {
    return registered;
  }

  // ---------------------------------------------------------------------------------------------
  // Any claim

  /** Whether the claim is present (with any value, including JSON {@code null}). */
  public boolean hasClaim(String name) {
    Objects.requireNonNull(name, "name");
    return claims.containsKey(name);
  }

  /** The names of all claims present, in document order. */
  public Set<String> names() {
    return Collections.unmodifiableSet(claims.keySet());
  }

  /**
   * The raw JSON value of a claim: a {@code String}, {@code Boolean}, {@code Long}, {@code BigInteger},
   * {@code BigDecimal}, {@link Json#NULL}, or an unmodifiable {@code List} or {@code Map}.
   */
  public Optional<Object> claim(String name) {
    Objects.requireNonNull(name, "name");
    return Optional.ofNullable(claims.get(name));
  }

  /**
   * A string claim.
   *
   * @throws InvalidTokenException {@link JoseError#CLAIM_INVALID} if present and not a JSON string
   */
  public Optional<String> stringClaim(String name) {
    return typed(name, String.class, "a string");
  }

  /**
   * A boolean claim.
   *
   * @throws InvalidTokenException {@link JoseError#CLAIM_INVALID} if present and not a JSON boolean
   */
  public Optional<Boolean> booleanClaim(String name) {
    return typed(name, Boolean.class, "a boolean");
  }

  /**
   * An integer claim that fits in a {@code long}.
   *
   * @throws InvalidTokenException {@link JoseError#CLAIM_INVALID} if present and not a JSON integer in
   *     the range of {@code long} (fractions and exponents are not integers here)
   */
  public Optional<Long> longClaim(String name) {
    return typed(name, Long.class, "an integer in the range of long");
  }

  /**
   * A NumericDate claim, rounded down to the nanosecond if fractional.
   *
   * @throws InvalidTokenException {@link JoseError#CLAIM_INVALID} if present and not a JSON number within
   *     the range of {@link Instant}
   */
  public Optional<Instant> instantClaim(String name) {
    Objects.requireNonNull(name, "name");
    return timeClaim(name, claims.get(name));
  }

  /**
   * A claim that is an array of strings.
   *
   * @throws InvalidTokenException {@link JoseError#CLAIM_INVALID} if present and not a JSON array whose
   *     elements are all strings (a single string is not accepted here; {@link #audience()} is the one
   *     claim that may be either)
   */
  public Optional<List<String>> stringListClaim(String name) {
    Optional<List<?>> list = typed(name, List.class, "an array of strings").map(l -> (List<?>) l);
    if (list.isEmpty()) {
      return Optional.empty();
    }
    List<String> strings = new ArrayList<>(list.get().size());
    for (Object element : list.get()) {
      if (!(element instanceof String)) {
        throw RegisteredClaims.wrongType(name, "an array of strings");
      }
      strings.add((String) element);
    }
    return Optional.of(Collections.unmodifiableList(strings));
  }

  /**
   * A claim that is a JSON object, as an unmodifiable map of JSON values.
   *
   * @throws InvalidTokenException {@link JoseError#CLAIM_INVALID} if present and not a JSON object
   */
  public Optional<Map<String, Object>> objectClaim(String name) {
    @SuppressWarnings("unchecked") // every map in a claims set is a Map<String, Object> of JSON values
    Optional<Map<String, Object>> map = typed(name, Map.class, "an object").map(m -> (Map<String, Object>) m);
    return map;
  }

  private <T> Optional<T> typed(String name, Class<T> type, String description) {
    Objects.requireNonNull(name, "name");
    Object value = claims.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!type.isInstance(value)) {
      throw RegisteredClaims.wrongType(name, description);
    }
    return Optional.of(type.cast(value));
  }

  // ---------------------------------------------------------------------------------------------
  // Serialization

  /** The claims as an unmodifiable map of JSON values, in document order. */
  public Map<String, Object> toJsonObject() {
    return claims;
  }

  /** The claims as compact JSON. */
  public String toJson() {
    return Json.write(claims);
  }

  /** The claims as compact UTF-8 JSON, the payload of a JWS. */
  byte[] toJsonBytes() {
    return Json.writeUtf8(claims);
  }

  /** Equal when the two sets have the same claims with equal JSON values (member order is ignored). */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof JwtClaims && claims.equals(((JwtClaims) other).claims);
  }

  @Override
  public int hashCode() {
    return claims.hashCode();
  }

  /** The claim names only: claim values can be personal data and are never printed. */
  @Override
  public String toString() {
    return "JwtClaims" + claims.keySet();
  }

  // ---------------------------------------------------------------------------------------------
  // Checks

  /**
   * A builder of {@link JwtClaims}. Setters replace any earlier value of the same claim.
   *
   * <p>Times are written as whole seconds (rounded down), because many JWT consumers expect integer
   * NumericDates; parsing accepts fractional values.
   */
  public static final class Builder {

    private final LinkedHashMap<String, Object> claims;

    private Builder(LinkedHashMap<String, Object> claims) {
      this.claims = claims;
    }

    /**
     * Sets {@code iss}.
     *
     * @return this builder
     * @throws IllegalArgumentException if the issuer is empty
     */
    public Builder issuer(String issuer) {
      claims.put(ClaimNames.ISSUER, nonEmpty(issuer, "issuer"));
      return this;
    }

    /**
     * Sets {@code sub}.
     *
     * @return this builder
     * @throws IllegalArgumentException if the subject is empty
     */
    public Builder subject(String subject) {
      claims.put(ClaimNames.SUBJECT, nonEmpty(subject, "subject"));
      return this;
    }

    /**
     * Sets {@code aud}: a single string for one audience, an array for several.
     *
     * @return this builder
     * @throws IllegalArgumentException if an audience is empty
     */
    public Builder audience(String audience, String... more) {
      nonEmpty(audience, "audience");
      Objects.requireNonNull(more, "more");
      if (more.length == 0) {
        claims.put(ClaimNames.AUDIENCE, audience);
        return this;
      }
      List<String> all = new ArrayList<>(more.length + 1);
      all.add(audience);
      all.addAll(Arrays.asList(more));
      return audience(all);
    }

    /**
     * Sets {@code aud} as an array, even with a single element.
     *
     * @return this builder
     * @throws IllegalArgumentException if the list is empty or an audience is empty
     */
    public Builder audience(List<String> audiences) {
      Objects.requireNonNull(audiences, "audiences");
      if (audiences.isEmpty()) {
        throw new IllegalArgumentException("audience list must not be empty");
      }
      for (String audience : audiences) {
        nonEmpty(audience, "audience");
      }
      claims.put(ClaimNames.AUDIENCE, List.copyOf(audiences));
      return this;
    }

    /** Sets {@code exp}, rounded down to whole seconds. @return this builder */
    public Builder expiration(Instant expiration) {
      claims.put(ClaimNames.EXPIRATION, Objects.requireNonNull(expiration, "expiration").getEpochSecond());
      return this;
    }

    /** Sets {@code nbf}, rounded down to whole seconds. @return this builder */
    public Builder notBefore(Instant notBefore) {
      claims.put(ClaimNames.NOT_BEFORE, Objects.requireNonNull(notBefore, "notBefore").getEpochSecond());
      return this;
    }

    /** Sets {@code iat}, rounded down to whole seconds. @return this builder */
    public Builder issuedAt(Instant issuedAt) {
      claims.put(ClaimNames.ISSUED_AT, Objects.requireNonNull(issuedAt, "issuedAt").getEpochSecond());
      return this;
    }

    /**
     * Sets {@code jti}.
     *
     * @return this builder
     * @throws IllegalArgumentException if the id is empty
     */
    public Builder jwtId(String jwtId) {
      claims.put(ClaimNames.JWT_ID, nonEmpty(jwtId, "jwtId"));
      return this;
    }

    /**
     * Sets any claim. The value is deeply copied into JSON values: strings, booleans, integral and
     * decimal numbers (finite only), {@link Instant} (as whole seconds), {@link Json#NULL}, collections
     * and maps with string keys. A registered claim set this way must have its registered type.
     *
     * @return this builder
     * @throws IllegalArgumentException for a value with no JSON form, nesting deeper than verifiers
     *     accept, or a registered claim with the wrong type
     */
    public Builder claim(String name, Object value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      Object json = JsonValues.toJson(value, 2);
      try {
        new JwtClaims(Map.of(name, json)); // checks a registered claim's type
      } catch (InvalidTokenException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      claims.put(name, json);
      return this;
    }

    /** Removes a claim if present. @return this builder */
    public Builder remove(String name) {
      claims.remove(Objects.requireNonNull(name, "name"));
      return this;
    }

    /** The claims set. The builder can be used again afterwards. */
    public JwtClaims build() {
      return new JwtClaims(Collections.unmodifiableMap(new LinkedHashMap<>(claims)));
    }

    private static String nonEmpty(String value, String what) {
      Objects.requireNonNull(value, what);
      if (value.isEmpty()) {
        throw new IllegalArgumentException(what + " must not be empty");
      }
      return value;
    }
  }
}
