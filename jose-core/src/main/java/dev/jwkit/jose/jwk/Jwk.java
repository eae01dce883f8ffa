package dev.jwkit.jose.jwk;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.JsonLimits;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.KeyType;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON Web Key (RFC 7517): a {@link PublicJwk}, a {@link PrivateJwk} or a symmetric {@link OctJwk}.
 *
 * <p>Every instance has been validated: members are canonical base64url, EC points lie on their curve,
 * private keys match their public part, RSA parameters are sane, and the metadata ({@code alg}, {@code
 * use}, {@code key_ops}) fits the key. Whether a key may be used with a given algorithm is a separate
 * check, {@link JwkAlgorithmBinding#checkUsableFor}.
 *
 * <pre>{@code
 * Jwk key = Jwk.parse(json);
 * if (key instanceof PrivateJwk) {
 *   PublicJwk publicPart = ((PrivateJwk) key).toPublicJwk();
 * }
 * }</pre>
 *
 * <h2>Security</h2>
 * Types that hold secrets ({@link PrivateJwk} implementations and {@link OctJwk}) never print their
 * material in {@code toString()} or in exception messages. {@link #toJson()} of such a key does contain
 * the secret, as a JWK must; publish only {@link PublicJwk}s.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use.
 */
public sealed interface Jwk permits PublicJwk, PrivateJwk, OctJwk {

  /** The key type ({@code kty}). */
  KeyType kty();

  /** The metadata: {@code kid}, {@code use}, {@code key_ops}, {@code alg}, X.509 members and unknown members. */
  JwkMetadata metadata();

  /** The key id ({@code kid}), if any. */
  default Optional<String> kid() {
    return metadata().kid();
  }

  /** The {@code alg} member, if any. */
  default Optional<String> alg() {
    return metadata().alg();
  }

  /** The RFC 7638 thumbprint with SHA-256. */
  default Thumbprint thumbprint() {
    return thumbprint(ThumbprintHash.SHA_256);
  }

  /** The RFC 7638 thumbprint with the given hash. */
  Thumbprint thumbprint(ThumbprintHash hash);

  /**
   * The key as a JSON object of plain Java values (for {@link Json#write}): {@code kty} first, then the key
   * members, then the metadata and the unknown members.
   */
  Map<String, Object> toJsonObject();

  /** The key as compact JSON. For private and symmetric keys the result contains the secret. */
  default String toJson() {
    return Json.write(toJsonObject());
  }

  /**
   * This key with other metadata.
   *
   * @throws JwkitException {@link JoseError#INVALID_KEY} if the metadata does not fit the key
   */
  Jwk withMetadata(JwkMetadata metadata);

  /**
   * Parses and validates a JWK.
   *
   * @throws JwkitException {@link JoseError#MALFORMED_INPUT} (bad JSON, wrong member types, non-canonical
   *     base64url), {@link JoseError#DUPLICATE_MEMBER}, {@link JoseError#INPUT_TOO_LARGE}, {@link
   *     JoseError#UNSUPPORTED_KEY} (unknown {@code kty} or {@code crv}, {@code oth}, unregistered {@code alg}),
   *     {@link JoseError#INVALID_KEY} (a key that fails validation)
   */
  static Jwk parse(String json) {
    Objects.requireNonNull(json, "json");
    return JwkParser.parse(Json.parseObject(json, JsonLimits.KEY_SET));
  }

  /**
   * Builds and validates a JWK from a parsed JSON object (as {@link Json#parseObject} returns it).
   *
   * @throws JwkitException as {@link #parse(String)}
   */
  static Jwk fromJsonObject(Map<String, Object> json) {
    Objects.requireNonNull(json, "json");
    return JwkParser.parse(json);
  }
}
