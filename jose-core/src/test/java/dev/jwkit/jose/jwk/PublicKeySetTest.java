package dev.jwkit.jose.jwk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwt.JwtClaims;
import dev.jwkit.jose.jwt.JwtSigner;
import dev.jwkit.jose.jwt.JwtVerifier;
import dev.jwkit.jose.pem.CertificateTemplate;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a public key set never yields a secret key ({@link JwkSet#parsePublic}), the public form of a
 * key carries only public members and harmless metadata, and {@code x5c} must hold the JWK's own key.
 */
class PublicKeySetTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static String octJson(byte[] secret, String kidMember) {
    return "{\"kty\":\"oct\"," + kidMember + "\"k\":\"" + Base64Url.encode(secret) + "\"}";
  }

  private static byte[] secret() {
    byte[] s = new byte[32];
    for (int i = 0; i < s.length; i++) {
      s[i] = (byte) (i * 7 + 1);
    }
    return s;
  }

  private static String hs256(byte[] secret, Optional<String> kid) {
    JwtSigner.Builder b = JwtSigner.builder().key(OctJwk.of(secret), JwsAlgorithm.HS256);
    if (kid.isPresent()) {
      b.kid(kid.get());
    } else {
      b.withoutKid();
    }
    return b.build().sign(JwtClaims.builder().subject("mallory").expiration(NOW.plusSeconds(600)).build());
  }

  private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertCode(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, JoseError code) {
    return assertThatThrownBy(call).isInstanceOf(JwkitException.class)
        .satisfies(e -> assertThat(((JwkitException) e).code()).isEqualTo(code));
  }

  private static JwtVerifier verifier(JwkSet keys) {
    return JwtVerifier.builder(keys).allowedAlgorithms(JwsAlgorithm.HS256, JwsAlgorithm.ES256)
        .ignoreIssuer().ignoreAudience().clock(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC)).build();
  }

  @Test
  void parsePublic_octKey_isSkippedWithReason_andItsHmacTokenIsRefused() {
    byte[] secret = secret();
    JwkSet set = JwkSet.parsePublic("{\"keys\":[" + octJson(secret, "\"kid\":\"mac\",") + "]}");
    assertThat(set.keys()).isEmpty();
    assertThat(set.skipped()).singleElement().satisfies(s -> {
      assertThat(s.reason()).isEqualTo(JoseError.NOT_PUBLIC);
      assertThat(s.kid()).contains("mac");
      assertThat(s.index()).isZero();
      assertThat(s.message()).contains("oct").doesNotContain(Base64Url.encode(secret));
    });
    assertCode(() -> verifier(set).verify(hs256(secret, Optional.of("mac"))), JoseError.KEY_NOT_FOUND);
  }

  @Test
  void parsePublic_octKeySharingAnEcKid_doesNotWidenTheAlgorithms() {
    byte[] secret = secret();
    EcPrivateJwk ec = JwkGenerator.generateEc(Curve.P_256);
    String ecPublic = ec.toPublicJwk().withMetadata(JwkMetadata.builder().kid("shared").build()).toJson();
    JwkSet set = JwkSet.parsePublic("{\"keys\":[" + ecPublic + "," + octJson(secret, "\"kid\":\"shared\",") + "]}");
    assertThat(set.keys()).singleElement().isInstanceOf(EcPublicJwk.class);
    assertThat(set.findByKid("shared")).allMatch(k -> k instanceof PublicJwk);
    assertThat(set.skipped()).extracting(JwkSet.SkippedKey::index).containsExactly(1);
    assertCode(() -> verifier(set).verify(hs256(secret, Optional.of("shared"))), JoseError.KEY_MISMATCH);
  }

  @Test
  void parsePublic_octKeyWithoutKid_tokenWithoutKid_isRefusedWithTheSkipReason() {
    byte[] secret = secret();
    EcPrivateJwk ec = JwkGenerator.generateEc(Curve.P_256);
    JwkSet set = JwkSet.parsePublic("{\"keys\":[" + ec.toPublicJwk().toJson() + "," + octJson(secret, "") + "]}");
    assertCode(() -> verifier(set).verify(hs256(secret, Optional.empty())), JoseError.KEY_NOT_FOUND)
        .hasMessageContaining(JoseError.NOT_PUBLIC.id());
  }

  @Test
  void parsePublic_keysWithPrivateMembers_areSkipped_publicOnesKept() {
    EcPrivateJwk ec = JwkGenerator.generateEc(Curve.P_256);
    RsaPrivateJwk rsa = JwkGenerator.generateRsa(2048);
    EcPrivateJwk other = JwkGenerator.generateEc(Curve.P_256);
    JwkSet set = JwkSet.parsePublic("{\"keys\":[" + ec.toJson() + "," + other.toPublicJwk().toJson() + ","
        + rsa.toJson() + "]}");
    assertThat(set.keys()).containsExactly(other.toPublicJwk());
    assertThat(set.skipped()).extracting(JwkSet.SkippedKey::index).containsExactly(0, 2);
    assertThat(set.skipped()).allSatisfy(s -> {
      assertThat(s.reason()).isEqualTo(JoseError.NOT_PUBLIC);
      assertThat(s.message()).contains("private");
    });
    // the lenient parser still reads them: the public mode is what a fetched or published set uses
    assertThat(JwkSet.parse("{\"keys\":[" + ec.toJson() + "]}").keys()).singleElement().isInstanceOf(PrivateJwk.class);
  }

  @Test
  void skippedFor_namesTheReasonOfTheKeyWithThatKid() {
    JwkSet set = JwkSet.parsePublic("{\"keys\":[{\"kty\":\"EC\",\"kid\":\"broken\",\"crv\":\"P-256\"}]}");
    assertThat(set.skippedFor(Optional.of("broken"))).hasValueSatisfying(
        s -> assertThat(s.reason()).isEqualTo(JoseError.MALFORMED_INPUT));
    assertThat(set.skippedFor(Optional.of("other"))).isEmpty();
    assertThat(set.skippedFor(Optional.empty())).isEmpty();
  }

  @Test
  void unknownKid_ofASkippedKey_isReportedWithTheReason() {
    EcPrivateJwk ec = JwkGenerator.generateEc(Curve.P_256);
    Map<String, Object> broken = new LinkedHashMap<>(ec.toPublicJwk().toJsonObject());
    broken.put("kid", "k9");
    broken.put("alg", "RS256"); // does not fit the key: skipped as invalid
    JwkSet set = JwkSet.parsePublic("{\"keys\":[" + Json.write(broken) + "]}");
    String token = JwtSigner.builder().key(ec, JwsAlgorithm.ES256).kid("k9").build()
        .sign(JwtClaims.builder().subject("a").expiration(NOW.plusSeconds(60)).build());
    assertCode(() -> verifier(set).verify(token), JoseError.KEY_NOT_FOUND)
        .hasMessageContaining("skipped").hasMessageContaining(JoseError.INVALID_KEY.id());
  }

  // ---------------------------------------------------------------- the public form's members

  @Test
  void toPublicJwk_dropsUnknownMembers_evenACopyOfD() {
    EcPrivateJwk ec = JwkGenerator.generateEc(Curve.P_256);
    Map<String, Object> json = new LinkedHashMap<>(ec.toJsonObject());
    String d = (String) json.get("d");
    json.put("priv", d);
    json.put("passphrase", "hunter2");
    json.put("exp", 1_900_000_000L);
    json.put("kid", "k1");
    json.put("use", "sig");
    json.put("alg", "ES256");
    PrivateJwk imported = (PrivateJwk) Jwk.fromJsonObject(json);
    Map<String, Object> published = imported.toPublicJwk().toJsonObject();
    assertThat(published.keySet()).containsExactly("kty", "crv", "x", "y", "kid", "use", "alg");
    assertThat(imported.toPublicJwk().toJson()).doesNotContain(d).doesNotContain("hunter2");
    assertThat(JwkSet.of(List.of(imported)).toPublicSet().toJson()).doesNotContain(d).doesNotContain("hunter2");
  }

  @Test
  void publicJwk_constructedWithUnknownMembers_carriesOnlyTheAllowList() {
    EcPrivateJwk ec = JwkGenerator.generateEc(Curve.P_256);
    JwkMetadata md = JwkMetadata.builder().kid("k1").extra("priv", "secret-material").extra("x-note", "n").build();
    PublicJwk withMetadata = ec.toPublicJwk().withMetadata(md);
    assertThat(withMetadata.metadata().extra()).isEmpty();
    assertThat(withMetadata.kid()).contains("k1");
    Map<String, Object> parsedJson = new LinkedHashMap<>(ec.toPublicJwk().toJsonObject());
    parsedJson.put("priv", "secret-material");
    assertThat(Jwk.fromJsonObject(parsedJson).toJson()).doesNotContain("secret-material");
    assertThat(JwkSet.parsePublic("{\"keys\":[" + Json.write(parsedJson) + "]}").toJson())
        .doesNotContain("secret-material");
  }

  // ---------------------------------------------------------------- x5c

  private static String x5cOf(KeyPair pair) {
    X509Certificate cert = CertificateTemplate.builder().subject("CN=k").notBefore(NOW)
        .notAfter(NOW.plus(Duration.ofDays(1))).build().selfSign(pair);
    try {
      return Base64.getEncoder().encodeToString(cert.getEncoded());
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new AssertionError(e);
    }
  }

  private static KeyPair pairOf(EcPrivateJwk key) {
    return new KeyPair(key.toPublicKey(), key.toPrivateKey());
  }

  @Test
  void x5c_whoseFirstCertificateHoldsAnotherKey_isRefused() {
    EcPrivateJwk key = JwkGenerator.generateEc(Curve.P_256);
    EcPrivateJwk other = JwkGenerator.generateEc(Curve.P_256);
    Map<String, Object> json = new LinkedHashMap<>(key.toPublicJwk().toJsonObject());
    json.put("x5c", List.of(x5cOf(pairOf(other))));
    assertCode(() -> Jwk.fromJsonObject(json), JoseError.INVALID_KEY)
        .hasMessageContaining("x5c");
    JwkMetadata mismatched = JwkMetadata.builder().x5c(List.of(x5cOf(pairOf(other)))).build();
    assertCode(() -> key.withMetadata(mismatched), JoseError.INVALID_KEY);
    assertThat(JwkSet.parsePublic("{\"keys\":[" + Json.write(json) + "]}").skipped())
        .singleElement().satisfies(s -> assertThat(s.reason()).isEqualTo(JoseError.INVALID_KEY));
  }

  @Test
  void x5c_holdingTheJwksOwnKey_isAccepted() {
    EcPrivateJwk key = JwkGenerator.generateEc(Curve.P_256);
    Map<String, Object> json = new LinkedHashMap<>(key.toPublicJwk().toJsonObject());
    json.put("x5c", List.of(x5cOf(pairOf(key))));
    assertThat(Jwk.fromJsonObject(json).metadata().x5c()).hasSize(1);
  }

  @Test
  void x5c_thatIsNotACertificate_isRefused() {
    EcPrivateJwk key = JwkGenerator.generateEc(Curve.P_256);
    Map<String, Object> json = new LinkedHashMap<>(key.toPublicJwk().toJsonObject());
    json.put("x5c", List.of(Base64.getEncoder().encodeToString(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01})));
    assertCode(() -> Jwk.fromJsonObject(json), JoseError.MALFORMED_INPUT);
  }
}
