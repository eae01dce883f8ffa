package dev.jwkit.adapters.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.adapters.vault.VaultAuth;
import dev.jwkit.adapters.vault.VaultError;
import dev.jwkit.adapters.vault.VaultSettings;
import dev.jwkit.adapters.vault.testing.FakeVault;
import dev.jwkit.jose.JwkitException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TLS with a custom CA bundle: a self-signed server certificate (made with Bouncy Castle) on the double. */
class TlsTest {

  private static FakeVault vault;
  private static String caPem;

  @BeforeAll
  static void start() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = g.generateKeyPair();
    Instant now = Instant.now();
    var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=fake-vault"), BigInteger.valueOf(now.toEpochMilli()),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), new X500Name("CN=fake-vault"),
        pair.getPublic());
    builder.addExtension(Extension.subjectAlternativeName, false,
        new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
    X509Certificate cert = new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("server", pair.getPrivate(), "pw".toCharArray(), new X509Certificate[] {cert});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "pw".toCharArray());
    SSLContext server = SSLContext.getInstance("TLS");
    server.init(kmf.getKeyManagers(), null, null);
    vault = FakeVault.startTls(server);
    caPem = "# the test CA\n-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert.getEncoded()) + "\n-----END CERTIFICATE-----\n";
  }

  @AfterAll
  static void stop() {
    vault.close();
  }

  @Test
  void send_serverCertificateFromCaBundle_succeeds() {
    VaultClient client = VaultClient.create(VaultSettings.builder().address(vault.address()).caCertificatesPem(caPem)
        .auth(VaultAuth.token(vault::rootToken)).build());
    assertThat(client.send(VaultRequest.read("secret/data/x")).isNotFound()).isTrue();
  }

  @Test
  void send_withoutTheCa_unreachableWithoutRetryStorm() {
    VaultClient client = VaultClient.create(VaultSettings.builder().address(vault.address())
        .auth(VaultAuth.token(vault::rootToken)).maxAttempts(1).build());
    assertThatThrownBy(() -> client.send(VaultRequest.read("secret/data/x")))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.UNREACHABLE));
  }

  @Test
  void trusting_bundleWithoutCertificate_refused() {
    assertThatThrownBy(() -> Tls.trusting("-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----"))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(VaultError.INVALID_REQUEST));
  }

  @Test
  void settings_httpAddressWithoutOptIn_refused() {
    assertThatThrownBy(() -> VaultSettings.builder().address(java.net.URI.create("http://vault:8200"))
        .auth(VaultAuth.token(() -> "t")).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("allowPlaintextHttp");
    assertThatThrownBy(() -> VaultSettings.builder().address(java.net.URI.create("https://vault:8200/v1")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toString_ofAuthAndSettings_namesNoSecret() {
    VaultAuth auth = VaultAuth.appRole("role-id-123", () -> "secret-id-456");
    assertThat(auth.toString()).doesNotContain("role-id-123").doesNotContain("secret-id-456");
    VaultSettings s = VaultSettings.builder().address(vault.address()).auth(VaultAuth.token(() -> "hvs.secret")).build();
    assertThat(s.toString()).doesNotContain("hvs.secret");
  }
}
