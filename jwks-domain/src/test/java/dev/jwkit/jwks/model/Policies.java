package dev.jwkit.jwks.model;

import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;

/** jqwik generators of valid rotation policies, valid by construction (every rule of the builder holds). */
public final class Policies {

  private Policies() {}

  /** Random valid policies: T 1 min–2 h, S 0–5 min, P 0–2 min, C 1 min–1 h, tick 1 s–10 min, R up to L + 5 days. */
  public static Arbitrary<RotationPolicy> valid() {
    return Builders.withBuilder(() -> new long[11])
        .use(Arbitraries.longs().between(60, 7200)).in((a, v) -> set(a, 0, v))       // T
        .use(Arbitraries.longs().between(0, 300)).in((a, v) -> set(a, 1, v))         // S
        .use(Arbitraries.longs().between(0, 120)).in((a, v) -> set(a, 2, v))         // P
        .use(Arbitraries.longs().between(60, 3600)).in((a, v) -> set(a, 3, v))       // C
        .use(Arbitraries.longs().between(0, 1000)).in((a, v) -> set(a, 4, v))        // M, permille of C
        .use(Arbitraries.longs().between(1, 600)).in((a, v) -> set(a, 5, v))         // tick
        .use(Arbitraries.longs().between(0, 7200)).in((a, v) -> set(a, 6, v))        // extra L
        .use(Arbitraries.longs().between(0, 7200)).in((a, v) -> set(a, 7, v))        // extra W
        .use(Arbitraries.longs().between(0, 5 * 86400)).in((a, v) -> set(a, 8, v))   // extra R
        .use(Arbitraries.longs().between(0, 3600)).in((a, v) -> set(a, 9, v))        // extra E
        .build(Policies::of);
  }

  private static long[] set(long[] a, int i, long v) {
    a[i] = v;
    return a;
  }

  static RotationPolicy of(long[] a) {
    long t = a[0], s = a[1], p = a[2], c = a[3], tick = a[5];
    long m = c * a[4] / 1000;
    long l = Math.max(Math.max(c + p + a[6], m + p), 2 * tick);
    long w = Math.max(t + s + tick + a[7], 2 * tick);
    long r = Math.max(Math.max(l + a[8], 60), (w + 9) / 10);
    long e = m + p + a[9] + 1;
    return RotationPolicy.builder()
        .maxTokenLifetime(Duration.ofSeconds(t)).clockSkew(Duration.ofSeconds(s))
        .propagationDelay(Duration.ofSeconds(p)).clientCacheAge(Duration.ofSeconds(c))
        .maxAge(Duration.ofSeconds(m)).tick(Duration.ofSeconds(tick)).publishLead(Duration.ofSeconds(l))
        .retirementWindow(Duration.ofSeconds(w)).rotationPeriod(Duration.ofSeconds(r))
        .revocationExposure(Duration.ofSeconds(e)).build();
  }
}
