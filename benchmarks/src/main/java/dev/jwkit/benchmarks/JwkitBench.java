package dev.jwkit.benchmarks;

import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jose.jwk.OctJwk;
import dev.jwkit.jose.jwk.PrivateJwk;
import dev.jwkit.jose.jwt.JwtClaims;
import dev.jwkit.jose.jwt.JwtSigner;
import dev.jwkit.jose.jwt.JwtVerifier;
import dev.jwkit.jose.jwt.VerifiedJwt;
import java.util.Optional;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * jwkit, through its public API only.
 *
 * <p>Verification uses one {@code JwtVerifier} built once with {@code JwtVerifier.builder(JwkSet)} over
 * the 10-key set, the algorithm taken from the key (the default: the key with the token's {@code kid} must
 * permit it), issuer, audience and {@code typ} expected and every registered claim required: the same
 * checks as the peers. Signing uses a {@code JwtSigner} built
 * once and builds {@code JwtClaims} per token. The JWKS workload is {@code JwkSet.parse}, which
 * validates every key (EC points on the curve, RSA sizes) while parsing.
 */
@Fork(jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"}) // see README: fixed, pre-touched heap
public class JwkitBench {

  /** The verifier and signer, built once per trial. */
  @State(Scope.Benchmark)
  public static class Tokens {
    @Param({"RS256", "PS256", "ES256", "EdDSA", "HS256"})
    public Alg alg;

    Fixture fixture;
    String token;
    JwtVerifier verifier;
    JwtSigner signer;

    @Setup(Level.Trial)
    public void setUp() {
      fixture = Fixture.of(alg);
      token = fixture.token();
      JwsAlgorithm algorithm = JwsAlgorithm.fromJwaName(alg.name());
      JwkSet keys = JwkSet.parse(fixture.jwksJson());
      Checks.require(keys.keys().size() == Fixture.KEYS, "jwkit", "parse", alg);
      verifier = JwtVerifier.builder(keys)   // the algorithm comes from the key (the default)
          .expectedIssuer(Fixture.ISSUER)
          .expectedAudience(Fixture.AUDIENCE)
          .expectedType(Fixture.TYPE)
          .requiredClaims("sub", "exp", "iat", "nbf", "jti")
          .build();
      Jwk signingKey = alg.isHmac() ? OctJwk.of(fixture.secret()) : PrivateJwk.of(fixture.keyPair());
      signer = JwtSigner.builder()
          .key(signingKey, algorithm)
          .kid(fixture.kid())
          .type(Fixture.TYPE)
          .build();

      Checks.require(Optional.of(Fixture.SUBJECT).equals(verifyToken(this).claims().subject()),
          "jwkit", "verify", alg);
      Checks.require(fixture.isValidSignature(signToken(this)), "jwkit", "sign", alg);
    }
  }

  /** The JWKS parse state. */
  @State(Scope.Benchmark)
  public static class Jwks {
    String json;

    @Setup(Level.Trial)
    public void setUp() {
      json = Fixture.mixedPublicJwks();
      JwkSet set = JwkSet.parse(json);
      Checks.require(set.keys().size() == 10 && set.skipped().isEmpty(), "jwkit", "parseJwks", "JWKS");
    }
  }

  /** Verifies the token and validates its claims, the key found by {@code kid} in the 10-key set. */
  @Benchmark
  public VerifiedJwt verify(Tokens s) {
    return verifyToken(s);
  }

  /** Builds the claims and signs with a prepared signer. */
  @Benchmark
  public String sign(Tokens s) {
    return signToken(s);
  }

  /** {@code JwkSet.parse}: strict JSON and validated keys. */
  @Benchmark
  public JwkSet parseJwks(Jwks s) {
    return JwkSet.parse(s.json);
  }

  static VerifiedJwt verifyToken(Tokens s) {
    return s.verifier.verify(s.token);
  }

  static String signToken(Tokens s) {
    Fixture f = s.fixture;
    JwtClaims claims = JwtClaims.builder()
        .issuer(Fixture.ISSUER)
        .subject(Fixture.SUBJECT)
        .audience(Fixture.AUDIENCE)
        .expiration(f.expiresAt())
        .issuedAt(f.issuedAt())
        .notBefore(f.issuedAt())
        .jwtId(f.jti())
        .build();
    return s.signer.sign(claims);
  }
}
