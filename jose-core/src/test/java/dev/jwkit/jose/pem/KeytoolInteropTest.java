package dev.jwkit.jose.pem;

import static dev.jwkit.jose.pem.PemTest.assertSameKeyPair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwkit.jose.pem.OpenSslInteropTest.Tool;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Interoperability with the JDK's {@code keytool} and PKCS#12 key stores: the file adapter exports keys
 * through {@link Pem} and {@link CertificateTemplate}. Skipped when {@code keytool} is not on the PATH.
 */
class KeytoolInteropTest {

  private static final char[] STORE_PASSWORD = "changeit".toCharArray();
  private static boolean available;

  @TempDir Path dir;

  @BeforeAll
  static void findKeytool() {
    try {
      available = new Tool(Path.of(System.getProperty("java.io.tmpdir"))).exitCode("keytool", "-help") == 0;
    } catch (IOException e) {
      available = false;
    }
  }

  private Tool keytool() {
    assumeTrue(available, "keytool not on PATH: interop test skipped");
    return new Tool(dir);
  }

  @ParameterizedTest
  @CsvSource({"RSA,", "EC,secp256r1", "EC,secp384r1", "Ed25519,"})
  void keytoolKeyPair_exportedCertificateAndKey_areRead(String algorithm, String group) throws Exception {
    Tool keytool = keytool();
    if (group == null) {
      keytool.run("keytool", "-genkeypair", "-alias", "k", "-keyalg", algorithm, "-keystore", "ks.p12", "-storetype", "PKCS12",
          "-storepass", "changeit", "-dname", "CN=keytool test", "-validity", "2");
    } else {
      keytool.run("keytool", "-genkeypair", "-alias", "k", "-keyalg", algorithm, "-groupname", group, "-keystore", "ks.p12",
          "-storetype", "PKCS12", "-storepass", "changeit", "-dname", "CN=keytool test", "-validity", "2");
    }
    keytool.run("keytool", "-exportcert", "-rfc", "-alias", "k", "-keystore", "ks.p12", "-storepass", "changeit", "-file", "cert.pem");

    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(dir.resolve("ks.p12"))) {
      store.load(in, STORE_PASSWORD);
    }
    PrivateKey privateKey = (PrivateKey) store.getKey("k", STORE_PASSWORD);
    List<X509Certificate> certificates = Pem.readCertificates(keytool.read("cert.pem"));

    KeyPair pair = Pem.readKeyPair(Pem.writePrivateKey(privateKey));
    CertificateChain.of(certificates).requireLeafKey(pair.getPublic());
    assertThat(certificates.get(0)).isEqualTo(store.getCertificate("k"));
  }

  @ParameterizedTest
  @EnumSource(value = TestKeys.class, names = {"RSA_2048", "EC_P256", "EC_P521", "ED25519"})
  void pkcs12WithSelfSignedCertificate_isListedByKeytool(TestKeys kind) throws Exception {
    Tool keytool = keytool();
    KeyPair pair = Pem.readKeyPair(Pem.writePrivateKey(kind.keyPair().getPrivate()));
    X509Certificate certificate = CertificateTemplateTest.template().build().selfSign(pair);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("jwkit", pair.getPrivate(), STORE_PASSWORD, new Certificate[] {certificate});
    try (OutputStream out = Files.newOutputStream(dir.resolve("out.p12"))) {
      store.store(out, STORE_PASSWORD);
    }

    String listing = keytool.run("keytool", "-list", "-keystore", "out.p12", "-storetype", "PKCS12", "-storepass", "changeit");

    assertThat(listing).contains("jwkit").contains("PrivateKeyEntry");
    KeyStore reloaded = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(dir.resolve("out.p12"))) {
      reloaded.load(in, STORE_PASSWORD);
    }
    assertSameKeyPair(Pem.readKeyPair(Pem.writePrivateKey((PrivateKey) reloaded.getKey("jwkit", STORE_PASSWORD))), pair);
  }
}
