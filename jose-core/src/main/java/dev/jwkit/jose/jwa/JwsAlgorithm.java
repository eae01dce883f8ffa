package dev.jwkit.jose.jwa;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The JWS algorithms jwkit signs and verifies with, by their JWA names (RFC 7518, RFC 8037, RFC 8812,
 * RFC 9864).
 *
 * <p>There is deliberately no {@code none} constant: an unsecured JWS cannot be chosen by mistake.
 * {@link #fromJwaName} compares case-sensitively, so {@code "none"}, {@code "None"} and {@code "hs256"}
 * all fail with {@link JoseError#UNSUPPORTED_ALGORITHM}.
 */
public enum JwsAlgorithm {
  /** HMAC with SHA-256; keys of at least 256 bits. */
  HS256("HS256", Family.HMAC, 256, KeyType.OCT),
  /** HMAC with SHA-384; keys of at least 384 bits. */
  HS384("HS384", Family.HMAC, 384, KeyType.OCT),
  /** HMAC with SHA-512; keys of at least 512 bits. */
  HS512("HS512", Family.HMAC, 512, KeyType.OCT),
  /** RSASSA-PKCS1-v1_5 with SHA-256. */
  RS256("RS256", Family.RSASSA_PKCS1_V1_5, 256, KeyType.RSA),
  /** RSASSA-PKCS1-v1_5 with SHA-384. */
  RS384("RS384", Family.RSASSA_PKCS1_V1_5, 384, KeyType.RSA),
  /** RSASSA-PKCS1-v1_5 with SHA-512. */
  RS512("RS512", Family.RSASSA_PKCS1_V1_5, 512, KeyType.RSA),
  /** RSASSA-PSS with SHA-256, MGF1 with SHA-256 and a 32-byte salt. */
  PS256("PS256", Family.RSASSA_PSS, 256, KeyType.RSA),
  /** RSASSA-PSS with SHA-384, MGF1 with SHA-384 and a 48-byte salt. */
  PS384("PS384", Family.RSASSA_PSS, 384, KeyType.RSA),
  /** RSASSA-PSS with SHA-512, MGF1 with SHA-512 and a 64-byte salt. */
  PS512("PS512", Family.RSASSA_PSS, 512, KeyType.RSA),
  /** ECDSA on P-256 with SHA-256; 64-byte R‖S signatures. */
  ES256("ES256", Family.ECDSA, 256, KeyType.EC, Curve.P_256),
  /** ECDSA on P-384 with SHA-384; 96-byte R‖S signatures. */
  ES384("ES384", Family.ECDSA, 384, KeyType.EC, Curve.P_384),
  /** ECDSA on P-521 with SHA-512; 132-byte R‖S signatures. */
  ES512("ES512", Family.ECDSA, 512, KeyType.EC, Curve.P_521),
  /** ECDSA on secp256k1 with SHA-256 (RFC 8812); 64-byte R‖S signatures. */
  ES256K("ES256K", Family.ECDSA, 256, KeyType.EC, Curve.SECP256K1),
  /** EdDSA (RFC 8037) with the curve given by the key: Ed25519 or Ed448. */
  EdDSA("EdDSA", Family.EDDSA, 0, KeyType.OKP, Curve.ED25519, Curve.ED448),
  /** EdDSA on Ed25519, fully specified (RFC 9864). */
  Ed25519("Ed25519", Family.EDDSA, 0, KeyType.OKP, Curve.ED25519),
  /** EdDSA on Ed448, fully specified (RFC 9864). */
  Ed448("Ed448", Family.EDDSA, 0, KeyType.OKP, Curve.ED448);

  /** The cryptographic families of JWS algorithms. */
  public enum Family {
    /** HMAC: symmetric MACs over {@code oct} keys. */
    HMAC,
    /** RSASSA-PKCS1-v1_5 over RSA keys. */
    RSASSA_PKCS1_V1_5,
    /** RSASSA-PSS over RSA keys. */
    RSASSA_PSS,
    /** ECDSA over EC keys, signatures in the fixed-length R‖S form. */
    ECDSA,
    /** EdDSA over OKP keys. */
    EDDSA
  }

  private final String jwaName;
  private final Family family;
  private final int hashBits;
  private final KeyType keyType;
  private final Set<Curve> curves;

  JwsAlgorithm(String jwaName, Family family, int hashBits, KeyType keyType, Curve... curves) {
    this.jwaName = jwaName;
    this.family = family;
    this.hashBits = hashBits;
    this.keyType = keyType;
    this.curves = curves.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(curves[0], curves));
  }

  /** The registered {@code alg} name, for example {@code "ES256"}. */
  public String jwaName() {
    return jwaName;
  }

  /** The cryptographic family. */
  public Family family() {
    return family;
  }

  /**
   * The size in bits of the hash the algorithm uses (256, 384 or 512); 0 for EdDSA, whose hash is fixed
   * by the curve.
   */
  public int hashBits() {
    return hashBits;
  }

  /** The only key type this algorithm accepts. */
  public KeyType keyType() {
    return keyType;
  }

  /** The curves this algorithm accepts; empty for RSA and HMAC. */
  public Set<Curve> curves() {
    return curves;
  }

  /** Whether the algorithm is a symmetric MAC (HS*). */
  public boolean isSymmetric() {
    return family == Family.HMAC;
  }

  /**
   * The algorithm for an {@code alg} value. The comparison is case-sensitive and there is no {@code none}.
   *
   * @throws JwkitException {@link JoseError#UNSUPPORTED_ALGORITHM} for any value that is not a constant
   *     of this enum
   */
  public static JwsAlgorithm fromJwaName(String alg) {
    Objects.requireNonNull(alg, "alg");
    // A switch on the string is a hash lookup; an unknown name falls through to the error.
    switch (alg) {
      case "HS256": return HS256;
      case "HS384": return HS384;
      case "HS512": return HS512;
      case "RS256": return RS256;
      case "RS384": return RS384;
      case "RS512": return RS512;
      case "PS256": return PS256;
      case "PS384": return PS384;
      case "PS512": return PS512;
      case "ES256": return ES256;
      case "ES384": return ES384;
      case "ES512": return ES512;
      case "ES256K": return ES256K;
      case "EdDSA": return EdDSA;
      case "Ed25519": return Ed25519;
      case "Ed448": return Ed448;
      default:
        throw new JwkitException(JoseError.UNSUPPORTED_ALGORITHM, "unsupported JWS algorithm");
    }
  }
}
