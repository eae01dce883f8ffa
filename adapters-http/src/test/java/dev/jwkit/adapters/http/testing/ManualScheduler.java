package dev.jwkit.adapters.http.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler that runs {@code execute}d work at once (on its own thread) but holds every delayed task
 * until the test calls {@link #runScheduled()}: background refreshes are driven by the test and its
 * clock, never by wall time.
 */
public final class ManualScheduler extends ScheduledThreadPoolExecutor {

  private final List<Runnable> delayed = new CopyOnWriteArrayList<>();

  public ManualScheduler() {
    super(2, r -> {
      Thread t = new Thread(r, "manual-scheduler");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    if (delay <= 0) { // execute() arrives here with a zero delay: run it now
      return super.schedule(command, 0, unit);
    }
    delayed.add(command);
    return super.schedule(() -> { }, 365, TimeUnit.DAYS);
  }

  /** Runs (on the caller's thread) every delayed task scheduled so far, and forgets them. */
  public int runScheduled() {
    List<Runnable> due = List.copyOf(delayed);
    delayed.removeAll(due);
    due.forEach(Runnable::run);
    return due.size();
  }
}
