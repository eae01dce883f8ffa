package dev.jwkit.benchmarks;

import dev.jwkit.adapters.http.fetching.CachingKeySource;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jose.jwt.JwtVerifier;
import dev.jwkit.jose.jwt.VerifiedJwt;
import dev.jwkit.jwks.port.FetchedJwks;
import dev.jwkit.jwks.port.JwksFetcher;
import dev.jwkit.jwks.port.JwksLocation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The remote key source's cache-hit path under two threads: what every request of a resource server
 * pays once the JWKS is cached.
 *
 * <p>{@code CachingKeySource} is fed by a fetcher that returns the fixture's JWKS bytes with
 * {@code max-age} one hour, warmed with {@code refreshNow()}; teardown fails the trial if anything
 * fetched again, so only hits are measured (the HTTP path is the endpoint script's business).
 * {@code cacheHit} is the lookup by {@code kid} a verifier makes ({@code keysFor(kid)}: the held set once
 * the {@code kid} is known); {@code verifyViaCache} is a full verification by a {@code JwtVerifier}
 * whose resolver is the source.
 */
@Fork(jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"}) // see README: fixed, pre-touched heap
public class JwkitCacheBench {

  /** One warm source shared by both threads. */
  @State(Scope.Benchmark)
  public static class Source {
    @Param({"RS256"})
    public Alg alg;

    Fixture fixture;
    String kid;
    CountingFetcher fetcher;
    CachingKeySource source;
    JwtVerifier verifier;

    @Setup(Level.Trial)
    public void setUp() {
      fixture = Fixture.of(alg);
      kid = fixture.kid();
      fetcher = new CountingFetcher(fixture.jwksJson().getBytes(StandardCharsets.UTF_8));
      source = CachingKeySource.builder().location("http://127.0.0.1/jwks.json").fetcher(fetcher).build();
      source.refreshNow();
      verifier = JwtVerifier.builder(source)   // the caching key source is the key resolver
          .expectedIssuer(Fixture.ISSUER)
          .expectedAudience(Fixture.AUDIENCE)
          .expectedType(Fixture.TYPE)
          .requiredClaims("sub", "exp", "iat", "nbf", "jti")
          .build();
      Checks.require(source.keysWithKid(kid).keys().size() == 1, "jwkit", "cacheHit", alg);
      Checks.require(Optional.of(Fixture.SUBJECT).equals(verifier.verify(fixture.token()).claims().subject()),
          "jwkit", "verifyViaCache", alg);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      source.close();
      Checks.require(fetcher.fetches.get() == 1, "jwkit", "cache hit only (fetches=" + fetcher.fetches + ")", alg);
    }
  }

  /** {@code keysFor(kid)} on a warm cache. */
  @Benchmark
  @Threads(2)
  public JwkSet cacheHit(Source s) {
    return s.source.keysFor(s.kid);
  }

  /** A full verification whose keys come from the warm cache. */
  @Benchmark
  @Threads(2)
  public VerifiedJwt verifyViaCache(Source s) {
    return s.verifier.verify(s.fixture.token());
  }

  /** Serves fixed bytes, fresh for an hour, and counts calls. */
  static final class CountingFetcher implements JwksFetcher {
    final AtomicInteger fetches = new AtomicInteger();
    private final byte[] body;

    CountingFetcher(byte[] body) {
      this.body = body.clone();
    }

    @Override
    public FetchedJwks fetch(JwksLocation location) {
      fetches.incrementAndGet();
      return FetchedJwks.of(body, Instant.now()).withEtag("\"v1\"").withMaxAge(Duration.ofHours(1));
    }

    @Override
    public FetchedJwks fetch(JwksLocation location, String etag) {
      fetches.incrementAndGet();
      return FetchedJwks.notModified(Instant.now()).withEtag("\"v1\"").withMaxAge(Duration.ofHours(1));
    }
  }
}
