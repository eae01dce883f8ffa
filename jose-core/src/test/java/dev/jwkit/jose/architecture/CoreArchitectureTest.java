package dev.jwkit.jose.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.time.Instant;

/** jose-core's own rules, for fast feedback; the cross-module rules live in the app module. */
@AnalyzeClasses(packages = "dev.jwkit.jose", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

  @ArchTest
  static final ArchRule core_knows_no_other_module = noClasses()
      .that().resideInAPackage("dev.jwkit.jose..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.jwkit.jwks..", "dev.jwkit.adapters..", "dev.jwkit.app..")
      .because("ARCHITECTURE.md: jose-core knows nothing of the domain, the adapters or the app");

  @ArchTest
  static final ArchRule core_does_no_io = noClasses()
      .that().resideInAPackage("dev.jwkit.jose..")
      .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "java.nio.file..", "java.sql..")
      .orShould().dependOnClassesThat().belongToAnyOf(
          java.net.URL.class, java.net.Socket.class, java.io.File.class, java.io.FileInputStream.class,
          java.io.FileOutputStream.class)
      .because("ARCHITECTURE.md: jose-core does no I/O; a header's jku or x5u is never fetched");

  @ArchTest
  static final ArchRule no_package_cycles = slices().matching("dev.jwkit.jose.(**)").should().beFreeOfCycles()
      .because("ARCHITECTURE.md: no package cycles");

  @ArchTest
  static final ArchRule no_ambient_time = noClasses()
      .that().resideInAPackage("dev.jwkit.jose..")
      .should().callMethod(Instant.class, "now")
      .orShould().callMethod(System.class, "currentTimeMillis")
      .because("STYLE.md 17: time comes from a Clock passed in");

  @ArchTest
  static final ArchRule core_does_not_log = noClasses()
      .that().resideInAPackage("dev.jwkit.jose..")
      .should().dependOnClassesThat().resideInAnyPackage("org.slf4j..", "org.apache.logging..", "java.util.logging..")
      .orShould().dependOnClassesThat().belongToAnyOf(System.Logger.class)
      .orShould(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
      .because("STYLE.md 30: jose-core never logs");

  // Where MAC tags, signatures and secret keys are compared; public-key equality may use Arrays.equals.
  @ArchTest
  static final ArchRule secrets_and_tags_are_compared_in_constant_time = noClasses()
      .that().resideInAnyPackage("dev.jwkit.jose.jws..", "dev.jwkit.jose.jwt..", "dev.jwkit.jose.internal.crypto..")
      .or().haveSimpleNameEndingWith("PrivateJwk").or().haveSimpleName("OctJwk")
      .should().callMethod(java.util.Arrays.class, "equals", byte[].class, byte[].class)
      .because("SECURITY.md: MAC, tag and secret comparisons use MessageDigest.isEqual (constant time)");

  @ArchTest
  static final ArchRule no_global_provider_registration = noClasses()
      .that().resideInAPackage("dev.jwkit.jose..")
      .should().callMethod(java.security.Security.class, "addProvider", java.security.Provider.class)
      .orShould().callMethod(java.security.Security.class, "insertProviderAt", java.security.Provider.class, int.class)
      .because("a library must not change the JVM's global JCA provider list");

  @ArchTest
  static final ArchRule no_generic_exceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
      .because("STYLE.md 23: every failure is a JwkitException with a code");
}
