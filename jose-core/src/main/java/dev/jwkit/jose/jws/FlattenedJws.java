package dev.jwkit.jose.jws;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.JsonLimits;
import dev.jwkit.jose.JwkitException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A JWS in the flattened JSON serialization (RFC 7515 §7.2.2), parsed strictly but <em>not verified</em>.
 *
 * <p>Rules beyond those of {@link CompactJws}:
 * <ul>
 *   <li>the object has exactly the members {@code protected}, {@code payload}, {@code signature} and
 *       optionally {@code header}; the general serialization ({@code signatures}) is refused;
 *   <li>the protected header is required and carries {@code alg}: jwkit never lets an unprotected header
 *       choose the algorithm (so RFC 7520 §4.7, which protects the content only, is refused);
 *   <li>the unprotected header is a JSON object whose members do not overlap the protected ones and do not
 *       include {@code crit} or {@code b64}, which must be integrity-protected (RFC 7515 §4.1.11, RFC 7797 §6).
 * </ul>
 * Failures are {@link InvalidTokenException}s with the codes of {@link CompactJws}.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use; accessors return copies.
 */
public final class FlattenedJws {

  /** Bounds for the whole JSON document (the payload is inside it). */
  static final JsonLimits LIMITS = new JsonLimits(CompactJws.DEFAULT_MAX_LENGTH, 16, 1_000,
      CompactJws.DEFAULT_MAX_LENGTH, 64);

  private static final Set<String> MEMBERS = Set.of("protected", "header", "payload", "signature");

  private final String protectedSegment;
  private final JwsHeader protectedHeader;
  private final Map<String, Object> unprotectedHeader;
  private final String payloadSegment;
  private final byte[] payload;
  private final byte[] signingInput;
  private final byte[] signature;

  private FlattenedJws(String protectedSegment, JwsHeader protectedHeader, Map<String, Object> unprotectedHeader,
      String payloadSegment, byte[] payload, byte[] signingInput, byte[] signature) {
    this.protectedSegment = protectedSegment;
    this.protectedHeader = protectedHeader;
    this.unprotectedHeader = unprotectedHeader;
    this.payloadSegment = payloadSegment;
    this.payload = payload;
    this.signingInput = signingInput;
    this.signature = signature;
  }

  /**
   * Parses a flattened JWS JSON serialization.
   *
   * @throws InvalidTokenException if the document breaks any rule of the class
   */
  public static FlattenedJws parse(String json) {
    Objects.requireNonNull(json, "json");
    try {
      Map<String, Object> object = Json.parseObject(json, LIMITS);
      if (object.containsKey("signatures")) {
        throw malformed("the general JWS JSON serialization is not supported");
      }
      for (String name : object.keySet()) {
        if (!MEMBERS.contains(name)) {
          throw malformed("unexpected member in a flattened JWS");
        }
      }
      String protectedSegment = requireString(object, "protected");
      String payloadSegment = requireString(object, "payload");
      String signatureSegment = requireString(object, "signature");
      Object headerValue = object.get("header");
      Map<String, Object> unprotected = Map.of();
      if (headerValue != null) {
        if (!(headerValue instanceof Map)) {
          throw malformed("header is not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) headerValue;
        unprotected = map;
      }
      if (protectedSegment.isEmpty()) {
        throw malformed("the protected header is required");
      }
      JwsHeader header = JwsHeader.parse(Base64Url.decode(protectedSegment));
      checkUnprotected(header, unprotected);
      byte[] payload = header.b64()
          ? Base64Url.decode(payloadSegment)
          : payloadSegment.getBytes(StandardCharsets.UTF_8);
      if (signatureSegment.isEmpty()) {
        throw malformed("the signature is empty");
      }
      byte[] signature = Base64Url.decode(signatureSegment);
      return new FlattenedJws(protectedSegment, header, unprotected, payloadSegment, payload,
          signingInput(protectedSegment, header.b64() ? payloadSegment.getBytes(StandardCharsets.US_ASCII) : payload),
          signature);
    } catch (InvalidTokenException e) {
      throw e;
    } catch (JwkitException e) {
      throw CompactJws.asInvalidToken(e);
    }
  }

  /** Creates a flattened JWS from parts already signed (used by {@link JwsSigner}). */
  static FlattenedJws of(JwsHeader protectedHeader, Map<String, Object> unprotected, byte[] payload,
      byte[] signingInput, byte[] signature) {
    String payloadSegment = protectedHeader.b64()
        ? Base64Url.encode(payload)
        : new String(payload, StandardCharsets.UTF_8);
    return new FlattenedJws(protectedHeader.encoded(), protectedHeader, unprotected, payloadSegment,
        payload.clone(), signingInput, signature);
  }

  /**
   * Checks an unprotected header against the protected one.
   *
   * @throws JwkitException if a member is in both, or {@code crit}/{@code b64} is unprotected
   */
  static void checkUnprotected(JwsHeader protectedHeader, Map<String, Object> unprotected) {
    if (unprotected.containsKey(HeaderNames.CRIT)) {
      throw new JwkitException(JoseError.UNSUPPORTED_CRITICAL_HEADER, "crit must be in the protected header");
    }
    if (unprotected.containsKey(HeaderNames.B64)) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, "b64 must be in the protected header");
    }
    for (String name : unprotected.keySet()) {
      if (protectedHeader.toJsonObject().containsKey(name)) {
        throw new JwkitException(JoseError.MALFORMED_INPUT,
            "a header parameter appears in both the protected and the unprotected header");
      }
    }
    JwsHeader.checkTypes(unprotected);
  }

  static byte[] signingInput(String protectedSegment, byte[] payloadPart) {
    byte[] input = new byte[protectedSegment.length() + 1 + payloadPart.length];
    byte[] head = protectedSegment.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, input, 0, head.length);
    input[head.length] = '.';
    System.arraycopy(payloadPart, 0, input, head.length + 1, payloadPart.length);
    return input;
  }

  private static String requireString(Map<String, Object> object, String name) {
    Object value = object.get(name);
    if (!(value instanceof String)) {
      throw malformed(name + " is missing or not a string");
    }
    return (String) value;
  }

  private static JwkitException malformed(String detail) {
    return new InvalidTokenException(JoseError.MALFORMED_INPUT, detail);
  }

  /** The integrity-protected header; it carries {@code alg}. */
  public JwsHeader protectedHeader() {
    return protectedHeader;
  }

  /** The unprotected header members (not integrity-protected: treat as hints only); may be empty. */
  public Map<String, Object> unprotectedHeader() {
    return unprotectedHeader;
  }

  /**
   * The key id: the protected {@code kid} if any, else the unprotected one (a hint for key selection;
   * the verifier checks the signature with the configured key whatever it says).
   */
  @SuppressWarnings("unchecked")
  public Optional<String> kid() {
    Optional<String> kid = protectedHeader.kid();
    if (kid.isPresent()) {
      return kid;
    }
    Object value = unprotectedHeader.get(HeaderNames.KID);
    return value instanceof String ? Optional.of((String) value) : Optional.empty();
  }

  /** The payload bytes; a copy. */
  public byte[] payload() {
    return payload.clone();
  }

  /** The JWS signing input; a copy. */
  public byte[] signingInput() {
    return signingInput.clone();
  }

  /** The signature bytes; a copy. */
  public byte[] signature() {
    return signature.clone();
  }

  byte[] signingInputNoCopy() {
    return signingInput;
  }

  byte[] signatureNoCopy() {
    return signature;
  }

  /** The flattened JSON serialization: {@code protected}, {@code header} (if any), {@code payload}, {@code signature}. */
  public String toJson() {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("protected", protectedSegment);
    if (!unprotectedHeader.isEmpty()) {
      object.put("header", unprotectedHeader);
    }
    object.put("payload", payloadSegment);
    object.put("signature", Base64Url.encode(signature));
    return Json.write(object);
  }

  @Override
  public String toString() {
    return "FlattenedJws[alg=" + protectedHeader.alg().jwaName() + "]";
  }
}
