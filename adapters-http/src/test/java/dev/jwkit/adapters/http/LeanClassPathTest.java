package dev.jwkit.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.adapters.http.testing.JwksOrigin;
import dev.jwkit.adapters.http.testing.Keys;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.EcPrivateJwk;
import dev.jwkit.jose.jws.JwsHeader;
import dev.jwkit.jose.jws.JwsSigner;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user who only verifies tokens against a remote JWKS (jose-core plus this module's fetching side) needs
 * no Undertow, no Micrometer and no YAML: the consumer below is compiled and run on this module's class path
 * with those jars (and jboss's, which Undertow brings) taken out, and the pom keeps them optional.
 */
class LeanClassPathTest {

  /** Path fragments of the jars a verify-only user must not need (Maven repository layout). */
  static final List<String> HEAVY = List.of("/io/undertow/", "/io/micrometer/", "/org/yaml/", "/org/jboss/");

  static final String CONSUMER = String.join("\n",
      "package consumer;",
      "",
      "import dev.jwkit.adapters.http.fetching.CachingKeySource;",
      "import dev.jwkit.jose.jwa.JwsAlgorithm;",
      "import dev.jwkit.jose.jwk.Jwk;",
      "import dev.jwkit.jose.jws.CompactJws;",
      "import dev.jwkit.jose.jws.JwsVerifier;",
      "import java.net.URI;",
      "",
      "public final class VerifyOnly {",
      "  public static String verify(String jwksUri, String token) {",
      "    CompactJws jws = CompactJws.parse(token);",
      "    String kid = jws.header().kid().orElseThrow();",
      "    try (CachingKeySource keys = CachingKeySource.builder().location(URI.create(jwksUri)).build()) {",
      "      Jwk key = keys.keysWithKid(kid).keys().get(0);",
      "      JwsVerifier.of(key, JwsAlgorithm.ES256).verify(jws);",
      "      return new String(jws.payload(), java.nio.charset.StandardCharsets.UTF_8);",
      "    }",
      "  }",
      "}",
      "");

  @TempDir Path work;

  @Test
  void fetchingAndVerifying_compileAndRun_withoutUndertowMicrometerOrYaml() throws Exception {
    List<String> lean = leanClassPath();
    assertThat(lean).noneMatch(e -> HEAVY.stream().anyMatch(h -> e.replace('\\', '/').contains(h)));

    Path sources = Files.createDirectories(work.resolve("src/consumer"));
    Path classes = Files.createDirectories(work.resolve("classes"));
    Files.writeString(sources.resolve("VerifyOnly.java"), CONSUMER);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-proc:none", "-d", classes.toString(),
        "-cp", String.join(File.pathSeparator, lean), sources.resolve("VerifyOnly.java").toString());
    assertThat(rc).as("the verify-only consumer compiles without the optional jars").isZero();

    EcPrivateJwk key = Keys.ec("k1");
    String token = JwsSigner.of(key, JwsAlgorithm.ES256)
        .signCompact(JwsHeader.builder().alg(JwsAlgorithm.ES256).kid("k1").build(),
            "lean".getBytes(StandardCharsets.UTF_8));
    JwksOrigin origin = new JwksOrigin(Keys.publicJwks(key));
    List<URL> urls = new ArrayList<>();
    urls.add(classes.toUri().toURL());
    for (String entry : lean) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> Class.forName("io.undertow.Undertow", false, loader))
          .isInstanceOf(ClassNotFoundException.class);
      assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry", false, loader))
          .isInstanceOf(ClassNotFoundException.class);
      String uri = origin.uri().toString();
      Object payload = loader.loadClass("consumer.VerifyOnly").getMethod("verify", String.class, String.class)
          .invoke(null, uri, token);
      assertThat(payload).isEqualTo("lean");
    } finally {
      origin.close();
    }
  }

  @Test
  void pom_keepsUndertowAndMicrometerOptional() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher dependency = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(pom);
    int heavy = 0;
    while (dependency.find()) {
      String d = dependency.group(1);
      boolean isHeavy = d.contains("<groupId>io.undertow</groupId>") || d.contains("<groupId>io.micrometer</groupId>")
          || d.contains("<groupId>org.yaml</groupId>") || d.toLowerCase(Locale.ROOT).contains("yaml");
      if (isHeavy) {
        heavy++;
        assertThat(d).as("a heavy dependency must be optional or test-scoped: " + d)
            .containsAnyOf("<optional>true</optional>", "<scope>test</scope>");
      }
    }
    assertThat(heavy).as("undertow-core and micrometer-core are declared (optional)").isEqualTo(2);
  }

  /** This module's test class path, without the heavy jars and without test classes. */
  static List<String> leanClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(Pattern.quote(File.pathSeparator)))
        .filter(e -> !e.isBlank())
        .filter(e -> HEAVY.stream().noneMatch(h -> e.replace('\\', '/').contains(h)))
        .filter(e -> !e.replace('\\', '/').endsWith("/test-classes"))
        .collect(Collectors.toList());
  }
}
