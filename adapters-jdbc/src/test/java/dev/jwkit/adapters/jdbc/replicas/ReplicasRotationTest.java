package dev.jwkit.adapters.jdbc.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.adapters.jdbc.JdbcDatabase;
import dev.jwkit.adapters.jdbc.keyring.JdbcKeyRingRepository;
import dev.jwkit.adapters.jdbc.keyring.KeyEncryptionKey;
import dev.jwkit.adapters.jdbc.testing.PostgresServer;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyState;
import dev.jwkit.jwks.model.ManagedKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replicas of jwkit — threads of this JVM, and separate JVMs — each with its own pool, repository and
 * {@code KeyRotationService}, rotate one ring in one PostgreSQL database at the same time, while a reader
 * loads the ring in a loop. Shown: whenever the reader looks there is exactly one active key and the
 * version never goes back; every save got a version of its own, the versions of all saves together are
 * exactly 1..final (no lost update, strictly increasing); every activated key is in the final ring, and
 * the last one activated is the active key.
 *
 * <p>The build runs a bounded number of rotations (about ten seconds on a quiet machine). The soak variant
 * runs each replica for a given time instead: {@code mvn -pl adapters-jdbc -am verify
 * -Dtest=ReplicasRotationTest -Djwkit.jdbc.soakSeconds=60 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ReplicasRotationTest {

  private static final long SOAK_SECONDS = Long.getLong("jwkit.jdbc.soakSeconds", 0);
  private static final int ROTATIONS = 10;

  private final PostgresServer server = PostgresServer.shared();
  private final String schema = PostgresServer.newSchemaName();
  private final String kekBase64 = randomKey();
  @TempDir Path dir;

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private KeyEncryptionKey kek() {
    return KeyEncryptionKey.fromBase64("replicas", kekBase64);
  }

  @Test
  void fourThreadReplicas_rotatingTogether_keepOneActiveKey_andLoseNoUpdate() throws Exception {
    assertConverged(rotate(4, 0));
  }

  @Test
  void twoJvmsAndTwoThreads_rotatingTogether_keepOneActiveKey_andLoseNoUpdate() throws Exception {
    assertConverged(rotate(2, 2));
  }

  private record Outcome(List<String> saves, int reads) {}

  private Outcome rotate(int threads, int jvms) throws Exception {
    long deadline = SOAK_SECONDS == 0 ? 0 : System.nanoTime() + TimeUnit.SECONDS.toNanos(SOAK_SECONDS);
    List<Process> children = new ArrayList<>();
    List<Path> outputs = new ArrayList<>();
    for (int j = 0; j < jvms; j++) {
      Path out = dir.resolve("replica-" + j + ".saves");
      outputs.add(out);
      children.add(startJvm(out));
    }
    List<String> saves = new CopyOnWriteArrayList<>();
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong reads = new AtomicLong();
    List<String> violations = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    CountDownLatch go = new CountDownLatch(1);
    try (JdbcDatabase readerDb = JdbcDatabase.builder().url(server.jdbcUrl()).user(server.user()).schema(schema)
        .poolSize(1).build()) {
      JdbcKeyRingRepository reader = JdbcKeyRingRepository.builder().database(readerDb).keyEncryptionKey(kek()).build();
      Future<?> readerDone = pool.submit(() -> read(reader, done, reads, violations));
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        writers.add(pool.submit(() -> {
          go.await();
          try (Replica replica = new Replica(server.jdbcUrl(), server.user(), schema, kek())) {
            saves.addAll(replica.run(ROTATIONS, deadline));
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> w : writers) {
        w.get(300 + SOAK_SECONDS, TimeUnit.SECONDS);
      }
      for (int j = 0; j < jvms; j++) {
        Process p = children.get(j);
        assertThat(p.waitFor(300 + SOAK_SECONDS, TimeUnit.SECONDS)).as("replica JVM %s finished", j).isTrue();
        assertThat(p.exitValue()).as("replica JVM %s: %s", j, Files.readString(dir.resolve("replica-" + j + ".log")))
            .isZero();
        saves.addAll(Files.readAllLines(outputs.get(j)));
      }
      done.set(true);
      readerDone.get(60, TimeUnit.SECONDS);
    } finally {
      done.set(true);
      pool.shutdownNow();
      children.forEach(Process::destroyForcibly);
    }
    assertThat(violations).isEmpty();
    return new Outcome(saves, (int) reads.get());
  }

  private Process startJvm(Path out) throws Exception {
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
        ReplicaMain.class.getName(), server.jdbcUrl(), server.user(), schema, Integer.toString(ROTATIONS),
        Long.toString(SOAK_SECONDS), out.toString());
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(out.getFileName().toString().replace(".saves", ".log")).toFile());
    pb.environment().put(Replica.KEK_VARIABLE, kekBase64);
    return pb.start();
  }

  private static Void read(JdbcKeyRingRepository reader, AtomicBoolean done, AtomicLong reads, List<String> violations) {
    long lastVersion = 0;
    while (!done.get()) {
      Optional<KeyRing> ring = reader.load(Replica.RING);
      if (ring.isEmpty()) {
        continue;
      }
      reads.incrementAndGet();
      KeyRing r = ring.get();
      if (r.keys(KeyState.ACTIVE).size() != 1) {
        violations.add("version " + r.version() + " has " + r.keys(KeyState.ACTIVE).size() + " active keys");
      }
      if (r.version() < lastVersion) {
        violations.add("version went back from " + lastVersion + " to " + r.version());
      }
      lastVersion = r.version();
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // leave the CPUs to the writers
    }
    return null;
  }

  private void assertConverged(Outcome outcome) {
    KeyRing ring;
    try (JdbcDatabase db = JdbcDatabase.builder().url(server.jdbcUrl()).user(server.user()).schema(schema).build()) {
      ring = JdbcKeyRingRepository.builder().database(db).keyEncryptionKey(kek()).build().load(Replica.RING)
          .orElseThrow();
    }
    List<Long> versions = outcome.saves().stream().map(s -> Long.parseLong(s.substring(0, s.indexOf(' ')))).sorted()
        .toList();
    assertThat(versions).as("every save has a version of its own, and together they are 1..final")
        .containsExactlyElementsOf(LongStream.rangeClosed(1, ring.version()).boxed().toList());
    assertThat(outcome.reads()).isPositive();
    assertThat(ring.keys(KeyState.ACTIVE)).hasSize(1);

    Set<String> activated = new HashSet<>();
    String lastActivated = null;
    long lastActivatedVersion = 0;
    for (String save : outcome.saves()) {
      String[] parts = save.split(" ");
      if (parts[1].equals("-")) {
        continue;
      }
      assertThat(activated.add(parts[1])).as("key %s activated once", parts[1]).isTrue();
      if (Long.parseLong(parts[0]) > lastActivatedVersion) {
        lastActivatedVersion = Long.parseLong(parts[0]);
        lastActivated = parts[1];
      }
    }
    Set<String> kids = new HashSet<>(ring.keys().stream().map(ManagedKey::kid).toList());
    assertThat(kids).as("no activated key was lost").containsAll(activated);
    assertThat(ring.activeKey().kid()).isEqualTo(lastActivated);
  }
}
