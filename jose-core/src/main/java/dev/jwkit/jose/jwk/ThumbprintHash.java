package dev.jwkit.jose.jwk;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash functions for RFC 7638 JWK thumbprints, with their names in the IANA "Named Information Hash
 * Algorithm" registry used by RFC 9278 thumbprint URIs.
 */
public enum ThumbprintHash {
  /** SHA-256; the default, and what {@code kid} defaults to. */
  SHA_256("SHA-256", "sha-256", 32),
  /** SHA-384. */
  SHA_384("SHA-384", "sha-384", 48),
  /** SHA-512. */
  SHA_512("SHA-512", "sha-512", 64);

  private final String jcaName;
  private final String uriName;
  private final int length;

  ThumbprintHash(String jcaName, String uriName, int length) {
    this.jcaName = jcaName;
    this.uriName = uriName;
    this.length = length;
  }

  /** The JCA {@link MessageDigest} name, for example {@code "SHA-256"}. */
  public String jcaName() {
    return jcaName;
  }

  /** The hash name used in RFC 9278 URIs, for example {@code "sha-256"}. */
  public String uriName() {
    return uriName;
  }

  /** The digest length in bytes. */
  public int length() {
    return length;
  }

  byte[] digest(byte[] input) {
    try {
      return MessageDigest.getInstance(jcaName).digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has " + jcaName, e);
    }
  }
}
