package dev.jwkit.jose.jws;

import static dev.jwkit.jose.jws.HeaderNames.ALG;
import static dev.jwkit.jose.jws.HeaderNames.B64;
import static dev.jwkit.jose.jws.HeaderNames.CRIT;
import static dev.jwkit.jose.jws.HeaderNames.CTY;
import static dev.jwkit.jose.jws.HeaderNames.JKU;
import static dev.jwkit.jose.jws.HeaderNames.JWK;
import static dev.jwkit.jose.jws.HeaderNames.KID;
import static dev.jwkit.jose.jws.HeaderNames.TYP;
import static dev.jwkit.jose.jws.HeaderNames.X5C;
import static dev.jwkit.jose.jws.HeaderNames.X5T;
import static dev.jwkit.jose.jws.HeaderNames.X5T_S256;
import static dev.jwkit.jose.jws.HeaderNames.X5U;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.JsonLimits;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The JOSE header of a JWS (RFC 7515 §4): the algorithm, the registered parameters and any other
 * parameters, kept in order.
 *
 * <p>A header comes from {@link #builder()}, from {@link #parse(String)} (a JSON text; its exact bytes are
 * kept and are what gets signed, so parse-then-sign reproduces a given serialization byte for byte), or
 * from a parsed token ({@link CompactJws#header()}).
 *
 * <p>Every header is checked the same way, wherever it comes from:
 * <ul>
 *   <li>{@code alg} is required and must be a string naming a {@link JwsAlgorithm} (case-sensitive);
 *       {@code none} in any case, and any unknown name, fail with {@link JoseError#UNSUPPORTED_ALGORITHM}.
 *   <li>registered parameters have their RFC 7515 types: strings, {@code x5c} a non-empty array of
 *       strings, {@code jwk} an object holding no private or secret member, {@code b64} a boolean;
 *       anything else is {@link JoseError#MALFORMED_INPUT}.
 *   <li>{@code crit} (RFC 7515 §4.1.11) must be a non-empty array of distinct strings, none of them a name
 *       registered by RFC 7515/7518, each present in the header and understood. jwkit understands only
 *       {@code b64} (RFC 7797); {@code b64} itself must be listed in {@code crit}. Violations fail with
 *       {@link JoseError#UNSUPPORTED_CRITICAL_HEADER}.
 *   <li>header JSON is UTF-8 only, with no duplicate member ({@link JoseError#DUPLICATE_MEMBER}), within
 *       {@link JsonLimits#TOKEN}.
 * </ul>
 *
 * <h2>Security</h2>
 * {@code jwk}, {@code jku}, {@code x5u} and {@code x5c} are carried as data only. No jwkit verifier uses
 * them to pick or fetch a key; the key is always the one the application configured.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use. The builder is not.
 */
public final class JwsHeader {

  private final JwsAlgorithm alg;
  private final Map<String, Object> members;
  private final byte @Nullable [] originalJson;
  private final List<String> crit;
  private final boolean b64;
  // Lazily computed base64url of the JSON; racy single-check is safe for an immutable String.
  private @Nullable String encoded;

  private JwsHeader(JwsAlgorithm alg, Map<String, Object> members, byte @Nullable [] originalJson,
      List<String> crit, boolean b64) {
    this.alg = alg;
    this.members = members;
    this.originalJson = originalJson;
    this.crit = crit;
    this.b64 = b64;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding a copy of this header's parameters. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.members.putAll(members);
    builder.alg = alg;
    return builder;
  }

  /**
   * Parses a header from its JSON text. The exact UTF-8 bytes of {@code json} are kept: signing with this
   * header signs those bytes.
   *
   * @throws JwkitException {@link JoseError#MALFORMED_INPUT}, {@link JoseError#DUPLICATE_MEMBER}, {@link
   *     JoseError#INPUT_TOO_LARGE}, {@link JoseError#UNSUPPORTED_ALGORITHM} or {@link
   *     JoseError#UNSUPPORTED_CRITICAL_HEADER}
   */
  public static JwsHeader parse(String json) {
    Objects.requireNonNull(json, "json");
    return parse(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Parses header JSON from UTF-8 bytes (owned by the new header afterwards). */
  static JwsHeader parse(byte[] utf8) {
    Map<String, Object> members = Json.parseObject(utf8, JsonLimits.TOKEN);
    return fromMembers(members, utf8);
  }

  /** Checks the members of a (protected, or complete) header and builds it. */
  static JwsHeader fromMembers(Map<String, Object> members, byte @Nullable [] originalJson) {
    Object algValue = members.get(ALG);
    if (algValue == null) {
      throw malformed("the header has no alg");
    }
    if (!(algValue instanceof String)) {
      throw malformed("alg is not a string");
    }
    JwsAlgorithm alg = JwsAlgorithm.fromJwaName((String) algValue);
    checkTypes(members);
    List<String> crit = checkCrit(members);
    Object b64Value = members.get(B64);
    boolean b64 = b64Value == null || (Boolean) b64Value;
    Map<String, Object> copy = members instanceof LinkedHashMap
        ? Collections.unmodifiableMap(members) : members;
    return new JwsHeader(alg, copy, originalJson, crit, b64);
  }

  /** Checks the types of registered parameters, wherever they appear (protected or not). */
  static void checkTypes(Map<String, Object> members) {
    for (String name : new String[] {KID, TYP, CTY, JKU, X5U, X5T, X5T_S256}) {
      Object value = members.get(name);
      if (value != null && !(value instanceof String)) {
        throw malformed(name + " is not a string");
      }
    }
    Object x5c = members.get(X5C);
    if (x5c != null) {
      if (!(x5c instanceof List) || ((List<?>) x5c).isEmpty()) {
        throw malformed("x5c is not a non-empty array");
      }
      for (Object certificate : (List<?>) x5c) {
        if (!(certificate instanceof String)) {
          throw malformed("x5c holds a non-string");
        }
      }
    }
    Object jwk = members.get(JWK);
    if (jwk != null) {
      if (!(jwk instanceof Map)) {
        throw malformed("jwk is not an object");
      }
      Map<?, ?> key = (Map<?, ?>) jwk;
      for (String member : HeaderNames.PRIVATE_JWK_MEMBERS) {
        if (key.containsKey(member)) {
          throw malformed("the embedded jwk holds private or secret key material");
        }
      }
      if ("oct".equals(key.get("kty"))) {
        throw malformed("the embedded jwk is a symmetric key");
      }
    }
    Object b64 = members.get(B64);
    if (b64 != null && !(b64 instanceof Boolean)) {
      throw malformed("b64 is not a boolean");
    }
  }

  private static List<String> checkCrit(Map<String, Object> members) {
    Object critValue = members.get(CRIT);
    if (critValue == null) {
      if (members.containsKey(B64)) {
        throw critical("b64 is used but not listed in crit (RFC 7797 §6)");
      }
      return List.of();
    }
    if (!(critValue instanceof List) || ((List<?>) critValue).isEmpty()) {
      throw critical("crit is not a non-empty array");
    }
    List<?> names = (List<?>) critValue;
    for (int i = 0; i < names.size(); i++) {
      Object name = names.get(i);
      if (!(name instanceof String)) {
        throw critical("crit holds a non-string");
      }
      if (names.subList(0, i).contains(name)) {
        throw critical("crit lists a name twice");
      }
      if (HeaderNames.REGISTERED.contains(name)) {
        throw critical("crit lists a registered header parameter");
      }
      if (!HeaderNames.UNDERSTOOD_CRITICAL.contains(name)) {
        throw critical("crit lists a parameter jwkit does not understand");
      }
      if (!members.containsKey(name)) {
        throw critical("crit lists a parameter absent from the header");
      }
    }
    if (members.containsKey(B64) && !names.contains(B64)) {
      throw critical("b64 is used but not listed in crit (RFC 7797 §6)");
    }
    @SuppressWarnings("unchecked")
    List<String> strings = (List<String>) names;
    return List.copyOf(strings);
  }

  /** The signature algorithm ({@code alg}). */
  public JwsAlgorithm alg() {
    return alg;
  }

  /** The key id ({@code kid}), an opaque string. */
  public Optional<String> kid() {
    return string(KID);
  }

  /** The media type of the whole JWS ({@code typ}), e.g. {@code "JWT"} or {@code "at+jwt"}. */
  public Optional<String> typ() {
    return string(TYP);
  }

  /** The media type of the payload ({@code cty}). */
  public Optional<String> cty() {
    return string(CTY);
  }

  /** The critical extension names ({@code crit}); empty when absent. */
  public List<String> crit() {
    return crit;
  }

  /**
   * Whether the payload is base64url-encoded in the signing input: {@code true} unless the header has
   * RFC 7797's {@code "b64": false}.
   */
  public boolean b64() {
    return b64;
  }

  /** The JWK Set URL ({@code jku}), as data only: jwkit never fetches it. */
  public Optional<String> jku() {
    return string(JKU);
  }

  /**
   * The embedded public key ({@code jwk}) as a JSON object, as data only: jwkit never verifies with it.
   */
  @SuppressWarnings("unchecked")
  public Optional<Map<String, Object>> jwk() {
    return Optional.ofNullable((Map<String, Object>) members.get(JWK));
  }

  /** The X.509 URL ({@code x5u}), as data only: jwkit never fetches it. */
  public Optional<String> x5u() {
    return string(X5U);
  }

  /** The X.509 chain ({@code x5c}): standard base64 DER certificates; empty when absent. */
  @SuppressWarnings("unchecked")
  public List<String> x5c() {
    Object value = members.get(X5C);
    return value == null ? List.of() : List.copyOf((List<String>) value);
  }

  /** The X.509 SHA-1 thumbprint ({@code x5t}). */
  public Optional<String> x5t() {
    return string(X5T);
  }

  /** The X.509 SHA-256 thumbprint ({@code x5t#S256}). */
  public Optional<String> x5tS256() {
    return string(X5T_S256);
  }

  /** Any parameter by name (registered or not); JSON values as {@link Json} produces them. */
  public Optional<Object> parameter(String name) {
    Objects.requireNonNull(name, "name");
    return Optional.ofNullable(members.get(name));
  }

  /** All parameters, in order, as an unmodifiable map of plain JSON values. */
  public Map<String, Object> toJsonObject() {
    return members;
  }

  /**
   * The header as JSON text: the exact text it was parsed from, or a compact serialization of the
   * parameters in order.
   */
  public String toJson() {
    return originalJson != null ? new String(originalJson, StandardCharsets.UTF_8) : Json.write(members);
  }

  /** The base64url of the header's UTF-8 JSON, as it appears in a JWS. */
  String encoded() {
    String result = encoded;
    if (result == null) {
      result = Base64Url.encode(originalJson != null ? originalJson : Json.writeUtf8(members));
      encoded = result;
    }
    return result;
  }

  @Override
  public String toString() {
    // Header values are not secret, but a kid or typ can be attacker-chosen: keep the summary short.
    return "JwsHeader[alg=" + alg.jwaName() + ", parameters=" + members.keySet() + "]";
  }

  private Optional<String> string(String name) {
    return Optional.ofNullable((String) members.get(name));
  }

  private static JwkitException malformed(String detail) {
    return new JwkitException(JoseError.MALFORMED_INPUT, "invalid JWS header: " + detail);
  }

  private static JwkitException critical(String detail) {
    return new JwkitException(JoseError.UNSUPPORTED_CRITICAL_HEADER, "invalid JWS header: " + detail);
  }

  /**
   * Builds a {@link JwsHeader}. Each setter checks its argument; {@link #build()} applies the same checks
   * as parsing (types, {@code crit}, {@code b64}).
   */
  public static final class Builder {

    private @Nullable JwsAlgorithm alg;
    private final LinkedHashMap<String, Object> members = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the algorithm (required). It is written first in the JSON.
     *
     * @return this builder
     */
    public Builder alg(JwsAlgorithm alg) {
      this.alg = Objects.requireNonNull(alg, "alg");
      return this;
    }

    /** Sets {@code kid}. @return this builder */
    public Builder kid(String kid) {
      return put(KID, Objects.requireNonNull(kid, "kid"));
    }

    /** Sets {@code typ} (e.g. {@code "JWT"}, {@code "at+jwt"}). @return this builder */
    public Builder typ(String typ) {
      return put(TYP, Objects.requireNonNull(typ, "typ"));
    }

    /** Sets {@code cty}. @return this builder */
    public Builder cty(String cty) {
      return put(CTY, Objects.requireNonNull(cty, "cty"));
    }

    /** Sets {@code jku} (a URL string; carried, never fetched). @return this builder */
    public Builder jku(String jku) {
      return put(JKU, Objects.requireNonNull(jku, "jku"));
    }

    /** Sets {@code x5u} (a URL string; carried, never fetched). @return this builder */
    public Builder x5u(String x5u) {
      return put(X5U, Objects.requireNonNull(x5u, "x5u"));
    }

    /**
     * Sets {@code jwk}: a public JWK as a JSON object (for example {@code PublicJwk.toJsonObject()}).
     *
     * @return this builder
     * @throws IllegalArgumentException if the object carries private or secret key members
     */
    public Builder jwk(Map<String, Object> jwk) {
      Objects.requireNonNull(jwk, "jwk");
      for (String member : HeaderNames.PRIVATE_JWK_MEMBERS) {
        if (jwk.containsKey(member)) {
          throw new IllegalArgumentException("jwk must be a public key");
        }
      }
      return put(JWK, deepCopy(JWK, jwk));
    }

    /**
     * Sets {@code x5c}: standard base64 DER certificates, leaf first.
     *
     * @return this builder
     * @throws IllegalArgumentException if the list is empty
     */
    public Builder x5c(List<String> chain) {
      List<String> copy = List.copyOf(chain);
      if (copy.isEmpty()) {
        throw new IllegalArgumentException("x5c must not be empty");
      }
      return put(X5C, copy);
    }

    /** Sets {@code x5t}. @return this builder */
    public Builder x5t(String x5t) {
      return put(X5T, Objects.requireNonNull(x5t, "x5t"));
    }

    /** Sets {@code x5t#S256}. @return this builder */
    public Builder x5tS256(String x5tS256) {
      return put(X5T_S256, Objects.requireNonNull(x5tS256, "x5tS256"));
    }

    /**
     * Sets {@code crit}. Only {@code b64} is understood; {@link #build()} refuses anything else.
     *
     * @return this builder
     */
    public Builder crit(List<String> names) {
      return put(CRIT, List.copyOf(names));
    }

    /**
     * Sets RFC 7797's {@code b64}; {@code false} means an unencoded payload. {@code b64} must also be listed
     * in {@link #crit(List)}, which this method does when it is not yet there.
     *
     * @return this builder
     */
    @SuppressWarnings("unchecked")
    public Builder b64(boolean b64) {
      put(B64, b64);
      Object crit = members.get(CRIT);
      if (crit == null) {
        members.put(CRIT, List.of(B64));
      } else if (!((List<String>) crit).contains(B64)) {
        java.util.ArrayList<String> names = new java.util.ArrayList<>((List<String>) crit);
        names.add(B64);
        members.put(CRIT, List.copyOf(names));
      }
      return this;
    }

    /**
     * Sets another (public or private) parameter. Registered names have their own setters.
     *
     * @param value a JSON value: {@code String}, {@code Boolean}, {@code Long}/{@code Integer}, {@code
     *     BigInteger}, {@code BigDecimal}, {@code List} or {@code Map} of those, or {@link Json#NULL}
     * @return this builder
     * @throws IllegalArgumentException for a registered name, or a value that is not a JSON value
     */
    public Builder parameter(String name, Object value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (HeaderNames.REGISTERED.contains(name) || B64.equals(name)) {
        throw new IllegalArgumentException("use the typed setter for " + name);
      }
      return put(name, deepCopy(name, value));
    }

    /** An immutable deep copy of a JSON value, made by writing and re-reading it (checks the types too). */
    private static Object deepCopy(String name, Object value) {
      Map<String, Object> wrapper = new LinkedHashMap<>();
      wrapper.put(name, value);
      Object copy = Json.parseObject(Json.write(wrapper), JsonLimits.TOKEN).get(name);
      return Objects.requireNonNull(copy, name);
    }

    private Builder put(String name, Object value) {
      members.put(name, value);
      return this;
    }

    /**
     * Builds the header.
     *
     * @throws IllegalStateException if no {@code alg} was set
     * @throws JwkitException {@link JoseError#UNSUPPORTED_CRITICAL_HEADER} or {@link
     *     JoseError#MALFORMED_INPUT} if the parameters break the rules of the class
     */
    public JwsHeader build() {
      if (alg == null) {
        throw new IllegalStateException("alg is required");
      }
      LinkedHashMap<String, Object> ordered = new LinkedHashMap<>();
      ordered.put(ALG, alg.jwaName());
      members.forEach((name, value) -> {
        if (!ALG.equals(name)) {
          ordered.put(name, value);
        }
      });
      return fromMembers(ordered, null);
    }
  }
}
