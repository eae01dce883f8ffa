package dev.jwkit.adapters.vault;

import dev.jwkit.jose.JwkitException;
import java.time.Duration;

/**
 * How the Vault client waits between retries: {@link #system()} in production, a fake that advances a
 * test clock in tests (so no test ever sleeps).
 *
 * <p>Implementations must be safe for concurrent use.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for the given duration.
   *
   * @param duration how long to wait; zero or positive
   * @throws JwkitException {@link VaultError#INTERRUPTED} if the thread is interrupted while waiting
   */
  void sleep(Duration duration);

  /** A sleeper on {@link Thread#sleep(long)}; it restores the interrupt flag before throwing. */
  static Sleeper system() {
    return duration -> {
      try {
        Thread.sleep(duration.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new JwkitException(VaultError.INTERRUPTED, "interrupted while waiting to retry", e);
      }
    };
  }
}
