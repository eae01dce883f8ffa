package dev.jwkit.adapters.http.fetching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.adapters.http.testing.FaultServer;
import dev.jwkit.adapters.http.testing.FaultServer.Reply;
import dev.jwkit.adapters.http.testing.Keys;
import dev.jwkit.adapters.http.testing.TestClock;
import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.jwk.EcPrivateJwk;
import dev.jwkit.jwks.model.KeySourceUnavailableException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IssuerDiscoveryTest {

  static final EcPrivateJwk K1 = Keys.ec("k1");
  final AtomicReference<Function<FaultServer.Request, Reply>> script = new AtomicReference<>(r -> Reply.status(404, ""));
  final FaultServer server = FaultServer.start(r -> script.get().apply(r));
  final String base = "http://127.0.0.1:" + server.port();
  final IssuerDiscovery discovery = IssuerDiscovery.of(HttpJwksFetcher.builder().build());

  @AfterEach
  void stop() {
    server.close();
  }

  static String meta(String issuer, String jwksUri) {
    return "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwksUri + "\",\"response_types_supported\":[\"code\"]}";
  }

  static HttpJwksError code(Throwable t) {
    return (HttpJwksError) ((KeySourceUnavailableException) t).code();
  }

  @Test
  void discover_openIdConfiguration_givesTheJwksUri() {
    script.set(r -> r.path().equals("/.well-known/openid-configuration")
        ? Reply.json(meta(base, base + "/keys")) : Reply.status(404, ""));
    IssuerMetadata m = discovery.discover(base);
    assertThat(m.issuer()).isEqualTo(base);
    assertThat(m.jwksUri().value()).isEqualTo(base + "/keys");
    assertThat(m.document()).containsKey("response_types_supported");
  }

  @Test
  void discover_fallsBackToRfc8414_withThePathAfterTheWellKnownSegment() {
    String issuer = base + "/tenant1";
    script.set(r -> r.path().equals("/.well-known/oauth-authorization-server/tenant1")
        ? Reply.json(meta(issuer, base + "/tenant1/keys")) : Reply.status(404, ""));
    assertThat(discovery.discover(issuer).jwksUri().value()).isEqualTo(base + "/tenant1/keys");
    assertThat(server.log()).extracting(FaultServer.Request::path)
        .containsExactly("/tenant1/.well-known/openid-configuration", "/.well-known/oauth-authorization-server/tenant1");
  }

  @Test
  void discover_issuerMismatch_isRefused() {
    for (String other : new String[] {base + "/", "https://evil.example", base.toUpperCase()}) {
      script.set(r -> Reply.json(meta(other, base + "/keys")));
      assertThatThrownBy(() -> discovery.discover(base)).as(other)
          .satisfies(t -> assertThat(code(t)).isEqualTo(HttpJwksError.ISSUER_MISMATCH));
    }
  }

  @Test
  void discover_insecureOrMissingJwksUri_isRefused() {
    script.set(r -> Reply.json(meta(base, "http://keys.example/jwks")));
    assertThatThrownBy(() -> discovery.discover(base))
        .satisfies(t -> assertThat(code(t)).isEqualTo(HttpJwksError.DISCOVERY_INVALID));
    script.set(r -> Reply.json("{\"issuer\":\"" + base + "\"}"));
    assertThatThrownBy(() -> discovery.discover(base))
        .satisfies(t -> assertThat(code(t)).isEqualTo(HttpJwksError.DISCOVERY_INVALID));
  }

  @Test
  void discover_notJson_orNotFound_fails() {
    script.set(r -> Reply.json("not json"));
    assertThatThrownBy(() -> discovery.discover(base)).isInstanceOf(KeySourceUnavailableException.class);
    script.set(r -> Reply.status(404, ""));
    assertThatThrownBy(() -> discovery.discover(base))
        .satisfies(t -> assertThat(code(t)).isEqualTo(HttpJwksError.BAD_STATUS));
  }

  @Test
  void discover_issuerWithQuery_isAProgrammingError() {
    assertThatThrownBy(() -> discovery.discover(base + "?x=1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> discovery.discover("http://issuer.example")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void multiIssuer_untrustedIssuer_isRefusedWithoutAnyFetch() {
    MultiIssuerKeySource m = MultiIssuerKeySource.builder().discoveredIssuer(base).build();
    assertThatThrownBy(() -> m.forIssuer("https://attacker.example"))
        .isInstanceOf(InvalidTokenException.class)
        .satisfies(t -> assertThat(((InvalidTokenException) t).code()).isEqualTo(JoseError.ISSUER_MISMATCH));
    assertThat(server.requests()).isZero();
    m.close();
  }

  @Test
  void multiIssuer_discoveredIssuer_resolvesOnFirstUse_eachWithItsOwnCache() {
    script.set(r -> {
      switch (r.path()) {
        case "/.well-known/openid-configuration": return Reply.json(meta(base, base + "/keys"));
        case "/keys": return Reply.json(Keys.publicJwks(K1));
        default: return Reply.status(404, "");
      }
    });
    CachingKeySource other = CachingKeySource.builder().location(base + "/keys").build();
    try (MultiIssuerKeySource m = MultiIssuerKeySource.builder()
        .discoveredIssuer(base)
        .issuer("https://other.example", other)
        .build()) {
      assertThat(m.keysFor(base, "k1").keys()).hasSize(1);
      assertThat(m.keysFor(base, "k1").keys()).hasSize(1);
      assertThat(server.requests()).isEqualTo(2);
      assertThat(m.issuers()).containsExactlyInAnyOrder(base, "https://other.example");
      assertThat(m.health()).containsKey(base);
      assertThat(m.forIssuer("https://other.example")).isSameAs(other);
    }
  }

  @Test
  void multiIssuer_failedDiscovery_isRetriedOnlyAfterTheCooldown() {
    TestClock clock = TestClock.start();
    try (MultiIssuerKeySource m = MultiIssuerKeySource.builder().discoveredIssuer(base).clock(clock).build()) {
      assertThatThrownBy(() -> m.forIssuer(base)).isInstanceOf(KeySourceUnavailableException.class);
      int after = server.requests();
      for (int i = 0; i < 20; i++) {
        assertThatThrownBy(() -> m.forIssuer(base)).isInstanceOf(KeySourceUnavailableException.class);
      }
      assertThat(server.requests()).isEqualTo(after);
      script.set(r -> Reply.json(meta(base, base + "/keys")));
      clock.advance(Duration.ofSeconds(30));
      assertThat(m.forIssuer(base)).isNotNull();
    }
  }

  @Test
  void multiIssuer_isBounded() {
    MultiIssuerKeySource.Builder b = MultiIssuerKeySource.builder().maxIssuers(2);
    b.discoveredIssuer("https://a.example").discoveredIssuer("https://b.example").discoveredIssuer("https://c.example");
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("maxIssuers");
    assertThatThrownBy(() -> MultiIssuerKeySource.builder().discoveredIssuer("https://a.example")
        .discoveredIssuer("https://a.example")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MultiIssuerKeySource.builder().build()).isInstanceOf(IllegalStateException.class);
  }
}
