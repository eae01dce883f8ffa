package dev.jwkit.jose.jwk;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.internal.jwk.Bytes;
import dev.jwkit.jose.internal.jwk.JcaKeys;
import dev.jwkit.jose.jwa.KeyType;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A public RSA JWK (RFC 7518 §6.3.1): modulus {@code n} and exponent {@code e}.
 *
 * <p>Validated on creation: minimal big-endian encodings (no leading zero octet), an odd modulus of 512 to
 * 16384 bits, an odd exponent of at least 3 and below the modulus. Keys under 2048 bits parse, but {@link
 * JwkAlgorithmBinding} refuses them for signing and verifying unless explicitly allowed. A modulus with the
 * ROCA fingerprint (CVE-2017-15361) parses too but is refused on first use: by {@link #toPublicKey()} and by
 * the binding check, so it is never a verification candidate. (The check is deferred to keep set parsing
 * cheap; its result is cached.)
 *
 * <p>Equality is value equality over the key and its metadata. Instances are immutable and safe for
 * concurrent use; the JCA key is built once, on first use.
 */
public final class RsaPublicJwk implements PublicJwk {

  private final byte[] n;
  private final byte[] e;
  private final JwkMetadata metadata;
  private volatile PublicKey publicKey;
  /** Null until the ROCA check has run; then whether the modulus passed it. */
  private volatile Boolean rocaChecked;

  RsaPublicJwk(byte[] n, byte[] e, JwkMetadata metadata) {
    KeyChecks.checkRsaPublic(n, e);
    KeyChecks.checkMetadata(KeyType.RSA, null, -1, metadata);
    this.n = n;
    this.e = e;
    this.metadata = PublicForm.metadata(metadata);
    PublicForm.checkCertificate(this);
  }

  @Override
  public KeyType kty() {
    return KeyType.RSA;
  }

  @Override
  public JwkMetadata metadata() {
    return metadata;
  }

  /** The size of the modulus in bits. */
  public int modulusBits() {
    return modulus().bitLength();
  }

  /** The modulus n. */
  public BigInteger modulus() {
    return Bytes.unsigned(n);
  }

  /** The public exponent e. */
  public BigInteger publicExponent() {
    return Bytes.unsigned(e);
  }

  /**
   * Checks that the modulus does not have the ROCA fingerprint (CVE-2017-15361), once per key: it costs a
   * few divisions, so it runs on first use ({@link #toPublicKey()}, {@link JwkAlgorithmBinding}) rather
   * than for every key of every parsed set.
   *
   * @throws JwkitException {@link JoseError#INVALID_KEY} for a ROCA-fingerprinted modulus
   */
  void checkNotRoca() {
    Boolean ok = rocaChecked;
    if (ok == null) {
      try {
        KeyChecks.checkNotRoca(modulus(), metadata);
        ok = Boolean.TRUE;
      } catch (JwkitException e) {
        ok = Boolean.FALSE;
      }
      rocaChecked = ok;
    }
    if (!ok) {
      KeyChecks.checkNotRoca(modulus(), metadata);
    }
  }

  @Override
  public PublicKey toPublicKey() {
    PublicKey key = publicKey;
    if (key == null) {
      checkNotRoca();
      key = JcaKeys.rsaPublic(modulus(), publicExponent());
      publicKey = key;
    }
    return key;
  }

  @Override
  public Thumbprint thumbprint(ThumbprintHash hash) {
    Objects.requireNonNull(hash, "hash");
    return Thumbprint.compute(hash, JwkJson.canonical("e", Base64Url.encode(e), "kty", "RSA", "n", Base64Url.encode(n)));
  }

  @Override
  public Map<String, Object> toJsonObject() {
    LinkedHashMap<String, Object> map = JwkJson.start(KeyType.RSA.jwkName());
    putMembers(map);
    return JwkJson.finish(map, metadata);
  }

  void putMembers(Map<String, Object> map) {
    JwkJson.putBytes(map, Members.N, n);
    JwkJson.putBytes(map, Members.E, e);
  }

  byte[] n() {
    return n;
  }

  byte[] e() {
    return e;
  }

  @Override
  public RsaPublicJwk withMetadata(JwkMetadata newMetadata) {
    Objects.requireNonNull(newMetadata, "metadata");
    return new RsaPublicJwk(n, e, newMetadata);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RsaPublicJwk)) {
      return false;
    }
    RsaPublicJwk other = (RsaPublicJwk) o;
    return MessageDigest.isEqual(n, other.n) && MessageDigest.isEqual(e, other.e) && metadata.equals(other.metadata);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(n) * 31 + metadata.hashCode();
  }

  @Override
  public String toString() {
    return "RsaPublicJwk[kid=" + metadata.kid().map(KeyChecks::safeKid).orElse("") + ", modulusBits=" + modulusBits() + "]";
  }
}
