package dev.jwkit.jose.internal.pem;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.internal.jwk.BouncyCastle;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.KeyType;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed448PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X448PrivateKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Conversions between the DER key structures (SPKI, PKCS#8, PKCS#1, SEC1) and JCA keys.
 *
 * <p>Keys come from the JDK's key factories when the JDK supports the algorithm and curve (RSA, P-256,
 * P-384, P-521, Ed25519, Ed448, X25519, X448), and from the Bouncy Castle provider instance otherwise
 * (secp256k1, which JDK 17 dropped). Input is validated on the way in: supported algorithm and named
 * curve only, EC points on the curve and not at infinity, EC scalars in [1, n-1], OKP keys of the curve's
 * length, RSA moduli up to {@value #MAX_RSA_BITS} bits, and an embedded public key (SEC1, PKCS#8 v2) equal
 * to the one derived from the private key.
 *
 * <p>Messages never contain key bytes. Stateless and safe for concurrent use.
 */
public final class KeyCodec {

  /** The largest RSA modulus accepted, in bits (a bound against resource exhaustion). */
  public static final int MAX_RSA_BITS = 16384;

  private KeyCodec() {}

  // ---------------------------------------------------------------- structures -> JCA

  /**
   * A JCA public key from an SPKI structure.
   *
   * @throws JwkitException MALFORMED_INPUT, UNSUPPORTED_KEY or INVALID_KEY
   */
  public static PublicKey toPublicKey(SubjectPublicKeyInfo spki) {
    try {
      return toPublicKeyUnchecked(spki);
    } catch (IOException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, "malformed public key structure", e);
    }
  }

  private static PublicKey toPublicKeyUnchecked(SubjectPublicKeyInfo spki) throws IOException {
    KeyAlgorithm algorithm = KeyAlgorithm.of(spki.getAlgorithm());
    SubjectPublicKeyInfo normalized;
    switch (algorithm.keyType()) {
      case RSA:
        RSAPublicKey rsa = rsaPublicKey(spki);
        checkRsa(rsa.getModulus(), rsa.getPublicExponent());
        normalized = new SubjectPublicKeyInfo(algorithm.toAlgorithmIdentifier(), rsa);
        break;
      case EC:
        ECPoint point = decodePoint(algorithm.requireCurve(), spki.getPublicKeyData().getBytes());
        normalized = new SubjectPublicKeyInfo(algorithm.toAlgorithmIdentifier(), point.getEncoded(false));
        break;
      case OKP:
        byte[] raw = spki.getPublicKeyData().getOctets();
        if (raw.length != algorithm.requireCurve().coordinateLength()) {
          throw new JwkitException(JoseError.INVALID_KEY, algorithm.displayName() + " public key has the wrong length");
        }
        normalized = new SubjectPublicKeyInfo(algorithm.toAlgorithmIdentifier(), raw);
        break;
      default:
        throw new AssertionError(algorithm);
    }
    try {
      return factory(algorithm).generatePublic(new X509EncodedKeySpec(der(normalized)));
    } catch (GeneralSecurityException e) {
      throw new JwkitException(JoseError.INVALID_KEY, algorithm.displayName() + " public key rejected by the key factory", e);
    }
  }

  /**
   * A JCA key pair from a PKCS#8 structure; the public key is derived from the private key and checked
   * against an embedded one where the structure carries it.
   *
   * @throws JwkitException MALFORMED_INPUT, UNSUPPORTED_KEY or INVALID_KEY
   */
  public static KeyPair toKeyPair(PrivateKeyInfo info) {
    try {
      return toKeyPairUnchecked(info);
    } catch (IOException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, "malformed private key structure", e);
    }
  }

  private static KeyPair toKeyPairUnchecked(PrivateKeyInfo info) throws IOException {
    KeyAlgorithm algorithm = KeyAlgorithm.of(info.getPrivateKeyAlgorithm());
    PrivateKeyInfo normalized;
    SubjectPublicKeyInfo publicInfo;
    byte[] embeddedPublic = info.getPublicKeyData() == null ? null : info.getPublicKeyData().getOctets();
    switch (algorithm.keyType()) {
      case RSA: {
        RSAPrivateKey rsa = RSAPrivateKey.getInstance(parsePrivate(info));
        checkRsa(rsa.getModulus(), rsa.getPublicExponent());
        normalized = new PrivateKeyInfo(algorithm.toAlgorithmIdentifier(), rsa);
        publicInfo = new SubjectPublicKeyInfo(
            algorithm.toAlgorithmIdentifier(), new RSAPublicKey(rsa.getModulus(), rsa.getPublicExponent()));
        break;
      }
      case EC: {
        Curve curve = algorithm.requireCurve();
        ECPrivateKey ec = ECPrivateKey.getInstance(parsePrivate(info));
        ASN1Primitive inner = ec.getParametersObject() == null ? null : ec.getParametersObject().toASN1Primitive();
        if (inner != null && !inner.equals(KeyAlgorithm.curveOid(curve))) {
          throw new JwkitException(JoseError.INVALID_KEY, "EC private key names two different curves");
        }
        X9ECParameters x9 = ECNamedCurveTable.getByOID(KeyAlgorithm.curveOid(curve));
        BigInteger d = ec.getKey();
        if (d.signum() <= 0 || d.compareTo(x9.getN()) >= 0) {
          throw new JwkitException(JoseError.INVALID_KEY, algorithm.displayName() + " private scalar is out of range");
        }
        ECPoint q = new FixedPointCombMultiplier().multiply(x9.getG(), d).normalize();
        ASN1BitString embedded = ec.getPublicKey();
        if (embedded != null && !decodePoint(curve, embedded.getBytes()).equals(q)) {
          throw new JwkitException(JoseError.INVALID_KEY, algorithm.displayName() + " embedded public key does not match the private key");
        }
        normalized = new PrivateKeyInfo(
            algorithm.toAlgorithmIdentifier(), new ECPrivateKey(x9.getN().bitLength(), d, KeyAlgorithm.curveOid(curve)));
        publicInfo = new SubjectPublicKeyInfo(algorithm.toAlgorithmIdentifier(), q.getEncoded(false));
        break;
      }
      case OKP: {
        byte[] raw = ASN1OctetString.getInstance(parsePrivate(info)).getOctets();
        try {
          if (raw.length != algorithm.requireCurve().coordinateLength()) {
            throw new JwkitException(JoseError.INVALID_KEY, algorithm.displayName() + " private key has the wrong length");
          }
          byte[] derived = okpPublic(algorithm.requireCurve(), raw);
          if (embeddedPublic != null && !MessageDigest.isEqual(embeddedPublic, derived)) {
            throw new JwkitException(JoseError.INVALID_KEY, algorithm.displayName() + " embedded public key does not match the private key");
          }
          normalized = new PrivateKeyInfo(algorithm.toAlgorithmIdentifier(), new DEROctetString(raw));
          publicInfo = new SubjectPublicKeyInfo(algorithm.toAlgorithmIdentifier(), derived);
        } finally {
          Arrays.fill(raw, (byte) 0);
        }
        break;
      }
      default:
        throw new AssertionError(algorithm);
    }
    byte[] encoded = der(normalized);
    try {
      PrivateKey privateKey = factory(algorithm).generatePrivate(new PKCS8EncodedKeySpec(encoded));
      return new KeyPair(toPublicKey(publicInfo), privateKey);
    } catch (GeneralSecurityException e) {
      throw new JwkitException(JoseError.INVALID_KEY, algorithm.displayName() + " private key rejected by the key factory", e);
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
  }

  // ---------------------------------------------------------------- JCA -> structures

  /**
   * The SPKI structure of a JCA public key, validated as on input.
   *
   * @throws JwkitException UNSUPPORTED_KEY if the key has no X.509 encoding or an unsupported algorithm
   */
  public static SubjectPublicKeyInfo subjectPublicKeyInfo(PublicKey key) {
    byte[] encoded = key.getEncoded();
    if (encoded == null || !"X.509".equals(key.getFormat())) {
      throw new JwkitException(JoseError.UNSUPPORTED_KEY, "public key has no X.509 (SPKI) encoding");
    }
    SubjectPublicKeyInfo spki;
    try {
      spki = SubjectPublicKeyInfo.getInstance(encoded);
    } catch (IllegalArgumentException e) {
      throw new JwkitException(JoseError.UNSUPPORTED_KEY, "public key has an unreadable X.509 (SPKI) encoding", e);
    }
    return SubjectPublicKeyInfo.getInstance(toPublicKey(spki).getEncoded());
  }

  /**
   * The PKCS#8 structure of a JCA private key.
   *
   * @throws JwkitException UNSUPPORTED_KEY if the key is not extractable (an HSM key, say)
   */
  public static PrivateKeyInfo privateKeyInfo(PrivateKey key) {
    byte[] encoded = key.getEncoded();
    if (encoded == null || !"PKCS#8".equals(key.getFormat())) {
      throw new JwkitException(JoseError.UNSUPPORTED_KEY, "private key is not extractable (no PKCS#8 encoding)");
    }
    try {
      return PrivateKeyInfo.getInstance(encoded);
    } catch (IllegalArgumentException e) {
      throw new JwkitException(JoseError.UNSUPPORTED_KEY, "private key has an unreadable PKCS#8 encoding", e);
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
  }

  /** The key algorithm of a JCA public key. */
  public static KeyAlgorithm algorithmOf(PublicKey key) {
    return KeyAlgorithm.of(subjectPublicKeyInfo(key).getAlgorithm());
  }

  /** The key algorithm of a JCA private key. */
  public static KeyAlgorithm algorithmOf(PrivateKey key) {
    return KeyAlgorithm.of(privateKeyInfo(key).getPrivateKeyAlgorithm());
  }

  /**
   * The key pair of a JCA private key: the key re-read through PKCS#8 (so validated) with its public key
   * derived.
   */
  public static KeyPair keyPairOf(PrivateKey key) {
    return toKeyPair(privateKeyInfo(key));
  }

  /** The PKCS#1 {@code RSAPublicKey} DER of an RSA public key. */
  public static byte[] pkcs1PublicKey(PublicKey key) {
    SubjectPublicKeyInfo spki = subjectPublicKeyInfo(key);
    requireRsa(KeyAlgorithm.of(spki.getAlgorithm()), "RSA PUBLIC KEY");
    return der(rsaPublicKey(spki));
  }

  /** The PKCS#1 {@code RSAPrivateKey} DER of an RSA private key. */
  public static byte[] pkcs1PrivateKey(PrivateKey key) {
    PrivateKeyInfo info = normalizedPrivateKeyInfo(key);
    requireRsa(KeyAlgorithm.of(info.getPrivateKeyAlgorithm()), "RSA PRIVATE KEY");
    return der(parsePrivate(info));
  }

  /** The SEC1 {@code ECPrivateKey} DER of an EC private key, with the named curve and the public key. */
  public static byte[] sec1PrivateKey(PrivateKey key) {
    KeyPair pair = keyPairOf(key);
    PrivateKeyInfo info = privateKeyInfo(pair.getPrivate());
    KeyAlgorithm algorithm = KeyAlgorithm.of(info.getPrivateKeyAlgorithm());
    if (algorithm.keyType() != KeyType.EC) {
      throw new JwkitException(JoseError.UNSUPPORTED_KEY, "EC PRIVATE KEY (SEC1) holds EC keys only, not " + algorithm.displayName());
    }
    ECPrivateKey ec = ECPrivateKey.getInstance(parsePrivate(info));
    SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded());
    int orderBits = ECNamedCurveTable.getByOID(KeyAlgorithm.curveOid(algorithm.requireCurve())).getN().bitLength();
    ECPrivateKey sec1 = new ECPrivateKey(
        orderBits, ec.getKey(), new DERBitString(spki.getPublicKeyData().getBytes()), KeyAlgorithm.curveOid(algorithm.requireCurve()));
    return der(sec1);
  }

  /** The PKCS#8 DER of a private key, validated and normalized (version 1, no attributes). */
  public static byte[] pkcs8PrivateKey(PrivateKey key) {
    return der(normalizedPrivateKeyInfo(key));
  }

  /** The PKCS#8 structure of a private key, validated and normalized (version 1, no attributes). */
  public static PrivateKeyInfo normalizedPrivateKeyInfo(PrivateKey key) {
    return privateKeyInfo(keyPairOf(key).getPrivate());
  }

  /** The SPKI DER of a public key. */
  public static byte[] spki(PublicKey key) {
    return der(subjectPublicKeyInfo(key));
  }

  // ---------------------------------------------------------------- helpers

  /** A key factory for the algorithm: the JDK's, or Bouncy Castle's for curves the JDK lacks. */
  public static KeyFactory factory(KeyAlgorithm algorithm) throws NoSuchAlgorithmException {
    if (algorithm.curve() == Curve.SECP256K1) {
      return KeyFactory.getInstance("EC", BouncyCastle.PROVIDER);
    }
    try {
      return KeyFactory.getInstance(algorithm.jcaName());
    } catch (NoSuchAlgorithmException e) {
      return KeyFactory.getInstance(algorithm.jcaName(), BouncyCastle.PROVIDER);
    }
  }

  /** The DER encoding of an ASN.1 object. */
  public static byte[] der(ASN1Encodable object) {
    try {
      return object.toASN1Primitive().getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding failed", e);
    }
  }

  private static void requireRsa(KeyAlgorithm algorithm, String form) {
    if (algorithm.keyType() != KeyType.RSA) {
      throw new JwkitException(JoseError.UNSUPPORTED_KEY, form + " (PKCS#1) holds RSA keys only, not " + algorithm.displayName());
    }
  }

  private static RSAPublicKey rsaPublicKey(SubjectPublicKeyInfo spki) {
    try {
      return RSAPublicKey.getInstance(spki.parsePublicKey());
    } catch (IOException | IllegalArgumentException e) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, "RSA public key is not a PKCS#1 RSAPublicKey", e);
    }
  }

  private static ASN1Encodable parsePrivate(PrivateKeyInfo info) {
    try {
      return info.parsePrivateKey();
    } catch (IOException | IllegalArgumentException e) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, "private key structure inside PKCS#8 is malformed", e);
    }
  }

  private static void checkRsa(BigInteger modulus, BigInteger exponent) {
    if (modulus.signum() <= 0) {
      throw new JwkitException(JoseError.INVALID_KEY, "RSA key without a positive modulus");
    }
    if (exponent.signum() == 0) {
      throw new JwkitException(JoseError.UNSUPPORTED_KEY, "RSA private key without its public exponent (not in CRT form)");
    }
    if (exponent.signum() < 0) {
      throw new JwkitException(JoseError.INVALID_KEY, "RSA key with a negative public exponent");
    }
    if (modulus.bitLength() > MAX_RSA_BITS) {
      throw new JwkitException(JoseError.UNSUPPORTED_KEY, "RSA modulus longer than " + MAX_RSA_BITS + " bits");
    }
  }

  private static ECPoint decodePoint(Curve curve, byte[] encoded) {
    X9ECParameters x9 = ECNamedCurveTable.getByOID(KeyAlgorithm.curveOid(curve));
    ECPoint point;
    try {
      point = x9.getCurve().decodePoint(encoded);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new JwkitException(JoseError.INVALID_KEY, "EC " + curve.jwkName() + " public point is not on the curve", e);
    }
    if (point.isInfinity() || !point.isValid()) {
      throw new JwkitException(JoseError.INVALID_KEY, "EC " + curve.jwkName() + " public point is not a valid point");
    }
    return point.normalize();
  }

  private static byte[] okpPublic(Curve curve, byte[] raw) {
    switch (curve) {
      case ED25519:
        return new Ed25519PrivateKeyParameters(raw, 0).generatePublicKey().getEncoded();
      case ED448:
        return new Ed448PrivateKeyParameters(raw, 0).generatePublicKey().getEncoded();
      case X25519:
        return new X25519PrivateKeyParameters(raw, 0).generatePublicKey().getEncoded();
      case X448:
        return new X448PrivateKeyParameters(raw, 0).generatePublicKey().getEncoded();
      default:
        throw new AssertionError(curve);
    }
  }
}
