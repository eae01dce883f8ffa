package dev.jwkit.jose.jwk;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * An RFC 7638 JWK thumbprint: the hash of the key's required members, serialized in lexicographic order
 * without whitespace. Private and public forms of a key have the same thumbprint.
 *
 * <p>Equality compares the hash and the digest bytes. Instances are immutable and safe for concurrent use.
 *
 * @param hash the hash function
 * @param value the digest; copied on the way in and out
 */
public record Thumbprint(ThumbprintHash hash, byte[] value) {

  /** The RFC 9278 URI prefix, followed by the hash name, a colon and the base64url digest. */
  public static final String URI_PREFIX = "urn:ietf:params:oauth:jwk-thumbprint:";

  public Thumbprint {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(value, "value");
    if (value.length != hash.length()) {
      throw new IllegalArgumentException("a " + hash.jcaName() + " thumbprint has " + hash.length() + " bytes");
    }
    value = value.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  /** The digest as unpadded base64url, the form used as a {@code kid}. */
  public String toBase64Url() {
    return Base64Url.encode(value);
  }

  /** The RFC 9278 thumbprint URI, for example {@code urn:ietf:params:oauth:jwk-thumbprint:sha-256:NzbL…}. */
  public String toUri() {
    return URI_PREFIX + hash.uriName() + ":" + toBase64Url();
  }

  /**
   * Parses an RFC 9278 thumbprint URI for one of the {@link ThumbprintHash} functions.
   *
   * @throws JwkitException {@link JoseError#MALFORMED_INPUT} if it is not one
   */
  public static Thumbprint parseUri(String uri) {
    Objects.requireNonNull(uri, "uri");
    if (uri.startsWith(URI_PREFIX)) {
      String rest = uri.substring(URI_PREFIX.length());
      for (ThumbprintHash h : ThumbprintHash.values()) {
        String prefix = h.uriName() + ":";
        if (rest.startsWith(prefix)) {
          byte[] digest = Base64Url.decode(rest.substring(prefix.length()));
          if (digest.length == h.length()) {
            return new Thumbprint(h, digest);
          }
        }
      }
    }
    throw new JwkitException(JoseError.MALFORMED_INPUT, "not a supported JWK thumbprint URI");
  }

  /** Whether this and {@code other} are the same thumbprint; the comparison is constant-time. */
  public boolean matches(Thumbprint other) {
    return hash == other.hash && java.security.MessageDigest.isEqual(value, other.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Thumbprint && hash == ((Thumbprint) o).hash
        && MessageDigest.isEqual(value, ((Thumbprint) o).value);
  }

  @Override
  public int hashCode() {
    return hash.hashCode() * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "Thumbprint[" + hash.uriName() + ":" + toBase64Url() + "]";
  }

  /** Computes a thumbprint over the canonical JSON of the required members (ASCII). */
  static Thumbprint compute(ThumbprintHash hash, String canonicalJson) {
    return new Thumbprint(hash, hash.digest(canonicalJson.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
