package dev.jwkit.adapters.vault.testing;

import dev.jwkit.adapters.vault.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sleeper that records each pause and advances a {@link TestClock} instead of sleeping. */
public final class FakeSleeper implements Sleeper {

  private final TestClock clock;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  public FakeSleeper(TestClock clock) {
    this.clock = clock;
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    clock.advance(duration);
  }

  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
