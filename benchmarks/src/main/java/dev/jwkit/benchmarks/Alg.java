package dev.jwkit.benchmarks;

import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Optional;

/**
 * The JWS algorithms measured, with the raw JCA names the floor uses.
 *
 * <p>Kept here rather than taken from jose-core so that the floor and the peers do not depend on
 * jwkit code. ECDSA uses the JDK's P1363 (fixed-length R‖S) signature format, which is the JWS
 * format, so the floor does no format conversion.
 */
public enum Alg {
  /** RSASSA-PKCS1-v1_5 with SHA-256 over a 2048-bit key. */
  RS256("SHA256withRSA", "RSA", 2048),
  /** RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt, over a 2048-bit key. */
  PS256("RSASSA-PSS", "RSA", 2048),
  /** ECDSA on P-256 with SHA-256. */
  ES256("SHA256withECDSAinP1363Format", "EC", 256),
  /** ECDSA on P-384 with SHA-384. */
  ES384("SHA384withECDSAinP1363Format", "EC", 384),
  /** ECDSA on P-521 with SHA-512. */
  ES512("SHA512withECDSAinP1363Format", "EC", 521),
  /** EdDSA on Ed25519. */
  EdDSA("Ed25519", "Ed25519", 255),
  /** HMAC with SHA-256 and a 256-bit key. */
  HS256("HmacSHA256", "oct", 256);

  private final String jcaName;
  private final String keyAlgorithm;
  private final int bits;

  Alg(String jcaName, String keyAlgorithm, int bits) {
    this.jcaName = jcaName;
    this.keyAlgorithm = keyAlgorithm;
    this.bits = bits;
  }

  /** The JCA {@code Signature} or {@code Mac} algorithm name. */
  public String jcaName() {
    return jcaName;
  }

  /** The JCA key algorithm ({@code RSA}, {@code EC}, {@code Ed25519}) or {@code oct}. */
  public String keyAlgorithm() {
    return keyAlgorithm;
  }

  /** RSA modulus bits, EC field bits, or HMAC key bits. */
  public int bits() {
    return bits;
  }

  /** The {@code crv} of an EC or OKP key. */
  public String curve() {
    switch (this) {
      case ES256:
        return "P-256";
      case ES384:
        return "P-384";
      case ES512:
        return "P-521";
      case EdDSA:
        return "Ed25519";
      default:
        throw new IllegalStateException("no curve for " + this);
    }
  }

  /** The fixed length of one ECDSA coordinate or scalar in bytes. */
  public int ecFieldBytes() {
    return (bits + 7) / 8;
  }

  /** Whether the key is a symmetric HMAC key. */
  public boolean isHmac() {
    return this == HS256;
  }

  /** Signature parameters the JCA needs (PSS only). */
  public Optional<AlgorithmParameterSpec> parameters() {
    if (this == PS256) {
      return Optional.of(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
    }
    return Optional.empty();
  }
}
