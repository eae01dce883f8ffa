package dev.jwkit.adapters.jdbc.replicas;

import dev.jwkit.adapters.jdbc.keyring.KeyEncryptionKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A replica in a JVM of its own: {@code ReplicaMain <jdbcUrl> <user> <schema> <rotations> <seconds> <out>},
 * the KEK in environment variable {@value Replica#KEK_VARIABLE}; writes its saves to {@code out}.
 */
public final class ReplicaMain {

  private ReplicaMain() {}

  public static void main(String[] args) throws IOException {
    KeyEncryptionKey kek = KeyEncryptionKey.fromEnvironment("replicas", Replica.KEK_VARIABLE);
    long seconds = Long.parseLong(args[4]);
    long deadline = seconds == 0 ? 0 : System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<String> saves;
    try (Replica replica = new Replica(args[0], args[1], args[2], kek)) {
      saves = replica.run(Integer.parseInt(args[3]), deadline);
    }
    Path out = Path.of(args[5]);
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    Files.write(tmp, saves);
    Files.move(tmp, out);
  }
}
