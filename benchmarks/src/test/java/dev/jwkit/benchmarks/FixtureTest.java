package dev.jwkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FixtureTest {

  @Test
  void generate_sameAlgorithm_givesIdenticalKeysJwksAndToken() {
    Fixture first = Fixture.of(Alg.ES256);
    Fixture second = Fixture.generate(Alg.ES256, Fixture.KEYS);

    assertThat(second.jwksJson()).isEqualTo(first.jwksJson());
    assertThat(second.kids()).isEqualTo(first.kids()).hasSize(Fixture.KEYS).doesNotHaveDuplicates();
    assertThat(second.signingInput()).isEqualTo(first.signingInput());
  }

  @Test
  void token_isSignedByThePickedKeyOfTheSet() {
    for (Alg alg : new Alg[] {Alg.ES256, Alg.EdDSA, Alg.HS256}) {
      Fixture fixture = Fixture.of(alg);

      assertThat(fixture.isValidSignature(fixture.token())).as(alg.name()).isTrue();
      assertThat(fixture.headerJson()).contains("\"kid\":\"" + fixture.kids().get(Fixture.PICKED) + "\"");
      assertThat(fixture.jwksJson()).contains(fixture.kid());
    }
  }

  @Test
  void isValidSignature_tamperedToken_isFalse() {
    Fixture fixture = Fixture.of(Alg.HS256);
    String token = fixture.token();
    String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "B" : "A") + "A";

    assertThat(fixture.isValidSignature(tampered)).isFalse();
  }

  @Test
  void mixedPublicJwks_hasTenPublicKeysOfThreeTypes() {
    String jwks = Fixture.mixedPublicJwks();

    assertThat(jwks.split("\"kty\"")).hasSize(11);
    assertThat(jwks).contains("\"kty\":\"RSA\"", "\"kty\":\"EC\"", "\"kty\":\"OKP\"").doesNotContain("\"d\"", "\"k\"");
  }
}
