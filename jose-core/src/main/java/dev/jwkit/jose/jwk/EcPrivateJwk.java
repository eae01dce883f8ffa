package dev.jwkit.jose.jwk;

import dev.jwkit.jose.internal.jwk.Bytes;
import dev.jwkit.jose.internal.jwk.EcCurves;
import dev.jwkit.jose.internal.jwk.JcaKeys;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.KeyType;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A private EC JWK (RFC 7518 §6.2.2): the public point plus the private scalar {@code d}.
 *
 * <p>Validated on creation: {@code d} has exactly the curve's length, lies in [1, n−1], and d·G equals the
 * public point (computed with Bouncy Castle).
 *
 * <h2>Security</h2>
 * {@code toString()} redacts {@code d}; there is no {@code equals}/{@code hashCode} ({@link #equalsKey}
 * compares in constant time); exception messages never contain key material.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use; the JCA key is built once, on first use.
 */
public final class EcPrivateJwk implements PrivateJwk {

  private final EcPublicJwk publicJwk;
  private final byte[] d;
  private volatile PrivateKey privateKey;

  EcPrivateJwk(EcPublicJwk publicJwk, byte[] d) {
    Curve crv = publicJwk.crv();
    EcPublicJwk.checkCoordinateLength(crv, d, "d");
    EcCurves.validatePrivate(crv, Bytes.unsigned(d), publicJwk.x(), publicJwk.y());
    this.publicJwk = publicJwk;
    this.d = d;
  }

  private EcPrivateJwk(EcPrivateJwk source, EcPublicJwk publicJwk) {
    this.publicJwk = publicJwk;
    this.d = source.d;
    this.privateKey = source.privateKey;
  }

  @Override
  public KeyType kty() {
    return KeyType.EC;
  }

  /** The curve. */
  public Curve crv() {
    return publicJwk.crv();
  }

  @Override
  public JwkMetadata metadata() {
    return publicJwk.metadata();
  }

  @Override
  public EcPublicJwk toPublicJwk() {
    return publicJwk;
  }

  @Override
  public PrivateKey toPrivateKey() {
    PrivateKey key = privateKey;
    if (key == null) {
      key = JcaKeys.ecPrivate(crv(), Bytes.unsigned(d));
      privateKey = key;
    }
    return key;
  }

  @Override
  public Thumbprint thumbprint(ThumbprintHash hash) {
    return publicJwk.thumbprint(hash);
  }

  @Override
  public Map<String, Object> toJsonObject() {
    LinkedHashMap<String, Object> map = JwkJson.start(KeyType.EC.jwkName());
    publicJwk.putMembers(map);
    JwkJson.putBytes(map, Members.D, d);
    return JwkJson.finish(map, metadata());
  }

  @Override
  public EcPrivateJwk withMetadata(JwkMetadata newMetadata) {
    Objects.requireNonNull(newMetadata, "metadata");
    return new EcPrivateJwk(this, publicJwk.withMetadata(newMetadata));
  }

  @Override
  public boolean equalsKey(PrivateJwk other) {
    if (!(other instanceof EcPrivateJwk)) {
      return false;
    }
    EcPrivateJwk o = (EcPrivateJwk) other;
    return crv() == o.crv() & Bytes.constantTimeEquals(d, o.d);
  }

  @Override
  public String toString() {
    return "EcPrivateJwk[kid=" + metadata().kid().map(KeyChecks::safeKid).orElse("") + ", crv=" + crv().jwkName()
        + ", d=<redacted>]";
  }
}
