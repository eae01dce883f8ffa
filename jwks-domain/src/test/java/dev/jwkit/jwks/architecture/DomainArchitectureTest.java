package dev.jwkit.jwks.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.jwkit.jwks.port.KeyCustody;
import dev.jwkit.jwks.port.KeyRingRepository;
import dev.jwkit.jwks.port.KeySource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Timer;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The intra-module architecture rules of jwks-domain (STYLE.md item 39): the domain is pure (R6 allow-list),
 * reads no ambient time (R9), its port package holds only contracts (R10), it is an onion with only the
 * in-memory adapter here (R2 with optional layers), adapters are named for their port (R8), and it
 * neither logs, nor starts threads, nor uses jose-core internals.
 */
@AnalyzeClasses(packages = "dev.jwkit", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

  // R6 jwks-domain is pure: allow-list (buckpal style), not deny-list
  @ArchTest
  static final ArchRule domain_uses_only_the_jdk_and_core = classes()
      .that().resideInAPackage("dev.jwkit.jwks..")
      .should().onlyDependOnClassesThat().resideInAnyPackage(
          "dev.jwkit.jwks..", "dev.jwkit.jose..", "java.lang..", "java.util..",
          "java.time..", "java.math..", "java.security..", "javax.crypto..", "java.nio.charset..",
          "org.jspecify..")
      .because("ARCHITECTURE.md: jwks-domain uses only the JDK (no I/O) and jose-core; no Jackson, no Bouncy Castle");

  // R5 (for this module) jose-core's internals are not API
  @ArchTest
  static final ArchRule domain_does_not_use_jose_internals = noClasses()
      .that().resideInAPackage("dev.jwkit.jwks..")
      .should().dependOnClassesThat().resideInAPackage("dev.jwkit.jose..internal..")
      .because("STYLE.md item 5: ..internal.. is not API");

  // R9 no ambient time in the domain (Clock is passed in); the one exemption is the builders' default
  // clock, SystemClock, so that a user does not restate Clock.systemUTC()
  @ArchTest
  static final ArchRule no_ambient_time_in_domain = noClasses()
      .that().resideInAPackage("dev.jwkit.jwks..")
      .and().doNotHaveFullyQualifiedName("dev.jwkit.jwks.application.SystemClock")
      .should().callMethod(Instant.class, "now")
      .orShould().callMethod(System.class, "currentTimeMillis")
      .orShould().callMethod(System.class, "nanoTime")
      .orShould().callMethod(Clock.class, "systemUTC")
      .orShould().callMethod(Clock.class, "systemDefaultZone")
      .orShould().callMethod(LocalDateTime.class, "now")
      .orShould().callMethod(OffsetDateTime.class, "now")
      .orShould().callMethod(ZonedDateTime.class, "now")
      .because("STYLE.md item 17: domain functions take Instant now and services take a Clock (default: SystemClock)");

  // R10 the port package holds only contracts: interfaces, and the records/enums they exchange
  @ArchTest
  static final ArchRule ports_are_interfaces_records_or_enums = classes()
      .that().resideInAPackage("dev.jwkit.jwks.port..").and().areTopLevelClasses()
      .should().beInterfaces().orShould().beRecords().orShould().beEnums()
      .because("STYLE.md item 3: the port ring holds driven-port interfaces and the records they exchange");

  // R2 the domain is an onion; here only the in-memory adapter exists, so rings may be empty
  @ArchTest
  static final ArchRule domain_is_an_onion = onionArchitecture()
      .domainModels("dev.jwkit.jwks.model..")
      .domainServices("dev.jwkit.jwks.port..")
      .applicationServices("dev.jwkit.jwks.application..")
      .adapter("in-memory", "dev.jwkit.jwks.inmemory..")
      .adapter("local-custody", "dev.jwkit.jwks.custody..")
      .withOptionalLayers(true)
      .ignoreDependency(resideInAPackage("dev.jwkit.app.."), alwaysTrue())
      .because("STYLE.md item 3: model ← port ← application ← adapters");

  // every class of the module lives in one of the rings (no bare dev.jwkit.jwks or jwks.internal)
  @ArchTest
  static final ArchRule every_domain_class_is_in_a_ring = classes()
      .that().resideInAPackage("dev.jwkit.jwks..")
      .should().resideInAnyPackage("dev.jwkit.jwks.model..", "dev.jwkit.jwks.port..",
          "dev.jwkit.jwks.application..", "dev.jwkit.jwks.inmemory..", "dev.jwkit.jwks.custody..")
      .because("STYLE.md item 3: the onion rule treats a jwks class outside a ring as an illegal accessor");

  // R8 adapters are named after the port they implement
  @ArchTest
  static final ArchRule key_ring_repositories_are_named_for_their_port = classes()
      .that().implement(KeyRingRepository.class).should().haveSimpleNameEndingWith("KeyRingRepository")
      .because("STYLE.md item 8: adapters are named <Technology><Port>");

  @ArchTest
  static final ArchRule key_custodies_are_named_for_their_port = classes()
      .that().implement(KeyCustody.class).should().haveSimpleNameEndingWith("KeyCustody")
      .because("STYLE.md item 8: adapters are named <Technology><Port>");

  @ArchTest
  static final ArchRule key_sources_are_named_for_their_port = classes()
      .that().implement(KeySource.class).should().haveSimpleNameEndingWith("KeySource")
      .because("STYLE.md item 8: adapters are named <Technology><Port>");

  // no threads of its own beyond java.util.concurrent primitives
  @ArchTest
  static final ArchRule domain_starts_no_threads = noClasses()
      .that().resideInAPackage("dev.jwkit.jwks..")
      .should().dependOnClassesThat().belongToAnyOf(Thread.class, ThreadGroup.class, Timer.class,
          Executors.class, ForkJoinPool.class, ThreadPoolExecutor.class)
      .because("ARCHITECTURE.md: no threads of its own beyond java.util.concurrent primitives");

  // R4 no package cycles inside the module
  @ArchTest
  static final ArchRule no_package_cycles_in_domain =
      slices().matching("dev.jwkit.jwks.(**)").should().beFreeOfCycles()
          .because("ARCHITECTURE.md: no package cycles in any module");

  // R11 library hygiene
  @ArchTest
  static final ArchRule domain_does_not_log = noClasses()
      .that().resideInAPackage("dev.jwkit.jwks..")
      .should().dependOnClassesThat().resideInAnyPackage("org.slf4j..", "org.apache.logging..", "java.util.logging..")
      .orShould().dependOnClassesThat().belongToAnyOf(System.Logger.class)
      .because("STYLE.md item 30: the domain reports through listener ports, never a logger");

  @ArchTest
  static final ArchRule domain_does_not_write_to_std_streams = noClasses()
      .that().resideInAPackage("dev.jwkit.jwks..")
      .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
      .because("STYLE.md item 32");

  @ArchTest
  static final ArchRule domain_throws_no_generic_exceptions = noClasses()
      .that().resideInAPackage("dev.jwkit.jwks..")
      .should(GeneralCodingRules.THROW_GENERIC_EXCEPTIONS)
      .because("STYLE.md item 23: every failure is a JwkitException with a code");
}
