package dev.jwkit.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.jose.Json;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.PrivateJwk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTest {
  @TempDir Path dir;

  private String data() {
    return dir.resolve("data").toString();
  }

  @Test
  void generate_es256_printsPrivateJwkWithThumbprintKid() {
    Cli r = Cli.run("keys", "generate", "--alg", "ES256");
    assertThat(r.exit).as(r.toString()).isZero();
    Jwk key = Jwk.parse(r.out.trim());
    assertThat(key).isInstanceOf(PrivateJwk.class);
    assertThat(key.kid()).contains(key.thumbprint().toBase64Url());
    assertThat(key.alg()).contains("ES256");
  }

  @Test
  void generate_withKidAndRsaSize_usesThem() {
    Cli r = Cli.run("keys", "generate", "--alg", "PS256", "--kid", "k1", "--size", "2048");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(Jwk.parse(r.out.trim()).kid()).contains("k1");
  }

  @Test
  void generate_everyAlgorithm_succeeds() {
    for (String alg : List.of("ES384", "ES512", "EdDSA", "Ed25519", "HS256", "RS256")) {
      assertThat(Cli.run("keys", "generate", "--alg", alg).exit).as(alg).isZero();
    }
  }

  @Test
  void generate_sizeOnEcKey_isUsageError() {
    Cli r = Cli.run("keys", "generate", "--alg", "ES256", "--size", "256");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("--size applies only to RSA and HMAC");
  }

  @Test
  void generate_unknownOrMissingAlg_isUsageError() {
    assertThat(Cli.run("keys", "generate", "--alg", "none").exit).isEqualTo(2);
    assertThat(Cli.run("keys", "generate", "--alg", "none").err).contains("unknown algorithm");
    assertThat(Cli.run("keys", "generate").exit).isEqualTo(2);
  }

  @Test
  void public_ofPrivateJwkFile_printsPublicPartOnly() throws Exception {
    Path f = dir.resolve("k.json");
    Files.writeString(f, Cli.run("keys", "generate", "--alg", "ES256").out);
    Cli r = Cli.run("keys", "public", f.toString());
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).doesNotContain("\"d\"").contains("\"x\"");
  }

  @Test
  void public_fromStdinAndJwks_printsPublicSet() {
    String key = Cli.run("keys", "generate", "--alg", "EdDSA").out.trim();
    Cli r = Cli.runWithInput("{\"keys\":[" + key + "]}", "keys", "public", "-");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).startsWith("{\"keys\":[").doesNotContain("\"d\"");
  }

  @Test
  void public_ofOctKey_isInputError() throws Exception {
    Path f = dir.resolve("k.json");
    Files.writeString(f, Cli.run("keys", "generate", "--alg", "HS256").out);
    Cli r = Cli.run("keys", "public", f.toString());
    assertThat(r.exit).isEqualTo(3);
    assertThat(r.err).contains("no public form");
  }

  @Test
  void public_missingFileOrBadJson_isInputError() throws Exception {
    assertThat(Cli.run("keys", "public", dir.resolve("nope.json").toString()).err).contains("does not exist");
    Path f = dir.resolve("bad.json");
    Files.writeString(f, "{not json");
    assertThat(Cli.run("keys", "public", f.toString()).exit).isEqualTo(3);
  }

  @Test
  void ringCommands_onMissingRing_exitThreeAndSayHowToStart() {
    for (String[] cmd : List.of(new String[] {"list"}, new String[] {"rotate"}, new String[] {"revoke", "x"},
        new String[] {"export"})) {
      String[] args = new String[cmd.length + 3];
      args[0] = "keys";
      System.arraycopy(cmd, 0, args, 1, cmd.length);
      args[cmd.length + 1] = "--data-dir";
      args[cmd.length + 2] = data();
      Cli r = Cli.run(args);
      assertThat(r.exit).as(r.toString()).isEqualTo(3);
      assertThat(r.err).contains("jwkit keys init").doesNotContain("Exception");
    }
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> listJson() {
    Cli r = Cli.run("keys", "list", "--json", "--data-dir", data());
    assertThat(r.exit).as(r.toString()).isZero();
    return (List<Map<String, Object>>) Json.parseObject(r.out.trim()).get("keys");
  }

  private String kidIn(List<Map<String, Object>> keys, String state) {
    return keys.stream().filter(k -> state.equals(k.get("state"))).map(k -> (String) k.get("kid")).findFirst().orElseThrow();
  }

  @Test
  void initListRotate_promotesThePendingKey() {
    Cli init = Cli.run("keys", "init", "--data-dir", data());
    assertThat(init.exit).as(init.toString()).isZero();
    assertThat(init.out).contains("started key ring");
    assertThat(Cli.run("keys", "init", "--data-dir", data()).out).contains("already started");
    List<Map<String, Object>> keys = listJson();
    assertThat(keys).allSatisfy(k -> assertThat(k).containsKeys("kid", "state", "alg"));
    String active = kidIn(keys, "ACTIVE");
    String pending = kidIn(keys, "PENDING");
    assertThat(keys.get(0).get("alg")).isEqualTo("ES256");

    Cli rotate = Cli.run("keys", "rotate", "--data-dir", data());
    assertThat(rotate.exit).as(rotate.toString()).isZero();
    List<Map<String, Object>> after = listJson();
    assertThat(kidIn(after, "ACTIVE")).isEqualTo(pending);
    assertThat(kidIn(after, "RETIRED")).isEqualTo(active);
    assertThat(Cli.run("keys", "list", "--data-dir", data()).out).contains(pending).contains("ACTIVE");
  }

  @Test
  void revoke_unknownKid_isInputError_knownKid_revokes() {
    Cli.run("keys", "init", "--data-dir", data());
    assertThat(Cli.run("keys", "revoke", "nope", "--data-dir", data()).exit).isEqualTo(3);
    String pending = kidIn(listJson(), "PENDING");
    Cli r = Cli.run("keys", "revoke", pending, "--reason", "leaked", "--data-dir", data());
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(listJson()).anySatisfy(k -> {
      assertThat(k.get("kid")).isEqualTo(pending);
      assertThat(k.get("state")).isEqualTo("REVOKED");
    });
  }

  @Test
  void importAndExport_roundTrip() throws Exception {
    Path f = dir.resolve("k.json");
    Files.writeString(f, Cli.run("keys", "generate", "--alg", "ES256", "--kid", "imported-1").out);
    Cli r = Cli.run("keys", "import", f.toString(), "--data-dir", data());
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("imported-1");
    Cli export = Cli.run("keys", "export", "--data-dir", data());
    assertThat(export.exit).isZero();
    assertThat(export.out).contains("imported-1").doesNotContain("\"d\"");
    Path out = dir.resolve("jwks.json");
    assertThat(Cli.run("keys", "export", "--out", out.toString(), "--data-dir", data()).exit).isZero();
    assertThat(Files.readString(out)).contains("imported-1");
  }

  @Test
  void import_publicKey_isInputError() throws Exception {
    Path f = dir.resolve("k.json");
    Files.writeString(f, Cli.run("keys", "generate", "--alg", "ES256").out);
    Path pub = dir.resolve("pub.json");
    Files.writeString(pub, Cli.run("keys", "public", f.toString()).out);
    assertThat(Cli.run("keys", "import", pub.toString(), "--data-dir", data()).exit).isEqualTo(3);
  }

  @Test
  void help_onEveryCommand_exitsZero() {
    for (String[] cmd : List.of(new String[] {"--help"}, new String[] {"keys", "--help"},
        new String[] {"keys", "generate", "--help"}, new String[] {"keys", "public", "--help"},
        new String[] {"keys", "init", "--help"}, new String[] {"keys", "list", "--help"},
        new String[] {"keys", "rotate", "--help"}, new String[] {"keys", "revoke", "--help"},
        new String[] {"keys", "import", "--help"}, new String[] {"keys", "export", "--help"},
        new String[] {"token", "--help"}, new String[] {"token", "sign", "--help"},
        new String[] {"token", "verify", "--help"}, new String[] {"token", "inspect", "--help"},
        new String[] {"jwks", "--help"}, new String[] {"jwks", "fetch", "--help"}, new String[] {"serve", "--help"})) {
      Cli r = Cli.run(cmd);
      assertThat(r.exit).as(String.join(" ", cmd)).isZero();
      assertThat(r.out).contains("Usage:");
    }
  }

  @Test
  void groupWithoutSubcommand_isUsageError() {
    assertThat(Cli.run("keys").exit).isEqualTo(2);
    assertThat(Cli.run("token").exit).isEqualTo(2);
  }
}
