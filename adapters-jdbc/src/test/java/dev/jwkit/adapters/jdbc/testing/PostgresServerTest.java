package dev.jwkit.adapters.jdbc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.security.auth.module.UnixSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness starts a real PostgreSQL, as an unprivileged user when the tests run as root. */
class PostgresServerTest {

  @Test
  void server_isRealPostgres_runningAsAnUnprivilegedUser() throws Exception {
    PostgresServer server = PostgresServer.shared();
    String version;
    List<String> status;
    try (Connection c = server.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT pg_backend_pid(), current_setting('server_version_num')")) {
      rs.next();
      status = Files.readAllLines(Path.of("/proc/" + rs.getInt(1) + "/status")); // while the backend lives
      version = rs.getString(2);
    }
    assertThat(Integer.parseInt(version)).isGreaterThanOrEqualTo(170000);
    long serverUid = Long.parseLong(status.stream().filter(l -> l.startsWith("Uid:")).findFirst().orElseThrow()
        .split("\\s+")[1]);
    long ourUid = new UnixSystem().getUid();
    if (ourUid == 0) {
      assertThat(serverUid).as("started as nobody, since PostgreSQL refuses root").isNotZero();
    } else {
      assertThat(serverUid).isEqualTo(ourUid);
    }
  }
}
