package dev.jwkit.jose.pem;

import static dev.jwkit.jose.pem.PemErrorsTest.assertCode;
import static dev.jwkit.jose.pem.PemTest.assertSameKeyPair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwkit.jose.JoseError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Interoperability with the OpenSSL command line; skipped when {@code openssl} is not on the PATH. */
class OpenSslInteropTest {

  private static boolean available;

  @TempDir Path dir;

  @BeforeAll
  static void findOpenSsl() {
    try {
      available = new Tool(Path.of(System.getProperty("java.io.tmpdir"))).exitCode("openssl", "version") == 0;
    } catch (IOException e) {
      available = false;
    }
  }

  private Tool openssl() {
    assumeTrue(available, "openssl not on PATH: interop test skipped");
    return new Tool(dir);
  }

  // ---------------------------------------------------------------- OpenSSL writes, jwkit reads

  @ParameterizedTest
  @ValueSource(strings = {"RSA", "P-256", "P-384", "P-521", "secp256k1", "ED25519", "ED448", "X25519", "X448"})
  void genpkey_pkcs8AndSpki_areRead(String algorithm) throws IOException {
    Tool openssl = openssl();
    if (algorithm.equals("RSA")) {
      openssl.run("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "key.pem");
    } else if (algorithm.startsWith("P-") || algorithm.equals("secp256k1")) {
      openssl.run("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:" + algorithm, "-out", "key.pem");
    } else {
      openssl.run("openssl", "genpkey", "-algorithm", algorithm, "-out", "key.pem");
    }
    openssl.run("openssl", "pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem");

    KeyPair pair = Pem.readKeyPair(openssl.read("key.pem"));
    PublicKey publicKey = Pem.readPublicKey(openssl.read("pub.pem"));

    assertThat(openssl.read("key.pem")).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(pair.getPublic().getEncoded()).isEqualTo(publicKey.getEncoded());
  }

  @Test
  void rsaTraditional_pkcs1PrivateAndPublic_areRead() throws IOException {
    Tool openssl = openssl();
    openssl.run("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "key.pem");
    openssl.run("openssl", "rsa", "-in", "key.pem", "-traditional", "-out", "rsa.pem");
    openssl.run("openssl", "rsa", "-in", "key.pem", "-RSAPublicKey_out", "-out", "rsapub.pem");

    assertThat(openssl.read("rsa.pem")).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(openssl.read("rsapub.pem")).startsWith("-----BEGIN RSA PUBLIC KEY-----");
    KeyPair pkcs8 = Pem.readKeyPair(openssl.read("key.pem"));
    assertSameKeyPair(Pem.readKeyPair(openssl.read("rsa.pem")), pkcs8);
    assertThat(Pem.readPublicKey(openssl.read("rsapub.pem")).getEncoded()).isEqualTo(pkcs8.getPublic().getEncoded());
  }

  @ParameterizedTest
  @ValueSource(strings = {"prime256v1", "secp384r1", "secp521r1", "secp256k1"})
  void ecParamGenKey_sec1WithParametersBlock_isRead(String curve) throws IOException {
    Tool openssl = openssl();
    openssl.run("openssl", "ecparam", "-name", curve, "-genkey", "-out", "sec1.pem");
    openssl.run("openssl", "ec", "-in", "sec1.pem", "-pubout", "-out", "pub.pem");
    openssl.run("openssl", "ec", "-in", "sec1.pem", "-no_public", "-out", "nopub.pem");

    assertThat(openssl.read("sec1.pem")).contains("-----BEGIN EC PARAMETERS-----").contains("-----BEGIN EC PRIVATE KEY-----");
    KeyPair pair = Pem.readKeyPair(openssl.read("sec1.pem"));
    assertThat(pair.getPublic().getEncoded()).isEqualTo(Pem.readPublicKey(openssl.read("pub.pem")).getEncoded());
    assertSameKeyPair(Pem.readKeyPair(openssl.read("nopub.pem")), pair);
  }

  @Test
  void encryptedPkcs8_rightAndWrongPassword() throws IOException {
    Tool openssl = openssl();
    openssl.run("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "key.pem");
    openssl.run("openssl", "pkcs8", "-topk8", "-in", "key.pem", "-v2", "aes-256-cbc", "-passout", "pass:secret", "-out", "enc.pem");
    openssl.run("openssl", "pkcs8", "-topk8", "-in", "key.pem", "-scrypt", "-passout", "pass:secret", "-out", "scrypt.pem");

    KeyPair pair = Pem.readKeyPair(openssl.read("key.pem"));
    assertThat(openssl.read("enc.pem")).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    assertSameKeyPair(Pem.readKeyPair(openssl.read("enc.pem"), "secret".toCharArray()), pair);
    assertSameKeyPair(Pem.readKeyPair(openssl.read("scrypt.pem"), "secret".toCharArray()), pair);
    assertCode(() -> Pem.readKeyPair(openssl.read("enc.pem"), "wrong".toCharArray()), JoseError.PEM_WRONG_PASSWORD);
    assertCode(() -> Pem.readKeyPair(openssl.read("enc.pem")), JoseError.PEM_PASSWORD_REQUIRED);
  }

  @Test
  void traditionalEncryptedRsaKey_rightAndWrongPassword() throws IOException {
    Tool openssl = openssl();
    openssl.run("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "key.pem");
    openssl.run("openssl", "rsa", "-in", "key.pem", "-traditional", "-aes256", "-passout", "pass:secret", "-out", "legacy.pem");

    assertThat(openssl.read("legacy.pem")).contains("Proc-Type: 4,ENCRYPTED");
    assertSameKeyPair(Pem.readKeyPair(openssl.read("legacy.pem"), "secret".toCharArray()), Pem.readKeyPair(openssl.read("key.pem")));
    assertCode(() -> Pem.readKeyPair(openssl.read("legacy.pem"), "wrong".toCharArray()), JoseError.PEM_WRONG_PASSWORD)
        .hasMessageContaining("PEM block 1 (RSA PRIVATE KEY)");
    assertCode(() -> Pem.readKeyPair(openssl.read("legacy.pem")), JoseError.PEM_PASSWORD_REQUIRED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rsa:2048", "ec", "ed25519"})
  void reqX509_certificateAndKey_areReadAndMatch(String key) throws IOException {
    Tool openssl = openssl();
    List<String> command = new ArrayList<>(List.of("openssl", "req", "-x509", "-newkey", key));
    if (key.equals("ec")) {
      command.addAll(List.of("-pkeyopt", "ec_paramgen_curve:P-384"));
    }
    command.addAll(List.of("-keyout", "key.pem", "-out", "cert.pem", "-nodes", "-subj", "/CN=openssl test", "-days", "2"));
    openssl.run(command.toArray(new String[0]));

    List<X509Certificate> certificates = Pem.readCertificates(openssl.read("cert.pem"));
    KeyPair pair = Pem.readKeyPair(openssl.read("key.pem"));

    assertThat(certificates).hasSize(1);
    CertificateChain chain = CertificateChain.of(certificates);
    chain.requireLeafKey(pair.getPublic());
    PemBundle bundle = Pem.parse(openssl.read("key.pem") + openssl.read("cert.pem"));
    assertThat(bundle.keyPairs()).hasSize(1);
    assertThat(bundle.certificates()).isEqualTo(certificates);
  }

  // ---------------------------------------------------------------- jwkit writes, OpenSSL reads

  @ParameterizedTest
  @EnumSource(TestKeys.class)
  void pkcs8AndSpki_areReadByOpenSsl(TestKeys kind) throws IOException {
    Tool openssl = openssl();
    KeyPair pair = kind.keyPair();
    openssl.write("key.pem", Pem.writePrivateKey(pair.getPrivate()));
    openssl.write("pub.pem", Pem.writePublicKey(pair.getPublic()));

    openssl.run("openssl", "pkey", "-in", "key.pem", "-noout");
    openssl.run("openssl", "pkey", "-pubin", "-in", "pub.pem", "-noout");
    openssl.run("openssl", "pkey", "-in", "key.pem", "-pubout", "-out", "derived.pem");

    assertThat(Pem.readPublicKey(openssl.read("derived.pem")).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
  }

  @Test
  void pkcs1_isReadByOpenSsl() throws IOException {
    Tool openssl = openssl();
    KeyPair pair = TestKeys.RSA_2048.keyPair();
    openssl.write("rsa.pem", Pem.writePrivateKey(pair.getPrivate(), PemType.RSA_PRIVATE_KEY));
    openssl.write("rsapub.pem", Pem.writePublicKey(pair.getPublic(), PemType.RSA_PUBLIC_KEY));

    openssl.run("openssl", "rsa", "-in", "rsa.pem", "-check", "-noout");
    openssl.run("openssl", "rsa", "-RSAPublicKey_in", "-in", "rsapub.pem", "-pubout", "-out", "spki.pem");

    assertThat(Pem.readPublicKey(openssl.read("spki.pem")).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
  }

  @ParameterizedTest
  @EnumSource(value = TestKeys.class, names = {"EC_P256", "EC_P384", "EC_P521", "EC_SECP256K1"})
  void sec1_isReadByOpenSsl(TestKeys kind) throws IOException {
    Tool openssl = openssl();
    KeyPair pair = kind.keyPair();
    openssl.write("sec1.pem", Pem.writePrivateKey(pair.getPrivate(), PemType.EC_PRIVATE_KEY));

    openssl.run("openssl", "ec", "-in", "sec1.pem", "-check", "-noout");
    openssl.run("openssl", "ec", "-in", "sec1.pem", "-pubout", "-out", "pub.pem");

    assertThat(Pem.readPublicKey(openssl.read("pub.pem")).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
  }

  @Test
  void encryptedPkcs8_isReadByOpenSsl() throws IOException {
    Tool openssl = openssl();
    KeyPair pair = TestKeys.ED25519.keyPair();
    openssl.write("enc.pem", Pem.writeEncryptedPrivateKey(pair.getPrivate(), "secret".toCharArray()));

    openssl.run("openssl", "pkey", "-in", "enc.pem", "-passin", "pass:secret", "-noout");
    assertThat(openssl.exitCode("openssl", "pkey", "-in", "enc.pem", "-passin", "pass:wrong", "-noout")).isNotZero();
    openssl.run("openssl", "pkey", "-in", "enc.pem", "-passin", "pass:secret", "-out", "plain.pem");

    assertSameKeyPair(Pem.readKeyPair(openssl.read("plain.pem")), pair);
  }

  @Test
  void chain_isVerifiedByOpenSsl() throws IOException {
    Tool openssl = openssl();
    Fixtures.Chain chain = Fixtures.chain();
    openssl.write("root.pem", Pem.writeCertificate(chain.root()));
    openssl.write("intermediate.pem", Pem.writeCertificate(chain.intermediate()));
    openssl.write("leaf.pem", Pem.writeCertificate(chain.leaf()));
    String at = Long.toString(Fixtures.DURING_LEAF.getEpochSecond());

    openssl.run("openssl", "verify", "-attime", at, "-CAfile", "root.pem", "-untrusted", "intermediate.pem", "leaf.pem");
  }

  @Test
  void selfSignedCertificate_isReadByOpenSsl() throws IOException {
    Tool openssl = openssl();
    KeyPair pair = TestKeys.EC_P256.keyPair();
    X509Certificate certificate = CertificateTemplateTest.template().build().selfSign(pair);
    openssl.write("cert.pem", Pem.writeCertificate(certificate));

    String text = openssl.run("openssl", "x509", "-in", "cert.pem", "-noout", "-subject", "-pubkey");

    assertThat(text).contains("jwkit test");
    assertThat(Pem.readPublicKey(text.substring(text.indexOf("-----BEGIN"))).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
  }

  /** Runs a command line tool in a directory. */
  static final class Tool {
    private final Path dir;

    Tool(Path dir) {
      this.dir = dir;
    }

    String run(String... command) throws IOException {
      Process process = start(command);
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = waitFor(process);
      assertThat(exit).as("%s exits 0; output: %s", String.join(" ", command), output).isZero();
      return output;
    }

    int exitCode(String... command) throws IOException {
      Process process = start(command);
      process.getInputStream().readAllBytes();
      return waitFor(process);
    }

    String read(String file) throws IOException {
      return Files.readString(dir.resolve(file), StandardCharsets.US_ASCII);
    }

    void write(String file, String text) throws IOException {
      Files.writeString(dir.resolve(file), text, StandardCharsets.US_ASCII);
    }

    private Process start(String... command) throws IOException {
      return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    }

    private static int waitFor(Process process) throws IOException {
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IOException("timed out");
        }
        return process.exitValue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }
}
