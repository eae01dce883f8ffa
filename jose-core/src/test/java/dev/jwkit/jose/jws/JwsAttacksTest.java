package dev.jwkit.jose.jws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.ErrorCode;
import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.internal.crypto.EcdsaSignatures;
import dev.jwkit.jose.internal.crypto.JcaEngines;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.EcPrivateJwk;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkGenerator;
import dev.jwkit.jose.jwk.JwkMetadata;
import dev.jwkit.jose.jwk.OctJwk;
import dev.jwkit.jose.jwk.OkpPrivateJwk;
import dev.jwkit.jose.jwk.PrivateJwk;
import dev.jwkit.jose.jwk.PublicJwk;
import dev.jwkit.jose.jwk.RsaPrivateJwk;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * One named test per JWS attack of SECURITY.md §5 (items 1-9, 11, 12) and the advisories behind them,
 * each with a hand-made malicious token.
 */
class JwsAttacksTest {

  private static final RsaPrivateJwk RSA = JwkGenerator.generateRsa(2048);
  private static final EcPrivateJwk EC = JwkGenerator.generateEc(Curve.P_256);
  private static final OkpPrivateJwk ED25519 = JwkGenerator.generateOkp(Curve.ED25519);
  private static final OctJwk HMAC_KEY = JwkGenerator.generateOct(256);
  private static final byte[] PAYLOAD = "{\"sub\":\"alice\",\"admin\":false}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] ADMIN = "{\"sub\":\"mallory\",\"admin\":true}".getBytes(StandardCharsets.UTF_8);

  // ---------------------------------------------------------------------------------------------
  // helpers: an attacker's tools, outside jwkit

  static String b64(String text) {
    return Base64Url.encodeUtf8(text);
  }

  static String b64(byte[] bytes) {
    return Base64Url.encode(bytes);
  }

  static byte[] hmacSha256(byte[] key, String signingInput) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An HS256 token over raw header JSON, MAC'd with {@code key}. */
  static String hs256(String headerJson, byte[] payload, byte[] key) {
    String input = b64(headerJson) + "." + b64(payload);
    return input + "." + b64(hmacSha256(key, input));
  }

  static void assertCode(ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  static void assertInvalidToken(ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(InvalidTokenException.class,
        e -> assertThat(e.code()).isEqualTo(code));
  }

  static String sign(PrivateJwk key, JwsAlgorithm alg, JwsHeader header, byte[] payload) {
    return JwsSigner.of(key, alg).signCompact(header, payload);
  }

  static void verify(Jwk key, JwsAlgorithm alg, String token) {
    JwsVerifier.of(key, alg).verify(CompactJws.parse(token));
  }

  // ---------------------------------------------------------------------------------------------
  // 1. alg=none

  @Test
  void algNone_isRejected() {
    for (String none : List.of("none", "None", "NONE", "nOnE")) {
      String unsigned = b64("{\"alg\":\"" + none + "\"}") + "." + b64(ADMIN) + ".";
      String withSignature = unsigned + b64(hmacSha256(new byte[32], unsigned));
      for (String token : List.of(unsigned, withSignature)) {
        assertInvalidToken(() -> CompactJws.parse(token), JoseError.UNSUPPORTED_ALGORITHM);
        assertInvalidToken(() -> verify(HMAC_KEY, JwsAlgorithm.HS256, token), JoseError.UNSUPPORTED_ALGORITHM);
      }
      String flattened = Json.write(Map.of("protected", b64("{\"alg\":\"" + none + "\"}"),
          "payload", b64(ADMIN), "signature", b64(new byte[32])));
      assertInvalidToken(() -> FlattenedJws.parse(flattened), JoseError.UNSUPPORTED_ALGORITHM);
    }
    assertCode(() -> JwsAlgorithm.fromJwaName("none"), JoseError.UNSUPPORTED_ALGORITHM);
    assertCode(() -> JwsHeader.parse("{\"alg\":\"none\"}"), JoseError.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void algCaseVariant_isRejected() {
    String token = hs256("{\"alg\":\"hs256\"}", PAYLOAD, new byte[32]);
    assertInvalidToken(() -> CompactJws.parse(token), JoseError.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void emptySignature_isRejected() {
    // CVE-2020-28042: header.payload. with a real alg
    String token = b64("{\"alg\":\"HS256\"}") + "." + b64(ADMIN) + ".";
    assertInvalidToken(() -> CompactJws.parse(token), JoseError.MALFORMED_INPUT);
  }

  // ---------------------------------------------------------------------------------------------
  // 2. HMAC <-> asymmetric confusion

  @Test
  void hs256WithRsaPublicKey_isRejected() {
    PublicJwk rsaPublic = RSA.toPublicJwk();
    byte[] der = rsaPublic.toPublicKey().getEncoded();
    String pem = "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END PUBLIC KEY-----\n";
    List<byte[]> secrets = List.of(pem.getBytes(StandardCharsets.US_ASCII), der,
        rsaPublic.toJson().getBytes(StandardCharsets.UTF_8));
    JwsVerifier rsVerifier = JwsVerifier.of(rsaPublic, JwsAlgorithm.RS256);
    for (byte[] secret : secrets) {
      String forged = hs256("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", ADMIN, secret);
      // The application's RS256 verifier refuses the token's HS256.
      assertInvalidToken(() -> rsVerifier.verify(CompactJws.parse(forged)), JoseError.ALGORITHM_NOT_ALLOWED);
    }
    // Even an application that asks for HS256 with the RSA key cannot get a verifier: kty does not fit.
    assertCode(() -> JwsVerifier.of(rsaPublic, JwsAlgorithm.HS256), JoseError.KEY_MISMATCH);
    // And the engine below refuses a public key as an HMAC secret.
    assertCode(() -> JcaEngines.verifier(JwsAlgorithm.HS256, rsaPublic.toPublicKey(), false), JoseError.KEY_MISMATCH);
  }

  @Test
  void hs256WithEcAndOkpPublicKeys_isRejected() {
    assertCode(() -> JwsVerifier.of(EC.toPublicJwk(), JwsAlgorithm.HS256), JoseError.KEY_MISMATCH);
    assertCode(() -> JwsVerifier.of(ED25519.toPublicJwk(), JwsAlgorithm.HS256), JoseError.KEY_MISMATCH);
    String forged = hs256("{\"alg\":\"HS256\"}", ADMIN, EC.toPublicJwk().toPublicKey().getEncoded());
    assertInvalidToken(() -> verify(EC.toPublicJwk(), JwsAlgorithm.ES256, forged), JoseError.ALGORITHM_NOT_ALLOWED);
  }

  // ---------------------------------------------------------------------------------------------
  // 3. key <-> algorithm binding

  @Test
  void keyAlgMismatch_isRejected() {
    PublicJwk boundToPs512 = RSA.toPublicJwk().withMetadata(JwkMetadata.builder().alg("PS512").build());
    assertCode(() -> JwsVerifier.of(boundToPs512, JwsAlgorithm.PS256), JoseError.KEY_MISMATCH);
    assertCode(() -> JwsVerifier.of(boundToPs512, JwsAlgorithm.RS256), JoseError.KEY_MISMATCH);
    PublicJwk encryptionKey = RSA.toPublicJwk().withMetadata(JwkMetadata.builder().use("enc").build());
    assertCode(() -> JwsVerifier.of(encryptionKey, JwsAlgorithm.RS256), JoseError.KEY_MISMATCH);
    // ES256 needs P-256: a P-384 key does not fit (CVE-2022-23539).
    EcPrivateJwk p384 = JwkGenerator.generateEc(Curve.P_384);
    assertCode(() -> JwsVerifier.of(p384.toPublicJwk(), JwsAlgorithm.ES256), JoseError.KEY_MISMATCH);
    assertCode(() -> JwsSigner.of(p384, JwsAlgorithm.ES256), JoseError.KEY_MISMATCH);
    // A token claiming another algorithm than the verifier's is refused before any crypto.
    String es384 = sign(p384, JwsAlgorithm.ES384, header(JwsAlgorithm.ES384), PAYLOAD);
    assertInvalidToken(() -> verify(EC.toPublicJwk(), JwsAlgorithm.ES256, es384), JoseError.ALGORITHM_NOT_ALLOWED);
    // A public key cannot sign.
    assertCode(() -> JwsSigner.of(EC.toPublicJwk(), JwsAlgorithm.ES256), JoseError.KEY_MISMATCH);
  }

  @Test
  void weakKeys_areRefusedUnlessExplicitlyAllowed() {
    PrivateJwk rsa1024 = rsaKey(1024);
    assertCode(() -> JwsVerifier.of(rsa1024.toPublicJwk(), JwsAlgorithm.RS256), JoseError.INVALID_KEY);
    assertCode(() -> JwsSigner.of(rsa1024, JwsAlgorithm.RS256), JoseError.INVALID_KEY);
    assertCode(() -> JwsVerifier.of(OctJwk.of(new byte[16]), JwsAlgorithm.HS256), JoseError.INVALID_KEY);
    assertCode(() -> JwsVerifier.of(HMAC_KEY, JwsAlgorithm.HS512), JoseError.INVALID_KEY);
    // Explicit legacy allowance: the 1024-bit key verifies its own tokens.
    byte[] input = "a.b".getBytes(StandardCharsets.US_ASCII);
    JwsVerifier legacy = JwsVerifier.of(rsa1024.toPublicJwk(), JwsAlgorithm.RS256, 1024);
    assertThat(legacy.algorithm()).isEqualTo(JwsAlgorithm.RS256);
    assertThat(JcaEngines.signer(JwsAlgorithm.RS256, rsa1024.toPrivateKey(), true).sign(input, 0, input.length))
        .hasSize(128);
  }

  // ---------------------------------------------------------------------------------------------
  // 4. ECDSA signature validity

  @Test
  void ecdsaZeroSignature_isRejected() {
    // CVE-2022-21449: r = s = 0, r = s = n, and the other edge values, on any JVM.
    BigInteger n = JcaEngines.ecParameters(Curve.P_256).getOrder();
    String valid = sign(EC, JwsAlgorithm.ES256, header(JwsAlgorithm.ES256), ADMIN);
    String input = valid.substring(0, valid.lastIndexOf('.') + 1);
    byte[] realSignature = CompactJws.parse(valid).signature();
    BigInteger realS = new BigInteger(1, realSignature, 32, 32);
    BigInteger[][] cases = {
        {BigInteger.ZERO, BigInteger.ZERO}, {n, n}, {BigInteger.ZERO, realS}, {new BigInteger(1, realSignature, 0, 32), n},
        {n.add(BigInteger.ONE), realS}, {BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE), realS},
    };
    JwsVerifier verifier = JwsVerifier.of(EC.toPublicJwk(), JwsAlgorithm.ES256);
    for (BigInteger[] rs : cases) {
      String forged = input + b64(rs(rs[0], rs[1], 32));
      assertInvalidToken(() -> verifier.verify(CompactJws.parse(forged)), JoseError.SIGNATURE_INVALID);
    }
    assertThat(EcdsaSignatures.isWellFormed(new byte[64], 32, n)).isFalse();
    verifier.verify(CompactJws.parse(valid));
  }

  @Test
  void ecdsaWrongLength_isRejected() {
    String valid = sign(EC, JwsAlgorithm.ES256, header(JwsAlgorithm.ES256), PAYLOAD);
    String input = valid.substring(0, valid.lastIndexOf('.') + 1);
    byte[] signature = CompactJws.parse(valid).signature();
    JwsVerifier verifier = JwsVerifier.of(EC.toPublicJwk(), JwsAlgorithm.ES256);
    byte[] longer = new byte[65];
    System.arraycopy(signature, 0, longer, 1, 64);
    byte[] shorter = java.util.Arrays.copyOf(signature, 63);
    byte[] trailingZero = java.util.Arrays.copyOf(signature, 66);
    for (byte[] bad : List.of(longer, shorter, trailingZero)) {
      assertInvalidToken(() -> verifier.verify(CompactJws.parse(input + b64(bad))), JoseError.SIGNATURE_INVALID);
    }
  }

  @Test
  void derEncodedEcdsaSignature_isRejected() {
    String valid = sign(EC, JwsAlgorithm.ES256, header(JwsAlgorithm.ES256), ADMIN);
    String input = valid.substring(0, valid.lastIndexOf('.') + 1);
    byte[] der = EcdsaSignatures.p1363ToDer(CompactJws.parse(valid).signature());
    assertThat(EcdsaSignatures.derToP1363(der, 32)).isEqualTo(CompactJws.parse(valid).signature());
    assertInvalidToken(() -> verify(EC.toPublicJwk(), JwsAlgorithm.ES256, input + b64(der)), JoseError.SIGNATURE_INVALID);
  }

  // ---------------------------------------------------------------------------------------------
  // 5. embedded and remote keys

  @Test
  void embeddedJwkHeader_isIgnored() {
    // CVE-2018-0114: the attacker signs with their own key and embeds its public half.
    EcPrivateJwk attacker = JwkGenerator.generateEc(Curve.P_256);
    JwsHeader header = JwsHeader.builder().alg(JwsAlgorithm.ES256)
        .jwk(attacker.toPublicJwk().toJsonObject()).build();
    String forged = sign(attacker, JwsAlgorithm.ES256, header, ADMIN);
    assertThat(CompactJws.parse(forged).header().jwk()).isPresent();
    assertInvalidToken(() -> verify(EC.toPublicJwk(), JwsAlgorithm.ES256, forged), JoseError.SIGNATURE_INVALID);
    // An embedded private or symmetric key is a malformed header.
    String withPrivate = hs256("{\"alg\":\"HS256\",\"jwk\":" + attacker.toJson() + "}", ADMIN, new byte[32]);
    assertInvalidToken(() -> CompactJws.parse(withPrivate), JoseError.MALFORMED_INPUT);
    String withOct = hs256("{\"alg\":\"HS256\",\"jwk\":{\"kty\":\"oct\",\"k\":\"AAAA\"}}", ADMIN, new byte[32]);
    assertInvalidToken(() -> CompactJws.parse(withOct), JoseError.MALFORMED_INPUT);
  }

  @Test
  void jkuHeader_isNeverFetched() {
    // jose-core has no I/O at all (an ArchUnit rule forbids java.net.http, URL, Socket); the key used is
    // always the configured one: the attacker's token fails, a token by the configured key passes.
    EcPrivateJwk attacker = JwkGenerator.generateEc(Curve.P_256);
    JwsHeader header = JwsHeader.builder().alg(JwsAlgorithm.ES256)
        .jku("http://169.254.169.254/latest/meta-data/jwks.json").kid("attacker").build();
    String forged = sign(attacker, JwsAlgorithm.ES256, header, ADMIN);
    assertInvalidToken(() -> verify(EC.toPublicJwk(), JwsAlgorithm.ES256, forged), JoseError.SIGNATURE_INVALID);
    String genuine = sign(EC, JwsAlgorithm.ES256, header, PAYLOAD);
    assertThatCode(() -> verify(EC.toPublicJwk(), JwsAlgorithm.ES256, genuine)).doesNotThrowAnyException();
    assertThat(CompactJws.parse(genuine).header().jku()).contains("http://169.254.169.254/latest/meta-data/jwks.json");
  }

  @Test
  void x5uHeader_isIgnored() {
    EcPrivateJwk attacker = JwkGenerator.generateEc(Curve.P_256);
    JwsHeader header = JwsHeader.builder().alg(JwsAlgorithm.ES256).x5u("https://attacker.example/cert.pem")
        .x5c(List.of(Base64.getEncoder().encodeToString(attacker.toPublicJwk().toPublicKey().getEncoded())))
        .build();
    String forged = sign(attacker, JwsAlgorithm.ES256, header, ADMIN);
    assertInvalidToken(() -> verify(EC.toPublicJwk(), JwsAlgorithm.ES256, forged), JoseError.SIGNATURE_INVALID);
    assertThat(CompactJws.parse(forged).header().x5u()).contains("https://attacker.example/cert.pem");
  }

  // ---------------------------------------------------------------------------------------------
  // 6. compact format

  @Test
  void tooManyDots_isRejected() {
    String token = hs256("{\"alg\":\"HS256\"}", PAYLOAD, HMAC_KEY.toSecretKey().getEncoded());
    assertInvalidToken(() -> CompactJws.parse(token + ".AAAA"), JoseError.MALFORMED_INPUT);
    assertInvalidToken(() -> CompactJws.parse(token + "." + token), JoseError.MALFORMED_INPUT);
    // CVE-2025-27144: a string of dots is refused in one pass, without splitting.
    String dots = ".".repeat(1_000_000);
    assertInvalidToken(() -> CompactJws.parse(dots), JoseError.INPUT_TOO_LARGE);
    assertInvalidToken(() -> CompactJws.parse(dots, 2_000_000), JoseError.MALFORMED_INPUT);
    assertInvalidToken(() -> CompactJws.parse("abc.def"), JoseError.MALFORMED_INPUT);
    assertInvalidToken(() -> CompactJws.parse(""), JoseError.MALFORMED_INPUT);
    assertInvalidToken(() -> CompactJws.parse(".."), JoseError.MALFORMED_INPUT);
  }

  @Test
  void jweAsJws_isRejected() {
    // CVE-2023-51774: a five-segment JWE never reaches the JWS code.
    String jwe = b64("{\"alg\":\"dir\",\"enc\":\"A128GCM\"}") + "..AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA";
    assertInvalidToken(() -> CompactJws.parse(jwe), JoseError.MALFORMED_INPUT);
  }

  @Test
  void jsonSerializationAsCompact_isRejected() {
    // CVE-2022-39227: a JSON-serialized JWS (braces, quotes, spaces) is never accepted as compact.
    String token = hs256("{\"alg\":\"HS256\"}", PAYLOAD, HMAC_KEY.toSecretKey().getEncoded());
    String polyglot = "{\"" + token + "\":\"\", \"protected\":\"x\"}";
    assertInvalidToken(() -> CompactJws.parse(polyglot), JoseError.MALFORMED_INPUT);
    assertInvalidToken(() -> CompactJws.parse(" " + token), JoseError.MALFORMED_INPUT);
    assertInvalidToken(() -> CompactJws.parse(token + "\n"), JoseError.MALFORMED_INPUT);
  }

  @Test
  void oversizedToken_isRejected() {
    String huge = "A".repeat(10 * 1024 * 1024);
    long start = System.nanoTime();
    assertInvalidToken(() -> CompactJws.parse(huge), JoseError.INPUT_TOO_LARGE);
    assertThat(System.nanoTime() - start).as("rejected before reading").isLessThan(1_000_000_000L);
    String bigHeader = hs256("{\"alg\":\"HS256\",\"x\":\"" + "a".repeat(60_000) + "\"}", PAYLOAD, new byte[32]);
    assertInvalidToken(() -> CompactJws.parse(bigHeader), JoseError.INPUT_TOO_LARGE);
  }

  // ---------------------------------------------------------------------------------------------
  // 7. base64url

  @Test
  void nonCanonicalBase64_isRejected() {
    byte[] key = HMAC_KEY.toSecretKey().getEncoded();
    String token = hs256("{\"alg\":\"HS256\"}", PAYLOAD, key);
    JwsVerifier verifier = JwsVerifier.of(HMAC_KEY, JwsAlgorithm.HS256);
    verifier.verify(CompactJws.parse(token));
    String signature = token.substring(token.lastIndexOf('.') + 1);
    String input = token.substring(0, token.lastIndexOf('.') + 1);
    // 32-byte MAC: 43 characters whose last one carries 2 unused bits; set them.
    char last = signature.charAt(42);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char flipped = alphabet.charAt(alphabet.indexOf(last) ^ 1);
    for (String bad : List.of(input + signature + "=", input + signature.replace('-', '+').replace('_', '/') + "+",
        input + signature.substring(0, 42) + flipped, input + signature + "AA", input + " " + signature,
        input + signature.substring(0, 20) + "\r\n" + signature.substring(20))) {
      assertInvalidToken(() -> verifier.verify(CompactJws.parse(bad)), JoseError.MALFORMED_INPUT);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // 8. strict JSON

  @Test
  void duplicateHeaderMember_isRejected() {
    String token = hs256("{\"alg\":\"HS256\",\"alg\":\"none\"}", ADMIN, HMAC_KEY.toSecretKey().getEncoded());
    assertInvalidToken(() -> CompactJws.parse(token), JoseError.DUPLICATE_MEMBER);
    String kids = hs256("{\"alg\":\"HS256\",\"kid\":\"a\",\"kid\":\"b\"}", ADMIN, new byte[32]);
    assertInvalidToken(() -> CompactJws.parse(kids), JoseError.DUPLICATE_MEMBER);
  }

  @Test
  void deeplyNestedHeader_isRejected() {
    String nested = "[".repeat(10_000) + "]".repeat(10_000);
    String token = hs256("{\"alg\":\"HS256\",\"x\":" + nested + "}", PAYLOAD, new byte[32]);
    assertInvalidToken(() -> CompactJws.parse(token, 1_000_000), JoseError.INPUT_TOO_LARGE);
    String objects = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
    String token2 = hs256("{\"alg\":\"HS256\",\"x\":" + objects + "}", PAYLOAD, new byte[32]);
    assertInvalidToken(() -> CompactJws.parse(token2), JoseError.INPUT_TOO_LARGE);
  }

  @Test
  void utf16Header_isRejected() {
    String json = "{\"alg\":\"HS256\"}";
    for (java.nio.charset.Charset charset : List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE,
        StandardCharsets.UTF_16)) {
      String token = b64(json.getBytes(charset)) + "." + b64(PAYLOAD) + "." + b64(new byte[32]);
      assertInvalidToken(() -> CompactJws.parse(token), JoseError.MALFORMED_INPUT);
    }
    byte[] bom = ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8);
    String token = b64(bom) + "." + b64(PAYLOAD) + "." + b64(new byte[32]);
    assertInvalidToken(() -> CompactJws.parse(token), JoseError.MALFORMED_INPUT);
  }

  @Test
  void wronglyTypedHeaderValues_areRejected() {
    // CVE-2019-17195: null or wrongly typed registered parameters give a coded error, never an NPE/CCE.
    for (String header : List.of("{}", "{\"alg\":null}", "{\"alg\":1}", "{\"alg\":[\"HS256\"]}",
        "{\"alg\":\"HS256\",\"kid\":null}", "{\"alg\":\"HS256\",\"kid\":7}", "{\"alg\":\"HS256\",\"typ\":{}}",
        "{\"alg\":\"HS256\",\"jwk\":\"x\"}", "{\"alg\":\"HS256\",\"x5c\":\"x\"}", "{\"alg\":\"HS256\",\"x5c\":[]}",
        "{\"alg\":\"HS256\",\"x5c\":[1]}", "{\"alg\":\"HS256\",\"jku\":false}", "[]", "\"HS256\"", "null",
        "{\"alg\":\"HS256\"} x")) {
      String token = hs256(header, PAYLOAD, new byte[32]);
      assertThatThrownBy(() -> CompactJws.parse(token)).as(header).isInstanceOf(InvalidTokenException.class);
    }
    assertInvalidToken(() -> CompactJws.parse(hs256("{\"alg\":\"HS256\",\"crit\":null}", PAYLOAD, new byte[32])),
        JoseError.UNSUPPORTED_CRITICAL_HEADER);
    assertInvalidToken(() -> CompactJws.parse(hs256("{\"alg\":\"HS256\",\"b64\":\"false\",\"crit\":[\"b64\"]}",
        PAYLOAD, new byte[32])), JoseError.MALFORMED_INPUT);
  }

  // ---------------------------------------------------------------------------------------------
  // 9. crit

  @Test
  void unknownCrit_isRejected() {
    // CVE-2026-32597, CVE-2025-59420
    String token = hs256("{\"alg\":\"HS256\",\"crit\":[\"urn:x\"],\"urn:x\":1}", PAYLOAD,
        HMAC_KEY.toSecretKey().getEncoded());
    assertInvalidToken(() -> verify(HMAC_KEY, JwsAlgorithm.HS256, token), JoseError.UNSUPPORTED_CRITICAL_HEADER);
    assertCode(() -> JwsHeader.builder().alg(JwsAlgorithm.HS256).parameter("urn:x", 1L).crit(List.of("urn:x")).build(),
        JoseError.UNSUPPORTED_CRITICAL_HEADER);
  }

  @Test
  void emptyCrit_isRejected() {
    assertInvalidToken(() -> CompactJws.parse(hs256("{\"alg\":\"HS256\",\"crit\":[]}", PAYLOAD, new byte[32])),
        JoseError.UNSUPPORTED_CRITICAL_HEADER);
  }

  @Test
  void malformedCrit_isRejected() {
    for (String header : List.of(
        "{\"alg\":\"HS256\",\"crit\":[\"alg\"]}",                                  // registered name
        "{\"alg\":\"HS256\",\"crit\":[\"kid\"],\"kid\":\"a\"}",                    // registered name
        "{\"alg\":\"HS256\",\"crit\":\"b64\",\"b64\":true}",                       // not an array
        "{\"alg\":\"HS256\",\"crit\":[1]}",                                        // not a string
        "{\"alg\":\"HS256\",\"crit\":[\"b64\",\"b64\"],\"b64\":true}",             // duplicate
        "{\"alg\":\"HS256\",\"crit\":[\"b64\"]}",                                  // listed but absent
        "{\"alg\":\"HS256\",\"b64\":false}")) {                                    // b64 without crit
      assertInvalidToken(() -> CompactJws.parse(hs256(header, PAYLOAD, new byte[32])),
          JoseError.UNSUPPORTED_CRITICAL_HEADER);
    }
  }

  @Test
  void critInUnprotectedHeader_isRejected() {
    String protectedHeader = b64("{\"alg\":\"HS256\"}");
    String payload = b64(PAYLOAD);
    byte[] mac = hmacSha256(HMAC_KEY.toSecretKey().getEncoded(), protectedHeader + "." + payload);
    String json = Json.write(Map.of("protected", protectedHeader, "payload", payload, "signature", b64(mac),
        "header", Map.of("crit", List.of("urn:x"), "urn:x", 1L)));
    assertInvalidToken(() -> FlattenedJws.parse(json), JoseError.UNSUPPORTED_CRITICAL_HEADER);
    String b64Unprotected = Json.write(Map.of("protected", protectedHeader, "payload", payload, "signature", b64(mac),
        "header", Map.of("b64", false)));
    assertInvalidToken(() -> FlattenedJws.parse(b64Unprotected), JoseError.MALFORMED_INPUT);
  }

  @Test
  void overlappingUnprotectedHeader_isRejected() {
    String protectedHeader = b64("{\"alg\":\"HS256\",\"kid\":\"good\"}");
    String payload = b64(PAYLOAD);
    byte[] mac = hmacSha256(HMAC_KEY.toSecretKey().getEncoded(), protectedHeader + "." + payload);
    for (Map<String, Object> unprotected : List.<Map<String, Object>>of(Map.of("alg", "none"), Map.of("kid", "evil"))) {
      String json = Json.write(Map.of("protected", protectedHeader, "payload", payload, "signature", b64(mac),
          "header", unprotected));
      assertInvalidToken(() -> FlattenedJws.parse(json), JoseError.MALFORMED_INPUT);
    }
    String noProtected = Json.write(Map.of("payload", payload, "signature", b64(mac), "header", Map.of("alg", "HS256")));
    assertInvalidToken(() -> FlattenedJws.parse(noProtected), JoseError.MALFORMED_INPUT);
    String general = Json.write(Map.of("payload", payload, "signatures", List.of()));
    assertInvalidToken(() -> FlattenedJws.parse(general), JoseError.MALFORMED_INPUT);
  }

  // ---------------------------------------------------------------------------------------------
  // 11. RSA and HMAC strictness: every bit of the signature matters (CVE-2023-23928)

  @Test
  void signatureBitFlip_everyPosition_isRejected() {
    for (JwsAlgorithm alg : List.of(JwsAlgorithm.HS256, JwsAlgorithm.RS256, JwsAlgorithm.PS256)) {
      Jwk signingKey = alg.isSymmetric() ? HMAC_KEY : RSA;
      Jwk verifyingKey = alg.isSymmetric() ? HMAC_KEY : RSA.toPublicJwk();
      String token = JwsSigner.of(signingKey, alg).signCompact(header(alg), PAYLOAD);
      String input = token.substring(0, token.lastIndexOf('.') + 1);
      byte[] signature = CompactJws.parse(token).signature();
      JwsVerifier verifier = JwsVerifier.of(verifyingKey, alg);
      for (int i = 0; i < signature.length; i += alg.isSymmetric() ? 1 : 17) {
        byte[] flipped = signature.clone();
        flipped[i] ^= 0x01;
        assertInvalidToken(() -> verifier.verify(CompactJws.parse(input + b64(flipped))), JoseError.SIGNATURE_INVALID);
      }
      verifier.verify(CompactJws.parse(token));
    }
  }

  @Test
  void tamperedPayload_isRejected() {
    String token = JwsSigner.of(HMAC_KEY, JwsAlgorithm.HS256).signCompact(header(JwsAlgorithm.HS256), PAYLOAD);
    String[] parts = token.split("\\.");
    String tampered = parts[0] + "." + b64(ADMIN) + "." + parts[2];
    assertInvalidToken(() -> verify(HMAC_KEY, JwsAlgorithm.HS256, tampered), JoseError.SIGNATURE_INVALID);
  }

  // ---------------------------------------------------------------------------------------------
  // 12. EdDSA strictness

  @Test
  void ed25519ForgedThenValid_sameVerifierStillWorks() {
    // JDK 17 quirk: an Ed25519 Signature that threw fails the next verify; pooled instances that threw are
    // discarded. Forge with S >= L (throws "s is too large" in SunEC), then verify a valid token.
    JwsVerifier verifier = JwsVerifier.of(ED25519.toPublicJwk(), JwsAlgorithm.EdDSA);
    String valid = sign(ED25519, JwsAlgorithm.EdDSA, header(JwsAlgorithm.EdDSA), PAYLOAD);
    String input = valid.substring(0, valid.lastIndexOf('.') + 1);
    byte[] forged = new byte[64];
    java.util.Arrays.fill(forged, 32, 64, (byte) 0xFF);
    for (int round = 0; round < 3; round++) {
      assertInvalidToken(() -> verifier.verify(CompactJws.parse(input + b64(forged))), JoseError.SIGNATURE_INVALID);
      verifier.verify(CompactJws.parse(valid));
    }
  }

  @Test
  void malleableEd25519_isRejected() {
    // S + L verifies on a lax implementation (signature malleability); it must not here.
    BigInteger l = BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));
    String valid = sign(ED25519, JwsAlgorithm.EdDSA, header(JwsAlgorithm.EdDSA), PAYLOAD);
    String input = valid.substring(0, valid.lastIndexOf('.') + 1);
    byte[] signature = CompactJws.parse(valid).signature();
    byte[] sLittleEndian = java.util.Arrays.copyOfRange(signature, 32, 64);
    BigInteger s = new BigInteger(1, reverse(sLittleEndian));
    byte[] bigger = reverse(toFixed(s.add(l), 32));
    byte[] malleable = signature.clone();
    System.arraycopy(bigger, 0, malleable, 32, 32);
    JwsVerifier verifier = JwsVerifier.of(ED25519.toPublicJwk(), JwsAlgorithm.EdDSA);
    assertInvalidToken(() -> verifier.verify(CompactJws.parse(input + b64(malleable))), JoseError.SIGNATURE_INVALID);
    verifier.verify(CompactJws.parse(valid));
    // Wrong lengths too.
    assertInvalidToken(() -> verifier.verify(CompactJws.parse(input + b64(java.util.Arrays.copyOf(signature, 63)))),
        JoseError.SIGNATURE_INVALID);
  }

  @Test
  void eddsaCurveAndAlgBinding_isEnforced() {
    OkpPrivateJwk ed448 = JwkGenerator.generateOkp(Curve.ED448);
    assertCode(() -> JwsVerifier.of(ed448.toPublicJwk(), JwsAlgorithm.Ed25519), JoseError.KEY_MISMATCH);
    String token = sign(ed448, JwsAlgorithm.EdDSA, header(JwsAlgorithm.EdDSA), PAYLOAD);
    verify(ed448.toPublicJwk(), JwsAlgorithm.EdDSA, token);
    assertThat(CompactJws.parse(token).signature()).hasSize(114);
    // EdDSA and Ed25519 are different algorithms: an EdDSA token does not pass an Ed25519 verifier.
    String edDsa = sign(ED25519, JwsAlgorithm.EdDSA, header(JwsAlgorithm.EdDSA), PAYLOAD);
    assertInvalidToken(() -> verify(ED25519.toPublicJwk(), JwsAlgorithm.Ed25519, edDsa), JoseError.ALGORITHM_NOT_ALLOWED);
    String ed25519 = sign(ED25519, JwsAlgorithm.Ed25519, header(JwsAlgorithm.Ed25519), PAYLOAD);
    verify(ED25519.toPublicJwk(), JwsAlgorithm.Ed25519, ed25519);
  }

  // ---------------------------------------------------------------------------------------------
  // messages

  @Test
  void exceptionMessages_neverContainTokenOrKey() {
    String secretClaim = "top-secret-claim-value";
    String token = JwsSigner.of(HMAC_KEY, JwsAlgorithm.HS256).signCompact(header(JwsAlgorithm.HS256),
        ("{\"x\":\"" + secretClaim + "\"}").getBytes(StandardCharsets.UTF_8));
    String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BA" : "AA");
    Consumer<Throwable> clean = e -> assertThat(e.getMessage())
        .doesNotContain(secretClaim).doesNotContain(token.substring(0, 20))
        .doesNotContain(Base64Url.encode(HMAC_KEY.toSecretKey().getEncoded()));
    assertThatThrownBy(() -> verify(HMAC_KEY, JwsAlgorithm.HS256, tampered)).satisfies(clean);
    assertThatThrownBy(() -> CompactJws.parse("{" + token)).satisfies(clean);
    assertThat(JwsSigner.of(HMAC_KEY, JwsAlgorithm.HS256).toString()).contains("redacted");
  }

  @Test
  void hostileKid_isSanitizedInMessages() {
    String kid = "line\nbreak" + "x".repeat(500);
    OctJwk key = (OctJwk) HMAC_KEY.withMetadata(JwkMetadata.builder().kid(kid).build());
    JwsVerifier verifier = JwsVerifier.of(key, JwsAlgorithm.HS256);
    assertThat(verifier.kid()).contains(kid);
    String token = JwsSigner.of(EC, JwsAlgorithm.ES256).signCompact(header(JwsAlgorithm.ES256), PAYLOAD);
    assertThatThrownBy(() -> verifier.verify(CompactJws.parse(token)))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(200));
    assertThat(verifier.toString()).doesNotContain("\n").hasSizeLessThan(200);
  }

  @Test
  void signerAndHeaderAlgMismatch_isRefused() {
    assertThatThrownBy(() -> JwsSigner.of(HMAC_KEY, JwsAlgorithm.HS256).signCompact(header(JwsAlgorithm.RS256), PAYLOAD))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---------------------------------------------------------------------------------------------

  static JwsHeader header(JwsAlgorithm alg) {
    return JwsHeader.builder().alg(alg).typ("JWT").build();
  }

  static PrivateJwk rsaKey(int bits) {
    try {
      java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return PrivateJwk.of(generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] rs(BigInteger r, BigInteger s, int length) {
    byte[] out = new byte[2 * length];
    System.arraycopy(toFixed(r, length), 0, out, 0, length);
    System.arraycopy(toFixed(s, length), 0, out, length, length);
    return out;
  }

  static byte[] toFixed(BigInteger value, int length) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[length];
    int copy = Math.min(raw.length, length);
    System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
    return out;
  }

  static byte[] reverse(byte[] bytes) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = bytes[bytes.length - 1 - i];
    }
    return out;
  }

}
