package dev.jwkit.adapters.http.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.jwkit.jwks.port.JwksFetcher;
import dev.jwkit.jwks.port.KeySource;

/** The HTTP adapter's own rules (the cross-module rules live in app). */
@AnalyzeClasses(packages = "dev.jwkit", importOptions = ImportOption.DoNotIncludeTests.class)
class HttpAdapterArchitectureTest {

  @ArchTest
  static final ArchRule http_internals_stay_in_the_module = noClasses()
      .that().resideOutsideOfPackage("dev.jwkit.adapters.http..")
      .should().dependOnClassesThat().resideInAPackage("dev.jwkit.adapters.http.internal..")
      .because("STYLE.md item 5: ..internal.. is not API");

  @ArchTest
  static final ArchRule http_packages_are_free_of_cycles = slices()
      .matching("dev.jwkit.adapters.http.(*)..").should().beFreeOfCycles()
      .because("STYLE.md R4: no package cycles");

  @ArchTest
  static final ArchRule publishing_does_not_depend_on_fetching = noClasses()
      .that().resideInAPackage("dev.jwkit.adapters.http.publishing..")
      .should().dependOnClassesThat().resideInAPackage("dev.jwkit.adapters.http.fetching..")
      .because("the two sides of the adapter are independent roles (STYLE.md item 4)");

  @ArchTest
  static final ArchRule key_sources_are_named_for_their_port = classes()
      .that().implement(KeySource.class).and().resideInAPackage("dev.jwkit.adapters.http..")
      .should().haveSimpleNameEndingWith("KeySource")
      .because("STYLE.md R8: adapters are named <Technology><Port>");

  @ArchTest
  static final ArchRule jwks_fetchers_are_named_for_their_port = classes()
      .that().implement(JwksFetcher.class).and().resideInAPackage("dev.jwkit.adapters.http..")
      .should().haveSimpleNameEndingWith("JwksFetcher")
      .because("STYLE.md R8: adapters are named <Technology><Port>");

  @ArchTest
  static final ArchRule the_adapter_does_not_write_to_std_streams = noClasses()
      .that().resideInAPackage("dev.jwkit.adapters.http..")
      .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
      .because("STYLE.md item 31: adapters log through System.Logger");

  @ArchTest
  static final ArchRule the_adapter_does_not_use_jul = noClasses()
      .that().resideInAPackage("dev.jwkit.adapters.http..")
      .should(GeneralCodingRules.USE_JAVA_UTIL_LOGGING)
      .because("STYLE.md item 32");

  @ArchTest
  static final ArchRule the_adapter_throws_no_generic_exceptions = noClasses()
      .that().resideInAPackage("dev.jwkit.adapters.http..")
      .should(GeneralCodingRules.THROW_GENERIC_EXCEPTIONS)
      .because("STYLE.md item 23");

  @ArchTest
  static final ArchRule no_other_adapter_is_used = noClasses()
      .that().resideInAPackage("dev.jwkit.adapters.http..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.jwkit.adapters.vault..", "dev.jwkit.adapters.file..",
          "dev.jwkit.app..")
      .because("ARCHITECTURE.md: adapters never depend on each other");
}
