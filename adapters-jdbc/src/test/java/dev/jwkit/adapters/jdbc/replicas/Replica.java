package dev.jwkit.adapters.jdbc.replicas;

import dev.jwkit.adapters.jdbc.JdbcDatabase;
import dev.jwkit.adapters.jdbc.keyring.JdbcKeyRingRepository;
import dev.jwkit.adapters.jdbc.keyring.KeyEncryptionKey;
import dev.jwkit.jwks.application.KeyRotationService;
import dev.jwkit.jwks.application.RotationResult;
import dev.jwkit.jwks.custody.LocalKeyCustody;
import dev.jwkit.jwks.model.KeyRingEvent;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.model.RotationPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One replica of jwkit's rotation: its own pool, repository and {@link KeyRotationService} on the shared
 * database, rotating the shared ring now and then ticking, and recording every save it made as {@code
 * "<version> <activated kid>"} (a tick that saved activates nothing: its kid is {@code -}).
 */
final class Replica implements AutoCloseable {

  static final KeyRingId RING = KeyRingId.of("replicas");
  static final String KEK_VARIABLE = "JWKIT_TEST_KEK";

  private final JdbcDatabase database;
  private final KeyRotationService service;

  Replica(String jdbcUrl, String user, String schema, KeyEncryptionKey kek) {
    this.database = JdbcDatabase.builder().url(jdbcUrl).user(user).schema(schema).poolSize(2).build();
    JdbcKeyRingRepository repository = JdbcKeyRingRepository.builder().database(database).keyEncryptionKey(kek).build();
    this.service = KeyRotationService.builder(repository, new LocalKeyCustody())
        .policy(RotationPolicy.builder().rotationPeriod(Duration.ofDays(1)).build())
        .ringId(RING).maxAttempts(10_000).build();
  }

  /** Starts the ring (at most one replica saves it) and rotates it until {@code rotations} or the deadline. */
  List<String> run(int rotations, long deadlineNanos) {
    List<String> saves = new ArrayList<>();
    record(service.start(), saves);
    for (int i = 0; i < rotations || System.nanoTime() < deadlineNanos; i++) {
      if (i >= rotations && deadlineNanos == 0) {
        break;
      }
      record(service.rotateNow(), saves);
      record(service.tick(), saves);
    }
    return saves;
  }

  private static void record(RotationResult result, List<String> saves) {
    if (!result.changed()) {
      return;
    }
    String activated = result.events().stream().filter(e -> e instanceof KeyRingEvent.KeyActivated)
        .map(KeyRingEvent::kid).findFirst().orElse("-");
    saves.add(result.ring().version() + " " + activated);
  }

  @Override
  public void close() {
    database.close();
  }
}
