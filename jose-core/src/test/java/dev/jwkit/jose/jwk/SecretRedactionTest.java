package dev.jwkit.jose.jwk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Private material (RSA {@code d}/CRT members, EC and OKP {@code d}, oct {@code k}) never appears in a
 * {@code toString()} or in any exception message (causes included), in every encoding a log might show.
 */
class SecretRedactionTest {

  /** Every textual form of a secret that could leak: base64url, decimal, hex, and a prefix of each. */
  private static List<String> forms(String base64url) {
    byte[] raw = Base64Url.decode(base64url);
    List<String> out = new ArrayList<>();
    out.add(base64url.substring(0, Math.min(16, base64url.length())));
    out.add(new BigInteger(1, raw).toString().substring(0, 12));
    out.add(HexFormat.of().formatHex(raw).substring(0, 16));
    out.add(java.util.Base64.getEncoder().encodeToString(raw).substring(0, 16));
    return out;
  }

  private static void assertNoSecret(Object shown, List<String> secrets) {
    String text = String.valueOf(shown);
    for (String secret : secrets) {
      assertThat(text).doesNotContain(secret);
    }
  }

  private static void assertNoSecret(Throwable thrown, List<String> secrets) {
    assertThat(thrown).isInstanceOf(JwkitException.class);
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      assertNoSecret(t.getMessage(), secrets);
      assertNoSecret(t.toString(), secrets);
    }
  }

  private static List<String> secretsOf(Jwk key, String... members) {
    Map<String, Object> json = key.toJsonObject();
    List<String> out = new ArrayList<>();
    for (String m : members) {
      if (json.containsKey(m)) {
        out.addAll(forms((String) json.get(m)));
      }
    }
    return out;
  }

  /** Provokes failures that involve the key's secret: a broken copy, a bad binding, a failed set entry. */
  private static void assertExceptionsRedacted(Jwk key, List<String> secrets, String secretMember) {
    Map<String, Object> json = new java.util.LinkedHashMap<>(key.toJsonObject());
    String secret = (String) json.get(secretMember);
    // the secret with one character changed: the key becomes inconsistent
    String flipped = secret.substring(0, 5) + (secret.charAt(5) == 'A' ? 'B' : 'A') + secret.substring(6);
    json.put(secretMember, flipped);
    assertNoSecret(catchThrowable(() -> Jwk.fromJsonObject(json)), secrets);
    // the secret made non-canonical base64url
    json.put(secretMember, secret + "=");
    assertNoSecret(catchThrowable(() -> Jwk.fromJsonObject(json)), secrets);
    // JSON syntax error right after the secret
    String broken = key.toJson().replace(secret + "\"", secret + "\"\"");
    assertNoSecret(catchThrowable(() -> Jwk.parse(broken)), secrets);
    // unsupported algorithm label on the secret key
    json.put(secretMember, secret);
    json.put("alg", "XX" + secret.substring(0, 8));
    assertNoSecret(catchThrowable(() -> Jwk.fromJsonObject(json)), secrets);
    // a binding failure
    assertNoSecret(catchThrowable(() -> JwkAlgorithmBinding.checkUsableFor(key,
        key.kty() == dev.jwkit.jose.jwa.KeyType.RSA ? JwsAlgorithm.ES256 : JwsAlgorithm.PS512, KeyUsage.SIGN)), secrets);
    // skipped in a set
    json.remove("alg");
    json.put(secretMember, flipped);
    JwkSet set = JwkSet.fromJsonObject(Map.of("keys", List.of(json)));
    assertThat(set.skipped()).hasSize(1);
    assertNoSecret(set.skipped().get(0), secrets);
    assertNoSecret(set, secrets);
  }

  @Test
  void rsaPrivateKey_secretNeverShown() {
    RsaPrivateJwk key = (RsaPrivateJwk) Jwk.parse(RfcN.RSA_PRIVATE);
    List<String> secrets = secretsOf(key, "d", "p", "q", "dp", "dq", "qi");

    assertThat(key.toString()).isEqualTo("RsaPrivateJwk[kid=, modulusBits=2048, d=<redacted>]");
    assertNoSecret(key, secrets);
    assertNoSecret(JwkSet.of(List.of(key)), secrets);
    assertExceptionsRedacted(key, secrets, "d");
    assertExceptionsRedacted(key, secrets, "p");
  }

  @Test
  void ecPrivateKey_secretNeverShown() {
    EcPrivateJwk key = JwkGenerator.generateEc(Curve.P_256);
    List<String> secrets = secretsOf(key, "d");

    assertThat(key.toString()).isEqualTo("EcPrivateJwk[kid=" + key.kid().orElseThrow() + ", crv=P-256, d=<redacted>]");
    assertNoSecret(key, secrets);
    assertExceptionsRedacted(key, secrets, "d");
  }

  @Test
  void okpPrivateKey_secretNeverShown() {
    OkpPrivateJwk key = JwkGenerator.generateOkp(Curve.ED25519);
    List<String> secrets = secretsOf(key, "d");

    assertThat(key.toString()).endsWith(", crv=Ed25519, d=<redacted>]");
    assertNoSecret(key, secrets);
    assertExceptionsRedacted(key, secrets, "d");
  }

  @Test
  void octKey_secretNeverShown() {
    OctJwk key = JwkGenerator.generateOct(256);
    List<String> secrets = secretsOf(key, "k");

    assertThat(key.toString()).endsWith(", bits=256, k=<redacted>]");
    assertNoSecret(key, secrets);
    assertNoSecret(JwkSet.of(List.of(key)), secrets);
    // a short HS512 key: the failure is about the secret, the message must not show it
    Map<String, Object> json = new java.util.LinkedHashMap<>(key.toJsonObject());
    json.put("alg", "HS512");
    assertNoSecret(catchThrowable(() -> Jwk.fromJsonObject(json)), secrets);
    assertNoSecret(catchThrowable(() -> JwkAlgorithmBinding.checkUsableFor(key, JwsAlgorithm.HS512, KeyUsage.SIGN)),
        secrets);
  }

  @Test
  void publicProjection_hasNoPrivateMember() {
    for (PrivateJwk key : List.<PrivateJwk>of((PrivateJwk) Jwk.parse(RfcN.RSA_PRIVATE), JwkGenerator.generateEc(Curve.P_384),
        JwkGenerator.generateOkp(Curve.X448))) {
      PublicJwk pub = key.toPublicJwk();
      assertThat(pub.toJsonObject()).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi", "k");
      assertNoSecret(pub.toJson(), secretsOf(key, "d"));
    }
  }
}
