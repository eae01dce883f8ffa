package dev.jwkit.jose.jwk;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.internal.jwk.JcaKeys;
import dev.jwkit.jose.internal.jwk.OkpKeys;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.KeyType;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A public octet-key-pair JWK (RFC 8037 §2): Ed25519 or Ed448 for signatures, X25519 or X448 (parsed and
 * serialized only; never usable for signing).
 *
 * <p>Validated on creation: {@code x} has exactly the curve's key length. That an Ed25519/Ed448 {@code x}
 * decodes to a curve point (RFC 8032 decoding, with Bouncy Castle) is checked when the JCA key is first
 * built ({@link #toPublicKey()}), because point decompression would dominate the cost of parsing a key set;
 * a private key's {@code x} is always checked, since it must equal the key derived from {@code d}.
 *
 * <p>JCA keys are SunEC {@code EdECPublicKey}/{@code XECPublicKey} objects built from the RFC 8410
 * encoding: the JDK 17 implements all four curves, so Bouncy Castle is used only for validation and for
 * deriving the public key of a private one.
 *
 * <p>Equality is value equality over the key and its metadata. Instances are immutable and safe for
 * concurrent use; the JCA key is built once, on first use.
 */
public final class OkpPublicJwk implements PublicJwk {

  private final Curve crv;
  private final byte[] x;
  private final JwkMetadata metadata;
  private volatile PublicKey publicKey;

  OkpPublicJwk(Curve crv, byte[] x, JwkMetadata metadata) {
    checkCurve(crv);
    OkpKeys.checkPublicLength(crv, x);
    KeyChecks.checkMetadata(KeyType.OKP, crv, -1, metadata);
    this.crv = crv;
    this.x = x;
    this.metadata = PublicForm.metadata(metadata);
    PublicForm.checkCertificate(this);
  }

  private OkpPublicJwk(OkpPublicJwk source, JwkMetadata metadata) {
    KeyChecks.checkMetadata(KeyType.OKP, source.crv, -1, metadata);
    this.crv = source.crv;
    this.x = source.x;
    this.metadata = PublicForm.metadata(metadata);
    this.publicKey = source.publicKey;
    PublicForm.checkCertificate(this);
  }

  static void checkCurve(Curve crv) {
    if (crv.keyType() != KeyType.OKP) {
      throw KeyChecks.invalid("crv " + crv.jwkName() + " is not an OKP curve");
    }
  }

  @Override
  public KeyType kty() {
    return KeyType.OKP;
  }

  /** The curve. */
  public Curve crv() {
    return crv;
  }

  @Override
  public JwkMetadata metadata() {
    return metadata;
  }

  /** The raw public key ({@code x}), a copy. */
  public byte[] x() {
    return x.clone();
  }

  byte[] rawX() {
    return x;
  }

  @Override
  public PublicKey toPublicKey() {
    PublicKey key = publicKey;
    if (key == null) {
      OkpKeys.validatePublicPoint(crv, x);
      key = JcaKeys.okpPublic(crv, x);
      publicKey = key;
    }
    return key;
  }

  @Override
  public Thumbprint thumbprint(ThumbprintHash hash) {
    Objects.requireNonNull(hash, "hash");
    return Thumbprint.compute(hash, JwkJson.canonical("crv", crv.jwkName(), "kty", "OKP", "x", Base64Url.encode(x)));
  }

  @Override
  public Map<String, Object> toJsonObject() {
    LinkedHashMap<String, Object> map = JwkJson.start(KeyType.OKP.jwkName());
    putMembers(map);
    return JwkJson.finish(map, metadata);
  }

  void putMembers(Map<String, Object> map) {
    map.put(Members.CRV, crv.jwkName());
    JwkJson.putBytes(map, Members.X, x);
  }

  @Override
  public OkpPublicJwk withMetadata(JwkMetadata newMetadata) {
    Objects.requireNonNull(newMetadata, "metadata");
    return new OkpPublicJwk(this, newMetadata);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof OkpPublicJwk)) {
      return false;
    }
    OkpPublicJwk other = (OkpPublicJwk) o;
    return crv == other.crv && MessageDigest.isEqual(x, other.x) && metadata.equals(other.metadata);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(x) * 31 + metadata.hashCode();
  }

  @Override
  public String toString() {
    return "OkpPublicJwk[kid=" + metadata.kid().map(KeyChecks::safeKid).orElse("") + ", crv=" + crv.jwkName() + "]";
  }
}
