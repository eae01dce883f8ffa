package dev.jwkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/**
 * Runs the setup of every implementation on the cheap algorithms (no RSA key generation), so that a
 * peer upgrade or an API change that makes a benchmark measure a failing path breaks the normal build
 * instead of the next benchmark run. Each setup verifies the fixture token and checks its own signature.
 */
class SetupSmokeTest {

  @Test
  void setUp_everyImplementation_acceptsTheTokenAndSignsValidTokens() {
    for (Alg alg : new Alg[] {Alg.ES256, Alg.HS256}) {
      RawJcaBench.Tokens raw = new RawJcaBench.Tokens();
      raw.alg = alg;
      NimbusBench.Tokens nimbus = new NimbusBench.Tokens();
      nimbus.alg = alg;
      Jose4jBench.Tokens jose4j = new Jose4jBench.Tokens();
      jose4j.alg = alg;
      Auth0Bench.Tokens auth0 = new Auth0Bench.Tokens();
      auth0.alg = alg;
      JwkitBench.Tokens jwkit = new JwkitBench.Tokens();
      jwkit.alg = alg;

      assertThatCode(raw::setUp).as("raw " + alg).doesNotThrowAnyException();
      assertThatCode(nimbus::setUp).as("Nimbus " + alg).doesNotThrowAnyException();
      assertThatCode(jose4j::setUp).as("jose4j " + alg).doesNotThrowAnyException();
      assertThatCode(auth0::setUp).as("Auth0 " + alg).doesNotThrowAnyException();
      assertThatCode(jwkit::setUp).as("jwkit " + alg).doesNotThrowAnyException();
    }
  }

  @Test
  void setUp_edDsa_everyImplementationAcceptsTheToken() {
    NimbusBench.Tokens nimbus = new NimbusBench.Tokens();
    nimbus.alg = Alg.EdDSA;
    Jose4jBench.Tokens jose4j = new Jose4jBench.Tokens();
    jose4j.alg = Alg.EdDSA;
    JwkitBench.Tokens jwkit = new JwkitBench.Tokens();
    jwkit.alg = Alg.EdDSA;

    assertThatCode(nimbus::setUp).doesNotThrowAnyException();
    assertThatCode(jose4j::setUp).doesNotThrowAnyException();
    assertThatCode(jwkit::setUp).doesNotThrowAnyException();
  }

  @Test
  void setUp_jwksParsers_readTenKeys() {
    assertThatCode(() -> new RawJcaBench.Jwks().setUp()).doesNotThrowAnyException();
    assertThatCode(() -> new NimbusBench.Jwks().setUp()).doesNotThrowAnyException();
    assertThatCode(() -> new Jose4jBench.Jwks().setUp()).doesNotThrowAnyException();
    assertThatCode(() -> new JwkitBench.Jwks().setUp()).doesNotThrowAnyException();
  }

  @Test
  void setUp_cachingKeySource_servesHitsWithOneFetch() {
    JwkitCacheBench.Source source = new JwkitCacheBench.Source();
    source.alg = Alg.ES256;

    assertThatCode(source::setUp).doesNotThrowAnyException();
    new JwkitCacheBench().cacheHit(source);
    assertThatCode(source::tearDown).doesNotThrowAnyException();
  }

  @Test
  void setUp_providers_crossVerify() {
    for (String provider : new String[] {"JDK", "BC"}) {
      ProviderBench.Engines engines = new ProviderBench.Engines();
      engines.alg = Alg.ES256;
      engines.provider = provider;

      assertThatCode(engines::setUp).as(provider).doesNotThrowAnyException();
    }
  }
}
