package dev.jwkit.adapters.jdbc.testing;

import java.text.MessageFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what the adapter logs through {@code System.Logger} (bound to java.util.logging in tests) and
 * keeps it off the console while open, so that fault tests stay quiet and can assert on the lines.
 */
public final class LogCapture implements AutoCloseable {

  private final Logger logger = Logger.getLogger("dev.jwkit.adapters.jdbc");
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Level previousLevel = logger.getLevel();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord r) {
      lines.add(r.getLevel() + " " + (r.getParameters() == null ? r.getMessage()
          : MessageFormat.format(r.getMessage(), r.getParameters())));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  public LogCapture() {
    logger.setLevel(Level.ALL);
    logger.setUseParentHandlers(false);
    logger.addHandler(handler);
  }

  /** The lines logged so far, as "LEVEL message". */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setUseParentHandlers(true);
    logger.setLevel(previousLevel);
  }
}
