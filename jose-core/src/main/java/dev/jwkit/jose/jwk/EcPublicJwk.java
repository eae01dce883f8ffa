package dev.jwkit.jose.jwk;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.internal.jwk.Bytes;
import dev.jwkit.jose.internal.jwk.EcCurves;
import dev.jwkit.jose.internal.jwk.JcaKeys;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.KeyType;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A public EC JWK (RFC 7518 §6.2.1) on P-256, P-384, P-521 or secp256k1.
 *
 * <p>Validated on creation: {@code x} and {@code y} have exactly the curve's coordinate length (RFC 7518
 * §6.2.1.2), are below the field prime, and name a point of the curve other than the point at infinity
 * (NIST SP 800-56A r3 §5.6.2.3.4 partial validation, with Bouncy Castle's curve arithmetic).
 *
 * <p>Equality is value equality over the key and its metadata. Instances are immutable and safe for
 * concurrent use; the JCA key is built once, on first use.
 */
public final class EcPublicJwk implements PublicJwk {

  private final Curve crv;
  private final byte[] x;
  private final byte[] y;
  private final JwkMetadata metadata;
  private volatile PublicKey publicKey;

  EcPublicJwk(Curve crv, byte[] x, byte[] y, JwkMetadata metadata) {
    checkCoordinateLength(crv, x, "x");
    checkCoordinateLength(crv, y, "y");
    EcCurves.validatePublicPoint(crv, Bytes.unsigned(x), Bytes.unsigned(y));
    KeyChecks.checkMetadata(KeyType.EC, crv, -1, metadata);
    this.crv = crv;
    this.x = x;
    this.y = y;
    this.metadata = PublicForm.metadata(metadata);
    PublicForm.checkCertificate(this);
  }

  private EcPublicJwk(EcPublicJwk source, JwkMetadata metadata) {
    KeyChecks.checkMetadata(KeyType.EC, source.crv, -1, metadata);
    this.crv = source.crv;
    this.x = source.x;
    this.y = source.y;
    this.metadata = PublicForm.metadata(metadata);
    this.publicKey = source.publicKey;
    PublicForm.checkCertificate(this);
  }

  static void checkCoordinateLength(Curve crv, byte[] value, String member) {
    if (crv.keyType() != KeyType.EC) {
      throw KeyChecks.invalid("crv " + crv.jwkName() + " is not an EC curve");
    }
    if (value.length != crv.coordinateLength()) {
      throw KeyChecks.invalid("EC member " + member + " must be " + crv.coordinateLength() + " bytes for " + crv.jwkName());
    }
  }

  @Override
  public KeyType kty() {
    return KeyType.EC;
  }

  /** The curve. */
  public Curve crv() {
    return crv;
  }

  @Override
  public JwkMetadata metadata() {
    return metadata;
  }

  /** The affine x coordinate. */
  public BigInteger x() {
    return Bytes.unsigned(x);
  }

  /** The affine y coordinate. */
  public BigInteger y() {
    return Bytes.unsigned(y);
  }

  @Override
  public PublicKey toPublicKey() {
    PublicKey key = publicKey;
    if (key == null) {
      key = JcaKeys.ecPublic(crv, x(), y());
      publicKey = key;
    }
    return key;
  }

  @Override
  public Thumbprint thumbprint(ThumbprintHash hash) {
    Objects.requireNonNull(hash, "hash");
    return Thumbprint.compute(hash, JwkJson.canonical("crv", crv.jwkName(), "kty", "EC",
        "x", Base64Url.encode(x), "y", Base64Url.encode(y)));
  }

  @Override
  public Map<String, Object> toJsonObject() {
    LinkedHashMap<String, Object> map = JwkJson.start(KeyType.EC.jwkName());
    putMembers(map);
    return JwkJson.finish(map, metadata);
  }

  void putMembers(Map<String, Object> map) {
    map.put(Members.CRV, crv.jwkName());
    JwkJson.putBytes(map, Members.X, x);
    JwkJson.putBytes(map, Members.Y, y);
  }

  @Override
  public EcPublicJwk withMetadata(JwkMetadata newMetadata) {
    Objects.requireNonNull(newMetadata, "metadata");
    return new EcPublicJwk(this, newMetadata);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof EcPublicJwk)) {
      return false;
    }
    EcPublicJwk other = (EcPublicJwk) o;
    return crv == other.crv && MessageDigest.isEqual(x, other.x) && MessageDigest.isEqual(y, other.y)
        && metadata.equals(other.metadata);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(x) * 31 + metadata.hashCode();
  }

  @Override
  public String toString() {
    return "EcPublicJwk[kid=" + metadata.kid().map(KeyChecks::safeKid).orElse("") + ", crv=" + crv.jwkName() + "]";
  }
}
