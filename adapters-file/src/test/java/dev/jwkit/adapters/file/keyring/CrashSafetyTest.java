package dev.jwkit.adapters.file.keyring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that saves a ring in a loop with SIGKILL at random moments; after every kill the file
 * must parse and hold exactly one of the versions the process set out to write.
 */
class CrashSafetyTest {

  private static final int KILLS = 12;

  @TempDir Path directory;

  @Test
  void save_killedWithSigkillAtRandomMoments_leavesAWholeSavedVersion() throws Exception {
    Path data = directory.resolve("data");
    Random random = new Random(20261128);
    Set<String> announced = new HashSet<>();
    long lastVersion = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      Path log = directory.resolve("child-" + kill + ".log");
      Process child = ChildJvm.start(SaveLoopMain.class, log, data.toString());
      try {
        waitForLines(log, child, 3 + random.nextInt(40));
        Thread.sleep(random.nextInt(30));
      } finally {
        child.destroyForcibly(); // SIGKILL on POSIX
        child.waitFor(30, TimeUnit.SECONDS);
      }
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      lines.stream().filter(l -> l.startsWith("saving ")).map(l -> l.substring(7)).forEach(announced::add);

      byte[] bytes = Files.readAllBytes(data.resolve("crash.ring.json"));
      String hash = Base64Url.encode(MessageDigest.getInstance("SHA-256").digest(bytes));
      assertThat(announced).as("after kill %d the file holds a version that was being saved", kill).contains(hash);
      KeyRing ring = FileKeyRingRepository.of(data).load(KeyRingId.of("crash")).orElseThrow();
      assertThat(ring.activeKey()).isNotNull();
      assertThat(ring.version()).isGreaterThanOrEqualTo(lastVersion);
      lastVersion = ring.version();
    }
    try (var files = Files.list(data)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .allMatch(name -> name.equals("crash.ring.json") || name.equals("crash.ring.lock")
              || (name.startsWith(".crash.ring.json.") && name.endsWith(".tmp")));
    }
  }

  private static void waitForLines(Path log, Process child, int lines) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readAllLines(log, StandardCharsets.UTF_8).size() >= lines) {
        return;
      }
      if (!child.isAlive()) {
        throw new AssertionError("child exited early: " + Files.readString(log));
      }
      Thread.sleep(5);
    }
    throw new AssertionError("child did not start saving within 60 s: " + Files.readString(log));
  }
}
