package dev.jwkit.jose.jwt;

import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jws.JwsHeader;
import java.util.Optional;

/**
 * A JWT whose signature verified with a trusted key and whose claims passed a {@link JwtVerifier}'s
 * rules at the moment of verification.
 *
 * <p>Only {@link JwtVerifier#verify} creates instances (the constructor is package-private, as in Tink's
 * {@code VerifiedJwt}), so a method that takes a {@code VerifiedJwt} cannot be handed an unverified
 * token by mistake. {@link UnverifiedJwt} is a different type with no conversion to this one.
 *
 * <h2>Security</h2>
 * The claims were valid at the verifier's clock instant; this object does not re-check time later.
 * {@link #toString()} shows the algorithm, the {@code kid} and the claim names, never claim values.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use.
 */
public final class VerifiedJwt {

  private final JwsHeader header;
  private final JwtClaims claims;
  private final JwsAlgorithm algorithm;
  private final Jwk verificationKey;

  VerifiedJwt(JwsHeader header, JwtClaims claims, JwsAlgorithm algorithm, Jwk verificationKey) {
    this.header = header;
    this.claims = claims;
    this.algorithm = algorithm;
    this.verificationKey = verificationKey;
  }

  /** The protected header (integrity-protected by the signature). */
  public JwsHeader header() {
    return header;
  }

  /** The verified claims. */
  public JwtClaims claims() {
    return claims;
  }

  /**
   * The algorithm the signature was verified with: one the verifying key permits (and in the verifier's
   * {@code allowedAlgorithms}, when set).
   */
  public JwsAlgorithm algorithm() {
    return algorithm;
  }

  /** The token's {@code kid} header, if any. */
  public Optional<String> kid() {
    return header.kid();
  }

  /** The trusted key the signature verified with, as the {@link JwtKeyResolver} returned it. */
  public Jwk verificationKey() {
    return verificationKey;
  }

  @Override
  public String toString() {
    return "VerifiedJwt[alg=" + algorithm.jwaName() + ", kid=" + Kids.safe(header.kid()) + ", claims="
        + claims.names() + "]";
  }
}
