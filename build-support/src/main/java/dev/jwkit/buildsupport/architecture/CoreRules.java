package dev.jwkit.buildsupport.architecture;

import static dev.jwkit.buildsupport.architecture.JwkitArchitecture.JWKIT;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules of jose-core alone: its allow-list of dependencies. Applied by jose-core and app.
 *
 * <p>Use: {@code @ArchTest static final ArchTests rules = ArchTests.in(CoreRules.class);} in a class annotated
 * {@code @AnalyzeClasses(packages = "dev.jwkit", importOptions = JwkitMainClasses.class)}.
 */
public final class CoreRules {

  private CoreRules() {}

  /** See {@link JwkitArchitecture#coreUsesOnlyTheJdkJacksonBouncyCastleAndJspecify()}. */
  @ArchTest
  public static final ArchRule core_uses_only_the_jdk_jackson_bouncy_castle_and_jspecify = JWKIT.coreUsesOnlyTheJdkJacksonBouncyCastleAndJspecify();
}
