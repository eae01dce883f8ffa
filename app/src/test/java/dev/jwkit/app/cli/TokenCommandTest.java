package dev.jwkit.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.jwkit.jose.Json;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {
  @TempDir Path dir;
  Path key;
  Path jwks;

  @BeforeEach
  void keys() throws Exception {
    key = dir.resolve("key.json");
    Files.writeString(key, Cli.run("keys", "generate", "--alg", "ES256", "--kid", "k1").out);
    jwks = dir.resolve("jwks.json");
    Files.writeString(jwks, "{\"keys\":[" + Cli.run("keys", "public", key.toString()).out.trim() + "]}");
  }

  private String sign(String... extra) {
    String[] args = new String[4 + extra.length];
    args[0] = "token";
    args[1] = "sign";
    args[2] = "--key";
    args[3] = key.toString();
    System.arraycopy(extra, 0, args, 4, extra.length);
    Cli r = Cli.run(args);
    assertThat(r.exit).as(r.toString()).isZero();
    return r.out.trim();
  }

  @Test
  void signAndVerify_withKeyFileAndJwksFile_printsClaims() {
    String token = sign("--claims", "{\"sub\":\"alice\",\"iss\":\"https://i.example\",\"aud\":\"api\"}");
    assertThat(token.split("\\.")).hasSize(3);
    Cli r = Cli.run("token", "verify", "--jwks", jwks.toString(), "--iss", "https://i.example", "--aud", "api", token);
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(Json.parseObject(r.out.trim())).containsEntry("sub", "alice").containsKey("exp");
  }

  @Test
  void verify_json_printsHeaderClaimsAndKid() {
    Cli r = Cli.run("token", "verify", "--json", "--jwks", jwks.toString(), sign("--claims", "{\"sub\":\"a\"}"));
    assertThat(r.exit).as(r.toString()).isZero();
    Map<String, Object> out = Json.parseObject(r.out.trim());
    assertThat(out).containsEntry("valid", true).containsEntry("kid", "k1").containsEntry("alg", "ES256");
  }

  @Test
  void verify_tokenFromStdin_works() {
    String token = sign("--claims", "{\"sub\":\"a\"}");
    assertThat(Cli.runWithInput(token + "\n", "token", "verify", "--jwks", jwks.toString(), "-").exit).isZero();
  }

  @Test
  void claimsFromFile_andHeaderAndTyp_areUsed() throws Exception {
    Path claims = dir.resolve("claims.json");
    Files.writeString(claims, "{\"sub\":\"bob\"}");
    String token = sign("--claims", "@" + claims, "--typ", "at+jwt", "--header", "{\"x-test\":\"1\"}");
    Cli inspect = Cli.run("token", "inspect", token);
    assertThat(inspect.out).contains("\"typ\":\"at+jwt\"").contains("\"x-test\":\"1\"").contains("bob");
    assertThat(Cli.run("token", "verify", "--jwks", jwks.toString(), "--typ", "at+jwt", token).exit).isZero();
  }

  private void assertInvalid(Cli r, String code) {
    assertThat(r.exit).as(r.toString()).isEqualTo(1);
    assertThat(r.out).isEmpty();
    assertThat(r.err.lines()).hasSize(1);
    assertThat(r.err).startsWith("invalid: " + code + ": ");
  }

  @Test
  void tamperedSignature_isInvalid() {
    String token = sign("--claims", "{\"sub\":\"a\"}");
    String[] p = token.split("\\.");
    String other = sign("--claims", "{\"sub\":\"b\"}").split("\\.")[2];
    assertInvalid(Cli.run("token", "verify", "--jwks", jwks.toString(), p[0] + "." + p[1] + "." + other),
        "jws.signature_invalid");
  }

  @Test
  void expiredToken_isInvalid() {
    String token = sign("--claims", "{\"sub\":\"a\",\"exp\":1000}");
    assertInvalid(Cli.run("token", "verify", "--jwks", jwks.toString(), token), "jwt.expired");
  }

  @Test
  void wrongIssuerOrAudience_isInvalid() {
    String token = sign("--claims", "{\"iss\":\"https://a\",\"aud\":\"x\"}");
    assertInvalid(Cli.run("token", "verify", "--jwks", jwks.toString(), "--iss", "https://b", token), "jwt.issuer_mismatch");
    assertInvalid(Cli.run("token", "verify", "--jwks", jwks.toString(), "--aud", "y", token), "jwt.audience_mismatch");
  }

  @Test
  void algNotAllowed_isInvalid() {
    String token = sign("--claims", "{\"sub\":\"a\"}");
    Cli r = Cli.run("token", "verify", "--jwks", jwks.toString(), "--alg", "RS256,PS256", token);
    assertThat(r.exit).as(r.toString()).isEqualTo(1);
    assertThat(r.err).startsWith("invalid: ");
  }

  @Test
  void unknownKid_isInvalid() throws Exception {
    Path other = dir.resolve("other.json");
    Files.writeString(other, Cli.run("keys", "generate", "--alg", "ES256", "--kid", "k2").out);
    Cli s = Cli.run("token", "sign", "--key", other.toString(), "--claims", "{}");
    assertInvalid(Cli.run("token", "verify", "--jwks", jwks.toString(), s.out.trim()), "jwk.key_not_found");
  }

  @Test
  void algNone_isInvalid() {
    String header = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    String body = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"sub\":\"a\"}".getBytes(StandardCharsets.UTF_8));
    Cli r = Cli.run("token", "verify", "--jwks", jwks.toString(), header + "." + body + ".");
    assertThat(r.exit).as(r.toString()).isEqualTo(1);
    assertThat(r.err).startsWith("invalid: ");
  }

  @Test
  void garbageToken_isInvalid() {
    Cli r = Cli.run("token", "verify", "--jwks", jwks.toString(), "not-a-token");
    assertThat(r.exit).isEqualTo(1);
    assertThat(r.err.lines()).hasSize(1);
  }

  @Test
  void verify_missingJwksFile_isInputError() {
    Cli r = Cli.run("token", "verify", "--jwks", dir.resolve("none.json").toString(), "a.b.c");
    assertThat(r.exit).isEqualTo(3);
  }

  @Test
  void sign_withoutKeySource_orBothSources_isUsageError() {
    assertThat(Cli.run("token", "sign", "--claims", "{}").exit).isEqualTo(2);
    assertThat(Cli.run("token", "sign", "--key", key.toString(), "--data-dir", dir.toString(), "--claims", "{}").exit)
        .isEqualTo(2);
  }

  @Test
  void sign_badClaims_isInputError() {
    assertThat(Cli.run("token", "sign", "--key", key.toString(), "--claims", "[1]").exit).isEqualTo(3);
    assertThat(Cli.run("token", "sign", "--key", key.toString(), "--claims", "{\"exp\":\"soon\"}").exit).isEqualTo(3);
  }

  @Test
  void sign_keyWithoutAlg_needsAlg() throws Exception {
    Map<String, Object> jwk = new java.util.LinkedHashMap<>(Json.parseObject(Files.readString(key)));
    jwk.remove("alg");
    Path noAlg = dir.resolve("noalg.json");
    Files.writeString(noAlg, Json.write(jwk));
    assertThat(Cli.run("token", "sign", "--key", noAlg.toString(), "--claims", "{}").exit).isEqualTo(2);
    Cli r = Cli.run("token", "sign", "--key", noAlg.toString(), "--alg", "ES256", "--claims", "{}");
    assertThat(r.exit).as(r.toString()).isZero();
    // the public key has no alg either: the EC family on P-256 allows ES256
    Path pub = dir.resolve("noalg-pub.json");
    Files.writeString(pub, Cli.run("keys", "public", noAlg.toString()).out);
    assertThat(Cli.run("token", "verify", "--jwks", pub.toString(), r.out.trim()).exit).isZero();
  }

  @Test
  void ring_signAndVerify_withDataDir_andRevokedKeyFails() {
    String data = dir.resolve("data").toString();
    Cli missing = Cli.run("token", "sign", "--data-dir", data, "--claims", "{}");
    assertThat(missing.exit).isEqualTo(3);
    assertThat(missing.err).contains("jwkit keys init");
    Cli.run("keys", "init", "--data-dir", data);
    Cli s = Cli.run("token", "sign", "--data-dir", data, "--claims", "{\"sub\":\"a\"}");
    assertThat(s.exit).as(s.toString()).isZero();
    assertThat(Cli.run("token", "verify", "--data-dir", data, s.out.trim()).exit).isZero();
    assertThat(Cli.run("token", "sign", "--data-dir", data, "--alg", "RS256", "--claims", "{}").exit).isEqualTo(2);
    String kid = (String) ((Map<?, ?>) Json.parseObject(Cli.run("token", "inspect", s.out.trim()).out.trim())
        .get("header")).get("kid");
    Cli.run("keys", "revoke", kid, "--data-dir", data);
    assertInvalid(Cli.run("token", "verify", "--data-dir", data, s.out.trim()), "keyring.key_revoked");
  }

  @Test
  void inspect_saysNotVerified() {
    Cli r = Cli.run("token", "inspect", sign("--claims", "{\"sub\":\"a\"}"));
    assertThat(r.exit).isZero();
    assertThat(r.err).contains("NOT VERIFIED");
    assertThat(Json.parseObject(r.out.trim())).containsEntry("verified", false);
  }

  @Test
  void inspect_garbage_isInputError() {
    assertThat(Cli.run("token", "inspect", "garbage").exit).isEqualTo(3);
  }

  @Test
  void jwksFetch_reportsSkippedKeys_andRejectsBadUrls() throws Exception {
    String pub = Files.readString(jwks).trim();
    String body = pub.substring(0, pub.length() - 2) + ",{\"kty\":\"EC\",\"kid\":\"broken\"}]}";
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/jwks", ex -> {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
      Cli r = Cli.run("jwks", "fetch", url);
      assertThat(r.exit).as(r.toString()).isZero();
      assertThat(r.out).contains("k1");
      assertThat(r.err).contains("skipped key #1").contains("broken");
      Cli json = Cli.run("jwks", "fetch", "--json", url);
      assertThat(json.out).contains("\"skipped\":[{");
      assertThat(Cli.run("token", "verify", "--jwks", url, sign("--claims", "{}")).exit).isZero();
      assertThat(Cli.run("jwks", "fetch", "http://127.0.0.1:" + server.getAddress().getPort() + "/missing").exit)
          .isEqualTo(3);
    } finally {
      server.stop(0);
    }
    assertThat(Cli.run("jwks", "fetch", "ftp://x").exit).isEqualTo(2);
  }

  @Test
  void verbose_showsStackTrace_otherwiseNone() {
    Cli quiet = Cli.run("token", "inspect", "garbage");
    assertThat(quiet.err).doesNotContain("\tat ");
    Cli verbose = Cli.run("--verbose", "token", "inspect", "garbage");
    assertThat(verbose.err).contains("\tat ");
  }
}
