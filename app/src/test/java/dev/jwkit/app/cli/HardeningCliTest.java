package dev.jwkit.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.JwkMetadata;
import dev.jwkit.jose.jwk.OctJwk;
import dev.jwkit.jose.jwt.JwtClaims;
import dev.jwkit.jose.jwt.JwtSigner;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, adversarial review: what the CLI must refuse, each attack with a name. */
class HardeningCliTest {
  @TempDir Path dir;
  Path key;
  String ecPublic;
  HttpServer server;
  volatile String served = "";

  @BeforeEach
  void keys() throws Exception {
    key = dir.resolve("key.json");
    Files.writeString(key, Cli.run("keys", "generate", "--alg", "ES256", "--kid", "k1").out);
    ecPublic = Cli.run("keys", "public", key.toString()).out.trim();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private String serve(String body) throws Exception {
    served = body;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/jwks", this::respond);
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
  }

  private void respond(HttpExchange exchange) throws IOException {
    byte[] body = served.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private Path file(String name, String content) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, content);
    return f;
  }

  private static OctJwk oct(String kid) {
    byte[] secret = new byte[32];
    for (int i = 0; i < secret.length; i++) {
      secret[i] = (byte) (kid == null ? i : i + kid.hashCode());
    }
    OctJwk key = OctJwk.of(secret);
    return kid == null ? key : key.withMetadata(JwkMetadata.builder().kid(kid).build());
  }

  private static String hmacToken(OctJwk key) {
    JwtSigner.Builder b = JwtSigner.builder().key(key, JwsAlgorithm.HS256);
    if (key.kid().isPresent()) {
      b.kid(key.kid().get());
    } else {
      b.withoutKid();
    }
    return b.build().sign(JwtClaims.builder().subject("mallory").expiration(Instant.now().plusSeconds(600)).build());
  }

  private static void assertRefused(Cli r) {
    assertThat(r.exit).as(r.toString()).isEqualTo(1);
    assertThat(r.out).as(r.toString()).isEmpty();
    assertThat(r.err).startsWith("invalid: ");
  }

  // ---------------------------------------------------------------- a public set never yields a secret

  @Test
  void verify_hmacTokenMacedWithAnOctKeyOfTheSet_isRefused_fromAFileAndAUrl() throws Exception {
    OctJwk mac = oct("mac");
    OctJwk sharing = oct("k1");
    OctJwk anonymous = oct(null);
    String jwks = "{\"keys\":[" + ecPublic + "," + mac.toJson() + "," + sharing.toJson() + "," + anonymous.toJson()
        + "]}";
    String jwksFile = file("jwks.json", jwks).toString();
    String url = serve(jwks);
    for (String location : List.of(jwksFile, url)) {
      Cli named = Cli.run("token", "verify", "--jwks", location, hmacToken(mac));
      assertRefused(named);
      assertThat(named.err).as("the reason the key was skipped").contains("jwk.not_public");
      // an oct key sharing the EC key's kid does not widen the algorithms of that kid
      assertRefused(Cli.run("token", "verify", "--jwks", location, hmacToken(sharing)));
      // an oct key without kid, and a token without kid
      assertRefused(Cli.run("token", "verify", "--jwks", location, hmacToken(anonymous)));
    }
  }

  @Test
  void verify_aSingleOctJwkAsTheKeySet_isRefused() throws Exception {
    OctJwk mac = oct("mac");
    assertRefused(Cli.run("token", "verify", "--jwks", file("mac.json", mac.toJson()).toString(), hmacToken(mac)));
  }

  @Test
  void jwksFetch_reportsOctAndPrivateKeysAsSkippedByTheParserRule() throws Exception {
    String privateJwk = Files.readString(key).trim();
    String url = serve("{\"keys\":[" + ecPublic + "," + oct("mac").toJson() + "," + privateJwk + "]}");
    Cli r = Cli.run("jwks", "fetch", url);
    assertThat(r.err).contains("skipped key #1").contains("skipped key #2").contains("jwk.not_public");
    assertThat(r.out).doesNotContain("\"k\"").doesNotContain("\"d\"");
  }

  @Test
  void verify_kidOfASkippedKey_saysWhyTheKeyWasSkipped() throws Exception {
    Map<String, Object> broken = new LinkedHashMap<>(Json.parseObject(ecPublic));
    broken.put("alg", "RS256"); // does not fit an EC key: skipped as invalid
    Path jwks = file("jwks.json", "{\"keys\":[" + Json.write(broken) + "]}");
    String token = Cli.run("token", "sign", "--key", key.toString(), "--claims", "{\"sub\":\"a\"}").out.trim();
    Cli r = Cli.run("token", "verify", "--jwks", jwks.toString(), token);
    assertRefused(r);
    assertThat(r.err).contains("jwk.key_not_found").contains("skipped").contains("jwk.invalid_key");
  }

  // ---------------------------------------------------------------- unknown members never reach a JWKS

  @Test
  void importedKeyWithUnknownMembers_publishesOnlyPublicMembers() throws Exception {
    Map<String, Object> jwk = new LinkedHashMap<>(Json.parseObject(Files.readString(key)));
    String d = (String) jwk.get("d");
    jwk.put("priv", d);
    jwk.put("passphrase", "hunter2-passphrase");
    Path hostile = file("hostile.json", Json.write(jwk));

    Cli pub = Cli.run("keys", "public", hostile.toString());
    assertThat(pub.exit).as(pub.toString()).isZero();
    assertThat(Json.parseObject(pub.out.trim()).keySet()).containsExactlyInAnyOrder("kty", "crv", "x", "y", "kid",
        "use", "alg");
    Cli pubSet = Cli.run("keys", "public", file("set.json", "{\"keys\":[" + Json.write(jwk) + "]}").toString());
    assertThat(pubSet.out).doesNotContain(d).doesNotContain("hunter2-passphrase").doesNotContain("priv");

    String data = dir.resolve("data").toString();
    Cli imported = Cli.run("keys", "import", hostile.toString(), "--data-dir", data);
    assertThat(imported.exit).as(imported.toString()).isZero();
    Cli export = Cli.run("keys", "export", "--data-dir", data);
    assertThat(export.out).contains("k1").doesNotContain(d).doesNotContain("hunter2-passphrase");
    // nor does the stored ring keep them
    try (var files = Files.list(Path.of(data))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".ring.json")).toList()) {
        assertThat(Files.readString(f)).doesNotContain("hunter2-passphrase").doesNotContain("\"priv\"");
      }
    }
  }

  // ---------------------------------------------------------------- storage

  @Test
  void keysInit_intoAWorldWritableDirectory_isRefusedBeforeWriting() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "needs POSIX permissions");
    Path data = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
    Cli r = Cli.run("keys", "init", "--data-dir", data.toString());
    assertThat(r.exit).as(r.toString()).isEqualTo(3);
    assertThat(r.err).contains("file.insecure_permissions").contains("chmod 700");
    try (var files = Files.list(data)) {
      assertThat(files.filter(p -> p.toString().endsWith(".ring.json")).toList()).as("no private key written").isEmpty();
    }
  }

  @Test
  void ringVersionOfLongMax_isACorruptRing_notAUsageError() throws Exception {
    String data = dir.resolve("data").toString();
    assertThat(Cli.run("keys", "init", "--data-dir", data).exit).isZero();
    Path ring;
    try (var files = Files.list(Path.of(data))) {
      ring = files.filter(p -> p.toString().endsWith(".ring.json")).findFirst().orElseThrow();
    }
    String text = Files.readString(ring);
    String edited = text.replaceFirst("\"version\":\\d+", "\"version\":" + Long.MAX_VALUE);
    assertThat(edited).isNotEqualTo(text);
    Files.writeString(ring, edited);
    for (String command : List.of("rotate", "list")) {
      Cli r = Cli.run("keys", command, "--data-dir", data);
      assertThat(r.exit).as(r.toString()).isEqualTo(3);
      assertThat(r.err).contains("file.corrupt").contains("version");
    }
  }
}
