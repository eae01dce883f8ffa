package dev.jwkit.buildsupport.architecture;

import static dev.jwkit.buildsupport.architecture.JwkitArchitecture.JWKIT;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules every module applies to its own classes: internals stay in their module (R5), no package
 * cycles (R4), library hygiene (R11), constant-time comparisons, no global JCA providers.
 *
 * <p>Use: {@code @ArchTest static final ArchTests rules = ArchTests.in(HygieneRules.class);} in a class annotated
 * {@code @AnalyzeClasses(packages = "dev.jwkit", importOptions = JwkitMainClasses.class)}.
 */
public final class HygieneRules {

  private HygieneRules() {}

  /** See {@link JwkitArchitecture#internalsStayInTheirModule()}. */
  @ArchTest
  public static final ArchRule internals_stay_in_their_module = JWKIT.internalsStayInTheirModule();

  /** See {@link JwkitArchitecture#noPackageCycles()}. */
  @ArchTest
  public static final ArchRule no_package_cycles = JWKIT.noPackageCycles();

  /** See {@link JwkitArchitecture#onlyTheCliWritesToStdStreams()}. */
  @ArchTest
  public static final ArchRule only_the_cli_writes_to_std_streams = JWKIT.onlyTheCliWritesToStdStreams();

  /** See {@link JwkitArchitecture#noJavaUtilLogging()}. */
  @ArchTest
  public static final ArchRule no_java_util_logging = JWKIT.noJavaUtilLogging();

  /** See {@link JwkitArchitecture#noGenericExceptions()}. */
  @ArchTest
  public static final ArchRule no_generic_exceptions = JWKIT.noGenericExceptions();

  /** See {@link JwkitArchitecture#secretsAreComparedInConstantTime()}. */
  @ArchTest
  public static final ArchRule secrets_are_compared_in_constant_time = JWKIT.secretsAreComparedInConstantTime();

  /** See {@link JwkitArchitecture#noGlobalProviderRegistration()}. */
  @ArchTest
  public static final ArchRule no_global_provider_registration = JWKIT.noGlobalProviderRegistration();
}
