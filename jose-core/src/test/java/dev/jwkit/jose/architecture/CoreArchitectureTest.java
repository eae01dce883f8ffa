package dev.jwkit.jose.architecture;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.jwkit.buildsupport.architecture.CoreAndDomainRules;
import dev.jwkit.buildsupport.architecture.CoreRules;
import dev.jwkit.buildsupport.architecture.HygieneRules;
import dev.jwkit.buildsupport.architecture.JwkitMainClasses;

/** jose-core's rules, from the one shared copy in build-support; the cross-module rules run in app. */
@AnalyzeClasses(packages = "dev.jwkit", importOptions = JwkitMainClasses.class)
class CoreArchitectureTest {

  @ArchTest
  static final ArchTests core = ArchTests.in(CoreRules.class);

  @ArchTest
  static final ArchTests core_and_domain = ArchTests.in(CoreAndDomainRules.class);

  @ArchTest
  static final ArchTests hygiene = ArchTests.in(HygieneRules.class);
}
