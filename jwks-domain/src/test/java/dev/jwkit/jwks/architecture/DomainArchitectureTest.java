package dev.jwkit.jwks.architecture;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.jwkit.buildsupport.architecture.CoreAndDomainRules;
import dev.jwkit.buildsupport.architecture.DomainRules;
import dev.jwkit.buildsupport.architecture.HygieneRules;
import dev.jwkit.buildsupport.architecture.JwkitMainClasses;
import dev.jwkit.buildsupport.architecture.PortRules;

/**
 * jwks-domain's rules, from the one shared copy in build-support: the allow-list (R6), the rings (R2 with only
 * the in-memory adapter here), the port package (R10), the rules it shares with jose-core (no ambient time, no
 * I/O, no threads, no logging), adapter naming (R8) and hygiene. The cross-module rules run in app.
 */
@AnalyzeClasses(packages = "dev.jwkit", importOptions = JwkitMainClasses.class)
class DomainArchitectureTest {

  @ArchTest
  static final ArchTests domain = ArchTests.in(DomainRules.class);

  @ArchTest
  static final ArchTests core_and_domain = ArchTests.in(CoreAndDomainRules.class);

  @ArchTest
  static final ArchTests ports = ArchTests.in(PortRules.class);

  @ArchTest
  static final ArchTests hygiene = ArchTests.in(HygieneRules.class);
}
