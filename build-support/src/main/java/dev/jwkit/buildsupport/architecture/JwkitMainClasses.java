package dev.jwkit.buildsupport.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * The import option of every architecture test: jwkit's main classes only. It leaves out test classes (a
 * module's own, and those of a test-jar such as jwks-domain's port contract suites, which ArchUnit's {@code
 * DoNotIncludeTests} does not recognise), and build-support's classes (a test dependency whose main classes live
 * under {@code dev.jwkit} too, and which would otherwise count as an unlayered module of the product).
 *
 * <p>Instances are stateless and safe for concurrent use.
 */
public final class JwkitMainClasses implements ImportOption {

  private static final ImportOption NO_TESTS = new DoNotIncludeTests();

  /** Creates the option; ArchUnit instantiates it from {@code @AnalyzeClasses(importOptions = ...)}. */
  public JwkitMainClasses() {}

  @Override
  public boolean includes(Location location) {
    return NO_TESTS.includes(location) && !location.contains("-tests.jar!/")
        && !location.contains("/dev/jwkit/buildsupport/");
  }
}
