package dev.jwkit.jose;

/**
 * Bounds applied to untrusted JSON before and while it is parsed by {@link Json}.
 *
 * @param maxBytes the largest document accepted, in bytes
 * @param maxDepth the deepest nesting of objects and arrays (the top-level object is depth 1)
 * @param maxMembers the most object members and array elements in the whole document
 * @param maxStringLength the longest string value or member name, in characters
 * @param maxNumberLength the longest number literal, in characters
 */
public record JsonLimits(int maxBytes, int maxDepth, int maxMembers, int maxStringLength, int maxNumberLength) {

  /** Limits for a JOSE header or a JWT claims set. */
  public static final JsonLimits TOKEN = new JsonLimits(64 * 1024, 16, 1_000, 16 * 1024, 64);

  /** Limits for a single JWK or a JWK Set document. */
  public static final JsonLimits KEY_SET = new JsonLimits(1024 * 1024, 16, 50_000, 64 * 1024, 64);

  public JsonLimits {
    if (maxBytes <= 0 || maxDepth <= 0 || maxMembers <= 0 || maxStringLength <= 0 || maxNumberLength <= 0) {
      throw new IllegalArgumentException("JSON limits must be positive");
    }
  }
}
