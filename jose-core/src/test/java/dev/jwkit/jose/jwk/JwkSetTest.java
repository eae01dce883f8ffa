package dev.jwkit.jose.jwk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JwkSetTest {

  private static final String EC = JwkValidationTest.ec(",\"kid\":\"ec\",\"use\":\"sig\"");

  @Test
  void parse_unusableKeysAreSkippedAndReported() {
    String json = "{\"keys\":[" + EC + ","
        + "{\"kty\":\"XYZ\",\"kid\":\"unknown-kty\"},"
        + "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AA\",\"y\":\"AA\",\"kid\":\"bad-point\"},"
        + "{\"kty\":\"oct\",\"k\":\"AA=\",\"kid\":7},"
        + "\"not an object\"]}";

    JwkSet set = JwkSet.parse(json);

    assertThat(set.keys()).extracting(k -> k.kid().orElseThrow()).containsExactly("ec");
    assertThat(set.skipped()).extracting(JwkSet.SkippedKey::index).containsExactly(1, 2, 3, 4);
    assertThat(set.skipped()).extracting(JwkSet.SkippedKey::reason).containsExactly(
        JoseError.UNSUPPORTED_KEY, JoseError.INVALID_KEY, JoseError.MALFORMED_INPUT, JoseError.MALFORMED_INPUT);
    assertThat(set.skipped().get(0).kid()).contains("unknown-kty");
    assertThat(set.skipped().get(2).kid()).isEmpty();
    assertThat(set.skipped().get(0).message()).startsWith("jwk.unsupported_key: ");
  }

  @Test
  void parse_documentWithoutKeysArray_isMalformed() {
    for (String json : List.of("{}", "{\"keys\":{}}", "{\"keys\":\"a\"}", "[]", "{\"keys\":[]", "")) {
      assertThatThrownBy(() -> JwkSet.parse(json))
          .isInstanceOf(JwkitException.class)
          .satisfies(e -> assertThat(((JwkitException) e).code()).isEqualTo(JoseError.MALFORMED_INPUT));
    }
  }

  @Test
  void parse_duplicateMemberInDocument_isRejected() {
    assertThatThrownBy(() -> JwkSet.parse("{\"keys\":[],\"keys\":[]}"))
        .isInstanceOf(JwkitException.class)
        .satisfies(e -> assertThat(((JwkitException) e).code()).isEqualTo(JoseError.DUPLICATE_MEMBER));
  }

  @Test
  void parse_emptyKeys_isEmptySet() {
    assertThat(JwkSet.parse("{\"keys\":[]}").isEmpty()).isTrue();
  }

  @Test
  void toJson_roundTrips() {
    JwkSet set = JwkSet.parse("{\"keys\":[" + EC + "]}");
    assertThat(set.toJson()).isEqualTo("{\"keys\":[" + Jwk.parse(EC).toJson() + "]}");
    assertThat(JwkSet.parse(set.toJson()).keys()).isEqualTo(set.keys());
  }

  @Test
  void candidatesFor_kid_returnsEveryFittingKeyWithThatKid() {
    EcPublicJwk a = JwkGenerator.generateEc(Curve.P_256).toPublicJwk();
    EcPublicJwk b = JwkGenerator.generateEc(Curve.P_256).toPublicJwk();
    Jwk a1 = a.withMetadata(JwkMetadata.builder().kid("dup").build());
    Jwk b1 = b.withMetadata(JwkMetadata.builder().kid("dup").build());
    Jwk other = JwkGenerator.generateEc(Curve.P_384).toPublicJwk().withMetadata(JwkMetadata.builder().kid("dup").build());
    JwkSet set = JwkSet.of(List.of(a1, b1, other));

    assertThat(set.candidatesFor(Optional.of("dup"), JwsAlgorithm.ES256)).containsExactly(a1, b1);
    assertThat(set.candidatesFor(Optional.of("dup"), JwsAlgorithm.ES384)).containsExactly(other);
    assertThat(set.candidatesFor(Optional.of("nope"), JwsAlgorithm.ES256)).isEmpty();
    assertThat(set.findByKid("dup")).containsExactly(a1, b1, other);
  }

  @Test
  void candidatesFor_repeatedAndInterleavedQueries_giveTheSameAnswersAsFreshOnes() {
    // candidatesFor remembers its last answer: every kid/alg combination, asked in any order and again,
    // must still get its own answer.
    Jwk p256 = JwkGenerator.generateEc(Curve.P_256).toPublicJwk().withMetadata(JwkMetadata.builder().kid("a").build());
    Jwk p384 = JwkGenerator.generateEc(Curve.P_384).toPublicJwk().withMetadata(JwkMetadata.builder().kid("b").build());
    Jwk noKid = JwkGenerator.generateEc(Curve.P_256).toPublicJwk();
    JwkSet set = JwkSet.of(List.of(p256, p384, noKid));
    List<Optional<String>> kids = List.of(Optional.of("a"), Optional.of("b"), Optional.empty(), Optional.of("c"));
    List<JwsAlgorithm> algs = List.of(JwsAlgorithm.ES256, JwsAlgorithm.ES384, JwsAlgorithm.HS256);
    for (int round = 0; round < 3; round++) {
      for (Optional<String> kid : kids) {
        for (JwsAlgorithm alg : algs) {
          List<Jwk> expected = JwkSet.of(set.keys()).candidatesFor(kid, alg); // a fresh set remembers nothing
          assertThat(set.candidatesFor(kid, alg)).as("%s %s", kid, alg).isEqualTo(expected);
          assertThat(set.candidatesFor(kid, alg)).as("%s %s again", kid, alg).isEqualTo(expected);
        }
      }
    }
    assertThat(set.candidatesFor(Optional.of("a"), JwsAlgorithm.ES256)).containsExactly(p256);
    assertThat(set.candidatesFor(Optional.empty(), JwsAlgorithm.ES256)).containsExactly(p256, noKid);
    assertThat(set.candidatesFor(Optional.of(new String("a".toCharArray())), JwsAlgorithm.ES384)).isEmpty();
  }

  @Test
  void candidatesFor_noKid_onlyKeysThatFitTheAlgorithm() {
    Jwk ec = Jwk.parse(EC);
    Jwk rsa = Jwk.parse(RfcN.RSA_PRIVATE);
    Jwk rsaPublic = ((PrivateJwk) rsa).toPublicJwk();
    Jwk oct = OctJwk.of(new byte[32]);
    Jwk encKey = JwkGenerator.generateEc(Curve.P_256).toPublicJwk().withMetadata(JwkMetadata.builder().use("enc").build());
    Jwk small = Jwk.parse(RfcN.RSA_1024_PUBLIC);
    JwkSet set = JwkSet.of(List.of(ec, rsa, rsaPublic, oct, encKey, small));

    assertThat(set.candidatesFor(Optional.empty(), JwsAlgorithm.ES256)).containsExactly(ec);
    assertThat(set.candidatesFor(Optional.empty(), JwsAlgorithm.RS256)).containsExactly(rsaPublic);
    assertThat(set.candidatesFor(Optional.empty(), JwsAlgorithm.HS256)).containsExactly(oct);
    assertThat(set.candidatesFor(Optional.empty(), JwsAlgorithm.EdDSA)).isEmpty();
  }

  @Test
  void candidatesFor_neverReturnsPrivateKeys() {
    EcPrivateJwk priv = JwkGenerator.generateEc(Curve.P_256);
    JwkSet set = JwkSet.of(List.of(priv));

    assertThat(set.candidatesFor(priv.kid(), JwsAlgorithm.ES256)).isEmpty();
    assertThat(set.toPublicSet().candidatesFor(priv.kid(), JwsAlgorithm.ES256)).containsExactly(priv.toPublicJwk());
  }

  @Test
  void toPublicSet_projectsPrivateAndDropsOct() {
    EcPrivateJwk priv = JwkGenerator.generateEc(Curve.P_521);
    OctJwk oct = JwkGenerator.generateOct(256);
    JwkSet set = JwkSet.of(List.of(priv, oct));

    JwkSet pub = set.toPublicSet();

    assertThat(pub.keys()).containsExactly(priv.toPublicJwk());
    assertThat(pub.publicKeys()).containsExactly(priv.toPublicJwk());
    assertThat(pub.toJson()).doesNotContain("\"d\"", "\"k\"");
  }

  @Test
  void filters_byAlgUseAndType() {
    Jwk es = JwkGenerator.generate(JwsAlgorithm.ES256);
    Jwk hs = JwkGenerator.generate(JwsAlgorithm.HS512);
    JwkSet set = JwkSet.of(List.of(es, hs));

    assertThat(set.findByAlg("HS512")).containsExactly(hs);
    assertThat(set.findByUse("sig")).containsExactly(es, hs);
    assertThat(set.findByKeyType(dev.jwkit.jose.jwa.KeyType.OCT)).containsExactly(hs);
    assertThat(set.filter(k -> k instanceof OctJwk).keys()).containsExactly(hs);
  }

  @Test
  void parse_doesNotBuildJcaKeys_butCachesThemOnFirstUse() {
    JwkSet set = JwkSet.parse("{\"keys\":[" + EC + "]}");
    PublicJwk key = (PublicJwk) set.keys().get(0);

    assertThat(key.toPublicKey()).isSameAs(key.toPublicKey());
  }

  @Test
  void toPublicKey_concurrentFirstUse_isSafe() throws Exception {
    PublicJwk key = (PublicJwk) Jwk.parse(RfcN.RSA_PRIVATE.replaceAll(",\"(d|p|q|dp|dq|qi)\":\"[^\"]*\"", ""));
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<java.security.PublicKey>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(pool.submit(key::toPublicKey));
      }
      for (java.util.concurrent.Future<java.security.PublicKey> f : results) {
        assertThat(f.get()).isEqualTo(key.toPublicKey());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
