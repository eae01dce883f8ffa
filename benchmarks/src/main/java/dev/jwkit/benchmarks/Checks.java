package dev.jwkit.benchmarks;

/** Setup-time assertions: a benchmark that measures a failing path is worthless, so setup refuses to start one. */
public final class Checks {

  private Checks() {}

  /**
   * Fails the trial unless {@code ok}.
   *
   * @throws IllegalStateException naming the implementation, operation and workload
   */
  public static void require(boolean ok, String implementation, String operation, Object workload) {
    if (!ok) {
      throw new IllegalStateException(implementation + " " + operation + " failed on " + workload
          + ": this benchmark would measure a failing path");
    }
  }
}
