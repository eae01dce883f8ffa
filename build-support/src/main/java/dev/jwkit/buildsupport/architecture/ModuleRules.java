package dev.jwkit.buildsupport.architecture;

import static dev.jwkit.buildsupport.architecture.JwkitArchitecture.JWKIT;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules across modules (R1-R3), which need every module on the class path: applied by app.
 *
 * <p>Use: {@code @ArchTest static final ArchTests rules = ArchTests.in(ModuleRules.class);} in a class annotated
 * {@code @AnalyzeClasses(packages = "dev.jwkit", importOptions = JwkitMainClasses.class)}.
 */
public final class ModuleRules {

  private ModuleRules() {}

  /** See {@link JwkitArchitecture#modulesAreLayered()}. */
  @ArchTest
  public static final ArchRule modules_are_layered = JWKIT.modulesAreLayered();

  /** See {@link JwkitArchitecture#domainIsAnOnionWithEveryAdapter()}. */
  @ArchTest
  public static final ArchRule domain_is_an_onion_with_every_adapter = JWKIT.domainIsAnOnionWithEveryAdapter();

  /** See {@link JwkitArchitecture#adaptersAreIndependent()}. */
  @ArchTest
  public static final ArchRule adapters_are_independent = JWKIT.adaptersAreIndependent();
}
