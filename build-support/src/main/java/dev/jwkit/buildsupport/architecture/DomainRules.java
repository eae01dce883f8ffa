package dev.jwkit.buildsupport.architecture;

import static dev.jwkit.buildsupport.architecture.JwkitArchitecture.JWKIT;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules of jwks-domain alone: its allow-list (STYLE.md R6), its rings (R2 within the module) and
 * its port package (R10). Applied by jwks-domain and app.
 *
 * <p>Use: {@code @ArchTest static final ArchTests rules = ArchTests.in(DomainRules.class);} in a class annotated
 * {@code @AnalyzeClasses(packages = "dev.jwkit", importOptions = JwkitMainClasses.class)}.
 */
public final class DomainRules {

  private DomainRules() {}

  /** See {@link JwkitArchitecture#domainUsesOnlyTheJdkAndCore()}. */
  @ArchTest
  public static final ArchRule domain_uses_only_the_jdk_and_core = JWKIT.domainUsesOnlyTheJdkAndCore();

  /** See {@link JwkitArchitecture#domainIsAnOnion()}. */
  @ArchTest
  public static final ArchRule domain_is_an_onion = JWKIT.domainIsAnOnion();

  /** See {@link JwkitArchitecture#everyDomainClassIsInARing()}. */
  @ArchTest
  public static final ArchRule every_domain_class_is_in_a_ring = JWKIT.everyDomainClassIsInARing();

  /** See {@link JwkitArchitecture#portsAreInterfacesRecordsOrEnums()}. */
  @ArchTest
  public static final ArchRule ports_are_interfaces_records_or_enums = JWKIT.portsAreInterfacesRecordsOrEnums();
}
