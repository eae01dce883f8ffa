package dev.jwkit.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.jwkit.adapters.file.keyring.FileKeyRingRepository;
import dev.jwkit.adapters.http.fetching.CachingKeySource;
import dev.jwkit.buildsupport.ReadmeSnippets;
import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.JwkGenerator;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jose.jwk.PrivateJwk;
import dev.jwkit.jose.jwt.JwtClaims;
import dev.jwkit.jose.jwt.JwtSigner;
import dev.jwkit.jose.jwt.JwtVerifier;
import dev.jwkit.jose.jwt.VerifiedJwt;
import dev.jwkit.jwks.application.JwtIssuer;
import dev.jwkit.jwks.application.KeyRotationService;
import dev.jwkit.jwks.application.RingKeySource;
import dev.jwkit.jwks.custody.LocalKeyCustody;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The root README's quick start, compiled and run: verify against a remote JWKS (served here on loopback),
 * and issue a token from a key ring kept in a directory. The README's Java blocks are these regions.
 */
class QuickStartTest {

  static final String ISSUER = "https://issuer.example";

  @TempDir Path dataDir;
  HttpServer server;
  CachingKeySource toClose;

  @AfterEach
  void stop() {
    if (toClose != null) {
      toClose.close();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void rootReadme_showsTheseSnippets() {
    Path readme = Path.of("../README.md");
    assertThat(ReadmeSnippets.check(readme)).isEmpty();
    // verify and issue are regions of this class; serving a ring's JWKS is adapters-http's ReadmeExamplesTest
    assertThat(ReadmeSnippets.boundSnippets(readme)).isEqualTo(3);
  }

  @Test
  void verify_againstARemoteJwks_withIssuerAndAudience() throws IOException {
    PrivateJwk signingKey = (PrivateJwk) JwkGenerator.generate(JwsAlgorithm.ES256);
    String jwksUrl = serve(JwkSet.of(java.util.List.of(signingKey)).toPublicSet().toJson());
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String token = JwtSigner.of(signingKey, JwsAlgorithm.ES256).sign(JwtClaims.builder().issuer(ISSUER)
        .audience("api://orders").subject("alice").issuedAt(now).expiration(now.plus(Duration.ofMinutes(5))).build());

    // region:verify
    CachingKeySource keys = CachingKeySource.builder().location(jwksUrl).build();   // cached, refreshed ahead
    JwtVerifier verifier = JwtVerifier.builder(keys)
        .expectedIssuer("https://issuer.example")
        .expectedAudience("api://orders")
        .build();                      // defaults: system clock, algorithm from the key, exp required, typ JWT
    VerifiedJwt jwt = verifier.verify(token);    // or InvalidTokenException with a stable code()
    // endregion
    toClose = keys;

    assertThat(jwt.claims().subject()).contains("alice");
    String otherAudience = JwtSigner.of(signingKey, JwsAlgorithm.ES256).sign(JwtClaims.builder().issuer(ISSUER)
        .audience("api://billing").issuedAt(now).expiration(now.plus(Duration.ofMinutes(5))).build());
    assertThatThrownBy(() -> verifier.verify(otherAudience)).isInstanceOf(InvalidTokenException.class)
        .satisfies(e -> assertThat(((InvalidTokenException) e).code()).isEqualTo(JoseError.AUDIENCE_MISMATCH));
  }

  @Test
  void issue_fromAFileRing() {
    // region:issue
    var repository = FileKeyRingRepository.of(dataDir);          // the ring is a file in this directory
    var custody = new LocalKeyCustody();                           // private keys kept in the ring file
    KeyRotationService.builder(repository, custody).build().start();   // creates the ring once; tick() rotates
    String token = JwtIssuer.builder(repository, custody).issuer("https://issuer.example").build()
        .issue(JwtClaims.builder().subject("alice").audience("api://orders").build());   // kid, iat, exp, jti set
    // endregion

    assertThat(Files.isDirectory(dataDir)).isTrue();
    VerifiedJwt verified = JwtVerifier.builder(RingKeySource.of(repository))
        .expectedIssuer(ISSUER).expectedAudience("api://orders").build().verify(token);
    assertThat(verified.claims().subject()).contains("alice");
    assertThat(verified.claims().jwtId()).isPresent();
  }

  /** Serves {@code jwks} on loopback plain HTTP (allowed by the fetcher for loopback only). */
  private String serve(String jwks) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
    server.createContext("/.well-known/jwks.json", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("Cache-Control", "max-age=300");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
  }
}
