package dev.jwkit.jose.internal.pem;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.KeyType;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.jspecify.annotations.Nullable;

/**
 * The key algorithm named by an SPKI or PKCS#8 {@code AlgorithmIdentifier}: a key type and, for EC and
 * OKP keys, the curve. Only the key types and curves jwkit supports can be described.
 *
 * @param keyType RSA, EC or OKP
 * @param curve the curve, or {@code null} for RSA
 */
public record KeyAlgorithm(KeyType keyType, @Nullable Curve curve) {

  /** RSA ({@code rsaEncryption}). */
  public static final KeyAlgorithm RSA = new KeyAlgorithm(KeyType.RSA, null);

  /** Checks that EC and OKP algorithms carry a curve of their key type. */
  public KeyAlgorithm {
    Objects.requireNonNull(keyType, "keyType");
    if ((keyType == KeyType.RSA) != (curve == null) || curve != null && curve.keyType() != keyType) {
      throw new IllegalArgumentException("curve does not fit the key type");
    }
  }

  /** The curve of an EC or OKP algorithm. */
  public Curve requireCurve() {
    if (curve == null) {
      throw new IllegalStateException("RSA has no curve");
    }
    return curve;
  }

  /** The JCA name for key factories: {@code RSA}, {@code EC}, or the curve name for OKP. */
  public String jcaName() {
    if (keyType == KeyType.RSA) {
      return "RSA";
    }
    return keyType == KeyType.EC ? "EC" : requireCurve().jcaName();
  }

  /** A short human name for messages: {@code RSA}, {@code EC P-256}, {@code Ed25519}. */
  public String displayName() {
    if (keyType == KeyType.RSA) {
      return "RSA";
    }
    return keyType == KeyType.EC ? "EC " + requireCurve().jwkName() : requireCurve().jwkName();
  }

  /** The {@code AlgorithmIdentifier} of SPKI and PKCS#8 for this algorithm (a named curve for EC). */
  public AlgorithmIdentifier toAlgorithmIdentifier() {
    if (keyType == KeyType.RSA) {
      return new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE);
    }
    if (keyType == KeyType.EC) {
      return new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curveOid(requireCurve()));
    }
    return new AlgorithmIdentifier(okpOid(requireCurve()));
  }

  /**
   * Describes an {@code AlgorithmIdentifier}.
   *
   * @throws JwkitException {@link JoseError#UNSUPPORTED_KEY} for any other key algorithm or curve, or
   *     explicit EC parameters; {@link JoseError#MALFORMED_INPUT} for EC without parameters
   */
  public static KeyAlgorithm of(AlgorithmIdentifier id) {
    ASN1ObjectIdentifier oid = id.getAlgorithm();
    if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
      return RSA;
    }
    if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
      ASN1Encodable parameters = id.getParameters();
      if (parameters == null) {
        throw new JwkitException(JoseError.MALFORMED_INPUT, "EC key without curve parameters");
      }
      X962Parameters x962;
      try {
        x962 = X962Parameters.getInstance(parameters);
      } catch (IllegalArgumentException e) {
        throw new JwkitException(JoseError.MALFORMED_INPUT, "EC key with malformed curve parameters", e);
      }
      if (!x962.isNamedCurve()) {
        throw new JwkitException(
            JoseError.UNSUPPORTED_KEY, "EC key with explicit curve parameters (only named curves are supported)");
      }
      ASN1ObjectIdentifier curveOid = ASN1ObjectIdentifier.getInstance(x962.getParameters());
      return new KeyAlgorithm(KeyType.EC, ecCurve(curveOid));
    }
    for (Curve curve : Curve.values()) {
      if (curve.keyType() == KeyType.OKP && okpOid(curve).equals(oid)) {
        if (id.getParameters() != null) {
          throw new JwkitException(JoseError.MALFORMED_INPUT, curve.jwkName() + " key with parameters (RFC 8410 forbids them)");
        }
        return new KeyAlgorithm(KeyType.OKP, curve);
      }
    }
    if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(oid)) {
      throw new JwkitException(JoseError.UNSUPPORTED_KEY, "RSASSA-PSS keys (OID " + oid.getId() + ") are not supported; use rsaEncryption keys");
    }
    throw new JwkitException(JoseError.UNSUPPORTED_KEY, "unsupported key algorithm (OID " + oid.getId() + ")");
  }

  /** The key algorithm of a JWK key type and curve. */
  public static KeyAlgorithm of(Curve curve) {
    return new KeyAlgorithm(curve.keyType(), curve);
  }

  /** The named-curve OID of an EC curve. */
  public static ASN1ObjectIdentifier curveOid(Curve curve) {
    switch (curve) {
      case P_256:
        return SECObjectIdentifiers.secp256r1;
      case P_384:
        return SECObjectIdentifiers.secp384r1;
      case P_521:
        return SECObjectIdentifiers.secp521r1;
      case SECP256K1:
        return SECObjectIdentifiers.secp256k1;
      default:
        throw new IllegalArgumentException("not an EC curve: " + curve);
    }
  }

  private static ASN1ObjectIdentifier okpOid(Curve curve) {
    switch (curve) {
      case ED25519:
        return EdECObjectIdentifiers.id_Ed25519;
      case ED448:
        return EdECObjectIdentifiers.id_Ed448;
      case X25519:
        return EdECObjectIdentifiers.id_X25519;
      case X448:
        return EdECObjectIdentifiers.id_X448;
      default:
        throw new IllegalArgumentException("not an OKP curve: " + curve);
    }
  }

  private static Curve ecCurve(ASN1ObjectIdentifier oid) {
    for (Curve curve : Curve.values()) {
      if (curve.keyType() == KeyType.EC && curveOid(curve).equals(oid)) {
        return curve;
      }
    }
    throw new JwkitException(JoseError.UNSUPPORTED_KEY, "unsupported EC curve (OID " + oid.getId() + ")");
  }
}
