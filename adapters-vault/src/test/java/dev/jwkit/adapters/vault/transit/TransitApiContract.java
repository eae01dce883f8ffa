package dev.jwkit.adapters.vault.transit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import dev.jwkit.adapters.vault.VaultError;
import dev.jwkit.adapters.vault.internal.VaultClient;
import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.PublicJwk;
import dev.jwkit.jose.jws.CompactJws;
import dev.jwkit.jose.jws.JwsVerifier;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import dev.jwkit.adapters.vault.testing.VaultTarget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Transit endpoint tests, run against the double ({@link TransitApiTest}) and a real Vault ({@link TransitApiVaultContainerTest}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TransitApiContract {

  private TransitApi transit;
  private VaultTarget target;

  /** The Vault to run against; called once per class. */
  protected abstract VaultTarget target();

  @BeforeAll
  void start() {
    target = target();
    transit = new TransitApi(VaultClient.create(target.rootSettings().build()), "transit");
  }

  private String unique(String name) {
    return name + "-" + Long.toHexString(System.nanoTime());
  }

  @ParameterizedTest
  @CsvSource({"RS256,2048", "RS384,3072", "PS256,2048", "PS384,3072", "PS512,4096", "ES256,0", "ES384,0", "ES512,0", "EdDSA,0"})
  void sign_eachAlgorithm_verifiesWithJoseCoreAndNimbus(String algName, int rsaBits) throws Exception {
    JwsAlgorithm alg = JwsAlgorithm.fromJwaName(algName);
    String name = unique("k-" + algName.toLowerCase() + "-" + rsaBits);
    String type = TransitAlgorithms.keyType(alg, rsaBits == 0 ? 2048 : rsaBits);
    transit.create(name, type);
    TransitKeyInfo info = transit.rotate(name);
    assertThat(info.latestVersion()).isEqualTo(2);
    PublicKey key = TransitAlgorithms.publicKey(type, info.publicKeys().get(1L), name);
    PublicJwk jwk = PublicJwk.of(key);

    String header = Base64Url.encode(Json.write(Map.of("alg", alg.jwaName(), "kid", "k1")).getBytes(StandardCharsets.UTF_8));
    String payload = Base64Url.encode("{\"sub\":\"x\"}".getBytes(StandardCharsets.UTF_8));
    byte[] signingInput = (header + "." + payload).getBytes(StandardCharsets.US_ASCII);
    byte[] signature = transit.sign(name, 1, alg, signingInput);
    String token = header + "." + payload + "." + Base64Url.encode(signature);

    JwsVerifier.of(jwk, alg).verify(CompactJws.parse(token));
    if (alg.family() == JwsAlgorithm.Family.EDDSA) {
      // Nimbus verifies EdDSA only through Google Tink, which is not on the class path: the JDK checks it instead
      java.security.Signature ed = java.security.Signature.getInstance("Ed25519");
      ed.initVerify(key);
      ed.update(signingInput);
      assertThat(ed.verify(signature)).isTrue();
    } else {
      JWSObject nimbus = JWSObject.parse(token);
      assertThat(nimbus.verify(new DefaultJWSVerifierFactory().createJWSVerifier(nimbus.getHeader(), key))).isTrue();
    }

    target.fake().ifPresent(vault -> {
      Map<String, Object> sent = vault.requests("transit/sign/" + name).get(0).body();
      assertThat(sent).containsEntry("key_version", 1L).containsEntry("marshaling_algorithm", "jws");
      if (alg.family() == JwsAlgorithm.Family.RSASSA_PSS) {
        assertThat(sent).containsEntry("signature_algorithm", "pss").containsEntry("salt_length", "hash");
      }
    });
  }

  @ParameterizedTest
  @CsvSource({"ES256", "EdDSA"})
  void sign_belowMinEncryptionVersion_refusedAsKeyVersionDisallowed(String algName) {
    JwsAlgorithm alg = JwsAlgorithm.fromJwaName(algName);
    String name = unique("floors-" + algName.toLowerCase());
    transit.create(name, TransitAlgorithms.keyType(alg, 2048));
    transit.rotate(name);
    TransitKeyInfo raised = transit.raiseFloors(name, 2, 0);
    assertThat(raised.minEncryptionVersion()).isEqualTo(2);
    assertThatThrownBy(() -> transit.sign(name, 1, alg, new byte[] {1}))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.KEY_VERSION_DISALLOWED));
    assertThat(transit.sign(name, 2, alg, new byte[] {1})).isNotEmpty();
    TransitKeyInfo expired = transit.raiseFloors(name, 0, 2);
    assertThat(expired.minDecryptionVersion()).isEqualTo(2);
    assertThat(expired.minEncryptionVersion()).isEqualTo(2);
    assertThat(transit.raiseFloors(name, 1, 1).minEncryptionVersion()).as("floors never go down").isEqualTo(2);
  }

  @org.junit.jupiter.api.Test
  void create_existingKeyOfOtherType_refused() {
    String name = unique("typed");
    TransitKeyInfo info = transit.create(name, "ed25519").info();
    assertThat(info.exportable()).isFalse();
    assertThatThrownBy(() -> transit.create(name, "ecdsa-p256"))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.INVALID_REQUEST))
        .hasMessageContaining("ed25519");
  }
}
