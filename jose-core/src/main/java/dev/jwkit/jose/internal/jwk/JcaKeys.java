package dev.jwkit.jose.internal.jwk;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.Curve;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Builds JCA key objects from validated JWK members. RSA keys come from SunRsaSign, NIST EC keys and all
 * OKP keys from SunEC, secp256k1 keys from the Bouncy Castle instance of {@link BouncyCastle}.
 *
 * <p>Failures are {@link JwkitException}s with {@link JoseError#INVALID_KEY}; for private keys the JCA
 * cause is not attached, so that no provider message can carry key material. Stateless; safe for
 * concurrent use.
 */
public final class JcaKeys {

  private JcaKeys() {}

  /** An RSA public key. */
  public static PublicKey rsaPublic(BigInteger n, BigInteger e) {
    return publicKey(factory("RSA", null), new RSAPublicKeySpec(n, e));
  }

  /** An RSA private key: CRT form when {@code p} is non-null, else the (n, d) form. */
  public static PrivateKey rsaPrivate(BigInteger n, BigInteger e, BigInteger d, BigInteger p, BigInteger q,
      BigInteger dp, BigInteger dq, BigInteger qi) {
    KeySpec spec = p == null
        ? new RSAPrivateKeySpec(n, d)
        : new RSAPrivateCrtKeySpec(n, e, d, p, q, dp, dq, qi);
    return privateKey(factory("RSA", null), spec);
  }

  /** An EC public key on a named curve. */
  public static PublicKey ecPublic(Curve curve, BigInteger x, BigInteger y) {
    return publicKey(factory("EC", curve), new ECPublicKeySpec(new ECPoint(x, y), EcCurves.jcaSpec(curve)));
  }

  /** An EC private key on a named curve. */
  public static PrivateKey ecPrivate(Curve curve, BigInteger d) {
    return privateKey(factory("EC", curve), new ECPrivateKeySpec(d, EcCurves.jcaSpec(curve)));
  }

  /** An OKP public key (EdDSA or XDH) from its raw encoding. */
  public static PublicKey okpPublic(Curve curve, byte[] x) {
    return publicKey(factory(curve.jcaName(), null), new X509EncodedKeySpec(OkpKeys.spki(curve, x)));
  }

  /** An OKP private key (EdDSA or XDH) from its raw encoding. */
  public static PrivateKey okpPrivate(Curve curve, byte[] d) {
    byte[] der = OkpKeys.pkcs8(curve, d);
    try {
      return privateKey(factory(curve.jcaName(), null), new PKCS8EncodedKeySpec(der));
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }

  private static KeyFactory factory(String algorithm, Curve curve) {
    try {
      if (curve != null && EcCurves.needsBouncyCastle(curve)) {
        return KeyFactory.getInstance(algorithm, BouncyCastle.PROVIDER);
      }
      return KeyFactory.getInstance(algorithm);
    } catch (GeneralSecurityException e) {
      throw new JwkitException(JoseError.UNSUPPORTED_KEY, "no JCA key factory for " + algorithm, e);
    }
  }

  private static PublicKey publicKey(KeyFactory factory, KeySpec spec) {
    try {
      return factory.generatePublic(spec);
    } catch (GeneralSecurityException e) {
      throw new JwkitException(JoseError.INVALID_KEY, "the JCA rejected the public key", e);
    }
  }

  private static PrivateKey privateKey(KeyFactory factory, KeySpec spec) {
    try {
      return factory.generatePrivate(spec);
    } catch (GeneralSecurityException e) {
      throw new JwkitException(JoseError.INVALID_KEY, "the JCA rejected the private key");
    }
  }
}
