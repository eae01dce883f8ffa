package dev.jwkit.jwks.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.JwkGenerator;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jose.jwk.PrivateJwk;
import dev.jwkit.jose.jwt.JwtClaims;
import dev.jwkit.jose.jwt.JwtSigner;
import dev.jwkit.jose.jwt.JwtVerifier;
import dev.jwkit.jwks.model.KeyRingError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A {@link KeySource} is a jose-core key resolver: handed straight to the verifier, revoked kids refused. */
class KeySourceTest {

  static final PrivateJwk SIGNING = (PrivateJwk) JwkGenerator.generate(JwsAlgorithm.ES256);
  static final PrivateJwk REVOKED = (PrivateJwk) JwkGenerator.generate(JwsAlgorithm.ES256);

  /** A source that records which of its lookups the verifier used. */
  static final class RecordingKeySource implements KeySource {
    final List<String> calls = new ArrayList<>();
    final JwkSet keys = JwkSet.of(List.of(SIGNING.toPublicJwk(), REVOKED.toPublicJwk()));

    @Override
    public JwkSet keys() {
      calls.add("keys()");
      return keys;
    }

    @Override
    public JwkSet keysFor(String kid) {
      calls.add("keysFor");
      return keys;
    }

    @Override
    public Set<String> revokedKids() {
      return Set.of(REVOKED.kid().orElseThrow());
    }
  }

  static String sign(PrivateJwk key, boolean withKid) {
    Instant now = Instant.now();
    JwtSigner.Builder b = JwtSigner.builder().key(key, JwsAlgorithm.ES256);
    if (!withKid) {
      b.withoutKid();
    }
    return b.build().sign(JwtClaims.builder().issuer("iss").audience("aud").subject("alice")
        .issuedAt(now).expiration(now.plusSeconds(60)).build());
  }

  @Test
  void keySource_handedToTheVerifier_verifies_andRevokedKidFailsWithKeyRevoked() {
    RecordingKeySource source = new RecordingKeySource();
    JwtVerifier verifier = JwtVerifier.builder(source).expectedIssuer("iss").expectedAudience("aud").build();

    assertThat(verifier.verify(sign(SIGNING, true)).claims().subject()).contains("alice");
    assertThat(verifier.verify(sign(SIGNING, false)).claims().subject()).contains("alice");
    assertThat(source.calls).containsExactly("keysFor", "keys()");

    String revoked = sign(REVOKED, true);
    assertThatThrownBy(() -> verifier.verify(revoked)).isInstanceOf(InvalidTokenException.class)
        .satisfies(e -> assertThat(((InvalidTokenException) e).code()).isEqualTo(KeyRingError.KEY_REVOKED))
        .hasMessageNotContaining(revoked);
    assertThat(source.calls).hasSize(2); // refused before any key lookup or signature work
  }

  @Test
  void resolve_nullKid_returnsAllKeys_andNamedKidGoesThroughKeysFor() {
    RecordingKeySource source = new RecordingKeySource();
    assertThat(source.resolve(null)).isSameAs(source.keys);
    assertThat(source.resolve("unknown")).isSameAs(source.keys);
    assertThat(source.calls).containsExactly("keys()", "keysFor");
  }
}
