package dev.jwkit.jwks.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.File;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Proves that the domain rules catch a violation (STYLE.md item 40), on a fixture that breaks them. */
class RulesCatchViolationsTest {

  /** A would-be domain class that reads a file and the ambient clock. */
  static final class ImpureFixture {
    boolean exists() {
      return new File("ring.json").exists();
    }

    Instant when() {
      return Instant.now();
    }
  }

  private final JavaClasses fixture = new ClassFileImporter().importClasses(ImpureFixture.class);

  @Test
  void allowList_fileAccess_isAViolation() {
    assertThat(DomainArchitectureTest.domain_uses_only_the_jdk_and_core.evaluate(fixture).hasViolation()).isTrue();
  }

  @Test
  void ambientTime_instantNow_isAViolation() {
    assertThat(DomainArchitectureTest.no_ambient_time_in_domain.evaluate(fixture).hasViolation()).isTrue();
  }

  @Test
  void ringRule_classOutsideTheRings_isAViolation() {
    assertThat(DomainArchitectureTest.every_domain_class_is_in_a_ring.evaluate(fixture).hasViolation()).isTrue();
  }
}
