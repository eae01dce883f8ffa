package dev.jwkit.adapters.jdbc.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import dev.jwkit.buildsupport.architecture.HygieneRules;
import dev.jwkit.buildsupport.architecture.JwkitMainClasses;
import dev.jwkit.buildsupport.architecture.PortRules;

/** The JDBC adapter's rules: the shared ones from build-support, and how this adapter's packages relate. */
@AnalyzeClasses(packages = "dev.jwkit", importOptions = JwkitMainClasses.class)
class JdbcArchitectureTest {

  @ArchTest
  static final ArchTests ports = ArchTests.in(PortRules.class);

  @ArchTest
  static final ArchTests hygiene = ArchTests.in(HygieneRules.class);

  @ArchTest
  static final ArchRule the_root_package_holds_settings_and_codes_only = noClasses()
      .that().resideInAPackage("dev.jwkit.adapters.jdbc")
      .should().dependOnClassesThat().resideInAnyPackage("dev.jwkit.adapters.jdbc.internal..",
          "dev.jwkit.adapters.jdbc.keyring..")
      .because("the internal runner and the repositories read the settings and codes of the root package,"
          + " never the other way round");

  @ArchTest
  static final ArchRule the_driver_is_reached_through_jdbc_only = noClasses()
      .that().resideInAPackage("dev.jwkit.adapters.jdbc..")
      .should().dependOnClassesThat().resideInAPackage("org.postgresql..")
      .because("plain JDBC: the PostgreSQL driver is a runtime dependency, so that SQL errors are read by SQLState");
}
