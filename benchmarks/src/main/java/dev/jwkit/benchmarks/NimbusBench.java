package dev.jwkit.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.security.interfaces.ECPrivateKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Nimbus JOSE+JWT, used the way its documentation recommends.
 *
 * <p>Verification goes through a {@code DefaultJWTProcessor} built once, with a
 * {@code JWSVerificationKeySelector} over an {@code ImmutableJWKSet} of the 10-key set, an explicit
 * {@code typ} check and a {@code DefaultJWTClaimsVerifier} requiring issuer, audience and the
 * registered claims. Nimbus's processor has no EdDSA support (its verifier factory lacks it), so
 * EdDSA takes the documented manual path: parse, {@code typ} check, an {@code Ed25519Verifier} (Tink's
 * Ed25519) for the {@code kid} (made from the set on first use and kept per {@code kid}, as an
 * application writing this path would), then the same claims verifier.
 */
@Fork(jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"}) // see README: fixed, pre-touched heap
public class NimbusBench {

  /** The processor and signer, built once per trial. */
  @State(Scope.Benchmark)
  public static class Tokens {
    @Param({"RS256", "PS256", "ES256", "EdDSA", "HS256"})
    public Alg alg;

    Fixture fixture;
    String token;
    DefaultJWTProcessor<SecurityContext> processor;
    JWKSet jwkSet;
    final Map<String, Ed25519Verifier> edVerifiers = new ConcurrentHashMap<>();
    DefaultJOSEObjectTypeVerifier<SecurityContext> typeVerifier;
    DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier;
    JWSSigner signer;
    JWSAlgorithm jwsAlgorithm;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      fixture = Fixture.of(alg);
      token = fixture.token();
      jwsAlgorithm = JWSAlgorithm.parse(alg.name());
      jwkSet = JWKSet.parse(fixture.jwksJson());
      typeVerifier = new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(Fixture.TYPE));
      claimsVerifier = new DefaultJWTClaimsVerifier<>(
          Fixture.AUDIENCE,
          new JWTClaimsSet.Builder().issuer(Fixture.ISSUER).build(),
          Set.of("sub", "exp", "iat", "nbf", "jti"));
      processor = new DefaultJWTProcessor<>();
      processor.setJWSTypeVerifier(typeVerifier);
      processor.setJWSKeySelector(new JWSVerificationKeySelector<>(jwsAlgorithm, new ImmutableJWKSet<>(jwkSet)));
      processor.setJWTClaimsSetVerifier(claimsVerifier);
      signer = signer(fixture);

      JWTClaimsSet claims = verifyToken(this);
      Checks.require(Fixture.SUBJECT.equals(claims.getSubject()), "Nimbus", "verify", alg);
      Checks.require(fixture.isValidSignature(signToken(this)), "Nimbus", "sign", alg);
    }

    private static JWSSigner signer(Fixture fixture) throws JOSEException {
      switch (fixture.alg()) {
        case HS256:
          return new MACSigner(fixture.secret());
        case ES256:
          return new ECDSASigner((ECPrivateKey) fixture.privateKey());
        case EdDSA:
          OctetKeyPair okp = new OctetKeyPair.Builder(Curve.Ed25519,
              Base64URL.encode(Fixture.rawEd25519Public(fixture.publicKey())))
              .d(Base64URL.encode(Fixture.rawEd25519Private(fixture.privateKey())))
              .keyID(fixture.kid())
              .build();
          return new Ed25519Signer(okp);
        default:
          return new RSASSASigner(fixture.privateKey());
      }
    }
  }

  /** The JWKS parse state. */
  @State(Scope.Benchmark)
  public static class Jwks {
    String json;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      json = Fixture.mixedPublicJwks();
      Checks.require(JWKSet.parse(json).getKeys().size() == 10, "Nimbus", "parseJwks", "JWKS");
      Checks.require(toKeys(json).size() == 10, "Nimbus", "parseJwksToKeys", "JWKS");
    }
  }

  /** Verifies the token and validates its claims, the key found by {@code kid} in the 10-key set. */
  @Benchmark
  public JWTClaimsSet verify(Tokens s) throws Exception {
    return verifyToken(s);
  }

  /** Builds header and claims, signs and serializes with a prepared signer. */
  @Benchmark
  public String sign(Tokens s) throws Exception {
    return signToken(s);
  }

  /** {@code JWKSet.parse}: Nimbus keeps key members as base64url strings and builds no JCA keys. */
  @Benchmark
  public JWKSet parseJwks(Jwks s) throws ParseException {
    return JWKSet.parse(s.json);
  }

  /**
   * {@code JWKSet.parse} and, for every entry, what a verification needs: a JCA public key (RSA, EC)
   * or an {@code Ed25519Verifier} (OKP). Comparable with parsers that validate keys while parsing.
   */
  @Benchmark
  public List<Object> parseJwksToKeys(Jwks s) throws Exception {
    return toKeys(s.json);
  }

  static JWTClaimsSet verifyToken(Tokens s) throws ParseException, BadJOSEException, JOSEException {
    if (s.alg != Alg.EdDSA) {
      return s.processor.process(s.token, null);
    }
    SignedJWT jwt = SignedJWT.parse(s.token);
    JWSHeader header = jwt.getHeader();
    s.typeVerifier.verify(header.getType(), null);
    if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
      throw new BadJWSException("unexpected alg");
    }
    Ed25519Verifier verifier = s.edVerifiers.get(header.getKeyID());
    if (verifier == null) {
      JWK jwk = s.jwkSet.getKeyByKeyId(header.getKeyID());
      if (!(jwk instanceof OctetKeyPair)) {
        throw new BadJWSException("no Ed25519 key for the kid");
      }
      verifier = new Ed25519Verifier((OctetKeyPair) jwk);
      s.edVerifiers.put(header.getKeyID(), verifier);
    }
    if (!jwt.verify(verifier)) {
      throw new BadJWSException("invalid signature");
    }
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    s.claimsVerifier.verify(claims, null);
    return claims;
  }

  static String signToken(Tokens s) throws JOSEException {
    Fixture f = s.fixture;
    JWSHeader header = new JWSHeader.Builder(s.jwsAlgorithm)
        .keyID(f.kid())
        .type(new JOSEObjectType(Fixture.TYPE))
        .build();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(Fixture.ISSUER)
        .subject(Fixture.SUBJECT)
        .audience(Fixture.AUDIENCE)
        .expirationTime(Date.from(f.expiresAt()))
        .issueTime(Date.from(f.issuedAt()))
        .notBeforeTime(Date.from(f.issuedAt()))
        .jwtID(f.jti())
        .build();
    SignedJWT jwt = new SignedJWT(header, claims);
    jwt.sign(s.signer);
    return jwt.serialize();
  }

  static List<Object> toKeys(String json) throws ParseException, JOSEException {
    List<JWK> keys = JWKSet.parse(json).getKeys();
    List<Object> out = new ArrayList<>(keys.size());
    for (JWK jwk : keys) {
      // Nimbus cannot export an OKP key to the JCA; its Ed25519 path needs an Ed25519Verifier (Tink)
      out.add(jwk instanceof OctetKeyPair
          ? new Ed25519Verifier((OctetKeyPair) jwk)
          : ((AsymmetricJWK) jwk).toPublicKey());
    }
    return out;
  }
}
