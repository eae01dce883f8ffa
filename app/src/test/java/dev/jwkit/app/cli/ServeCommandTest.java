package dev.jwkit.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
  @TempDir Path dir;

  @Test
  void badConfiguration_exitsTwoListingEveryProblem() throws Exception {
    Path f = dir.resolve("c.yaml");
    Files.writeString(f, "server:\n  port: -1\nrotation:\n  maxAge: 2d\n  tick: nope\n");
    Cli r = Cli.run("serve", "--config", f.toString(), "--data-dir", dir.resolve("d").toString());
    assertThat(r.exit).as(r.toString()).isEqualTo(2);
    assertThat(r.err).contains("invalid configuration").contains("server.port").contains("rotation.tick");
    assertThat(r.err.lines().filter(l -> l.startsWith("  - ")).count()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void badPortFlag_isUsageError() {
    assertThat(Cli.run("serve", "--port", "abc").exit).isEqualTo(2);
    assertThat(Cli.run("serve", "--port", "70000", "--data-dir", dir.toString()).exit).isEqualTo(2);
  }
}
