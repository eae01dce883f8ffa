package dev.jwkit.buildsupport.architecture;

import static dev.jwkit.buildsupport.architecture.JwkitArchitecture.JWKIT;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The naming rule of the driven ports' implementations (R8). Applied by every module that implements a
 * port: jwks-domain, the adapters and app.
 *
 * <p>Use: {@code @ArchTest static final ArchTests rules = ArchTests.in(PortRules.class);} in a class annotated
 * {@code @AnalyzeClasses(packages = "dev.jwkit", importOptions = JwkitMainClasses.class)}.
 */
public final class PortRules {

  private PortRules() {}

  /** See {@link JwkitArchitecture#adaptersAreNamedForTheirPort()}. */
  @ArchTest
  public static final ArchRule adapters_are_named_for_their_port = JWKIT.adaptersAreNamedForTheirPort();
}
