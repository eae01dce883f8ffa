package dev.jwkit.jose.jwa;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import java.util.Objects;

/** The named curves jwkit supports, with their JWK {@code crv} names. */
public enum Curve {
  /** NIST P-256 (secp256r1), for ES256. */
  P_256("P-256", KeyType.EC, 32, "secp256r1", true),
  /** NIST P-384 (secp384r1), for ES384. */
  P_384("P-384", KeyType.EC, 48, "secp384r1", true),
  /** NIST P-521 (secp521r1), for ES512. Coordinates are 66 bytes. */
  P_521("P-521", KeyType.EC, 66, "secp521r1", true),
  /** secp256k1 (RFC 8812), for ES256K. */
  SECP256K1("secp256k1", KeyType.EC, 32, "secp256k1", true),
  /** Ed25519 (RFC 8037), for EdDSA and Ed25519. */
  ED25519("Ed25519", KeyType.OKP, 32, "Ed25519", true),
  /** Ed448 (RFC 8037), for EdDSA and Ed448. */
  ED448("Ed448", KeyType.OKP, 57, "Ed448", true),
  /** X25519 (RFC 8037): key agreement only; parsed and serialized, never used to sign. */
  X25519("X25519", KeyType.OKP, 32, "X25519", false),
  /** X448 (RFC 8037): key agreement only; parsed and serialized, never used to sign. */
  X448("X448", KeyType.OKP, 56, "X448", false);

  private final String jwkName;
  private final KeyType keyType;
  private final int coordinateLength;
  private final String jcaName;
  private final boolean signing;

  Curve(String jwkName, KeyType keyType, int coordinateLength, String jcaName, boolean signing) {
    this.jwkName = jwkName;
    this.keyType = keyType;
    this.coordinateLength = coordinateLength;
    this.jcaName = jcaName;
    this.signing = signing;
  }

  /** The {@code crv} value, case-sensitive. */
  public String jwkName() {
    return jwkName;
  }

  /** The key type that carries this curve ({@code EC} or {@code OKP}). */
  public KeyType keyType() {
    return keyType;
  }

  /**
   * The fixed length in bytes of a coordinate ({@code x}, {@code y}, {@code d} for EC) or of the public
   * and private keys ({@code x}, {@code d} for OKP).
   */
  public int coordinateLength() {
    return coordinateLength;
  }

  /** The JCA standard name of the curve ({@code secp256r1}, {@code Ed25519}, ...). */
  public String jcaName() {
    return jcaName;
  }

  /** Whether this curve is used for signatures (false for X25519 and X448). */
  public boolean isSigning() {
    return signing;
  }

  /**
   * The curve for a {@code crv} value; the comparison is case-sensitive.
   *
   * @throws JwkitException {@link JoseError#UNSUPPORTED_KEY} for any other value
   */
  public static Curve fromJwkName(String crv) {
    Objects.requireNonNull(crv, "crv");
    for (Curve curve : values()) {
      if (curve.jwkName.equals(crv)) {
        return curve;
      }
    }
    throw new JwkitException(JoseError.UNSUPPORTED_KEY, "unsupported curve (crv)");
  }
}
