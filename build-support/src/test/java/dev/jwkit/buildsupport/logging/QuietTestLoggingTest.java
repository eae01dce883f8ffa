package dev.jwkit.buildsupport.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JUL settings every module's tests run with (this module's own tests run with them too). */
class QuietTestLoggingTest {

  @AfterEach
  void restore() {
    System.clearProperty(QuietTestLogging.LEVEL_PROPERTY);
    new QuietTestLogging().launcherSessionOpened(null);
  }

  @Test
  void session_jwkitLoggers_writeErrorsOnly_andLibrariesWarnings() {
    new QuietTestLogging().launcherSessionOpened(null);

    assertThat(Logger.getLogger("dev.jwkit.adapters.vault").isLoggable(Level.SEVERE)).isTrue();
    assertThat(Logger.getLogger("dev.jwkit.adapters.vault").isLoggable(Level.WARNING)).isFalse();
    assertThat(Logger.getLogger("org.example.library").isLoggable(Level.WARNING)).isTrue();
    assertThat(Logger.getLogger("org.example.library").isLoggable(Level.INFO)).isFalse();
    assertThat(LogManager.getLogManager().getProperty("java.util.logging.ConsoleHandler.level")).isEqualTo("WARNING");
    assertThat(LogManager.getLogManager().getProperty("java.util.logging.SimpleFormatter.format"))
        .isEqualTo("%4$s %3$s - %5$s%6$s%n");
  }

  @Test
  void session_levelProperty_showsMoreOfJwkit() {
    System.setProperty(QuietTestLogging.LEVEL_PROPERTY, "FINE");

    new QuietTestLogging().launcherSessionOpened(null);

    assertThat(Logger.getLogger("dev.jwkit.adapters.http").isLoggable(Level.FINE)).isTrue();
    assertThat(LogManager.getLogManager().getProperty("java.util.logging.ConsoleHandler.level")).isEqualTo("FINE");
    assertThat(Logger.getLogger("org.example.library").isLoggable(Level.INFO)).isFalse();
  }

  @Test
  void serviceFile_registersTheListener() throws Exception {
    try (var in = getClass().getResourceAsStream(
        "/META-INF/services/org.junit.platform.launcher.LauncherSessionListener")) {
      assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim())
          .isEqualTo(QuietTestLogging.class.getName());
    }
  }
}
