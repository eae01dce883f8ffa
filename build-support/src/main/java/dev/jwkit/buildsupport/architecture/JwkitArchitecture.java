package dev.jwkit.buildsupport.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The architecture rules of jwkit (STYLE.md items 38-40), written once for a base package so that every
 * module applies the same copy and the rules can be proven on planted fixtures under another base.
 *
 * <p>Modules do not call this class directly: they apply the rule sets {@link CoreRules}, {@link DomainRules},
 * {@link CoreAndDomainRules}, {@link PortRules}, {@link HygieneRules} and {@link ModuleRules}, which hold
 * {@link #JWKIT}'s rules. Every rule is written by package pattern (never by a list of classes), so moving a
 * class between packages of the same ring or module does not change what a rule means. The only names of
 * classes are the two documented exceptions, {@link #DEFAULT_CLOCK_PLACES} and {@link
 * #PUBLIC_BYTE_COMPARISONS}, and the four driven ports of {@link #PORTS}.
 *
 * <p>Instances are immutable and safe for concurrent use.
 */
public final class JwkitArchitecture {

  /** The rules for jwkit itself, under {@code dev.jwkit}. */
  public static final JwkitArchitecture JWKIT = new JwkitArchitecture("dev.jwkit");

  /**
   * Where the public API creates its documented default clock, relative to the base package; the only
   * places in jose-core and jwks-domain that may call {@code Clock.systemUTC()}. A class named here may
   * call it from its own code and from its nested classes (a builder's default). Add a place only for a
   * public API whose javadoc documents the system clock as its default.
   */
  public static final List<String> DEFAULT_CLOCK_PLACES = List.of("jose.jwt.JwtVerifier", "jwks.application.SystemClock");

  /**
   * The classes that may compare byte arrays with {@code Arrays.equals}, relative to the base package,
   * because what they compare is public and the comparison is on the verification hot path: the header
   * cache matches a token's (public) header segment against the headers it has parsed.
   */
  public static final List<String> PUBLIC_BYTE_COMPARISONS = List.of("jose.jws.HeaderCache");

  /** The driven ports whose implementations are named {@code <Technology><Port>}, relative to the base. */
  public static final List<String> PORTS = List.of(
      "jwks.port.KeyRingRepository", "jwks.port.KeyCustody", "jwks.port.JwksFetcher", "jwks.port.KeySource");

  /**
   * The JDK that jose-core and jwks-domain may use besides {@code java.lang} itself: collections,
   * concurrency primitives, big numbers, the JCA, time values, and charsets. Not {@code java.util.logging},
   * {@code java.util.prefs}, {@code java.util.jar}/{@code zip}, {@code java.util.spi}.
   */
  static final List<String> PURE_JDK_PACKAGES = List.of(
      "java.util", "java.util.function..", "java.util.stream..", "java.util.concurrent..", "java.util.regex..",
      "java.math..", "java.security..", "javax.crypto..", "java.time..", "java.nio.charset..", "java.lang.annotation..");

  /**
   * Classes of {@code java.lang} that core and domain may not name at all: processes, class loading, the
   * security manager, the platform logger (core and domain report through listeners), and reflection's
   * packages (excluded because only the package {@code java.lang} itself is allowed, not its subpackages).
   */
  static final List<String> FORBIDDEN_JAVA_LANG = List.of(
      "java.lang.Process", "java.lang.ProcessBuilder", "java.lang.ProcessHandle", "java.lang.ClassLoader",
      "java.lang.SecurityManager", "java.lang.System$Logger", "java.lang.Compiler", "java.lang.ThreadGroup",
      "java.lang.Module", "java.lang.ModuleLayer", "java.lang.StackWalker");

  /**
   * The members core and domain may use of the {@code java.lang} classes that also reach the process, the
   * threads or reflection. Anything else of these classes (System.exit, System.getenv, System.getProperty,
   * System.out, System.nanoTime, Runtime.exec, new Thread, Thread.sleep, Class.forName, getDeclaredMethods,
   * MethodHandles.lookup, ...) is refused.
   */
  static final Map<String, Set<String>> PURE_MEMBERS = Map.of(
      "java.lang.System", Set.of("arraycopy", "identityHashCode", "lineSeparator"),
      "java.lang.Runtime", Set.of("getRuntime", "availableProcessors"),
      "java.lang.Thread", Set.of("currentThread", "getId", "interrupt", "isInterrupted", "onSpinWait"),
      "java.lang.Class", Set.of("getName", "getSimpleName", "getTypeName", "isInstance", "cast",
          "isAssignableFrom", "desiredAssertionStatus", "isArray", "getComponentType"),
      "java.lang.invoke.MethodHandles", Set.of("byteArrayViewVarHandle", "byteBufferViewVarHandle"));

  /**
   * Calls that read the ambient time, besides any {@code now(..)} or {@code dateNow(..)} in {@code java.time}
   * that is not given a {@code Clock}.
   */
  static final Set<String> AMBIENT_TIME_CALLS = Set.of(
      "java.time.Clock.systemUTC()", "java.time.Clock.systemDefaultZone()", "java.time.Clock.system(java.time.ZoneId)",
      "java.time.Clock.tickMillis(java.time.ZoneId)", "java.time.Clock.tickSeconds(java.time.ZoneId)",
      "java.time.Clock.tickMinutes(java.time.ZoneId)", "java.time.InstantSource.system()",
      "java.lang.System.currentTimeMillis()", "java.lang.System.nanoTime()",
      "java.util.Date.<init>()", "java.util.GregorianCalendar.<init>()",
      "java.util.GregorianCalendar.<init>(java.util.TimeZone)", "java.util.GregorianCalendar.<init>(java.util.Locale)",
      "java.util.GregorianCalendar.<init>(java.util.TimeZone,java.util.Locale)", "java.util.Calendar.getInstance()",
      "java.util.Calendar.getInstance(java.util.TimeZone)", "java.util.Calendar.getInstance(java.util.Locale)",
      "java.util.Calendar.getInstance(java.util.TimeZone,java.util.Locale)");

  private final String base;
  private final String core;
  private final String domain;
  private final String adapters;
  private final String app;

  /**
   * Rules for a code base laid out as jwkit is, under {@code base}: {@code base.jose} (core), {@code
   * base.jwks} (domain), {@code base.adapters.*} and {@code base.app}.
   */
  public JwkitArchitecture(String base) {
    this.base = Objects.requireNonNull(base, "base");
    this.core = base + ".jose";
    this.domain = base + ".jwks";
    this.adapters = base + ".adapters";
    this.app = base + ".app";
  }

  // ---------------------------------------------------------------------------------------------
  // jose-core and jwks-domain: allow-lists

  /** jose-core depends only on itself, the pure JDK, in-memory I/O types, Jackson core, Bouncy Castle and JSpecify. */
  public ArchRule coreUsesOnlyTheJdkJacksonBouncyCastleAndJspecify() {
    DescribedPredicate<JavaClass> allowed = resideInAnyPackage(core + "..", "com.fasterxml.jackson.core..",
        "org.bouncycastle..", "org.jspecify..")
        .or(pureJdk())
        .or(named("java.io.ByteArrayInputStream", "java.io.ByteArrayOutputStream", "java.io.StringReader",
            "java.io.StringWriter", "java.io.Reader", "java.io.Writer", "java.io.InputStream", "java.io.OutputStream",
            "java.io.IOException", "java.io.UncheckedIOException", "java.io.Serializable",
            "java.net.URI", "java.net.URISyntaxException", "java.nio.ByteOrder", "java.nio.ByteBuffer",
            "javax.security.auth.x500.X500Principal",
            "java.lang.invoke.VarHandle", "java.lang.invoke.MethodHandles"))
        .as("reside in " + core + ".., " + PURE_JDK + ", the in-memory streams and I/O exceptions of java.io, "
            + "java.net.URI, ByteBuffer, ByteOrder, VarHandle, X500Principal, com.fasterxml.jackson.core.., "
            + "org.bouncycastle.. or org.jspecify..");
    return onlyDependOn(core, allowed, "ARCHITECTURE.md: jose-core uses the JDK, Jackson, Bouncy Castle and "
        + "JSpecify, and does no I/O; an allow-list lets nothing unnamed through");
  }

  /** R6: jwks-domain depends only on itself, jose-core, the pure JDK and JSpecify. */
  public ArchRule domainUsesOnlyTheJdkAndCore() {
    DescribedPredicate<JavaClass> allowed = resideInAnyPackage(domain + "..", core + "..", "org.jspecify..")
        .or(pureJdk())
        .as("reside in " + domain + ".., " + core + ".., " + PURE_JDK + " or org.jspecify..");
    return onlyDependOn(domain, allowed, "ARCHITECTURE.md: jwks-domain uses only the JDK (no I/O) and jose-core; "
        + "no Jackson, no Bouncy Castle, no logging (STYLE.md R6)");
  }

  private static ArchRule onlyDependOn(String module, DescribedPredicate<JavaClass> allowed, String because) {
    return classes().that().resideInAPackage(module + "..").should().onlyDependOnClassesThat(allowed).because(because);
  }

  private static final String PURE_JDK = "the pure JDK (java.lang without processes, class loading and "
      + "reflection; java.util, java.math, java.security, javax.crypto, java.time, java.nio.charset)";

  private static DescribedPredicate<JavaClass> pureJdk() {
    return resideInAnyPackage(PURE_JDK_PACKAGES.toArray(new String[0]))
        .or(resideInAPackage("java.lang").and(not(describe("a forbidden java.lang class",
            c -> FORBIDDEN_JAVA_LANG.stream().anyMatch(f -> c.getName().equals(f) || c.getName().startsWith(f + "$"))))))
        .as("the pure JDK");
  }

  private static DescribedPredicate<JavaClass> named(String... names) {
    Set<String> set = Set.of(names);
    return describe("one of " + set, c -> set.contains(c.getName()));
  }

  // ---------------------------------------------------------------------------------------------
  // jose-core and jwks-domain: the same rules for both

  /** R9: no ambient time in core or domain, except the documented default clock of the public API. */
  public ArchRule noAmbientTimeInCoreOrDomain() {
    DescribedPredicate<JavaCall<?>> ambient = describe(
        "read the ambient time (" + String.join(", ", AMBIENT_TIME_CALLS.stream().sorted().collect(Collectors.toList()))
            + ", and any java.time now(..)/dateNow(..) not given a Clock), except Clock.systemUTC() in "
            + DEFAULT_CLOCK_PLACES,
        call -> isAmbientTime(call) && !isDocumentedDefaultClock(call));
    return noClasses().that().resideInAnyPackage(core + "..", domain + "..")
        .should().callCodeUnitWhere(ambient)
        .because("STYLE.md 17: core and domain take a Clock or an Instant; only app and adapters read the time, "
            + "and the one default clock of the public API is created in a named place");
  }

  private static boolean isAmbientTime(JavaCall<?> call) {
    String signature = signature(call);
    if (AMBIENT_TIME_CALLS.contains(signature)) {
      return true;
    }
    String name = call.getName();
    boolean timeFactory = call.getTargetOwner().getPackageName().startsWith("java.time")
        && (name.equals("now") || name.equals("dateNow"));
    return timeFactory && !signature.endsWith("(java.time.Clock)");
  }

  private boolean isDocumentedDefaultClock(JavaCall<?> call) {
    String origin = call.getOriginOwner().getName();
    return signature(call).equals("java.time.Clock.systemUTC()")
        && DEFAULT_CLOCK_PLACES.stream().map(p -> base + "." + p)
            .anyMatch(place -> origin.equals(place) || origin.startsWith(place + "$"));
  }

  private static String signature(JavaCall<?> call) {
    return call.getTargetOwner().getName() + "." + call.getName() + "("
        + call.getTarget().getRawParameterTypes().stream().map(JavaClass::getName).collect(Collectors.joining(","))
        + ")";
  }

  /** R7: core and domain do no I/O: no files, no network, no processes. */
  public ArchRule coreAndDomainDoNoIo() {
    DescribedPredicate<JavaClass> io = resideInAnyPackage("java.nio.file..", "java.nio.channels..", "java.net..",
        "javax.net..", "java.sql..", "javax.sql..", "java.rmi..", "javax.naming..")
        .and(not(named("java.net.URI", "java.net.URISyntaxException")))
        .or(named("java.io.File", "java.io.FileInputStream", "java.io.FileOutputStream", "java.io.FileReader",
            "java.io.FileWriter", "java.io.RandomAccessFile", "java.io.FileDescriptor", "java.io.Console",
            "java.lang.ProcessBuilder", "java.lang.Process", "java.lang.ProcessHandle"))
        .as("do I/O (files, channels, sockets, HTTP, JDBC, RMI, JNDI, the console, processes)");
    return noClasses().that().resideInAnyPackage(core + "..", domain + "..")
        .should().dependOnClassesThat(io)
        .orShould().callMethodWhere(describe("Runtime.exec(..)",
            call -> call.getTargetOwner().isEquivalentTo(Runtime.class) && call.getName().equals("exec")))
        .because("ARCHITECTURE.md: jose-core and jwks-domain do no I/O; a header's jku or x5u is never fetched");
  }

  /** Core and domain use only the pure members of the java.lang classes that also reach the process. */
  public ArchRule coreAndDomainUseOnlyPureMembersOfJavaLang() {
    DescribedPredicate<JavaAccess<?>> impure = describe(
        "access a member of " + PURE_MEMBERS.keySet() + " other than " + PURE_MEMBERS,
        access -> {
          Set<String> allowed = PURE_MEMBERS.get(access.getTargetOwner().getName());
          return allowed != null && !allowed.contains(access.getName());
        });
    return noClasses().that().resideInAnyPackage(core + "..", domain + "..")
        .should().accessTargetWhere(impure)
        .because("core and domain neither exit, read the environment or system properties, write to the standard "
            + "streams, start or pause threads, nor use reflection");
  }

  /** Core and domain start no threads of their own (java.util.concurrent primitives are fine). */
  public ArchRule coreAndDomainStartNoThreads() {
    return noClasses().that().resideInAnyPackage(core + "..", domain + "..")
        .should().dependOnClassesThat(named("java.util.Timer", "java.util.TimerTask",
            "java.util.concurrent.Executors", "java.util.concurrent.ForkJoinPool",
            "java.util.concurrent.ThreadPoolExecutor", "java.util.concurrent.ScheduledThreadPoolExecutor"))
        .orShould().callCodeUnitWhere(describe("new Thread(..), or a CompletableFuture ..Async(..) without an Executor",
            call -> call.getTargetOwner().isAssignableTo(Thread.class) && call.getName().equals("<init>")
                || call.getTargetOwner().getName().equals("java.util.concurrent.CompletableFuture")
                    && call.getName().endsWith("Async")
                    && call.getTarget().getRawParameterTypes().stream()
                        .noneMatch(p -> p.getName().equals("java.util.concurrent.Executor"))))
        .because("ARCHITECTURE.md: no threads of their own beyond java.util.concurrent primitives");
  }

  /** Core and domain never log: they report through listener ports. */
  public ArchRule coreAndDomainDoNotLog() {
    return noClasses().that().resideInAnyPackage(core + "..", domain + "..")
        .should().dependOnClassesThat(resideInAnyPackage("org.slf4j..", "org.apache.logging..", "ch.qos.logback..",
                "java.util.logging..", "org.jboss.logging..", "org.apache.commons.logging..")
            .or(describe("System.Logger", c -> c.getName().startsWith("java.lang.System$Logger"))))
        .because("STYLE.md 30: jose-core and jwks-domain report through listener ports, never a logger");
  }

  // ---------------------------------------------------------------------------------------------
  // jwks-domain's rings

  /** R2 within jwks-domain: model ← port ← application ← the in-memory adapter. */
  public ArchRule domainIsAnOnion() {
    return domainRings()
        .ignoreDependency(not(resideInAPackage(domain + "..")), alwaysTrue())
        .because("STYLE.md item 3: model ← port ← application ← adapters (the other modules' adapters are "
            + "checked by the cross-module rule)");
  }

  /**
   * The rings of the domain and its own in-memory adapter. Rings may be empty (optional layers) so that a
   * package emptied by a move does not fail the rule by itself; the ring rule and R10 keep the rings populated.
   */
  private Architectures.OnionArchitecture domainRings() {
    return onionArchitecture()
        .domainModels(domain + ".model..")
        .domainServices(domain + ".port..")
        .applicationServices(domain + ".application..")
        .adapter("in-memory", domain + ".inmemory..")
        .adapter("local-custody", domain + ".custody..")
        .withOptionalLayers(true);
  }

  /** Every class of jwks-domain lives in a ring (internal helpers inside the ring they serve). */
  public ArchRule everyDomainClassIsInARing() {
    return classes().that().resideInAPackage(domain + "..")
        .should().resideInAnyPackage(domain + ".model..", domain + ".port..", domain + ".application..",
            domain + ".inmemory..", domain + ".custody..")
        .because("STYLE.md item 3: the onion rule treats a jwks class outside a ring as an illegal accessor");
  }

  /** R10: the port package holds only contracts. */
  public ArchRule portsAreInterfacesRecordsOrEnums() {
    return classes().that().resideInAPackage(domain + ".port..").and().areTopLevelClasses()
        .and().doNotHaveSimpleName("package-info")
        .should().beInterfaces().orShould().beRecords().orShould().beEnums()
        .because("STYLE.md item 3 and R10: the port ring holds driven-port interfaces and the records they exchange");
  }

  /** R8: a class that implements a driven port is named {@code <Technology><Port>}. */
  public ArchRule adaptersAreNamedForTheirPort() {
    List<String> ports = PORTS.stream().map(p -> base + "." + p).collect(Collectors.toList());
    DescribedPredicate<JavaClass> implementsAPort = describe("implement a driven port " + ports,
        c -> c.getAllRawInterfaces().stream().anyMatch(i -> ports.contains(i.getName())));
    ArchCondition<JavaClass> named = new ArchCondition<>("be named after the port they implement") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        for (JavaClass port : item.getAllRawInterfaces()) {
          if (ports.contains(port.getName()) && !item.getSimpleName().endsWith(port.getSimpleName())) {
            events.add(SimpleConditionEvent.violated(item,
                item.getName() + " implements " + port.getSimpleName() + " but its name does not end with it"));
          }
        }
      }
    };
    return classes().that(implementsAPort).and().areTopLevelClasses().and().areNotInterfaces()
        .should(named)
        .because("STYLE.md 8: adapters are named <Technology><Port>");
  }

  // ---------------------------------------------------------------------------------------------
  // every module

  /** R5: a package {@code ..internal..} is used only from inside its own module. */
  public ArchRule internalsStayInTheirModule() {
    ArchCondition<JavaClass> ownInternalsOnly = new ArchCondition<>("use ..internal.. packages of their own module only") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        for (Dependency d : item.getDirectDependenciesFromSelf()) {
          String target = d.getTargetClass().getPackageName();
          if (isInternal(target) && !moduleRoot(target).equals(moduleRoot(item.getPackageName()))) {
            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
          }
        }
      }
    };
    return classes().that().resideInAPackage(base + "..").should(ownInternalsOnly)
        .because("STYLE.md 5: ..internal.. is not API; only its own module may use it");
  }

  private boolean isInternal(String packageName) {
    return packageName.startsWith(base + ".") && List.of(packageName.split("\\.")).contains("internal");
  }

  /** {@code base.jose}, {@code base.jwks}, {@code base.adapters.<name>} or {@code base.app}. */
  private String moduleRoot(String packageName) {
    String[] parts = packageName.substring(Math.min(packageName.length(), base.length() + 1)).split("\\.");
    String root = base + "." + parts[0];
    return parts[0].equals("adapters") && parts.length > 1 ? root + "." + parts[1] : root;
  }

  /** R4: no package cycles. */
  public ArchRule noPackageCycles() {
    return slices().matching(base + ".(**)").should().beFreeOfCycles()
        .because("ARCHITECTURE.md: no package cycles in any module");
  }

  /** R11: only the CLI's output writes to the standard streams. */
  public ArchRule onlyTheCliWritesToStdStreams() {
    return noClasses().that().resideInAPackage(base + "..").and().resideOutsideOfPackage(app + ".cli..")
        .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
        .because("STYLE.md 32: libraries report through listeners and System.Logger, never stdout");
  }

  /** R11: nothing uses java.util.logging directly (adapters log through System.Logger). */
  public ArchRule noJavaUtilLogging() {
    return noClasses().that().resideInAPackage(base + "..")
        .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
        .because("STYLE.md 31: adapters log through System.Logger, which the application routes to its backend");
  }

  /** R11: no generic exceptions. */
  public ArchRule noGenericExceptions() {
    return noClasses().that().resideInAPackage(base + "..")
        .should(GeneralCodingRules.THROW_GENERIC_EXCEPTIONS)
        .because("STYLE.md 23: every failure is a JwkitException with a code");
  }

  /** Byte and char arrays (MAC tags, secrets, passwords) are compared in constant time. */
  public ArchRule secretsAreComparedInConstantTime() {
    List<String> exempt = PUBLIC_BYTE_COMPARISONS.stream().map(p -> base + "." + p).collect(Collectors.toList());
    return noClasses().that().resideInAPackage(base + "..")
        .and(describe("are not " + exempt, c -> !exempt.contains(c.getName())))
        .should().callMethodWhere(describe("Arrays.equals or Arrays.mismatch on byte[] or char[]",
            call -> call.getTargetOwner().getName().equals("java.util.Arrays")
                && (call.getName().equals("equals") || call.getName().equals("mismatch"))
                && !call.getTarget().getRawParameterTypes().isEmpty()
                && List.of("[B", "[C").contains(call.getTarget().getRawParameterTypes().get(0).getName())))
        .because("SECURITY.md: MAC, tag and secret comparisons use MessageDigest.isEqual (constant time); "
            + "an early-exit comparison leaks how many leading bytes matched");
  }

  /** A library never changes the JVM's global JCA provider list. */
  public ArchRule noGlobalProviderRegistration() {
    return noClasses().that().resideInAPackage(base + "..")
        .should().callMethodWhere(describe("Security.addProvider/insertProviderAt/removeProvider",
            call -> call.getTargetOwner().getName().equals("java.security.Security")
                && Set.of("addProvider", "insertProviderAt", "removeProvider").contains(call.getName())))
        .because("a library must not change the JVM's global JCA provider list; pass a provider instance");
  }

  // ---------------------------------------------------------------------------------------------
  // across modules (app has them all on its class path)

  /** R1: app → adapters → domain → core, and every class belongs to a layer. */
  public ArchRule modulesAreLayered() {
    return layeredArchitecture()
        .consideringOnlyDependenciesInAnyPackage(base + "..")
        .layer("core").definedBy(core + "..")
        .layer("domain").definedBy(domain + "..")
        .layer("adapters").definedBy(adapters + "..")
        .layer("app").definedBy(app + "..")
        .whereLayer("app").mayNotBeAccessedByAnyLayer()
        .whereLayer("adapters").mayOnlyBeAccessedByLayers("app")
        .whereLayer("domain").mayOnlyBeAccessedByLayers("adapters", "app")
        .whereLayer("core").mayOnlyBeAccessedByLayers("domain", "adapters", "app")
        .ensureAllClassesAreContainedInArchitecture()
        .because("ARCHITECTURE.md: app → adapters → domain → core, and nothing depends on app");
  }

  /** R2 across modules: the domain is a hexagon whose adapters reach it through ports and services. */
  public ArchRule domainIsAnOnionWithEveryAdapter() {
    return domainRings()
        .adapter("http", adapters + ".http..")
        .adapter("vault", adapters + ".vault..")
        .adapter("file", adapters + ".file..")
        .adapter("jdbc", adapters + ".jdbc..")
        .ignoreDependency(resideInAPackage(app + ".."), alwaysTrue())
        .because("ARCHITECTURE.md: the domain is a hexagon; adapters reach it only through its ports and services");
  }

  /** R3: adapters never depend on each other. */
  public ArchRule adaptersAreIndependent() {
    return slices().matching(adapters + ".(*)..").should().notDependOnEachOther()
        .because("ARCHITECTURE.md: adapters never depend on each other");
  }
}
