package dev.jwkit.adapters.file.keyring;

import dev.jwkit.jwks.application.KeyRotationService;
import dev.jwkit.jwks.application.RotationResult;
import dev.jwkit.jwks.custody.LocalKeyCustody;
import dev.jwkit.jwks.model.KeyRingEvent;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.model.RotationPolicy;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Child process of {@link TwoProcessRotationTest}: rotates the shared ring {@code args[1]} times and
 * prints the kid of every key its rotations created.
 */
public final class RotateLoopMain {

  private RotateLoopMain() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, "UTF-8");
    KeyRotationService service = KeyRotationService.builder(
            FileKeyRingRepository.of(Path.of(args[0])), new LocalKeyCustody())
        .policy(RotationPolicy.builder().rotationPeriod(Duration.ofDays(1)).build())
        .ringId(KeyRingId.of("shared"))
        .clock(Clock.systemUTC())
        .maxAttempts(1_000)
        .build();
    int rotations = Integer.parseInt(args[1]);
    for (int i = 0; i < rotations; i++) {
      RotationResult result = service.rotateNow();
      for (KeyRingEvent event : result.events()) {
        if (event instanceof KeyRingEvent.KeyCreated) {
          out.println("created " + ((KeyRingEvent.KeyCreated) event).kid());
        }
      }
    }
    out.println("done");
  }
}
