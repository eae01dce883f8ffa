package dev.jwkit.jose.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import java.util.Set;

/**
 * Jazzer fuzz target for {@link JwtClaims#parse(byte[])}: a claims set or a {@link JwkitException} with one
 * of the documented codes; anything else is a crash. Every accessor of a parsed set answers or throws
 * {@code CLAIM_INVALID}; its JSON reads back to the same JSON, and its map to an equal set.
 *
 * <p>Regression inputs: {@code JwtClaimsFuzzTestInputs/parse/}; fuzzing: {@code fuzz/run JwtClaimsFuzzTest}.
 */
class JwtClaimsFuzzTest {

  private static final Set<JoseError> CODES = Set.of(JoseError.MALFORMED_INPUT, JoseError.INPUT_TOO_LARGE,
      JoseError.DUPLICATE_MEMBER, JoseError.CLAIM_INVALID);

  @FuzzTest
  void parse(byte[] input) {
    JwtClaims claims;
    try {
      claims = JwtClaims.parse(input);
    } catch (JwkitException e) {
      assertThat(e.code()).isIn(CODES);
      return;
    }
    claims.issuer();
    claims.subject();
    claims.audience();
    claims.expiration();
    claims.notBefore();
    claims.issuedAt();
    claims.jwtId();
    for (String name : claims.names()) {
      readAs(claims, name);
    }
    // Once written, the JSON is stable (a number such as 1E+1 is written as 10 and then reads as a Long).
    String json = claims.toJson();
    assertThat(JwtClaims.parse(json).toJson()).isEqualTo(json);
    assertThat(JwtClaims.fromJsonObject(claims.toJsonObject())).isEqualTo(claims);
  }

  /** Reads a claim as every type; a wrong type is CLAIM_INVALID, nothing else. */
  static void readAs(JwtClaims claims, String name) {
    Runnable[] reads = {
        () -> claims.stringClaim(name), () -> claims.booleanClaim(name), () -> claims.longClaim(name),
        () -> claims.instantClaim(name), () -> claims.stringListClaim(name), () -> claims.objectClaim(name)};
    assertThat(claims.claim(name)).isPresent();
    for (Runnable read : reads) {
      try {
        read.run();
      } catch (InvalidTokenException e) {
        assertThat(e.code()).isEqualTo(JoseError.CLAIM_INVALID);
      }
    }
  }
}
