package dev.jwkit.buildsupport.architecture;

import static dev.jwkit.buildsupport.architecture.JwkitArchitecture.JWKIT;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules that hold identically for jose-core and jwks-domain: no ambient time (R9), no I/O (R7),
 * only the pure members of java.lang, no threads, no logging. Applied by jose-core, jwks-domain and app.
 *
 * <p>Use: {@code @ArchTest static final ArchTests rules = ArchTests.in(CoreAndDomainRules.class);} in a class annotated
 * {@code @AnalyzeClasses(packages = "dev.jwkit", importOptions = JwkitMainClasses.class)}.
 */
public final class CoreAndDomainRules {

  private CoreAndDomainRules() {}

  /** See {@link JwkitArchitecture#noAmbientTimeInCoreOrDomain()}. */
  @ArchTest
  public static final ArchRule no_ambient_time_in_core_or_domain = JWKIT.noAmbientTimeInCoreOrDomain();

  /** See {@link JwkitArchitecture#coreAndDomainDoNoIo()}. */
  @ArchTest
  public static final ArchRule core_and_domain_do_no_io = JWKIT.coreAndDomainDoNoIo();

  /** See {@link JwkitArchitecture#coreAndDomainUseOnlyPureMembersOfJavaLang()}. */
  @ArchTest
  public static final ArchRule core_and_domain_use_only_pure_members_of_java_lang = JWKIT.coreAndDomainUseOnlyPureMembersOfJavaLang();

  /** See {@link JwkitArchitecture#coreAndDomainStartNoThreads()}. */
  @ArchTest
  public static final ArchRule core_and_domain_start_no_threads = JWKIT.coreAndDomainStartNoThreads();

  /** See {@link JwkitArchitecture#coreAndDomainDoNotLog()}. */
  @ArchTest
  public static final ArchRule core_and_domain_do_not_log = JWKIT.coreAndDomainDoNotLog();
}
