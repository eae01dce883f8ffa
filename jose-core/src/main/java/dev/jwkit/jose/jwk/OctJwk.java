package dev.jwkit.jose.jwk;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.internal.jwk.Bytes;
import dev.jwkit.jose.jwa.KeyType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A symmetric JWK (RFC 7518 §6.4): the octet sequence {@code k}, for HMAC (and, later, AES).
 *
 * <p>Validated on creation: {@code k} is not empty, and when {@code alg} is HS256/384/512 it is at least as
 * long as the hash output (RFC 7518 §3.2). Keys without {@code alg} of any non-zero length parse; {@link
 * JwkAlgorithmBinding} applies the length rule for the algorithm actually used.
 *
 * <h2>Security</h2>
 * {@code toString()} redacts {@code k}; there is no {@code equals}/{@code hashCode} ({@link #equalsKey}
 * compares in constant time); exception messages never contain key material. Never publish an oct key.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use.
 */
public final class OctJwk implements Jwk {

  private final byte[] k;
  private final JwkMetadata metadata;

  OctJwk(byte[] k, JwkMetadata metadata) {
    if (k.length == 0) {
      throw new JwkitException(JoseError.INVALID_KEY, "oct key is empty" + KeyChecks.kidContext(metadata));
    }
    KeyChecks.checkMetadata(KeyType.OCT, null, k.length, metadata);
    this.k = k;
    this.metadata = metadata;
  }

  /**
   * A symmetric key from raw bytes (copied), with empty metadata.
   *
   * @throws JwkitException {@link JoseError#INVALID_KEY} if {@code key} is empty
   */
  public static OctJwk of(byte[] key) {
    Objects.requireNonNull(key, "key");
    return new OctJwk(key.clone(), JwkMetadata.empty());
  }

  @Override
  public KeyType kty() {
    return KeyType.OCT;
  }

  @Override
  public JwkMetadata metadata() {
    return metadata;
  }

  /** The key length in bits. */
  public int bitLength() {
    return k.length * 8;
  }

  /**
   * The key as a JCA secret key. Its algorithm name is {@code HmacSHA384}/{@code HmacSHA512} when {@code
   * alg} is HS384/HS512, {@code AES} for AES-based {@code alg} values, and {@code HmacSHA256} otherwise.
   */
  public SecretKey toSecretKey() {
    String alg = metadata.alg().orElse("");
    String name;
    if (alg.equals("HS384")) {
      name = "HmacSHA384";
    } else if (alg.equals("HS512")) {
      name = "HmacSHA512";
    } else if (alg.startsWith("A") && (alg.endsWith("KW") || alg.endsWith("GCM"))) {
      name = "AES";
    } else {
      name = "HmacSHA256";
    }
    return new SecretKeySpec(k, name);
  }

  @Override
  public Thumbprint thumbprint(ThumbprintHash hash) {
    Objects.requireNonNull(hash, "hash");
    return Thumbprint.compute(hash, JwkJson.canonical("k", Base64Url.encode(k), "kty", "oct"));
  }

  @Override
  public Map<String, Object> toJsonObject() {
    LinkedHashMap<String, Object> map = JwkJson.start(KeyType.OCT.jwkName());
    JwkJson.putBytes(map, Members.K, k);
    return JwkJson.finish(map, metadata);
  }

  @Override
  public OctJwk withMetadata(JwkMetadata newMetadata) {
    Objects.requireNonNull(newMetadata, "metadata");
    return new OctJwk(k, newMetadata);
  }

  /** Whether {@code other} holds the same key bytes, ignoring metadata; compared in constant time. */
  public boolean equalsKey(OctJwk other) {
    Objects.requireNonNull(other, "other");
    return Bytes.constantTimeEquals(k, other.k);
  }

  @Override
  public String toString() {
    return "OctJwk[kid=" + metadata.kid().map(KeyChecks::safeKid).orElse("") + ", bits=" + bitLength() + ", k=<redacted>]";
  }
}
