package dev.jwkit.jose.jwk;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.internal.jwk.Bytes;
import dev.jwkit.jose.internal.jwk.EcCurves;
import dev.jwkit.jose.internal.jwk.OkpKeys;
import dev.jwkit.jose.jwa.Curve;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/** JCA keys to JWKs. */
final class JcaImport {

  private JcaImport() {}

  static PublicJwk publicJwk(PublicKey key) {
    if (key instanceof RSAPublicKey) {
      RSAPublicKey rsa = (RSAPublicKey) key;
      return new RsaPublicJwk(Bytes.minimal(rsa.getModulus()), Bytes.minimal(rsa.getPublicExponent()),
          JwkMetadata.empty());
    }
    if (key instanceof ECPublicKey) {
      ECPublicKey ec = (ECPublicKey) key;
      Curve crv = EcCurves.curveOf(ec.getParams());
      java.security.spec.ECPoint w = ec.getW();
      if (w == java.security.spec.ECPoint.POINT_INFINITY) {
        throw new JwkitException(JoseError.INVALID_KEY, "EC public key is the point at infinity");
      }
      return new EcPublicJwk(crv, coordinate(crv, w.getAffineX()), coordinate(crv, w.getAffineY()), JwkMetadata.empty());
    }
    byte[] encoded = "X.509".equals(key.getFormat()) ? key.getEncoded() : null;
    if (encoded == null) {
      throw new JwkitException(JoseError.UNSUPPORTED_KEY, "unsupported JCA public key: " + key.getAlgorithm());
    }
    OkpKeys.Raw raw = OkpKeys.fromSpki(encoded);
    return new OkpPublicJwk(raw.curve, raw.key, JwkMetadata.empty());
  }

  static PrivateJwk privateJwk(KeyPair pair) {
    PublicKey publicKey = pair.getPublic();
    PrivateKey privateKey = pair.getPrivate();
    if (publicKey == null || privateKey == null) {
      throw new IllegalArgumentException("key pair must hold both keys");
    }
    PublicJwk publicJwk = publicJwk(publicKey);
    if (publicJwk instanceof RsaPublicJwk && privateKey instanceof RSAPrivateKey) {
      RsaPublicJwk rsa = (RsaPublicJwk) publicJwk;
      byte[] d = Bytes.minimal(((RSAPrivateKey) privateKey).getPrivateExponent());
      if (privateKey instanceof RSAPrivateCrtKey) {
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
        if (crt.getPrimeP() != null && crt.getPrimeP().signum() > 0) {
          return new RsaPrivateJwk(rsa, d, Bytes.minimal(crt.getPrimeP()), Bytes.minimal(crt.getPrimeQ()),
              Bytes.minimal(crt.getPrimeExponentP()), Bytes.minimal(crt.getPrimeExponentQ()),
              Bytes.minimal(crt.getCrtCoefficient()));
        }
      }
      return new RsaPrivateJwk(rsa, d, null, null, null, null, null);
    }
    if (publicJwk instanceof EcPublicJwk && privateKey instanceof ECPrivateKey) {
      EcPublicJwk ec = (EcPublicJwk) publicJwk;
      Curve crv = EcCurves.curveOf(((ECPrivateKey) privateKey).getParams());
      if (crv != ec.crv()) {
        throw new JwkitException(JoseError.INVALID_KEY, "EC key pair halves are on different curves");
      }
      BigInteger s = ((ECPrivateKey) privateKey).getS();
      if (s.signum() <= 0 || s.bitLength() > crv.coordinateLength() * 8) {
        throw new JwkitException(JoseError.INVALID_KEY, "EC private scalar out of range");
      }
      return new EcPrivateJwk(ec, Bytes.fixed(s, crv.coordinateLength()));
    }
    if (publicJwk instanceof OkpPublicJwk) {
      byte[] encoded = "PKCS#8".equals(privateKey.getFormat()) ? privateKey.getEncoded() : null;
      if (encoded == null) {
        throw new JwkitException(JoseError.UNSUPPORTED_KEY, "OKP private key cannot be exported");
      }
      OkpKeys.Raw raw = OkpKeys.fromPkcs8(encoded);
      OkpPublicJwk okp = (OkpPublicJwk) publicJwk;
      if (raw.curve != okp.crv()) {
        throw new JwkitException(JoseError.INVALID_KEY, "OKP key pair halves are on different curves");
      }
      return new OkpPrivateJwk(okp, raw.key);
    }
    throw new JwkitException(JoseError.UNSUPPORTED_KEY, "unsupported or mismatched JCA key pair");
  }

  private static byte[] coordinate(Curve crv, BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > crv.coordinateLength() * 8) {
      throw new JwkitException(JoseError.INVALID_KEY, "EC coordinate out of range");
    }
    return Bytes.fixed(value, crv.coordinateLength());
  }
}
