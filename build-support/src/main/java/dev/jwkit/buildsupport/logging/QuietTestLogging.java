package dev.jwkit.buildsupport.logging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.LogManager;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Configures JUL for a module's tests before any test runs: warnings and errors only, one line each. Registered
 * through {@code META-INF/services}, so every module with build-support on its test class path gets it with no
 * configuration; the settings are in {@code test-logging.properties} next to this class.
 *
 * <p>System.Logger (how the adapters log) has JUL as its default backend, and slf4j-jdk14 routes SLF4J there, so
 * this one setting covers the code under test and the test libraries alike. A test that inspects log records
 * adds its own handler to a logger and sets that logger's level; this does not stop it.
 */
public final class QuietTestLogging implements LauncherSessionListener {

  /** Created by the JUnit Platform's service loader. */
  public QuietTestLogging() {}

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    try (InputStream in = QuietTestLogging.class.getResourceAsStream("test-logging.properties")) {
      if (in == null) {
        throw new IllegalStateException("test-logging.properties is missing from build-support");
      }
      LogManager.getLogManager().readConfiguration(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
