package dev.jwkit.adapters.http.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.jwkit.buildsupport.architecture.HygieneRules;
import dev.jwkit.buildsupport.architecture.JwkitMainClasses;
import dev.jwkit.buildsupport.architecture.PortRules;
import com.tngtech.archunit.lang.ArchRule;

/** The HTTP adapter's rules: the shared ones from build-support, and the two sides of this adapter. */
@AnalyzeClasses(packages = "dev.jwkit", importOptions = JwkitMainClasses.class)
class HttpAdapterArchitectureTest {

  @ArchTest
  static final ArchTests ports = ArchTests.in(PortRules.class);

  @ArchTest
  static final ArchTests hygiene = ArchTests.in(HygieneRules.class);

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
  static final ArchRule no_other_adapter_is_used = noClasses()
      .that().resideInAPackage("dev.jwkit.adapters.http..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.jwkit.adapters.vault..", "dev.jwkit.adapters.file..",
          "dev.jwkit.app..")
      .because("ARCHITECTURE.md: adapters never depend on each other");
}
