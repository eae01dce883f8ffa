package dev.jwkit.adapters.vault.transit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import dev.jwkit.adapters.vault.testing.FakeTransit;
import dev.jwkit.adapters.vault.testing.FakeVault;
import dev.jwkit.adapters.vault.testing.VaultTarget;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jwks.model.KeyMaterial;
import dev.jwkit.jwks.model.KeyRingError;
import dev.jwkit.jwks.port.KeyCustody;
import dev.jwkit.jwks.port.KeyCustodyContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@link KeyCustodyContract} against the Vault double, plus the Transit mapping: explicit key
 * versions and JWS parameters on the wire, non-exportable keys, thumbprint kids, floors on retire and
 * destroy, third-party verification, and failures.
 */
class VaultTransitKeyCustodyTest extends KeyCustodyContract {

  private final FakeVault vault = FakeVault.start();
  private final VaultTarget target = VaultTarget.of(vault);
  private String prefix;

  @org.junit.jupiter.api.AfterEach
  void modernVault() {
    vault.transit("transit").saltLength(FakeTransit.SaltLength.HONOURED);
  }

  @AfterAll
  void stop() {
    vault.close();
  }

  @Override
  protected List<JwsAlgorithm> algorithms() {
    return List.of(JwsAlgorithm.ES256, JwsAlgorithm.ES384, JwsAlgorithm.ES512, JwsAlgorithm.RS256,
        JwsAlgorithm.PS256, JwsAlgorithm.EdDSA);
  }

  @Override
  protected KeyCustody newCustody() {
    prefix = "t" + Long.toHexString(System.nanoTime());
    return custody(prefix);
  }

  private VaultTransitKeyCustody custody(String keyPrefix) {
    return VaultTransitKeyCustody.builder().settings(target.rootSettings().build()).keyNamePrefix(keyPrefix).build();
  }

  @ParameterizedTest
  @EnumSource(value = JwsAlgorithm.class, names = {"ES256", "ES384", "ES512", "RS256", "RS384", "PS256", "PS512"})
  void sign_tokenVerifiesWithNimbus_andSentExplicitVersionAndJwsParameters(JwsAlgorithm alg) throws Exception {
    VaultTransitKeyCustody custody = custody(prefix);
    custody.generate(alg);
    KeyMaterial key = custody.generate(alg); // version 2: "latest" would hide a missing key_version
    String token = signCompact(custody, key, "{\"sub\":\"nimbus\"}");
    JWSObject jws = JWSObject.parse(token);
    JWK jwk = JWK.parse(key.publicJwk().toJson());
    var verifier = new DefaultJWSVerifierFactory().createJWSVerifier(jws.getHeader(),
        jwk.getKeyType().getValue().equals("EC") ? jwk.toECKey().toPublicKey() : jwk.toRSAKey().toPublicKey());
    assertThat(jws.verify(verifier)).isTrue();
    assertThat(key.kid()).isEqualTo(jwk.computeThumbprint().toString());

    Map<String, Object> sent = vault.requests("/sign/").get(vault.requests("/sign/").size() - 1).body();
    assertThat(sent).containsEntry("key_version", 2L).containsEntry("marshaling_algorithm", "jws")
        .containsEntry("hash_algorithm", "sha2-" + alg.hashBits());
    if (alg.family() == JwsAlgorithm.Family.RSASSA_PSS) {
      assertThat(sent).containsEntry("signature_algorithm", "pss").containsEntry("salt_length", "hash");
    } else if (alg.family() == JwsAlgorithm.Family.RSASSA_PKCS1_V1_5) {
      assertThat(sent).containsEntry("signature_algorithm", "pkcs1v15");
    }
  }

  @Test
  void generate_createsNonExportableKeyAndReferencesTheVersion() {
    VaultTransitKeyCustody custody = custody(prefix);
    KeyMaterial first = custody.generate(JwsAlgorithm.ES256);
    KeyMaterial second = custody.generate(JwsAlgorithm.ES256);
    assertThat(first.reference()).isEqualTo(prefix + "-es256:1");
    assertThat(second.reference()).isEqualTo(prefix + "-es256:2");
    assertThat(first.custody()).isEqualTo(VaultTransitKeyCustody.NAME);
    assertThat(first.hasPrivateKey()).isFalse();
    assertThat(vault.transit("transit").exportable(prefix + "-es256")).isFalse();
    assertThat(vault.requests("transit/keys/" + prefix + "-es256").get(1).body())
        .containsEntry("exportable", false).containsEntry("type", "ecdsa-p256");
    assertThat(custody.generate(JwsAlgorithm.RS256).reference()).isEqualTo(prefix + "-rs256-2048:1");
  }

  @Test
  void retire_raisesMinEncryptionVersion_olderCannotSignNewerCan() {
    VaultTransitKeyCustody custody = custody(prefix);
    KeyMaterial v1 = custody.generate(JwsAlgorithm.ES256);
    KeyMaterial v2 = custody.generate(JwsAlgorithm.ES256);
    custody.retire(v1);
    assertThat(vault.transit("transit").minEncryptionVersion(prefix + "-es256")).isEqualTo(2);
    assertThat(vault.transit("transit").latestVersion(prefix + "-es256")).isEqualTo(2);
    assertThatThrownBy(() -> signCompact(custody, v1, "{}"))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(KeyRingError.CUSTODY_FAILED))
        .hasMessageContaining("vault.key_version_disallowed");
    signCompact(custody, v2, "{}");
  }

  @Test
  void destroy_expiredOldestVersion_raisesMinDecryptionVersion() {
    VaultTransitKeyCustody custody = custody(prefix);
    KeyMaterial v1 = custody.generate(JwsAlgorithm.EdDSA);
    KeyMaterial v2 = custody.generate(JwsAlgorithm.EdDSA);
    custody.retire(v1);
    custody.destroy(v1);
    assertThat(vault.transit("transit").minDecryptionVersion(prefix + "-eddsa")).isEqualTo(2);
    signCompact(custody, v2, "{}");
  }

  @Test
  void destroy_revokedPendingVersionWithOlderActive_leavesActiveSigning() {
    VaultTransitKeyCustody custody = custody(prefix);
    KeyMaterial active = custody.generate(JwsAlgorithm.ES256);
    KeyMaterial pending = custody.generate(JwsAlgorithm.ES256);
    custody.generate(JwsAlgorithm.ES256); // a newer pending key
    custody.destroy(pending);
    assertThat(vault.transit("transit").minEncryptionVersion(prefix + "-es256")).isZero();
    signCompact(custody, active, "{}");
  }

  @Test
  void sign_referenceOutsideThisCustodysPrefix_refused() {
    VaultTransitKeyCustody other = custody("other" + prefix);
    KeyMaterial foreign = other.generate(JwsAlgorithm.ES256);
    assertThatThrownBy(() -> signCompact(custody(prefix), foreign, "{}"))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(KeyRingError.CUSTODY_FAILED))
        .hasMessageContaining("prefix");
  }

  @Test
  void sign_sealedVault_custodyFailedNamingTheVaultCode() {
    VaultTransitKeyCustody custody = VaultTransitKeyCustody.builder()
        .settings(target.rootSettings().maxAttempts(1).build()).keyNamePrefix(prefix).build();
    KeyMaterial key = custody.generate(JwsAlgorithm.ES256);
    vault.seal();
    try {
      assertThatThrownBy(() -> signCompact(custody, key, "{}"))
          .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(KeyRingError.CUSTODY_FAILED))
          .hasMessageContaining("vault.sealed").hasMessageContaining(key.kid()).hasMessageNotContaining(vault.rootToken());
    } finally {
      vault.unseal();
    }
  }

  @Test
  void generate_existingExportableKey_refused() {
    VaultTransitKeyCustody custody = custody(prefix);
    custody.generate(JwsAlgorithm.ES384);
    var client = dev.jwkit.adapters.vault.internal.VaultClient.create(target.rootSettings().build());
    client.send(dev.jwkit.adapters.vault.internal.VaultRequest.write("transit/keys/" + prefix + "-es384/config",
        Map.of("exportable", true), true));
    assertThatThrownBy(() -> custody.generate(JwsAlgorithm.ES384))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(KeyRingError.CUSTODY_FAILED))
        .hasMessageContaining("exportable");
    VaultTransitKeyCustody fresh = custody("x" + prefix);
    client.send(dev.jwkit.adapters.vault.internal.VaultRequest.write("transit/keys/x" + prefix + "-es256",
        Map.of("type", "ecdsa-p256", "exportable", true), true));
    assertThatThrownBy(() -> fresh.generate(JwsAlgorithm.ES256))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(KeyRingError.CUSTODY_FAILED))
        .hasMessageContaining("exportable");
  }

  @ParameterizedTest
  @EnumSource(value = JwsAlgorithm.class, names = {"PS256", "PS384", "PS512"})
  void generate_vaultIgnoringSaltLengthWithWarning_refusedNamingTheParameter(JwsAlgorithm alg) {
    vault.transit("transit").saltLength(FakeTransit.SaltLength.IGNORED_WITH_WARNING);
    assertThatThrownBy(() -> custody(prefix).generate(alg))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(KeyRingError.CUSTODY_FAILED))
        .hasMessageContaining("vault.ignored_parameters").hasMessageContaining("salt_length");
  }

  @Test
  void sign_vaultStartsIgnoringSaltLength_refusedInsteadOfAnUnverifiableSignature() {
    VaultTransitKeyCustody custody = custody(prefix);
    KeyMaterial key = custody.generate(JwsAlgorithm.PS256);
    vault.transit("transit").saltLength(FakeTransit.SaltLength.IGNORED_WITH_WARNING); // e.g. a downgraded standby
    assertThatThrownBy(() -> signCompact(custody, key, "{}"))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(KeyRingError.CUSTODY_FAILED))
        .hasMessageContaining("vault.ignored_parameters");
  }

  @Test
  void generate_signatureThatDoesNotVerifyLocally_keyRefused() {
    vault.transit("transit").saltLength(FakeTransit.SaltLength.IGNORED_SILENTLY);
    VaultTransitKeyCustody custody = custody(prefix);
    assertThatThrownBy(() -> custody.generate(JwsAlgorithm.PS384))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(KeyRingError.CUSTODY_FAILED))
        .hasMessageContaining("vault.signature_probe_failed");
    assertThatThrownBy(() -> custody.generate(JwsAlgorithm.PS384)) // the rotated version is refused as well
        .hasMessageContaining("vault.signature_probe_failed");
  }

  @ParameterizedTest
  @EnumSource(value = JwsAlgorithm.class, names = {"ES256", "ES384", "ES512", "RS256", "PS256", "EdDSA"})
  void generate_probesTheNewVersionThroughTransit(JwsAlgorithm alg) {
    VaultTransitKeyCustody custody = custody(prefix);
    custody.generate(alg);
    KeyMaterial second = custody.generate(alg);
    var signs = vault.requests("transit/sign/" + prefix);
    assertThat(signs).hasSize(2);
    assertThat(signs.get(1).body()).containsEntry("key_version", 2L);
    assertThat(second.reference()).endsWith(":2");
  }
}
