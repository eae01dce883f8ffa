package dev.jwkit.app.cli;

import dev.jwkit.app.config.JwkitConfig;
import dev.jwkit.app.server.JwkitServer;
import dev.jwkit.app.server.RotationEventLog;
import dev.jwkit.app.wiring.KeyRingAccess;
import dev.jwkit.jose.JwkitException;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jwkit serve}: the JWKS server with its rotation schedule. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Run the JWKS server: rotate the key ring on schedule and serve its public keys.",
        "Starts the ring (first key on first start) and serves /.well-known/jwks.json,",
        "/.well-known/openid-configuration (with an issuer), /health and /metrics. Stops gracefully on",
        "SIGTERM. Several serve processes may share one data directory (compare-and-set).",
        "Options without a command run serve: jwkit --port 8081 is jwkit serve --port 8081."})
final class ServeCommand implements Callable<Integer> {
  private static volatile boolean serving;

  @Spec CommandSpec spec;
  @Mixin ConfigOptions options;
  @Option(names = "--host", paramLabel = "HOST", description = "Bind address (default 127.0.0.1; server.host, JWKIT_SERVER_HOST).")
  @Nullable String host;
  @Option(names = "--port", paramLabel = "PORT", description = "Port (default 8080; 0 picks a free one; server.port, JWKIT_SERVER_PORT).")
  @Nullable Integer port;
  @Option(names = "--issuer", paramLabel = "URL", description = "Issuer URL (issuer.url, JWKIT_ISSUER_URL): enables the discovery document.")
  @Nullable String issuer;

  /** Whether a server was started in this JVM (then the process ends through the shutdown hook). */
  static boolean isServing() {
    return serving;
  }

  @Override
  public Integer call() throws InterruptedException {
    Map<String, String> flags = new LinkedHashMap<>();
    if (host != null) {
      flags.put("server.host", host);
    }
    if (port != null) {
      flags.put("server.port", String.valueOf(port));
    }
    if (issuer != null) {
      flags.put("issuer.url", issuer);
    }
    JwkitConfig config = options.load(flags);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    KeyRingAccess access = KeyRingAccess.of(config, Clock.systemUTC(), new RotationEventLog(registry));
    JwkitServer server;
    try {
      server = JwkitServer.start(access, registry);
    } catch (JwkitException e) {
      throw e;
    } catch (RuntimeException e) {
      throw CliException.io("cannot listen on " + config.host() + ":" + config.port() + " (" + rootMessage(e)
          + "); stop the process using it or choose another --port", e);
    }
    serving = true;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "jwkit-shutdown"));
    Console.of(spec).err("jwkit: serving http://" + server.address().getHostString() + ":" + server.address().getPort()
        + "/.well-known/jwks.json (ring in " + access.location() + "); stop with Ctrl-C or SIGTERM");
    stopped.await();
    return JwkitCommand.EXIT_OK;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }
}
