package dev.jwkit.jose.jwk;

import dev.jwkit.jose.internal.jwk.Bytes;
import dev.jwkit.jose.internal.jwk.JcaKeys;
import dev.jwkit.jose.internal.jwk.OkpKeys;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.KeyType;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A private octet-key-pair JWK (RFC 8037 §2): the public key plus the private key {@code d}.
 *
 * <p>Validated on creation: {@code d} has exactly the curve's length, and the public key derived from it
 * (Bouncy Castle's RFC 8032/7748 code) equals {@code x}.
 *
 * <h2>Security</h2>
 * {@code toString()} redacts {@code d}; there is no {@code equals}/{@code hashCode} ({@link #equalsKey}
 * compares in constant time); exception messages never contain key material.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use; the JCA key is built once, on first use.
 */
public final class OkpPrivateJwk implements PrivateJwk {

  private final OkpPublicJwk publicJwk;
  private final byte[] d;
  private volatile PrivateKey privateKey;

  OkpPrivateJwk(OkpPublicJwk publicJwk, byte[] d) {
    Curve crv = publicJwk.crv();
    if (d.length != crv.coordinateLength()) {
      throw KeyChecks.invalid("OKP member d must be " + crv.coordinateLength() + " bytes for " + crv.jwkName());
    }
    if (!Bytes.constantTimeEquals(OkpKeys.derivePublic(crv, d), publicJwk.rawX())) {
      throw KeyChecks.invalid("OKP private key does not match its public key" + KeyChecks.kidContext(publicJwk.metadata()));
    }
    this.publicJwk = publicJwk;
    this.d = d;
  }

  private OkpPrivateJwk(OkpPrivateJwk source, OkpPublicJwk publicJwk) {
    this.publicJwk = publicJwk;
    this.d = source.d;
    this.privateKey = source.privateKey;
  }

  @Override
  public KeyType kty() {
    return KeyType.OKP;
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
  public OkpPublicJwk toPublicJwk() {
    return publicJwk;
  }

  @Override
  public PrivateKey toPrivateKey() {
    PrivateKey key = privateKey;
    if (key == null) {
      key = JcaKeys.okpPrivate(crv(), d);
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
    LinkedHashMap<String, Object> map = JwkJson.start(KeyType.OKP.jwkName());
    publicJwk.putMembers(map);
    JwkJson.putBytes(map, Members.D, d);
    return JwkJson.finish(map, metadata());
  }

  @Override
  public OkpPrivateJwk withMetadata(JwkMetadata newMetadata) {
    Objects.requireNonNull(newMetadata, "metadata");
    return new OkpPrivateJwk(this, publicJwk.withMetadata(newMetadata));
  }

  @Override
  public boolean equalsKey(PrivateJwk other) {
    if (!(other instanceof OkpPrivateJwk)) {
      return false;
    }
    OkpPrivateJwk o = (OkpPrivateJwk) other;
    return crv() == o.crv() & Bytes.constantTimeEquals(d, o.d);
  }

  @Override
  public String toString() {
    return "OkpPrivateJwk[kid=" + metadata().kid().map(KeyChecks::safeKid).orElse("") + ", crv=" + crv().jwkName()
        + ", d=<redacted>]";
  }
}
