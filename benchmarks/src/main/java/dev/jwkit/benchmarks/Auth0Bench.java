package dev.jwkit.benchmarks;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Auth0 java-jwt, for the algorithms it supports (no PS256, no EdDSA).
 *
 * <p>java-jwt has no JWKS type (that is the separate {@code jwks-rsa} library), so the 10 keys are
 * turned into one prepared {@code JWTVerifier} per {@code kid} in setup; a verification decodes the
 * token once, picks the verifier by {@code kid} from a {@code HashMap} and verifies the decoded token
 * (issuer, audience, presence of every registered claim; {@code exp}/{@code nbf}/{@code iat} are
 * checked by default). java-jwt cannot check the {@code typ} header, so the benchmark compares it.
 */
@Fork(jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"}) // see README: fixed, pre-touched heap
public class Auth0Bench {

  /** The verifiers and signing algorithm, built once per trial. */
  @State(Scope.Benchmark)
  public static class Tokens {
    @Param({"RS256", "ES256", "HS256"})
    public Alg alg;

    Fixture fixture;
    String token;
    Map<String, JWTVerifier> verifiers;
    Algorithm signing;

    @Setup(Level.Trial)
    public void setUp() {
      fixture = Fixture.of(alg);
      token = fixture.token();
      verifiers = new HashMap<>();
      List<String> kids = fixture.kids();
      for (int i = 0; i < kids.size(); i++) {
        Algorithm algorithm = alg.isHmac()
            ? Algorithm.HMAC256(fixture.secrets().get(i))
            : algorithm(alg, fixture.keyPairs().get(i));
        verifiers.put(kids.get(i), JWT.require(algorithm)
            .withIssuer(Fixture.ISSUER)
            .withAudience(Fixture.AUDIENCE)
            .withClaimPresence("sub")
            .withClaimPresence("exp")
            .withClaimPresence("iat")
            .withClaimPresence("nbf")
            .withClaimPresence("jti")
            .build());
      }
      signing = alg.isHmac() ? Algorithm.HMAC256(fixture.secret()) : algorithm(alg, fixture.keyPair());

      Checks.require(Fixture.SUBJECT.equals(verifyToken(this).getSubject()), "Auth0", "verify", alg);
      Checks.require(fixture.isValidSignature(signToken(this)), "Auth0", "sign", alg);
    }

    private static Algorithm algorithm(Alg alg, KeyPair pair) {
      if (alg == Alg.ES256) {
        return Algorithm.ECDSA256((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate());
      }
      return Algorithm.RSA256((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
    }
  }

  /** Decodes, picks the verifier by {@code kid}, checks {@code typ}, verifies signature and claims. */
  @Benchmark
  public DecodedJWT verify(Tokens s) {
    return verifyToken(s);
  }

  /** {@code JWT.create()…sign(algorithm)} with a prepared algorithm. */
  @Benchmark
  public String sign(Tokens s) {
    return signToken(s);
  }

  static DecodedJWT verifyToken(Tokens s) {
    DecodedJWT decoded = JWT.decode(s.token);
    JWTVerifier verifier = s.verifiers.get(decoded.getKeyId());
    if (verifier == null || !Fixture.TYPE.equals(decoded.getType())) {
      throw new JWTVerificationException("unknown kid or wrong typ");
    }
    return verifier.verify(decoded);
  }

  static String signToken(Tokens s) {
    Fixture f = s.fixture;
    return JWT.create()
        .withKeyId(f.kid())
        .withHeader(Map.of("typ", Fixture.TYPE))
        .withIssuer(Fixture.ISSUER)
        .withSubject(Fixture.SUBJECT)
        .withAudience(Fixture.AUDIENCE)
        .withExpiresAt(f.expiresAt())
        .withIssuedAt(f.issuedAt())
        .withNotBefore(f.issuedAt())
        .withJWTId(f.jti())
        .sign(s.signing);
  }
}
