package dev.jwkit.benchmarks;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Writes the benchmark's 10-key public JWKS to standard output, for {@code benchmarks/endpoint}. */
public final class PrintJwks {

  private PrintJwks() {}

  /**
   * Prints {@link Fixture#mixedPublicJwks()}.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.print(Fixture.mixedPublicJwks());
    out.flush();
  }
}
