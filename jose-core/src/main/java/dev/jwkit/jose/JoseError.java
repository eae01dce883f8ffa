package dev.jwkit.jose;

/**
 * The error codes of jose-core. The ids are stable: they are listed in the module README and renaming
 * one is a breaking change.
 */
public enum JoseError implements ErrorCode {
  /** Input that is not well-formed: bad base64url, bad JSON, wrong number of segments, wrong types. */
  MALFORMED_INPUT("jose.malformed_input"),
  /** Input beyond a size bound: token length, JSON nesting depth, member count, number length. */
  INPUT_TOO_LARGE("jose.input_too_large"),
  /** JSON with the same member name twice (RFC 7515 §4, RFC 8259 §4). */
  DUPLICATE_MEMBER("jose.duplicate_member"),
  /** An algorithm name jwkit does not implement (including {@code none}). */
  UNSUPPORTED_ALGORITHM("jose.unsupported_algorithm"),
  /** A known algorithm that the caller's policy does not allow. */
  ALGORITHM_NOT_ALLOWED("jose.algorithm_not_allowed"),
  /** A key type or curve jwkit does not support. */
  UNSUPPORTED_KEY("jwk.unsupported_key"),
  /** A key that fails validation: point not on curve, weak RSA modulus or exponent, short HMAC key. */
  INVALID_KEY("jwk.invalid_key"),
  /** The key cannot be used with the token's algorithm ({@code kty}, {@code crv}, {@code alg}, {@code use} or {@code key_ops}). */
  KEY_MISMATCH("jwk.key_mismatch"),
  /**
   * A key that is not public where only public keys belong: an {@code oct} key, or a key with private
   * members, in a key set parsed as public ({@code JwkSet.parsePublic}); such keys are skipped.
   */
  NOT_PUBLIC("jwk.not_public"),
  /** No trusted key matches the token (unknown {@code kid}, or no key fits the algorithm). */
  KEY_NOT_FOUND("jwk.key_not_found"),
  /** A critical header parameter that is not understood, or a malformed {@code crit}. */
  UNSUPPORTED_CRITICAL_HEADER("jws.unsupported_critical_header"),
  /** The signature or MAC does not verify. */
  SIGNATURE_INVALID("jws.signature_invalid"),
  /** The JCA could not produce a signature. */
  SIGNING_FAILED("jws.signing_failed"),
  /** The token's {@code exp} is in the past (beyond the clock skew). */
  TOKEN_EXPIRED("jwt.expired"),
  /** The token's {@code nbf} is in the future (beyond the clock skew). */
  TOKEN_NOT_YET_VALID("jwt.not_yet_valid"),
  /** The token's {@code iat} is in the future, or older than the maximum token age. */
  TOKEN_AGE_INVALID("jwt.age_invalid"),
  /** The token's {@code iss} is not the expected issuer. */
  ISSUER_MISMATCH("jwt.issuer_mismatch"),
  /** The token's {@code aud} does not name an expected audience. */
  AUDIENCE_MISMATCH("jwt.audience_mismatch"),
  /** The token's {@code sub} is not acceptable. */
  SUBJECT_MISMATCH("jwt.subject_mismatch"),
  /** The token's {@code typ} header is not the expected type. */
  TYPE_MISMATCH("jwt.type_mismatch"),
  /** A required claim is absent. */
  CLAIM_MISSING("jwt.claim_missing"),
  /** A claim is present but has the wrong type or value. */
  CLAIM_INVALID("jwt.claim_invalid"),
  /** An encrypted private key (PEM or DER) needs a password and none was given. */
  PEM_PASSWORD_REQUIRED("pem.password_required"),
  /** An encrypted private key does not decrypt with the given password (or its ciphertext is corrupted). */
  PEM_WRONG_PASSWORD("pem.wrong_password"),
  /** A certificate's public key is not the expected key (an {@code x5c} leaf that differs from the JWK). */
  CERTIFICATE_KEY_MISMATCH("x509.key_mismatch"),
  /** A certificate chain does not validate (PKIX) to the caller's trust anchors at the given instant. */
  CERTIFICATE_PATH_INVALID("x509.path_invalid");

  private final String id;

  JoseError(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }
}
