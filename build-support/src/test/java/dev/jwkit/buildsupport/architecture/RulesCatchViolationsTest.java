package dev.jwkit.buildsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves every shared rule (STYLE.md item 40): each one fails on the classes planted to break it, naming each
 * of them, and passes on clean code laid out the same way. The rules are built by the same factory as the ones
 * the modules apply, only for another base package ({@code ...fixture.planted} and {@code ...fixture.clean},
 * shaped like {@code dev.jwkit}: {@code jose.jwt}, {@code jwks.application}, {@code adapters.http}, ...).
 */
class RulesCatchViolationsTest {

  private static final String FIXTURE = "dev.jwkit.buildsupport.fixture";
  private static final JwkitArchitecture PLANTED_RULES = new JwkitArchitecture(FIXTURE + ".planted");
  private static final JwkitArchitecture CLEAN_RULES = new JwkitArchitecture(FIXTURE + ".clean");
  private static final JavaClasses PLANTED = new ClassFileImporter().importPackages(FIXTURE + ".planted");
  private static final JavaClasses CLEAN = new ClassFileImporter().importPackages(FIXTURE + ".clean");

  private static final List<Class<?>> RULE_SETS = List.of(CoreRules.class, DomainRules.class,
      CoreAndDomainRules.class, PortRules.class, HygieneRules.class, ModuleRules.class);

  /** Each rule set's field, the factory that makes it, and the planted classes it must report. */
  private static final Map<String, Case> CASES = cases(
      new Case("core_uses_only_the_jdk_jackson_bouncy_castle_and_jspecify",
          JwkitArchitecture::coreUsesOnlyTheJdkJacksonBouncyCastleAndJspecify,
          "FileRecorder", "Reflective", "UsesApp"),
      new Case("domain_uses_only_the_jdk_and_core", JwkitArchitecture::domainUsesOnlyTheJdkAndCore,
          "FileStore", "Logs"),
      new Case("domain_is_an_onion", JwkitArchitecture::domainIsAnOnion, "UsesApplication"),
      new Case("every_domain_class_is_in_a_ring", JwkitArchitecture::everyDomainClassIsInARing, "Stray"),
      new Case("ports_are_interfaces_records_or_enums", JwkitArchitecture::portsAreInterfacesRecordsOrEnums,
          "ConcreteService"),
      new Case("no_ambient_time_in_core_or_domain", JwkitArchitecture::noAmbientTimeInCoreOrDomain,
          "AmbientClock.clock()", "AmbientClock.instant()", "AmbientClock.today()", "AmbientClock.date()",
          "AmbientClock.millis()", "NanoTimer.elapsed", "JwtVerifierDefaults.clock()"),
      new Case("core_and_domain_do_no_io", JwkitArchitecture::coreAndDomainDoNoIo,
          "FileRecorder", "ProcessRunner", "FileStore"),
      new Case("core_and_domain_use_only_pure_members_of_java_lang",
          JwkitArchitecture::coreAndDomainUseOnlyPureMembersOfJavaLang,
          "System.nanoTime()", "System.currentTimeMillis()", "Runtime.exec", "Class.getDeclaredMethods()",
          "System.getenv", "System.exit", "Thread.<init>", "Thread.start()", "System.out", "System.getLogger"),
      new Case("core_and_domain_start_no_threads", JwkitArchitecture::coreAndDomainStartNoThreads,
          "Thread.<init>", "Executors.newSingleThreadExecutor()"),
      new Case("core_and_domain_do_not_log", JwkitArchitecture::coreAndDomainDoNotLog, "Logs"),
      new Case("adapters_are_named_for_their_port", JwkitArchitecture::adaptersAreNamedForTheirPort, "RemoteSource"),
      new Case("internals_stay_in_their_module", JwkitArchitecture::internalsStayInTheirModule,
          "UsesHttpAdapter.kid()> calls method <" + FIXTURE + ".planted.adapters.file.internal.Hidden.value()>"),
      new Case("no_package_cycles", JwkitArchitecture::noPackageCycles, "CycleA", "CycleB"),
      new Case("only_the_cli_writes_to_std_streams", JwkitArchitecture::onlyTheCliWritesToStdStreams, "Printer"),
      new Case("no_java_util_logging", JwkitArchitecture::noJavaUtilLogging, "JulUser"),
      new Case("no_generic_exceptions", JwkitArchitecture::noGenericExceptions, "GenericThrower"),
      new Case("secrets_are_compared_in_constant_time", JwkitArchitecture::secretsAreComparedInConstantTime,
          "TagComparison.matches"),
      new Case("no_global_provider_registration", JwkitArchitecture::noGlobalProviderRegistration,
          "ProviderInstaller.install"),
      new Case("modules_are_layered", JwkitArchitecture::modulesAreLayered, "UsesApp", "Outside"),
      new Case("domain_is_an_onion_with_every_adapter", JwkitArchitecture::domainIsAnOnionWithEveryAdapter,
          "UsesApplication", "UsesHttpAdapter"),
      new Case("adapters_are_independent", JwkitArchitecture::adaptersAreIndependent, "UsesHttpAdapter"));

  static Stream<Arguments> rules() {
    return CASES.values().stream().map(c -> Arguments.of(c.field, c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void rule_plantedViolation_isReportedByName(String field, Case c) {
    EvaluationResult result = c.factory.apply(PLANTED_RULES).evaluate(PLANTED);

    assertThat(result.hasViolation()).as(field).isTrue();
    List<String> details = result.getFailureReport().getDetails();
    for (String violator : c.violators) {
      assertThat(details).as(field + " reports " + violator).anyMatch(d -> d.contains(violator));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void rule_cleanCode_passes(String field, Case c) {
    EvaluationResult result = c.factory.apply(CLEAN_RULES).evaluate(CLEAN);

    assertThat(result.getFailureReport().getDetails()).as(field).isEmpty();
  }

  @Test
  void ambientTime_reportsEveryPlantedCallAndNothingElse() {
    EvaluationResult result = PLANTED_RULES.noAmbientTimeInCoreOrDomain().evaluate(PLANTED);

    assertThat(result.getFailureReport().getDetails()).hasSize(7);
  }

  @Test
  void ambientTime_theDocumentedDefaultClock_isTheOnlyExemption() {
    JavaClasses verifier = new ClassFileImporter().importPackages(FIXTURE + ".clean.jose.jwt");
    assertThat(verifier.stream().map(c -> c.getSimpleName())).contains("Builder");
    assertThat(CLEAN_RULES.noAmbientTimeInCoreOrDomain().evaluate(verifier).hasViolation()).isFalse();
    // the same call elsewhere in the same package is a violation
    assertThat(PLANTED_RULES.noAmbientTimeInCoreOrDomain().evaluate(PLANTED).getFailureReport().getDetails())
        .anyMatch(d -> d.contains("JwtVerifierDefaults.clock()") && d.contains("Clock.systemUTC()"));
  }

  @Test
  void everyRuleOfEveryRuleSet_hasAPlantedViolationTest() throws IllegalAccessException {
    Map<String, String> applied = new TreeMap<>();
    for (Class<?> ruleSet : RULE_SETS) {
      for (Field f : ruleSet.getDeclaredFields()) {
        if (f.isAnnotationPresent(ArchTest.class) && Modifier.isStatic(f.getModifiers())) {
          applied.put(f.getName(), ((ArchRule) f.get(null)).getDescription());
        }
      }
    }

    assertThat(applied.keySet()).isEqualTo(CASES.keySet());
    // and the case builds the same rule as the rule set applies
    for (Case c : CASES.values()) {
      assertThat(c.factory.apply(JwkitArchitecture.JWKIT).getDescription()).as(c.field)
          .isEqualTo(applied.get(c.field));
    }
  }

  @Test
  void importOption_leavesOutBuildSupportAndTestClasses() {
    JwkitMainClasses option = new JwkitMainClasses();

    assertThat(option.includes(location("file:/r/jose-core/target/classes/dev/jwkit/jose/Json.class"))).isTrue();
    assertThat(option.includes(location("jar:file:/m2/jwkit-jose-core.jar!/dev/jwkit/jose/Json.class"))).isTrue();
    assertThat(option.includes(location("file:/r/jose-core/target/test-classes/dev/jwkit/jose/JsonTest.class")))
        .isFalse();
    assertThat(option.includes(location(
        "jar:file:/m2/jwkit-build-support.jar!/dev/jwkit/buildsupport/architecture/CoreRules.class"))).isFalse();
    assertThat(option.includes(location(
        "jar:file:/r/jwks-domain/target/jwkit-jwks-domain-0.1.0-SNAPSHOT-tests.jar!/dev/jwkit/jwks/port/X.class")))
        .isFalse();
    assertThat(option.includes(location(
        "file:/r/build-support/target/classes/dev/jwkit/buildsupport/ReadmeSnippets.class"))).isFalse();
  }

  private static com.tngtech.archunit.core.importer.Location location(String uri) {
    return com.tngtech.archunit.core.importer.Location.of(java.net.URI.create(uri));
  }

  private static Map<String, Case> cases(Case... cases) {
    return Arrays.stream(cases).collect(Collectors.toMap(c -> c.field, c -> c, (a, b) -> a, TreeMap::new));
  }

  /** One rule: the rule set's field name, the factory, and what it must report on the planted classes. */
  static final class Case {
    final String field;
    final Function<JwkitArchitecture, ArchRule> factory;
    final Set<String> violators;

    Case(String field, Function<JwkitArchitecture, ArchRule> factory, String... violators) {
      this.field = field;
      this.factory = factory;
      this.violators = Set.of(violators);
    }

    @Override
    public String toString() {
      return field;
    }
  }
}
