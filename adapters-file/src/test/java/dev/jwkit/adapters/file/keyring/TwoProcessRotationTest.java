package dev.jwkit.adapters.file.keyring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.jwks.application.KeyRotationService;
import dev.jwkit.jwks.custody.LocalKeyCustody;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.model.KeyState;
import dev.jwkit.jwks.model.ManagedKey;
import dev.jwkit.jwks.model.RotationPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs rotate one ring file at the same time: no update is lost and one key is active. */
class TwoProcessRotationTest {

  private static final int ROTATIONS_PER_PROCESS = 25;

  @TempDir Path directory;

  @Test
  void rotateNow_fromTwoProcessesAtOnce_losesNoUpdateAndKeepsOneActiveKey() throws Exception {
    Path data = directory.resolve("data");
    KeyRingId id = KeyRingId.of("shared");
    KeyRotationService starter = KeyRotationService.builder(FileKeyRingRepository.of(data), new LocalKeyCustody())
        .policy(RotationPolicy.builder().rotationPeriod(Duration.ofDays(1)).build())
        .ringId(id).clock(Clock.systemUTC()).build();
    starter.start();
    int keysBefore = FileKeyRingRepository.of(data).load(id).orElseThrow().keys().size();

    List<Process> children = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Path log = directory.resolve("rotator-" + i + ".log");
      logs.add(log);
      children.add(ChildJvm.start(RotateLoopMain.class, log, data.toString(), String.valueOf(ROTATIONS_PER_PROCESS)));
    }
    for (Process child : children) {
      assertThat(child.waitFor(180, TimeUnit.SECONDS)).as("rotator finished").isTrue();
    }
    List<String> created = new ArrayList<>();
    for (int i = 0; i < logs.size(); i++) {
      List<String> lines = Files.readAllLines(logs.get(i), StandardCharsets.UTF_8);
      assertThat(children.get(i).exitValue()).as("rotator %d output: %s", i, lines).isZero();
      assertThat(lines).last().isEqualTo("done");
      lines.stream().filter(l -> l.startsWith("created ")).map(l -> l.substring(8)).forEach(created::add);
    }

    KeyRing ring = FileKeyRingRepository.of(data).load(id).orElseThrow();
    assertThat(created).hasSize(2 * ROTATIONS_PER_PROCESS).doesNotHaveDuplicates();
    assertThat(ring.keys().stream().map(ManagedKey::kid).collect(Collectors.toSet())).containsAll(created);
    assertThat(ring.keys()).hasSize(keysBefore + 2 * ROTATIONS_PER_PROCESS);
    assertThat(ring.keys(KeyState.ACTIVE)).hasSize(1);
  }
}
