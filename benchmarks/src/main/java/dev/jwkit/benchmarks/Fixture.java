package dev.jwkit.benchmarks;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys, JWKS and access token one workload uses, identical for every implementation.
 *
 * <p>Everything is derived from a seeded {@code SHA1PRNG}, so every fork (and every implementation,
 * each of which runs in its own fork) sees the same keys, key ids, JWKS bytes and token bytes. Only
 * the timestamps move: they are the current hour, so a token stays valid for the whole run and is the
 * same for every benchmark started within one hour.
 *
 * <p>The token is what an authorization server typically issues: header {@code alg}, {@code kid},
 * {@code typ: at+jwt} (RFC 9068), claims {@code iss, sub, aud, exp, iat, nbf, jti}. It is signed by
 * key {@value #PICKED} of a {@value #KEYS}-key set, so a verifier must find it by {@code kid}.
 */
public final class Fixture {

  /** Number of keys in the set. */
  public static final int KEYS = 10;
  /** Index of the key that signs the token (not the first, so that a lookup has to search). */
  public static final int PICKED = 7;
  /** The {@code iss} claim and the issuer every verifier requires. */
  public static final String ISSUER = "https://issuer.example.com";
  /** The {@code aud} claim and the audience every verifier requires. */
  public static final String AUDIENCE = "https://api.example.com";
  /** The {@code sub} claim. */
  public static final String SUBJECT = "248289761001";
  /** The {@code typ} header (RFC 9068 access token). */
  public static final String TYPE = "at+jwt";

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Map<String, Fixture> CACHE = new ConcurrentHashMap<>();
  private static final Map<String, String> MIXED = new ConcurrentHashMap<>();

  private final Alg alg;
  private final int picked;
  private final List<KeyPair> keyPairs;
  private final List<byte[]> secrets;
  private final List<String> kids;
  private final String jwksJson;
  private final Instant issuedAt;
  private final Instant expiresAt;
  private final String jti;
  private final String headerJson;
  private final String claimsJson;
  private final String signingInput;
  private final String token;

  private Fixture(Alg alg, int count) {
    this.alg = alg;
    this.picked = Math.min(PICKED, count - 1);
    SecureRandom random = seeded(alg.name());
    this.keyPairs = new ArrayList<>();
    this.secrets = new ArrayList<>();
    this.kids = new ArrayList<>();
    List<String> jwks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String kid = kidFor(alg, i);
      kids.add(kid);
      if (alg.isHmac()) {
        byte[] secret = new byte[alg.bits() / 8];
        random.nextBytes(secret);
        secrets.add(secret);
        jwks.add(octJwk(kid, secret));
      } else {
        KeyPair pair = generate(alg, random);
        keyPairs.add(pair);
        jwks.add(publicJwk(alg, kid, pair.getPublic()));
      }
    }
    this.jwksJson = "{\"keys\":[" + String.join(",", jwks) + "]}";
    this.issuedAt = Instant.now().truncatedTo(ChronoUnit.HOURS);
    this.expiresAt = issuedAt.plus(3, ChronoUnit.HOURS);
    this.jti = UUID.nameUUIDFromBytes((alg.name() + issuedAt).getBytes(StandardCharsets.UTF_8)).toString();
    this.headerJson = "{\"alg\":\"" + alg.name() + "\",\"kid\":\"" + kids.get(picked) + "\",\"typ\":\"" + TYPE + "\"}";
    this.claimsJson = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + SUBJECT + "\",\"aud\":\"" + AUDIENCE + "\","
        + "\"exp\":" + expiresAt.getEpochSecond() + ",\"iat\":" + issuedAt.getEpochSecond()
        + ",\"nbf\":" + issuedAt.getEpochSecond() + ",\"jti\":\"" + jti + "\"}";
    this.signingInput = b64(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
        + b64(claimsJson.getBytes(StandardCharsets.UTF_8));
    byte[] input = signingInput.getBytes(StandardCharsets.US_ASCII);
    byte[] signature = alg.isHmac()
        ? Jca.mac(alg, secrets.get(picked)).doFinal(input)
        : Jca.sign(alg, keyPairs.get(picked).getPrivate(), input, random);
    this.token = signingInput + "." + b64(signature);
  }

  /** The fixture for {@code alg}: {@value #KEYS} keys, token signed by key {@value #PICKED}. */
  public static Fixture of(Alg alg) {
    return of(alg, KEYS);
  }

  /**
   * A fixture with {@code count} keys, the token signed by key {@code min(PICKED, count - 1)}.
   * Fixtures are immutable and deterministic, so one JVM makes each only once (RSA key generation
   * is slow): a JMH fork runs one trial, and a test JVM shares them between tests.
   */
  static Fixture of(Alg alg, int count) {
    return CACHE.computeIfAbsent(alg.name() + "/" + count, key -> generate(alg, count));
  }

  /** A freshly generated fixture, bypassing the cache (tests of determinism). */
  static Fixture generate(Alg alg, int count) {
    return new Fixture(alg, count);
  }

  /**
   * A 10-key public JWKS as an authorization server might publish during a migration: four RSA-2048
   * (RS256), three P-256 (ES256) and three Ed25519 (EdDSA) keys, each with {@code kid}, {@code use}
   * and {@code alg}.
   */
  public static String mixedPublicJwks() {
    return MIXED.computeIfAbsent("mixed", key -> buildMixedPublicJwks());
  }

  private static String buildMixedPublicJwks() {
    List<String> keys = new ArrayList<>();
    for (Object[] part : new Object[][] {{Alg.RS256, 4}, {Alg.ES256, 3}, {Alg.EdDSA, 3}}) {
      Alg alg = (Alg) part[0];
      Fixture fixture = of(alg, (Integer) part[1]);
      for (int i = 0; i < fixture.keyPairs.size(); i++) {
        keys.add(publicJwk(alg, fixture.kids.get(i), fixture.keyPairs.get(i).getPublic()));
      }
    }
    return "{\"keys\":[" + String.join(",", keys) + "]}";
  }

  public Alg alg() {
    return alg;
  }

  /** The public JWKS (or, for HS256, the JWKS of {@code oct} keys) as JSON. */
  public String jwksJson() {
    return jwksJson;
  }

  /** The compact token every verifier is given. */
  public String token() {
    return token;
  }

  /** {@code BASE64URL(header) "." BASE64URL(claims)} of {@link #token()}. */
  public String signingInput() {
    return signingInput;
  }

  public String headerJson() {
    return headerJson;
  }

  public String claimsJson() {
    return claimsJson;
  }

  public List<String> kids() {
    return List.copyOf(kids);
  }

  /** The {@code kid} of the signing key. */
  public String kid() {
    return kids.get(picked);
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public String jti() {
    return jti;
  }

  /** The key pairs of the set, in JWKS order (empty for HS256). */
  public List<KeyPair> keyPairs() {
    return List.copyOf(keyPairs);
  }

  /** The signing key pair (asymmetric algorithms). */
  public KeyPair keyPair() {
    return keyPairs.get(picked);
  }

  public PublicKey publicKey() {
    return keyPair().getPublic();
  }

  public PrivateKey privateKey() {
    return keyPair().getPrivate();
  }

  /** The HMAC secrets of the set, in JWKS order (HS256 only). */
  public List<byte[]> secrets() {
    List<byte[]> copy = new ArrayList<>();
    for (byte[] s : secrets) {
      copy.add(s.clone());
    }
    return copy;
  }

  /** The signing HMAC secret (HS256 only). */
  public byte[] secret() {
    return secrets.get(picked).clone();
  }

  /**
   * Checks with the raw JCA that {@code compact} is a JWS over this fixture's header and claims
   * signed by the signing key; used once in setup to prove a signer produced a valid token.
   */
  public boolean isValidSignature(String compact) {
    int dot = compact.lastIndexOf('.');
    if (dot < 0) {
      return false;
    }
    byte[] input = compact.substring(0, dot).getBytes(StandardCharsets.US_ASCII);
    byte[] signature = Base64.getUrlDecoder().decode(compact.substring(dot + 1));
    return alg.isHmac()
        ? Jca.verifyMac(alg, secret(), input, signature)
        : Jca.verify(alg, publicKey(), input, signature);
  }

  /** Base64url without padding. */
  public static String b64(byte[] bytes) {
    return B64.encodeToString(bytes);
  }

  static SecureRandom seeded(String seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(("jwkit-benchmarks/" + seed).getBytes(StandardCharsets.UTF_8));
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair generate(Alg alg, SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(alg.keyAlgorithm());
      switch (alg.keyAlgorithm()) {
        case "RSA":
          generator.initialize(new RSAKeyGenParameterSpec(alg.bits(), RSAKeyGenParameterSpec.F4), random);
          break;
        case "EC":
          generator.initialize(new ECGenParameterSpec(jcaCurve(alg)), random);
          break;
        case "Ed25519":
          generator.initialize(NamedParameterSpec.ED25519, random);
          break;
        default:
          throw new IllegalStateException(alg.keyAlgorithm());
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a " + alg + " key", e);
    }
  }

  private static String jcaCurve(Alg alg) {
    switch (alg.curve()) {
      case "P-256":
        return "secp256r1";
      case "P-384":
        return "secp384r1";
      default:
        return "secp521r1";
    }
  }

  private static String kidFor(Alg alg, int index) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((alg.name() + ":" + index).getBytes(StandardCharsets.UTF_8));
      return b64(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String publicJwk(Alg alg, String kid, PublicKey key) {
    String common = "\"kid\":\"" + kid + "\",\"use\":\"sig\",\"alg\":\"" + alg.name() + "\"";
    if (key instanceof RSAPublicKey) {
      RSAPublicKey rsa = (RSAPublicKey) key;
      return "{\"kty\":\"RSA\"," + common + ",\"n\":\"" + b64(unsigned(rsa.getModulus(), 0))
          + "\",\"e\":\"" + b64(unsigned(rsa.getPublicExponent(), 0)) + "\"}";
    }
    if (key instanceof ECPublicKey) {
      ECPublicKey ec = (ECPublicKey) key;
      int size = alg.ecFieldBytes();
      return "{\"kty\":\"EC\"," + common + ",\"crv\":\"" + alg.curve() + "\",\"x\":\""
          + b64(unsigned(ec.getW().getAffineX(), size)) + "\",\"y\":\""
          + b64(unsigned(ec.getW().getAffineY(), size)) + "\"}";
    }
    return "{\"kty\":\"OKP\"," + common + ",\"crv\":\"Ed25519\",\"x\":\"" + b64(rawEd25519Public(key)) + "\"}";
  }

  private static String octJwk(String kid, byte[] secret) {
    return "{\"kty\":\"oct\",\"kid\":\"" + kid + "\",\"use\":\"sig\",\"alg\":\"HS256\",\"k\":\"" + b64(secret) + "\"}";
  }

  /** The 32-byte RFC 8032 encoding of an Ed25519 public key: the tail of its X.509 SPKI encoding. */
  public static byte[] rawEd25519Public(PublicKey key) {
    byte[] spki = key.getEncoded();
    return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
  }

  /** The 32-byte Ed25519 private seed: the tail of the JDK's PKCS#8 encoding. */
  public static byte[] rawEd25519Private(PrivateKey key) {
    byte[] pkcs8 = key.getEncoded();
    return Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
  }

  /** Big-endian unsigned bytes, left-padded to {@code size} (0: minimal length). */
  public static byte[] unsigned(BigInteger value, int size) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    if (size == 0 || bytes.length == size) {
      return bytes;
    }
    byte[] padded = new byte[size];
    System.arraycopy(bytes, 0, padded, size - bytes.length, bytes.length);
    return padded;
  }
}
