package dev.jwkit.jose.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.JwkSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;

/**
 * Jazzer fuzz target for the whole {@link JwtVerifier#verify} path with a fixed key set (HS256, ES256,
 * RS256/PS256, EdDSA: {@code JwtVerifierFuzzTest.jwks.json}, test keys only) and a fixed clock: a verified
 * token or an {@link InvalidTokenException} with one of the documented codes; anything else is a crash.
 * The seeds include tokens signed with these keys, so that the fuzzer starts past the signature check.
 *
 * <p>Built with the builder API of this version ({@code JwtVerifier.builder().keys(…)}).
 *
 * <p>Regression inputs: {@code JwtVerifierFuzzTestInputs/verify/}; fuzzing: {@code fuzz/run JwtVerifierFuzzTest}.
 */
class JwtVerifierFuzzTest {

  static final String ISSUER = "https://issuer.example";
  static final String AUDIENCE = "api";
  /** The verifier's clock; the seed tokens are valid at this instant. */
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  static final JwkSet KEYS = JwkSet.parse(resource("JwtVerifierFuzzTest.jwks.json"));

  private static final Set<JoseError> CODES = EnumSet.of(JoseError.INPUT_TOO_LARGE, JoseError.MALFORMED_INPUT,
      JoseError.DUPLICATE_MEMBER, JoseError.UNSUPPORTED_CRITICAL_HEADER, JoseError.UNSUPPORTED_ALGORITHM,
      JoseError.ALGORITHM_NOT_ALLOWED, JoseError.KEY_NOT_FOUND, JoseError.KEY_MISMATCH,
      JoseError.SIGNATURE_INVALID, JoseError.TYPE_MISMATCH, JoseError.TOKEN_EXPIRED,
      JoseError.TOKEN_NOT_YET_VALID, JoseError.TOKEN_AGE_INVALID, JoseError.ISSUER_MISMATCH,
      JoseError.AUDIENCE_MISMATCH, JoseError.SUBJECT_MISMATCH, JoseError.CLAIM_MISSING, JoseError.CLAIM_INVALID);

  private static final JwtVerifier VERIFIER = JwtVerifier.builder(KEYS)
      .allowedAlgorithms(JwsAlgorithm.HS256, JwsAlgorithm.ES256, JwsAlgorithm.RS256, JwsAlgorithm.PS256,
          JwsAlgorithm.EdDSA)
      .expectedIssuer(ISSUER)
      .expectedAudience(AUDIENCE)
      .clock(Clock.fixed(NOW, ZoneOffset.UTC))
      .build();

  @FuzzTest
  void verify(byte[] input) {
    VerifiedJwt jwt;
    try {
      jwt = VERIFIER.verify(new String(input, StandardCharsets.UTF_8));
    } catch (InvalidTokenException e) {
      assertThat(e.code()).isIn(CODES);
      return;
    }
    assertThat(jwt.claims().issuer()).contains(ISSUER);
    assertThat(jwt.claims().audience()).contains(AUDIENCE);
  }

  static String resource(String name) {
    try (InputStream in = JwtVerifierFuzzTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
