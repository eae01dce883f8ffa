package dev.jwkit.jose.jwt;

import static dev.jwkit.jose.jwt.JwtVerifierTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkGenerator;
import dev.jwkit.jose.jwk.JwkMetadata;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jose.jwk.PrivateJwk;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JwtKeySelectionTest {

  static final JwtClaims CLAIMS = JwtClaims.builder().issuer("i").audience("a").expiration(NOW.plusSeconds(60)).build();

  static final PrivateJwk OLD = (PrivateJwk) JwkGenerator.generate(JwsAlgorithm.ES256);
  static final PrivateJwk NEW = (PrivateJwk) JwkGenerator.generate(JwsAlgorithm.ES256);
  static final PrivateJwk ROGUE = (PrivateJwk) JwkGenerator.generate(JwsAlgorithm.ES256);

  static JwtVerifier.Builder verifier(Jwk... trusted) {
    return JwtVerifier.builder(JwkSet.of(List.of(trusted))).allowedAlgorithms(JwsAlgorithm.ES256, JwsAlgorithm.EdDSA)
        .expectedIssuer("i").expectedAudience("a")
        .clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static String signWithoutKid(PrivateJwk key) {
    return JwtSigner.builder().key(key, JwsAlgorithm.ES256).withoutKid().build().sign(CLAIMS);
  }

  @Test
  void noKid_everyFittingKeyIsTried() {
    JwtVerifier verifier = verifier(OLD.toPublicJwk(), NEW.toPublicJwk()).build();
    assertThat(verifier.verify(signWithoutKid(NEW)).verificationKey().kid()).isEqualTo(NEW.kid());
    assertThat(verifier.verify(signWithoutKid(OLD)).verificationKey().kid()).isEqualTo(OLD.kid());
  }

  @Test
  void noKid_noKeyVerifies_reportsSignatureInvalidAfterTryingAll() {
    JwtVerifier verifier = verifier(OLD.toPublicJwk(), NEW.toPublicJwk()).build();
    assertThatThrownBy(() -> verifier.verify(signWithoutKid(ROGUE)))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("keys tried=2")
        .satisfies(e -> assertThat(((InvalidTokenException) e).code()).isEqualTo(JoseError.SIGNATURE_INVALID));
  }

  @Test
  void duplicateKid_theKeyThatVerifiesWins() {
    Jwk first = OLD.toPublicJwk().withMetadata(JwkMetadata.builder().kid("same").build());
    Jwk second = NEW.toPublicJwk().withMetadata(JwkMetadata.builder().kid("same").build());
    String token = JwtSigner.builder().key(NEW, JwsAlgorithm.ES256).kid("same").build().sign(CLAIMS);
    assertThat(verifier(first, second).build().verify(token).verificationKey()).isSameAs(second);
  }

  @Test
  void privateKeyInTheSet_isNeverUsedToVerify() {
    // A resolver that hands out the private JWK: candidatesFor never returns it.
    JwtVerifier verifier = verifier(NEW).build();
    String token = JwtSigner.of(NEW, JwsAlgorithm.ES256).sign(CLAIMS);
    assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidTokenException.class)
        .satisfies(e -> assertThat(((InvalidTokenException) e).code())
            .isIn(JoseError.KEY_NOT_FOUND, JoseError.KEY_MISMATCH));
  }

  @Test
  void forgedEd25519Token_thenValidOne_bothJudgedCorrectly() {
    // SECURITY.md §7: a JDK 17 Ed25519 Signature that threw must not poison the next verification.
    PrivateJwk ed = (PrivateJwk) JwkGenerator.generate(JwsAlgorithm.EdDSA);
    JwtVerifier verifier = verifier(ed.toPublicJwk()).build();
    String valid = JwtSigner.of(ed, JwsAlgorithm.EdDSA).sign(CLAIMS);
    int dot = valid.lastIndexOf('.');
    byte[] forgedSignature = new byte[64];
    java.util.Arrays.fill(forgedSignature, (byte) 0xFF); // s far above the group order
    String forged = valid.substring(0, dot + 1) + dev.jwkit.jose.Base64Url.encode(forgedSignature);

    assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(InvalidTokenException.class)
        .satisfies(e -> assertThat(((InvalidTokenException) e).code()).isEqualTo(JoseError.SIGNATURE_INVALID));
    assertThat(verifier.verify(valid).claims()).isEqualTo(CLAIMS);
  }

  @Test
  void verify_concurrentUse_isSafe() throws Exception {
    JwtVerifier verifier = verifier(OLD.toPublicJwk(), NEW.toPublicJwk()).maxCachedVerifiers(1).build();
    String a = JwtSigner.of(OLD, JwsAlgorithm.ES256).sign(CLAIMS);
    String b = JwtSigner.of(NEW, JwsAlgorithm.ES256).sign(CLAIMS);
    String bad = Tokens.tamperSignature(b);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String token = i % 3 == 0 ? a : i % 3 == 1 ? b : bad;
        boolean expected = i % 3 != 2;
        results.add(pool.submit(() -> {
          try {
            verifier.verify(token);
            return expected;
          } catch (InvalidTokenException e) {
            return !expected && e.code() == JoseError.SIGNATURE_INVALID;
          }
        }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
