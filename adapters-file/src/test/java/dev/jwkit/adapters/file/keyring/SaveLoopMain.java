package dev.jwkit.adapters.file.keyring;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingCommand;
import dev.jwkit.jwks.model.KeyRingDocument;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.model.RotationPlanner;
import dev.jwkit.jwks.model.RotationPolicy;
import dev.jwkit.jwks.model.TestKeys;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;

/**
 * Child process of {@link CrashSafetyTest}: saves a ring forever. Before each save it prints the SHA-256
 * of the exact bytes it is about to write, so the parent knows every content the file may hold.
 */
public final class SaveLoopMain {

  private SaveLoopMain() {}

  public static void main(String[] args) throws Exception {
    FileKeyRingRepository repository = FileKeyRingRepository.of(Path.of(args[0]));
    KeyRingId id = KeyRingId.of("crash");
    RotationPolicy policy = RotationPolicy.builder().rotationPeriod(Duration.ofDays(1)).build();
    PrintStream out = new PrintStream(System.out, true, "UTF-8");
    TestKeys keys = new TestKeys("c");
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    KeyRing ring = repository.load(id).orElse(null);
    if (ring == null) {
      ring = RotationPlanner.apply(KeyRing.empty(id), new KeyRingCommand.StartRing(), policy, now, keys).ring();
      // a ring of some size makes a torn write easy to see
      for (int i = 0; i < 30; i++) {
        ring = RotationPlanner.apply(ring, new KeyRingCommand.RotateNow(), policy, now.plusSeconds(i), keys).ring();
      }
    }
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    out.println("ready");
    while (true) {
      KeyRing next = ring.withVersion(ring.version() + 1);
      out.println("saving " + Base64Url.encode(sha256.digest(KeyRingDocument.toJson(next))));
      ring = repository.save(ring);
    }
  }
}
