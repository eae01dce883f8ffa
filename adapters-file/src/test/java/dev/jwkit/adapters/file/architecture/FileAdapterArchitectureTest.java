package dev.jwkit.adapters.file.architecture;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.jwkit.buildsupport.architecture.HygieneRules;
import dev.jwkit.buildsupport.architecture.JwkitMainClasses;
import dev.jwkit.buildsupport.architecture.PortRules;

/** The file adapter's rules, from the one shared copy in build-support; the cross-module rules run in app. */
@AnalyzeClasses(packages = "dev.jwkit", importOptions = JwkitMainClasses.class)
class FileAdapterArchitectureTest {

  @ArchTest
  static final ArchTests ports = ArchTests.in(PortRules.class);

  @ArchTest
  static final ArchTests hygiene = ArchTests.in(HygieneRules.class);
}
