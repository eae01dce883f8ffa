package dev.jwkit.jwks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.buildsupport.ReadmeSnippets;
import dev.jwkit.jose.jwt.JwtClaims;
import dev.jwkit.jose.jwt.JwtVerifier;
import dev.jwkit.jose.jwt.VerifiedJwt;
import dev.jwkit.jwks.application.JwksPublication;
import dev.jwkit.jwks.application.JwtIssuer;
import dev.jwkit.jwks.application.KeyRotationService;
import dev.jwkit.jwks.application.RingKeySource;
import dev.jwkit.jwks.custody.LocalKeyCustody;
import dev.jwkit.jwks.inmemory.InMemoryKeyRingRepository;
import dev.jwkit.jwks.model.Publication;
import dev.jwkit.jwks.model.RotationPolicy;
import dev.jwkit.jwks.port.KeyCustody;
import dev.jwkit.jwks.port.KeyRingRepository;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Compiles and runs the Java example of jwks-domain's README, and checks that the README still shows it. */
class ReadmeTest {

  @Test
  void readme_isInSyncWithTheseSnippets() {
    Path readme = Path.of("README.md");
    assertThat(ReadmeSnippets.check(readme)).isEmpty();
    assertThat(ReadmeSnippets.boundSnippets(readme)).isEqualTo(1);
  }

  @Test
  void example_rotatesIssuesVerifiesAndPublishes() {
    // region:example
    KeyRingRepository repository = new InMemoryKeyRingRepository();   // or a file or Vault KV repository
    KeyCustody custody = new LocalKeyCustody();                        // or Vault Transit custody
    RotationPolicy policy = RotationPolicy.builder().rotationPeriod(Duration.ofDays(7)).build();

    KeyRotationService rotation = KeyRotationService.builder(repository, custody).policy(policy).build();
    rotation.start();                                  // idempotent; call rotation.tick() every policy.tick()

    JwtIssuer issuer = JwtIssuer.builder(repository, custody).policy(policy).issuer("https://issuer.example").build();
    String jwt = issuer.issue(JwtClaims.builder().subject("alice").audience("api").build());

    JwtVerifier verifier = JwtVerifier.builder(RingKeySource.of(repository))   // a KeySource is a key resolver
        .expectedIssuer("https://issuer.example").expectedAudience("api").build();
    VerifiedJwt token = verifier.verify(jwt);          // revoked kid: keyring.key_revoked

    Publication jwks = JwksPublication.builder(repository).policy(policy).build().current();
    // jwks.toJsonBytes(), jwks.etag(), jwks.maxAge()
    // endregion
    assertThat(token.claims().subject()).contains("alice");
    assertThat(jwks.kids()).contains(issuer.activeKid());
  }
}
