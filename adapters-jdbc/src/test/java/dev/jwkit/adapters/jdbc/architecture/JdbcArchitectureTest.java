package dev.jwkit.adapters.jdbc.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.jwkit.jwks.port.KeyRingRepository;

/** The module's own architecture rules (STYLE.md 38), for fast feedback before app's cross-module rules. */
@AnalyzeClasses(packages = "dev.jwkit.adapters.jdbc", importOptions = ImportOption.DoNotIncludeTests.class)
class JdbcArchitectureTest {

  @ArchTest
  static final ArchRule no_package_cycles = slices().matching("dev.jwkit.(**)").should().beFreeOfCycles()
      .because("STYLE.md R4: no package cycles in any module");

  @ArchTest
  static final ArchRule the_root_package_holds_settings_and_codes_only = noClasses()
      .that().resideInAPackage("dev.jwkit.adapters.jdbc")
      .should().dependOnClassesThat().resideInAnyPackage("dev.jwkit.adapters.jdbc.internal..",
          "dev.jwkit.adapters.jdbc.keyring..")
      .because("the internal runner and the repositories read the settings and codes of the root package,"
          + " never the other way round");

  @ArchTest
  static final ArchRule adapters_are_independent = noClasses()
      .that().resideInAPackage("dev.jwkit.adapters.jdbc..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.jwkit.adapters.file..", "dev.jwkit.adapters.vault..",
          "dev.jwkit.adapters.http..", "dev.jwkit.app..")
      .because("ARCHITECTURE.md: adapters never depend on each other; nothing depends on app");

  @ArchTest
  static final ArchRule the_driver_is_reached_through_jdbc_only = noClasses()
      .that().resideInAPackage("dev.jwkit.adapters.jdbc..")
      .should().dependOnClassesThat().resideInAPackage("org.postgresql..")
      .because("plain JDBC: the PostgreSQL driver is a runtime dependency, so that SQL errors are read by SQLState");

  @ArchTest
  static final ArchRule key_ring_repositories_are_named_for_their_port = classes()
      .that().implement(KeyRingRepository.class).should().haveSimpleNameEndingWith("KeyRingRepository")
      .because("STYLE.md R8: adapters are named <Technology><Port>");

  @ArchTest
  static final ArchRule no_std_streams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
      .because("STYLE.md R11: adapters log through System.Logger");

  @ArchTest
  static final ArchRule no_jul = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
      .because("STYLE.md R11: adapters log through System.Logger");

  @ArchTest
  static final ArchRule no_generic_exceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
      .because("STYLE.md 23: every failure is a JwkitException with a code");
}
