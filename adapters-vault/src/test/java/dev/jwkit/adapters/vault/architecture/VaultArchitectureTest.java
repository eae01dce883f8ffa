package dev.jwkit.adapters.vault.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import dev.jwkit.buildsupport.architecture.HygieneRules;
import dev.jwkit.buildsupport.architecture.JwkitMainClasses;
import dev.jwkit.buildsupport.architecture.PortRules;

/** The Vault adapter's rules: the shared ones from build-support, and how this adapter's packages relate. */
@AnalyzeClasses(packages = "dev.jwkit", importOptions = JwkitMainClasses.class)
class VaultArchitectureTest {

  @ArchTest
  static final ArchTests ports = ArchTests.in(PortRules.class);

  @ArchTest
  static final ArchTests hygiene = ArchTests.in(HygieneRules.class);

  @ArchTest
  static final ArchRule the_root_package_holds_settings_and_codes_only = noClasses()
      .that().resideInAPackage("dev.jwkit.adapters.vault")
      .should().dependOnClassesThat().resideInAnyPackage("dev.jwkit.adapters.vault.internal..",
          "dev.jwkit.adapters.vault.kv..", "dev.jwkit.adapters.vault.transit..")
      .because("the internal client reads the settings and codes of the root package, never the other way round");

  @ArchTest
  static final ArchRule the_kv_and_transit_adapters_do_not_know_each_other = noClasses()
      .that().resideInAPackage("dev.jwkit.adapters.vault.kv..")
      .should().dependOnClassesThat().resideInAPackage("dev.jwkit.adapters.vault.transit..")
      .because("the repository and the custody are independent adapters of independent ports");
}
