package dev.jwkit.app.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.jwkit.jwks.port.JwksFetcher;
import dev.jwkit.jwks.port.KeyCustody;
import dev.jwkit.jwks.port.KeyRingRepository;
import dev.jwkit.jwks.port.KeySource;
import java.time.Instant;

/**
 * The rules of ARCHITECTURE.md across every module. This module is the only one with all the others on
 * its test class path, so the cross-module rules live here; each module repeats its own rules for fast
 * feedback.
 */
@AnalyzeClasses(packages = "dev.jwkit",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NotBuildSupport.class})
class ArchitectureTest {

  /**
   * Leaves out jwkit-build-support: a test-only jar on app's test class path (the README snippet check),
   * not part of the product, so not in any layer.
   */
  static final class NotBuildSupport implements ImportOption {
    @Override
    public boolean includes(com.tngtech.archunit.core.importer.Location location) {
      return !location.contains("/dev/jwkit/buildsupport/");
    }
  }

  static final String[] MODULE_ROOTS = {
    "dev.jwkit.jose", "dev.jwkit.jwks", "dev.jwkit.adapters.http", "dev.jwkit.adapters.vault",
    "dev.jwkit.adapters.file", "dev.jwkit.adapters.jdbc", "dev.jwkit.app"
  };

  // R1
  @ArchTest
  static final ArchRule modules_are_layered = layeredArchitecture()
      .consideringOnlyDependenciesInAnyPackage("dev.jwkit..")
      .layer("core").definedBy("dev.jwkit.jose..")
      .layer("domain").definedBy("dev.jwkit.jwks..")
      .layer("adapters").definedBy("dev.jwkit.adapters..")
      .layer("app").definedBy("dev.jwkit.app..")
      .whereLayer("app").mayNotBeAccessedByAnyLayer()
      .whereLayer("adapters").mayOnlyBeAccessedByLayers("app")
      .whereLayer("domain").mayOnlyBeAccessedByLayers("adapters", "app")
      .whereLayer("core").mayOnlyBeAccessedByLayers("domain", "adapters", "app")
      .ensureAllClassesAreContainedInArchitecture()
      .because("ARCHITECTURE.md: app → adapters → domain → core, and nothing depends on app");

  // R2
  @ArchTest
  static final ArchRule domain_is_an_onion = onionArchitecture()
      .domainModels("dev.jwkit.jwks.model..")
      .domainServices("dev.jwkit.jwks.port..")
      .applicationServices("dev.jwkit.jwks.application..")
      .adapter("in-memory", "dev.jwkit.jwks.inmemory..")
      .adapter("local-custody", "dev.jwkit.jwks.custody..")
      .adapter("http", "dev.jwkit.adapters.http..")
      .adapter("vault", "dev.jwkit.adapters.vault..")
      .adapter("file", "dev.jwkit.adapters.file..")
      .adapter("jdbc", "dev.jwkit.adapters.jdbc..")
      .ignoreDependency(resideInAPackage("dev.jwkit.app.."), alwaysTrue())
      .because("ARCHITECTURE.md: the domain is a hexagon; adapters reach it only through its ports and services");

  // R3
  @ArchTest
  static final ArchRule adapters_are_independent = slices()
      .matching("dev.jwkit.adapters.(*)..").should().notDependOnEachOther()
      .because("ARCHITECTURE.md: adapters never depend on each other");

  // R4
  @ArchTest
  static final ArchRule no_package_cycles = slices()
      .matching("dev.jwkit.(**)").should().beFreeOfCycles()
      .because("ARCHITECTURE.md: no package cycles in any module");

  // R5, one rule per module root
  @ArchTest
  static final ArchRule jose_internals_are_private = internalsOf("dev.jwkit.jose");

  @ArchTest
  static final ArchRule domain_internals_are_private = internalsOf("dev.jwkit.jwks");

  @ArchTest
  static final ArchRule http_internals_are_private = internalsOf("dev.jwkit.adapters.http");

  @ArchTest
  static final ArchRule vault_internals_are_private = internalsOf("dev.jwkit.adapters.vault");

  @ArchTest
  static final ArchRule file_internals_are_private = internalsOf("dev.jwkit.adapters.file");

  @ArchTest
  static final ArchRule jdbc_internals_are_private = internalsOf("dev.jwkit.adapters.jdbc");

  // R6
  @ArchTest
  static final ArchRule domain_uses_only_the_jdk_and_core = classes()
      .that().resideInAPackage("dev.jwkit.jwks..")
      .should().onlyDependOnClassesThat().resideInAnyPackage(
          "dev.jwkit.jwks..", "dev.jwkit.jose..", "java.lang..", "java.util..",
          "java.time..", "java.math..", "java.security..", "javax.crypto..", "java.nio.charset..",
          "org.jspecify..")
      .because("ARCHITECTURE.md: jwks-domain uses only the JDK (no I/O) and jose-core");

  // R7
  @ArchTest
  static final ArchRule core_does_no_io = noClasses()
      .that().resideInAPackage("dev.jwkit.jose..")
      .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "java.nio.file..", "java.sql..")
      .orShould().dependOnClassesThat().belongToAnyOf(
          java.net.URL.class, java.net.Socket.class, java.io.File.class, java.io.FileInputStream.class,
          java.io.FileOutputStream.class)
      .because("ARCHITECTURE.md: jose-core does no I/O; a header's jku or x5u is never fetched");

  // R8, one rule per port
  @ArchTest
  static final ArchRule key_ring_repositories_are_named_for_their_port = namedForPort(KeyRingRepository.class);

  @ArchTest
  static final ArchRule key_custodies_are_named_for_their_port = namedForPort(KeyCustody.class);

  @ArchTest
  static final ArchRule jwks_fetchers_are_named_for_their_port = namedForPort(JwksFetcher.class);

  @ArchTest
  static final ArchRule key_sources_are_named_for_their_port = namedForPort(KeySource.class);

  // R9
  @ArchTest
  static final ArchRule no_ambient_time_in_core_or_domain = noClasses()
      .that().resideInAnyPackage("dev.jwkit.jose..", "dev.jwkit.jwks..")
      .should().callMethod(Instant.class, "now")
      .orShould().callMethod(System.class, "currentTimeMillis")
      .because("STYLE.md 17: core and domain take a Clock or an Instant; only app and adapters read the time");

  // R10
  @ArchTest
  static final ArchRule ports_are_interfaces_records_or_enums = classes()
      .that().resideInAPackage("dev.jwkit.jwks.port..").and().areTopLevelClasses()
      .and().doNotHaveSimpleName("package-info")
      .should().beInterfaces().orShould().beRecords().orShould().beEnums()
      .because("STYLE.md 39 R10: the port package holds only contracts");

  // R11
  @ArchTest
  static final ArchRule only_the_cli_writes_to_std_streams = noClasses()
      .that().resideOutsideOfPackage("dev.jwkit.app.cli..")
      .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
      .because("STYLE.md 32: libraries report through listeners and System.Logger, never stdout");

  @ArchTest
  static final ArchRule no_jul = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
      .because("STYLE.md 31: adapters log through System.Logger");

  @ArchTest
  static final ArchRule no_generic_exceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
      .because("STYLE.md 23: every failure is a JwkitException with a code");

  @ArchTest
  static final ArchRule core_and_domain_do_not_log = noClasses()
      .that().resideInAnyPackage("dev.jwkit.jose..", "dev.jwkit.jwks..")
      .should().dependOnClassesThat().resideInAnyPackage("org.slf4j..", "org.apache.logging..", "ch.qos.logback..")
      .orShould().dependOnClassesThat().belongToAnyOf(System.Logger.class)
      .because("STYLE.md 30: jose-core and jwks-domain report through listener ports, never a logger");

  // Where MAC tags, signatures and secret keys are compared; public-key equality may use Arrays.equals.
  @ArchTest
  static final ArchRule secrets_and_tags_are_compared_in_constant_time = constantTimeComparisonsIn(
      "dev.jwkit.jose.jws..", "dev.jwkit.jose.jwt..", "dev.jwkit.jose.internal.crypto..");

  @ArchTest
  static final ArchRule no_global_provider_registration = noClasses()
      .that().resideInAPackage("dev.jwkit..")
      .should().callMethod(java.security.Security.class, "addProvider", java.security.Provider.class)
      .orShould().callMethod(java.security.Security.class, "insertProviderAt", java.security.Provider.class, int.class)
      .because("a library must not change the JVM's global JCA provider list; pass a provider instance");

  static ArchRule namedForPort(Class<?> port) {
    return classes()
        .that().implement(port).and().areNotAnonymousClasses().and().areTopLevelClasses()
        .should().haveSimpleNameEndingWith(port.getSimpleName())
        .because("STYLE.md 8: adapters are named <Technology><Port>");
  }

  static ArchRule constantTimeComparisonsIn(String... packages) {
    return noClasses()
        .that().resideInAnyPackage(packages)
        .or().haveSimpleNameEndingWith("PrivateJwk").or().haveSimpleName("OctJwk")
        .should().callMethod(java.util.Arrays.class, "equals", byte[].class, byte[].class)
        .because("SECURITY.md: MAC, tag and secret comparisons use MessageDigest.isEqual (constant time)");
  }

  static ArchRule internalsOf(String moduleRoot) {
    return noClasses()
        .that().resideOutsideOfPackage(moduleRoot + "..")
        .should().dependOnClassesThat().resideInAPackage(moduleRoot + "..internal..")
        .because("STYLE.md 5: ..internal.. is not API; only its own module may use it");
  }
}
