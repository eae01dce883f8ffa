package dev.jwkit.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void defaults_withoutFileEnvOrFlags() {
    JwkitConfig c = ConfigLoader.of(Map.of()).load(Optional.empty(), Map.of());
    assertThat(c.dataDir()).isEqualTo(Path.of("jwkit-data"));
    assertThat(c.host()).isEqualTo("127.0.0.1");
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.issuer()).isEmpty();
    assertThat(c.storage()).isEqualTo(JwkitConfig.Storage.FILE);
  }

  @Test
  void layers_fileThenEnvThenFlags() throws Exception {
    Path f = dir.resolve("jwkit.yaml");
    Files.writeString(f, "server:\n  host: 0.0.0.0\n  port: 9000\nstorage:\n  file:\n    dataDir: /tmp/a\n"
        + "rotation:\n  rotationPeriod: 7d\nissuer:\n  url: https://issuer.example\n");
    JwkitConfig c = ConfigLoader.of(Map.of("JWKIT_SERVER_PORT", "9100", "JWKIT_STORAGE_FILE_DATA_DIR", "/tmp/b"))
        .load(Optional.of(f), Map.of("server.port", "9200"));
    assertThat(c.host()).isEqualTo("0.0.0.0");
    assertThat(c.port()).isEqualTo(9200);
    assertThat(c.dataDir()).isEqualTo(Path.of("/tmp/b"));
    assertThat(c.policy().rotationPeriod()).isEqualTo(Duration.ofDays(7));
    assertThat(c.issuer()).isPresent();
  }

  @Test
  void badConfiguration_listsEveryProblemAtOnce() throws Exception {
    Path f = dir.resolve("jwkit.yaml");
    Files.writeString(f, "server:\n  port: 99999\n  colour: blue\nrotation:\n  tick: soon\n  algorithm: HS256\n");
    assertThatThrownBy(() -> ConfigLoader.of(Map.of("JWKIT_ISSUER_URL", "not a url")).load(Optional.of(f), Map.of()))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
            .hasSizeGreaterThanOrEqualTo(4)
            .anySatisfy(p -> assertThat(p).contains("server.port"))
            .anySatisfy(p -> assertThat(p).contains("server.colour"))
            .anySatisfy(p -> assertThat(p).contains("rotation.tick"))
            .anySatisfy(p -> assertThat(p).contains("JWKIT_ISSUER_URL")));
  }

  @Test
  void vault_withoutAddressOrToken_listsBothProblems() {
    assertThatThrownBy(() -> ConfigLoader.of(Map.of("JWKIT_STORAGE_TYPE", "vault")).load(Optional.empty(), Map.of()))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
            .anySatisfy(p -> assertThat(p).contains("storage.vault.address"))
            .anySatisfy(p -> assertThat(p).contains("VAULT_TOKEN")));
  }

  @Test
  void vault_fullConfiguration_isAccepted_andNamesNoSecret() throws Exception {
    Path f = dir.resolve("vault.yaml");
    Files.writeString(f, "storage:\n  type: vault\n  vault:\n    address: https://vault.example:8200\n"
        + "    auth:\n      method: approle\n      roleId: r1\n    kvMount: kv\n    path: teams/a\n    transit: true\n");
    JwkitConfig c = ConfigLoader.of(Map.of("VAULT_SECRET_ID", "s3cr3t")).load(Optional.of(f), Map.of());
    assertThat(c.storage()).isEqualTo(JwkitConfig.Storage.VAULT);
    VaultStorage v = c.vault().orElseThrow();
    assertThat(v.kvMount()).isEqualTo("kv");
    assertThat(v.path()).isEqualTo("teams/a");
    assertThat(v.transit()).isTrue();
    assertThat(c.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void valueThatDoesNotMatchItsTag_isInvalidYaml() throws Exception {
    // Found by ConfigLoaderFuzzTest: SnakeYAML let an IllegalArgumentException through.
    Path f = dir.resolve("tagged.yaml");
    Files.writeString(f, "server: !!binary aGVsebG8=\n");
    assertThatThrownBy(() -> ConfigLoader.of(Map.of()).load(Optional.of(f), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not valid YAML")
        .hasMessageNotContaining("aGVsebG8");
  }

  @Test
  void aliasOfAnEnclosingMapping_isReportedNotRecursedInto() throws Exception {
    // Found by ConfigLoaderFuzzTest: the cyclic tree ended in a StackOverflowError.
    Path f = dir.resolve("cycle.yaml");
    Files.writeString(f, "server: &s\n  port: 8080\n  again: *s\n");
    assertThatThrownBy(() -> ConfigLoader.of(Map.of()).load(Optional.of(f), Map.of()))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
            .anySatisfy(p -> assertThat(p).contains("server.again.again.again").contains("nested deeper")));
  }

  @Test
  void missingFileOrInvalidYaml_isReported() throws Exception {
    assertThatThrownBy(() -> ConfigLoader.of(Map.of()).load(Optional.of(dir.resolve("none.yaml")), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("does not exist");
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "a: [unclosed\n");
    assertThatThrownBy(() -> ConfigLoader.of(Map.of()).load(Optional.of(f), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not valid YAML");
  }

  @Test
  void envName_followsThePath() {
    assertThat(ConfigLoader.envName("storage.file.dataDir")).isEqualTo("JWKIT_STORAGE_FILE_DATA_DIR");
    assertThat(ConfigLoader.envName("server.port")).isEqualTo("JWKIT_SERVER_PORT");
  }

  @Test
  void durations_parseShortAndIsoForms() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(Durations.parse("PT1H")).isEqualTo(Duration.ofHours(1));
    assertThatThrownBy(() -> Durations.parse("soon")).isInstanceOf(IllegalArgumentException.class);
  }
}
