package dev.jwkit.buildsupport.logging;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.logging.LogManager;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Configures JUL for a module's tests before any test runs: one line per record, warnings and errors of the
 * libraries, errors of jwkit's own loggers. Registered through {@code META-INF/services}, so every module with
 * build-support on its test class path gets it with no configuration; the settings are in {@code
 * test-logging.properties} next to this class, and {@code -Djwkit.test.log.level=WARNING} (or {@code FINE})
 * shows more of jwkit's own lines.
 *
 * <p>System.Logger (how the adapters log) has JUL as its default backend, and slf4j-jdk14 routes SLF4J there, so
 * this one setting covers the code under test and the test libraries alike. A test that inspects log records
 * adds its own handler to a logger and sets that logger's level; this does not stop it.
 */
public final class QuietTestLogging implements LauncherSessionListener {

  /** The system property that overrides the level of jwkit's own loggers in tests. */
  public static final String LEVEL_PROPERTY = "jwkit.test.log.level";

  /** Created by the JUnit Platform's service loader. */
  public QuietTestLogging() {}

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    Properties settings = new Properties();
    try (InputStream in = QuietTestLogging.class.getResourceAsStream("test-logging.properties")) {
      if (in == null) {
        throw new IllegalStateException("test-logging.properties is missing from build-support");
      }
      settings.load(in);
      String level = System.getProperty(LEVEL_PROPERTY);
      if (level != null) {
        settings.setProperty("dev.jwkit.level", level);
        settings.setProperty("java.util.logging.ConsoleHandler.level", level);
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      settings.store(bytes, null);
      LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(bytes.toByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
