package dev.jwkit.benchmarks;

import java.security.Key;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * jose4j, used the way its documentation recommends.
 *
 * <p>Verification goes through a {@code JwtConsumer} built once with a
 * {@code JwksVerificationKeyResolver} over the 10-key {@code JsonWebKeySet}, an algorithm allow-list,
 * an explicit {@code typ}, issuer and audience, and every registered claim required. Signing builds
 * {@code JwtClaims} and a {@code JsonWebSignature} per token with a key prepared once.
 */
@Fork(jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"}) // see README: fixed, pre-touched heap
public class Jose4jBench {

  /** The consumer and signing key, built once per trial. */
  @State(Scope.Benchmark)
  public static class Tokens {
    @Param({"RS256", "PS256", "ES256", "EdDSA", "HS256"})
    public Alg alg;

    Fixture fixture;
    String token;
    JwtConsumer consumer;
    Key signingKey;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      fixture = Fixture.of(alg);
      token = fixture.token();
      JsonWebKeySet jwks = new JsonWebKeySet(fixture.jwksJson());
      consumer = new JwtConsumerBuilder()
          .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, alg.name())
          .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()))
          .setExpectedType(true, Fixture.TYPE)
          .setExpectedIssuer(Fixture.ISSUER)
          .setExpectedAudience(Fixture.AUDIENCE)
          .setRequireExpirationTime()
          .setRequireNotBefore()
          .setRequireIssuedAt()
          .setRequireSubject()
          .setRequireJwtId()
          .build();
      signingKey = alg.isHmac() ? new HmacKey(fixture.secret()) : fixture.privateKey();

      Checks.require(Fixture.SUBJECT.equals(verifyToken(this).getSubject()), "jose4j", "verify", alg);
      Checks.require(fixture.isValidSignature(signToken(this)), "jose4j", "sign", alg);
    }
  }

  /** The JWKS parse state. */
  @State(Scope.Benchmark)
  public static class Jwks {
    String json;

    @Setup(Level.Trial)
    public void setUp() throws JoseException {
      json = Fixture.mixedPublicJwks();
      Checks.require(new JsonWebKeySet(json).getJsonWebKeys().size() == 10, "jose4j", "parseJwks", "JWKS");
    }
  }

  /** Verifies the token and validates its claims, the key found by {@code kid} in the 10-key set. */
  @Benchmark
  public JwtClaims verify(Tokens s) throws Exception {
    return verifyToken(s);
  }

  /** Builds claims and a JWS, signs and serializes. */
  @Benchmark
  public String sign(Tokens s) throws JoseException {
    return signToken(s);
  }

  /** {@code new JsonWebKeySet(json)}: jose4j builds the JCA public keys while parsing. */
  @Benchmark
  public JsonWebKeySet parseJwks(Jwks s) throws JoseException {
    return new JsonWebKeySet(s.json);
  }

  static JwtClaims verifyToken(Tokens s) throws InvalidJwtException {
    return s.consumer.processToClaims(s.token);
  }

  static String signToken(Tokens s) throws JoseException {
    Fixture f = s.fixture;
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(Fixture.ISSUER);
    claims.setSubject(Fixture.SUBJECT);
    claims.setAudience(Fixture.AUDIENCE);
    claims.setExpirationTime(NumericDate.fromSeconds(f.expiresAt().getEpochSecond()));
    claims.setIssuedAt(NumericDate.fromSeconds(f.issuedAt().getEpochSecond()));
    claims.setNotBefore(NumericDate.fromSeconds(f.issuedAt().getEpochSecond()));
    claims.setJwtId(f.jti());
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(s.signingKey);
    jws.setAlgorithmHeaderValue(s.alg.name());
    jws.setKeyIdHeaderValue(f.kid());
    jws.setHeader("typ", Fixture.TYPE);
    return jws.getCompactSerialization();
  }
}
