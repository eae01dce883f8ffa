package dev.jwkit.app.architecture;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.jwkit.buildsupport.architecture.CoreAndDomainRules;
import dev.jwkit.buildsupport.architecture.CoreRules;
import dev.jwkit.buildsupport.architecture.DomainRules;
import dev.jwkit.buildsupport.architecture.HygieneRules;
import dev.jwkit.buildsupport.architecture.JwkitMainClasses;
import dev.jwkit.buildsupport.architecture.ModuleRules;
import dev.jwkit.buildsupport.architecture.PortRules;

/**
 * Every rule of ARCHITECTURE.md over every module, from the one shared copy in build-support. This module is the
 * only one with all the others on its test class path, so the cross-module rules (R1-R3) run here, together
 * with every module's own rules.
 */
@AnalyzeClasses(packages = "dev.jwkit", importOptions = JwkitMainClasses.class)
class ArchitectureTest {

  @ArchTest
  static final ArchTests modules = ArchTests.in(ModuleRules.class);

  @ArchTest
  static final ArchTests core = ArchTests.in(CoreRules.class);

  @ArchTest
  static final ArchTests domain = ArchTests.in(DomainRules.class);

  @ArchTest
  static final ArchTests core_and_domain = ArchTests.in(CoreAndDomainRules.class);

  @ArchTest
  static final ArchTests ports = ArchTests.in(PortRules.class);

  @ArchTest
  static final ArchTests hygiene = ArchTests.in(HygieneRules.class);
}
