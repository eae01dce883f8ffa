package dev.jwkit.jwks.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.JwkAlgorithmBinding;
import dev.jwkit.jose.jwk.KeyUsage;
import dev.jwkit.jose.jws.CompactJws;
import dev.jwkit.jose.jws.JwsVerifier;
import dev.jwkit.jwks.model.KeyMaterial;
import dev.jwkit.jwks.model.KeyRingError;
import dev.jwkit.jwks.model.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link KeyCustody} fulfils. An adapter's test extends this class and implements
 * {@link #newCustody()}; {@link #algorithms()} lists the algorithms it supports.
 *
 * <p>Proves: generated keys fit their algorithm, carry the custody's name and a fresh kid, and publish no
 * private member; signatures made by the custody verify with the published public key through jose-core,
 * also from many threads; the material a ring holds after retirement cannot sign; a key of another custody
 * is refused; retire and destroy are idempotent.
 *
 * <p>The class uses the {@code PER_CLASS} test-instance lifecycle (so that {@link #algorithms()} can be
 * overridden); {@link #newCustody()} is still called before every test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class KeyCustodyContract {

  /** A custody to test, new for each test. */
  protected abstract KeyCustody newCustody();

  /** The algorithms the custody supports (default: ES256, RS256, PS256, EdDSA). */
  protected List<JwsAlgorithm> algorithms() {
    return List.of(JwsAlgorithm.ES256, JwsAlgorithm.RS256, JwsAlgorithm.PS256, JwsAlgorithm.EdDSA);
  }

  private KeyCustody custody;

  @BeforeEach
  void setUpCustody() {
    custody = newCustody();
  }

  List<JwsAlgorithm> algorithmList() {
    return algorithms();
  }

  /** Signs a small compact JWS with the custody and returns it. */
  protected static String signCompact(KeyCustody custody, KeyMaterial key, String payload) {
    String header = Base64Url.encodeUtf8("{\"alg\":\"" + key.algorithm().jwaName() + "\",\"kid\":\"" + key.kid() + "\"}");
    String body = Base64Url.encodeUtf8(payload);
    byte[] signature = custody.sign(key, (header + "." + body).getBytes(StandardCharsets.US_ASCII));
    return header + "." + body + "." + Base64Url.encode(signature);
  }

  @ParameterizedTest
  @MethodSource("algorithmList")
  void generate_keyFitsAlgorithm_andNamesThisCustody(JwsAlgorithm alg) {
    KeyMaterial key = custody.generate(alg);
    assertThat(key.algorithm()).isEqualTo(alg);
    assertThat(key.custody()).isEqualTo(custody.name());
    JwkAlgorithmBinding.checkUsableFor(key.publicJwk(), alg, KeyUsage.VERIFY);
    assertThat(key.publicJwk().kid()).contains(key.kid());
    assertThat(key.publicJwk().toJson()).doesNotContain("\"d\"");
  }

  @ParameterizedTest
  @MethodSource("algorithmList")
  void sign_signatureVerifiesWithPublishedKey(JwsAlgorithm alg) {
    KeyMaterial key = custody.generate(alg);
    String token = signCompact(custody, key, "{\"sub\":\"contract\"}");
    JwsVerifier.of(key.publicJwk(), alg).verify(CompactJws.parse(token));
  }

  @Test
  void generate_twice_givesDistinctKids() {
    JwsAlgorithm alg = algorithms().get(0);
    assertThat(custody.generate(alg).kid()).isNotEqualTo(custody.generate(alg).kid());
  }

  @Test
  void sign_fromManyThreads_everySignatureVerifies() throws Exception {
    JwsAlgorithm alg = algorithms().get(0);
    KeyMaterial key = custody.generate(alg);
    JwsVerifier verifier = JwsVerifier.of(key.publicJwk(), alg);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> tokens = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        String payload = "{\"n\":" + i + "}";
        tokens.add(pool.submit(() -> signCompact(custody, key, payload)));
      }
      for (Future<String> t : tokens) {
        verifier.verify(CompactJws.parse(t.get(60, TimeUnit.SECONDS)));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void sign_afterRetire_withTheMaterialTheRingKeeps_fails() {
    KeyMaterial key = custody.generate(algorithms().get(0));
    custody.retire(key);
    custody.retire(key);
    assertThatThrownBy(() -> signCompact(custody, key.withoutPrivateKey(), "{}"))
        .isInstanceOf(JwkitException.class)
        .satisfies(e -> assertThat(((JwkitException) e).code()).isEqualTo(KeyRingError.CUSTODY_FAILED));
  }

  @Test
  void destroy_isIdempotent_andTheKeyNoLongerSigns() {
    KeyMaterial key = custody.generate(algorithms().get(0));
    custody.destroy(key.withoutPrivateKey());
    custody.destroy(key.withoutPrivateKey());
    assertThatThrownBy(() -> signCompact(custody, key.withoutPrivateKey(), "{}")).isInstanceOf(JwkitException.class);
  }

  @Test
  void sign_keyOfAnotherCustody_isRefused() {
    KeyMaterial foreign = KeyMaterial.external(TestKeys.material("foreign", JwsAlgorithm.ES256).publicJwk(),
        JwsAlgorithm.ES256, "some-other-custody", "ref");
    assertThatThrownBy(() -> signCompact(custody, foreign, "{}"))
        .isInstanceOf(JwkitException.class)
        .satisfies(e -> assertThat(((JwkitException) e).code()).isEqualTo(KeyRingError.CUSTODY_FAILED));
  }
}
