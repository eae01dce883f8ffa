package dev.jwkit.adapters.file.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwkit.adapters.file.FileError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkGenerator;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jose.jwk.PrivateJwk;
import dev.jwkit.jose.jwk.PublicJwk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyFilesTest {

  @TempDir Path directory;

  @Test
  void pem_privateKeyRoundTrip_keepsTheKeyAndSetsAThumbprintKid() {
    PrivateJwk key = (PrivateJwk) JwkGenerator.generate(JwsAlgorithm.RS256);
    Path file = directory.resolve("key.pem");

    KeyFiles.writePem(file, key);
    Jwk read = KeyFiles.readPem(file);

    assertThat(read).isInstanceOf(PrivateJwk.class);
    assertThat(((PrivateJwk) read).toPublicJwk().thumbprint()).isEqualTo(key.toPublicJwk().thumbprint());
    assertThat(read.kid()).contains(read.thumbprint().toBase64Url());
  }

  @Test
  void jwkSet_publicExport_neverContainsPrivateOrSymmetricKeys() throws IOException {
    PrivateJwk ec = (PrivateJwk) JwkGenerator.generate(JwsAlgorithm.ES256);
    Jwk hmac = JwkGenerator.generate(JwsAlgorithm.HS256);
    Path file = directory.resolve("public.json");

    KeyFiles.writePublicJwkSet(file, JwkSet.of(List.of(ec, hmac)));

    String json = Files.readString(file);
    assertThat(json).doesNotContain("\"d\"").doesNotContain("\"k\"");
    assertThat(KeyFiles.readJwkSet(file).keys()).singleElement().isInstanceOf(PublicJwk.class);
  }

  @Test
  void readJwkSet_truncatedJson_failsNamingTheFile() throws IOException {
    Path file = directory.resolve("broken.json");
    Files.writeString(file, "{\"keys\":[{\"kty\":\"EC\",");

    assertThatThrownBy(() -> KeyFiles.readJwkSet(file))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(FileError.CORRUPT))
        .hasMessageContaining(file.toString());
  }

  @Test
  void readJwk_unsupportedKeyType_saysSo() throws IOException {
    Path file = directory.resolve("key.json");
    Files.writeString(file, "{\"kty\":\"XYZ\"}");

    assertThatThrownBy(() -> KeyFiles.readJwk(file))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(FileError.UNSUPPORTED_KEY))
        .hasMessageContaining(file.toString());
  }

  @Test
  void readPem_missingFile_isUnreadable() {
    Path file = directory.resolve("missing.pem");
    assertThatThrownBy(() -> KeyFiles.readPem(file))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(FileError.UNREADABLE))
        .hasMessageContaining("does not exist");
  }

  @ParameterizedTest
  @CsvSource({
      "'genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256', EC",
      "'genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048', RSA",
      "'genpkey -algorithm ED25519', OKP"})
  void readPem_keyMadeByOpenssl_importsIt_andOpensslReadsOurExport(String generate, String kty) throws IOException {
    assumeTrue(ExternalTools.hasOpenssl(), "openssl is not on PATH: OpenSSL interop test skipped");
    Path generated = directory.resolve("openssl.pem");
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(List.of(generate.split(" ")));
    command.addAll(List.of("-out", generated.toString()));
    ExternalTools.runOk(command);

    Jwk key = KeyFiles.readPem(generated);
    assertThat(key).isInstanceOf(PrivateJwk.class);
    assertThat(key.kty().jwkName()).isEqualTo(kty);

    Path exported = directory.resolve("exported.pem");
    KeyFiles.writePem(exported, key);
    ExternalTools.runOk(List.of("openssl", "pkey", "-in", exported.toString(), "-noout"));
    String publicFromOpenssl = ExternalTools.runOk(List.of("openssl", "pkey", "-in", generated.toString(), "-pubout"));
    Files.writeString(directory.resolve("pub.pem"), publicFromOpenssl);
    assertThat(KeyFiles.readPem(directory.resolve("pub.pem")).thumbprint()).isEqualTo(key.thumbprint());
  }

  @Test
  void readPem_traditionalRsaAndSelfSignedCertificateFromOpenssl_areImported() throws IOException {
    assumeTrue(ExternalTools.hasOpenssl(), "openssl is not on PATH: OpenSSL interop test skipped");
    Path key = directory.resolve("rsa.pem");
    Path traditional = directory.resolve("rsa-traditional.pem");
    Path certificate = directory.resolve("cert.pem");
    ExternalTools.runOk(List.of("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048",
        "-out", key.toString()));
    ExternalTools.runOk(List.of("openssl", "rsa", "-in", key.toString(), "-traditional", "-out", traditional.toString()));
    ExternalTools.runOk(List.of("openssl", "req", "-x509", "-key", key.toString(), "-subj", "/CN=openssl test",
        "-days", "30", "-out", certificate.toString()));

    Jwk fromTraditional = KeyFiles.readPem(traditional);
    Jwk fromCertificate = KeyFiles.readPem(certificate);

    assertThat(Files.readString(traditional)).contains("BEGIN RSA PRIVATE KEY");
    assertThat(fromTraditional).isInstanceOf(PrivateJwk.class);
    assertThat(fromCertificate).isInstanceOf(PublicJwk.class);
    assertThat(fromCertificate.metadata().x5c()).hasSize(1);
    assertThat(fromCertificate.thumbprint()).isEqualTo(fromTraditional.thumbprint());
  }
}
