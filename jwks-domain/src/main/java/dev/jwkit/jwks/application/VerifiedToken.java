package dev.jwkit.jwks.application;

import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwt.JwtClaims;
import dev.jwkit.jose.jwt.VerifiedJwt;
import java.util.Objects;
import java.util.Optional;

/**
 * A token that a {@link TokenVerifier} verified: only the verifier creates one (the constructor is
 * package-private), so holding one proves the signature, algorithm, key and claim rules were checked.
 * It wraps jose-core's {@link VerifiedJwt}.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use.
 */
public final class VerifiedToken {

  private final VerifiedJwt jwt;

  VerifiedToken(VerifiedJwt jwt) {
    this.jwt = Objects.requireNonNull(jwt, "jwt");
  }

  /** The verified claims. */
  public JwtClaims claims() {
    return jwt.claims();
  }

  /** The {@code kid} of the key that verified the token, as the header named it. */
  public Optional<String> kid() {
    return jwt.kid();
  }

  /** The algorithm the token was signed with. */
  public JwsAlgorithm algorithm() {
    return jwt.algorithm();
  }

  /** The underlying jose-core result (header, verification key). */
  public VerifiedJwt jwt() {
    return jwt;
  }

  @Override
  public String toString() {
    return "VerifiedToken[kid=" + kid().orElse("-") + ", alg=" + algorithm().jwaName() + "]";
  }
}
