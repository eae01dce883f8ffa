package dev.jwkit.app.cli;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** The launcher's class-data sharing training run succeeds, so a change to a command cannot quietly break it. */
class CdsTrainingTest {
  @Test
  void everyTrainingCommandSucceeds() {
    assertThatCode(CdsTraining::train).doesNotThrowAnyException();
  }
}
