package dev.jwkit.app.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer module compiled and run against jwkit's jars on the module path: the exported API is enough
 * to sign and verify a token, {@code requires transitive} carries the types a module's API shows, and an
 * {@code internal} package cannot be imported.
 */
class ModularConsumerTest {

  private static final String VERIFYING_CONSUMER = """
      package consumer;

      import dev.jwkit.jose.JwkitException;
      import dev.jwkit.jose.jwa.JwsAlgorithm;
      import dev.jwkit.jose.jwk.Jwk;
      import dev.jwkit.jose.jwk.JwkGenerator;
      import dev.jwkit.jose.jwk.PrivateJwk;
      import dev.jwkit.jose.jws.CompactJws;
      import dev.jwkit.jose.jws.JwsHeader;
      import dev.jwkit.jose.jws.JwsSigner;
      import dev.jwkit.jose.jws.JwsVerifier;
      import java.nio.charset.StandardCharsets;

      public final class Main {
        public static void main(String[] args) {
          Jwk key = JwkGenerator.generate(JwsAlgorithm.ES256);
          String token = JwsSigner.of(key, JwsAlgorithm.ES256).signCompact(
              JwsHeader.builder().alg(JwsAlgorithm.ES256).kid("k1").build(),
              "{\\"sub\\":\\"alice\\"}".getBytes(StandardCharsets.UTF_8));
          JwsVerifier verifier = JwsVerifier.of(((PrivateJwk) key).toPublicJwk(), JwsAlgorithm.ES256);
          CompactJws jws = CompactJws.parse(token);
          verifier.verify(jws);
          System.out.println("verified " + new String(jws.payload(), StandardCharsets.UTF_8)
              + " in " + JwsVerifier.class.getModule().getName());
          String tampered = token.substring(0, token.length() - 4) + "AAAA";
          try {
            verifier.verify(CompactJws.parse(tampered));
            System.out.println("tampered token accepted");
          } catch (JwkitException e) {
            System.out.println("rejected " + e.code().id());
          }
        }
      }
      """;

  @TempDir Path work;

  @Test
  void aConsumerModuleVerifiesATokenOnTheModulePath() throws Exception {
    Path out = work.resolve("out");
    List<Diagnostic<? extends JavaFileObject>> diagnostics = compile(out,
        "module consumer { requires dev.jwkit.jose; }", "consumer/Main.java", VERIFYING_CONSUMER);
    assertThat(diagnostics).isEmpty();

    String modulePath = JwkitModules.modulePath() + java.io.File.pathSeparator + out;
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "--module-path", modulePath, "-m", "consumer/consumer.Main")
        .redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(output).contains("verified {\"sub\":\"alice\"} in dev.jwkit.jose").contains("rejected ");
    assertThat(output).doesNotContain("tampered token accepted");
    assertThat(process.exitValue()).as(output).isZero();
  }

  @Test
  void theAdapterModulesCarryTheDomainAndCoreTypesTransitively() throws IOException {
    // requires only the adapters; uses jose and jwks types that appear in their APIs. Micrometer and
    // Undertow are not on this module path: adapters-http must compile for a consumer without them.
    String user = """
        package consumer;

        public final class Wiring {
          dev.jwkit.jose.jwk.JwkSet keys;
          dev.jwkit.jwks.port.KeyRingRepository repository;
          dev.jwkit.adapters.file.keyring.FileKeyRingRepository files;
          dev.jwkit.adapters.http.fetching.CachingKeySource remote;
          dev.jwkit.adapters.vault.VaultSettings vault;
        }
        """;
    List<Diagnostic<? extends JavaFileObject>> diagnostics = compile(work.resolve("out"),
        "module consumer { requires dev.jwkit.adapters.file; requires dev.jwkit.adapters.http;"
            + " requires dev.jwkit.adapters.vault; }",
        "consumer/Wiring.java", user);
    assertThat(diagnostics).isEmpty();
  }

  @Test
  void anInternalPackageCannotBeImported() throws IOException {
    String intruder = """
        package consumer;

        import dev.jwkit.jose.internal.crypto.CryptoProviders;

        public final class Intruder {
          Class<?> type = CryptoProviders.class;
        }
        """;
    List<Diagnostic<? extends JavaFileObject>> diagnostics = compile(work.resolve("out"),
        "module consumer { requires dev.jwkit.jose; }", "consumer/Intruder.java", intruder);

    assertThat(diagnostics).anySatisfy(d -> {
      assertThat(d.getKind()).isEqualTo(Diagnostic.Kind.ERROR);
      assertThat(d.getMessage(Locale.ROOT))
          .contains("dev.jwkit.jose.internal.crypto").contains("does not export");
    });
  }

  /** Compiles a module-info and one class on the module path; returns every diagnostic (lint: all). */
  private List<Diagnostic<? extends JavaFileObject>> compile(Path out, String moduleInfo, String file,
      String source) throws IOException {
    Path src = work.resolve("src");
    Files.createDirectories(src.resolve(file).getParent());
    Files.writeString(src.resolve("module-info.java"), moduleInfo);
    Files.writeString(src.resolve(file), source);
    Files.createDirectories(out);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8)) {
      // an empty class path: javac would otherwise use this JVM's, where every package is visible
      List<String> options = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-d", out.toString(),
          "--module-path", JwkitModules.modulePath(), "--class-path", out.toString()));
      Iterable<? extends JavaFileObject> units =
          files.getJavaFileObjects(src.resolve("module-info.java"), src.resolve(file));
      javac.getTask(null, files, collector, options, null, units).call();
    }
    return collector.getDiagnostics();
  }
}
