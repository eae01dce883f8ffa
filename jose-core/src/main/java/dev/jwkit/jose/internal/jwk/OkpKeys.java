package dev.jwkit.jose.internal.jwk;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.Curve;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed448PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X448PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.math.ec.rfc8032.Ed448;

/**
 * Octet key pairs (RFC 8037): the fixed DER framing of their SPKI and PKCS#8 encodings (RFC 8410), and
 * public-key derivation and validation through Bouncy Castle's RFC 7748/8032 code.
 *
 * <p>JCA key objects for OKP keys come from the JDK 17's SunEC through {@link
 * java.security.spec.X509EncodedKeySpec}/{@link java.security.spec.PKCS8EncodedKeySpec} built here: the
 * framing is a constant prefix followed by the raw key, so no point arithmetic is needed to build them.
 * Stateless; safe for concurrent use.
 */
public final class OkpKeys {

  private OkpKeys() {}

  /** The RFC 8410 algorithm OID of an OKP curve. */
  public static String oid(Curve curve) {
    switch (curve) {
      case X25519: return "1.3.101.110";
      case X448: return "1.3.101.111";
      case ED25519: return "1.3.101.112";
      case ED448: return "1.3.101.113";
      default: throw new IllegalArgumentException("not an OKP curve: " + curve);
    }
  }

  /** The OKP curve of an RFC 8410 OID, or {@code null}. */
  private static Curve curveOfOid(ASN1ObjectIdentifier oid) {
    for (Curve curve : new Curve[] {Curve.X25519, Curve.X448, Curve.ED25519, Curve.ED448}) {
      if (oid(curve).equals(oid.getId())) {
        return curve;
      }
    }
    throw new JwkitException(JoseError.UNSUPPORTED_KEY, "unsupported OKP key algorithm");
  }

  /** The SubjectPublicKeyInfo DER of a raw public key. */
  public static byte[] spki(Curve curve, byte[] x) {
    // SEQUENCE { SEQUENCE { OID }, BIT STRING { 0 unused bits, x } }
    byte[] oid = oidDer(curve);
    byte[] algId = concat(new byte[] {0x30, (byte) oid.length}, oid);
    byte[] bitString = concat(new byte[] {0x03, (byte) (x.length + 1), 0x00}, x);
    byte[] body = concat(algId, bitString);
    return concat(new byte[] {0x30, (byte) body.length}, body);
  }

  /** The PKCS#8 (v1) DER of a raw private key. */
  public static byte[] pkcs8(Curve curve, byte[] d) {
    // SEQUENCE { INTEGER 0, SEQUENCE { OID }, OCTET STRING { OCTET STRING d } }
    byte[] oid = oidDer(curve);
    byte[] algId = concat(new byte[] {0x30, (byte) oid.length}, oid);
    byte[] inner = concat(new byte[] {0x04, (byte) d.length}, d);
    byte[] outer = concat(new byte[] {0x04, (byte) inner.length}, inner);
    byte[] body = concat(concat(new byte[] {0x02, 0x01, 0x00}, algId), outer);
    Arrays.fill(inner, (byte) 0);
    byte[] result = concat(new byte[] {0x30, (byte) body.length}, body);
    Arrays.fill(outer, (byte) 0);
    Arrays.fill(body, (byte) 0);
    return result;
  }

  /** A curve and a raw key extracted from an encoded key. */
  public static final class Raw {
    /** The curve. */
    public final Curve curve;
    /** The raw key bytes. */
    public final byte[] key;

    Raw(Curve curve, byte[] key) {
      this.curve = curve;
      this.key = key;
    }
  }

  /** The curve and raw public key of an OKP SubjectPublicKeyInfo (from any provider's {@code getEncoded()}). */
  public static Raw fromSpki(byte[] encoded) {
    try {
      SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(encoded);
      Curve curve = curveOfOid(info.getAlgorithm().getAlgorithm());
      return new Raw(curve, info.getPublicKeyData().getOctets());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new JwkitException(JoseError.UNSUPPORTED_KEY, "not an encodable OKP public key");
    }
  }

  /** The curve and raw private key of an OKP PKCS#8 PrivateKeyInfo (v1 or v2). */
  public static Raw fromPkcs8(byte[] encoded) {
    try {
      PrivateKeyInfo info = PrivateKeyInfo.getInstance(encoded);
      Curve curve = curveOfOid(info.getPrivateKeyAlgorithm().getAlgorithm());
      byte[] d = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
      return new Raw(curve, d);
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw new JwkitException(JoseError.UNSUPPORTED_KEY, "not an encodable OKP private key");
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
  }

  /**
   * Checks the length of a raw public key (RFC 8037 §2: 32 bytes for Ed25519/X25519, 57 for Ed448, 56 for
   * X448).
   *
   * @throws JwkitException {@link JoseError#INVALID_KEY} otherwise
   */
  public static void checkPublicLength(Curve curve, byte[] x) {
    if (x.length != curve.coordinateLength()) {
      throw new JwkitException(JoseError.INVALID_KEY, "OKP public key has the wrong length for " + curve.jwkName());
    }
  }

  /**
   * Checks that an Ed25519/Ed448 public key is the canonical encoding of a curve point (RFC 8032 §5.1.3 /
   * §5.2.3 decoding, Bouncy Castle). X25519/X448 accept every 32/56-byte string (RFC 7748 §5). Point
   * decompression costs a field exponentiation, so callers run it when the key is first used, not on parse.
   *
   * @throws JwkitException {@link JoseError#INVALID_KEY} otherwise
   */
  public static void validatePublicPoint(Curve curve, byte[] x) {
    checkPublicLength(curve, x);
    boolean ok;
    switch (curve) {
      case ED25519: ok = Ed25519.validatePublicKeyPartial(x, 0); break;
      case ED448: ok = Ed448.validatePublicKeyPartial(x, 0); break;
      default: ok = true;
    }
    if (!ok) {
      throw new JwkitException(JoseError.INVALID_KEY, "OKP public key is not a point of " + curve.jwkName());
    }
  }

  /** The public key that belongs to a raw private key (Bouncy Castle's RFC 7748/8032 derivation). */
  public static byte[] derivePublic(Curve curve, byte[] d) {
    switch (curve) {
      case ED25519: return new Ed25519PrivateKeyParameters(d, 0).generatePublicKey().getEncoded();
      case ED448: return new Ed448PrivateKeyParameters(d, 0).generatePublicKey().getEncoded();
      case X25519: return new X25519PrivateKeyParameters(d, 0).generatePublicKey().getEncoded();
      case X448: return new X448PrivateKeyParameters(d, 0).generatePublicKey().getEncoded();
      default: throw new IllegalArgumentException("not an OKP curve: " + curve);
    }
  }

  private static byte[] oidDer(Curve curve) {
    int last;
    switch (curve) {
      case X25519: last = 110; break;
      case X448: last = 111; break;
      case ED25519: last = 112; break;
      case ED448: last = 113; break;
      default: throw new IllegalArgumentException("not an OKP curve: " + curve);
    }
    return concat(HexFormat.of().parseHex("06032b65"), new byte[] {(byte) last});
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
