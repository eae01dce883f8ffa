package dev.jwkit.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * Proves that the rules catch what they claim to, on a small violating fixture: without this, a refactor
 * that emptied a package pattern would make a rule pass vacuously.
 */
class RulesCatchViolationsTest {

  private static final JavaClasses FIXTURE =
      new ClassFileImporter().importPackages("dev.jwkit.app.architecture.fixture");

  @Test
  void internalsRule_internalUsedFromOutside_reportsExactlyThatDependency() {
    EvaluationResult result =
        ArchitectureTest.internalsOf("dev.jwkit.app.architecture.fixture.core").evaluate(FIXTURE);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .singleElement().asString().contains("Intruder.useInternal()").contains("Hidden.value()");
  }

  @Test
  void constantTimeRule_arraysEqualsOnBytes_isReported() {
    EvaluationResult result = ArchitectureTest.constantTimeComparisonsIn("dev.jwkit.app.architecture.fixture.outside..").evaluate(FIXTURE);

    assertThat(result.getFailureReport().getDetails())
        .singleElement().asString().contains("Intruder.compareTags");
  }
}
