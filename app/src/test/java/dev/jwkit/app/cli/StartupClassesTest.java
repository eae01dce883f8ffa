package dev.jwkit.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-shot command loads only what it needs (start-up time, docs/benchmarks.md "CLI start-up"): {@code
 * token verify} of an RS256 token against a JWKS with RSA, EC and Ed25519 keys, run in a fresh class
 * loader, creates no Bouncy Castle provider and loads no server, metrics, logging backend, YAML or other
 * command.
 */
class StartupClassesTest {
  @TempDir Path dir;

  /** Loads the test class path itself (not through the parent) and records every class it defines. */
  static final class RecordingLoader extends URLClassLoader {
    final Set<String> loaded = ConcurrentHashMap.newKeySet();

    RecordingLoader(URL[] urls) {
      super(urls, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      loaded.add(name);
      return super.findClass(name);
    }
  }

  private static URL[] classPath() throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    return urls.toArray(URL[]::new);
  }

  /** Runs the command line in a fresh loader and returns the names of the classes it loaded. */
  private static Set<String> loadedBy(String... args) throws Exception {
    try (RecordingLoader loader = new RecordingLoader(classPath())) {
      Class<?> command = loader.loadClass(JwkitCommand.class.getName());
      Method commandLine = command.getDeclaredMethod("commandLine", String[].class);
      commandLine.setAccessible(true);
      Object cl = commandLine.invoke(null, (Object) args);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cl.getClass().getMethod("setOut", PrintWriter.class).invoke(cl, new PrintWriter(out, true));
      cl.getClass().getMethod("setErr", PrintWriter.class).invoke(cl, new PrintWriter(err, true));
      Object exit = cl.getClass().getMethod("execute", String[].class).invoke(cl, (Object) args);
      assertThat(exit).as("out=%s err=%s", out, err).isEqualTo(JwkitCommand.EXIT_OK);
      assertThat(out.toString()).contains("\"sub\":\"alice\"");
      return Set.copyOf(loader.loaded);
    }
  }

  @Test
  void rs256Verify_loadsNoBouncyCastleProviderServerOrLoggingBackend() throws Exception {
    List<String> publicKeys = new ArrayList<>();
    Path rsa = dir.resolve("rsa.json");
    for (String alg : List.of("RS256", "ES256", "EdDSA")) {
      Path key = dir.resolve(alg + ".json");
      Files.writeString(key, Cli.run("keys", "generate", "--alg", alg).out);
      publicKeys.add(Cli.run("keys", "public", key.toString()).out.strip());
      if (alg.equals("RS256")) {
        rsa = key;
      }
    }
    Path jwks = dir.resolve("jwks.json");
    Files.writeString(jwks, "{\"keys\":[" + String.join(",", publicKeys) + "]}");
    String token = Cli.run("token", "sign", "--key", rsa.toString(), "--claims", "{\"sub\":\"alice\"}").out.strip();

    Set<String> loaded = loadedBy("token", "verify", "--jwks", jwks.toString(), token);

    assertThat(loaded).as("the loader saw the verification").contains("dev.jwkit.jose.jwt.JwtVerifier",
        "dev.jwkit.jose.jwk.EcPublicJwk", "dev.jwkit.jose.jwk.OkpPublicJwk");
    assertThat(loaded).noneMatch(n -> n.startsWith("org.bouncycastle.jce.provider.")
        || n.startsWith("org.bouncycastle.jcajce.provider.")
        || n.startsWith("io.undertow.") || n.startsWith("org.xnio.") || n.startsWith("io.micrometer.")
        || n.startsWith("ch.qos.logback.") || n.startsWith("org.yaml.")
        || n.startsWith("dev.jwkit.app.server.") || n.equals(ServeCommand.class.getName())
        || n.startsWith(KeysCommand.class.getName()) || n.startsWith(JwksCommand.class.getName()));
  }
}
