package dev.jwkit.adapters.http.fetching;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jwkit.adapters.http.testing.FaultServer;
import dev.jwkit.adapters.http.testing.FaultServer.Reply;
import dev.jwkit.jwks.model.KeySourceUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Jazzer fuzz target for the discovery document as {@link IssuerDiscovery#discover} reads it: the input
 * is the body served (status 200, {@code application/json}) at both well-known locations of a loopback
 * issuer, with every {@code $ISSUER} replaced by the issuer's URL (its port changes from run to run, so
 * the seeds can name it). The outcome is {@link IssuerMetadata} or a {@link KeySourceUnavailableException}
 * with {@link HttpJwksError#DISCOVERY_INVALID} or {@link HttpJwksError#ISSUER_MISMATCH}; anything else is
 * a crash. Metadata names the expected issuer and a {@code jwks_uri} the fetcher accepts.
 *
 * <p>Regression inputs: {@code IssuerDiscoveryFuzzTestInputs/discover/}; fuzzing: {@code fuzz/run IssuerDiscoveryFuzzTest}.
 */
class IssuerDiscoveryFuzzTest {

  private static final Set<HttpJwksError> CODES = Set.of(HttpJwksError.DISCOVERY_INVALID, HttpJwksError.ISSUER_MISMATCH);
  private static volatile byte[] document = new byte[0];
  private static final FaultServer SERVER = FaultServer.start(r -> Reply.json("").body(document));
  private static final String ISSUER = "http://127.0.0.1:" + SERVER.port();
  private static final HttpJwksFetcher FETCHER = HttpJwksFetcher.builder().build();
  private static final IssuerDiscovery DISCOVERY = IssuerDiscovery.of(FETCHER);

  @FuzzTest
  void discover(byte[] input) {
    document = new String(input, StandardCharsets.UTF_8).replace("$ISSUER", ISSUER).getBytes(StandardCharsets.UTF_8);
    IssuerMetadata metadata;
    try {
      metadata = DISCOVERY.discover(ISSUER);
    } catch (KeySourceUnavailableException e) {
      assertThat(e.code()).isIn(CODES);
      return;
    }
    assertThat(metadata.issuer()).isEqualTo(ISSUER);
    assertThat(FETCHER.refusal(HttpJwksFetcher.uri(metadata.jwksUri()))).isEmpty();
  }
}
