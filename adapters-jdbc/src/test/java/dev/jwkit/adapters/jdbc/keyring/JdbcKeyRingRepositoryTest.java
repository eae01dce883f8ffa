package dev.jwkit.adapters.jdbc.keyring;

import dev.jwkit.adapters.jdbc.JdbcDatabase;
import dev.jwkit.adapters.jdbc.testing.PostgresServer;
import dev.jwkit.jwks.port.KeyRingRepository;
import dev.jwkit.jwks.port.KeyRingRepositoryContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The domain's repository contract against a real PostgreSQL, each test in a schema of its own. */
class JdbcKeyRingRepositoryTest extends KeyRingRepositoryContract {

  private final List<JdbcDatabase> opened = new ArrayList<>();

  @Override
  protected KeyRingRepository newRepository() {
    JdbcDatabase db = PostgresServer.shared().newDatabase().poolSize(8).build();
    opened.add(db);
    return JdbcKeyRingRepository.builder().database(db).keyEncryptionKey(Keys.kek("2026-01")).build();
  }

  /**
   * Four writers rather than eight: every attempt loads and parses the whole ring, and conflicts grow with
   * the square of the writers; {@code ReplicasRotationTest} covers contention between replicas further.
   */
  @Override
  protected int concurrentWriters() {
    return 4;
  }

  @AfterEach
  void closePools() {
    opened.forEach(JdbcDatabase::close);
  }
}
