package dev.jwkit.adapters.file.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwkit.adapters.file.FileError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.JwkGenerator;
import dev.jwkit.jose.jwk.PrivateJwk;
import dev.jwkit.jose.jws.CompactJws;
import dev.jwkit.jose.jws.JwsHeader;
import dev.jwkit.jose.jws.JwsSigner;
import dev.jwkit.jose.jws.JwsVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

class KeystoresTest {

  private static final char[] PASSWORD = "changeit-123".toCharArray();
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path directory;

  @ParameterizedTest
  @CsvSource({"PKCS12, ES256", "PKCS12, RS256", "PKCS12, EdDSA", "JKS, ES384", "JKS, PS256"})
  void write_thenRead_roundTripsKeysThatStillSign(KeystoreType type, JwsAlgorithm alg) {
    PrivateJwk key = (PrivateJwk) JwkGenerator.generate(alg);
    Path file = directory.resolve("keys." + type.name().toLowerCase());

    Keystores.write(file, type, List.of(key), PASSWORD, NOW);
    List<KeystoreEntry> entries = Keystores.read(file, PASSWORD);

    assertThat(entries).singleElement().satisfies(entry -> {
      assertThat(entry.alias()).isEqualToIgnoringCase(key.kid().orElseThrow());
      assertThat(entry.key().kid()).isEqualTo(key.kid());
      assertThat(entry.key().toPublicJwk().thumbprint()).isEqualTo(key.toPublicJwk().thumbprint());
      assertThat(entry.key().metadata().x5c()).hasSize(1);
      assertSigns(entry.key(), key, alg);
      assertThat(entry.toString()).doesNotContain(key.toJson().substring(10));
    });
  }

  @Test
  void read_wrongPassword_failsWithItsCodeNamingTheFile() {
    Path file = directory.resolve("keys.p12");
    Keystores.write(file, KeystoreType.PKCS12, List.of((PrivateJwk) JwkGenerator.generate(JwsAlgorithm.ES256)),
        PASSWORD, NOW);

    assertThatThrownBy(() -> Keystores.read(file, "Tr0ub4dor-guess".toCharArray()))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(FileError.WRONG_PASSWORD))
        .hasMessageContaining(file.toString())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Tr0ub4dor").contains("wrong keystore password"));
  }

  @Test
  void read_notAKeystore_isCorrupt() throws IOException {
    Path file = directory.resolve("keys.p12");
    Files.writeString(file, "not a keystore");

    assertThatThrownBy(() -> Keystores.read(file, PASSWORD))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(FileError.CORRUPT))
        .hasMessageContaining(file.toString());
  }

  @ParameterizedTest
  @CsvSource({"PKCS12, EC, -groupname secp256r1, ES256", "JKS, RSA, -keysize 2048, RS256", "PKCS12, Ed25519, '', EdDSA"})
  void read_keystoreMadeByKeytool_importsItsKey(String storeType, String keyAlg, String sizeOption, JwsAlgorithm alg)
      throws IOException {
    assumeTrue(ExternalTools.hasKeytool(), "the JDK's keytool is not present: keytool interop test skipped");
    Path file = directory.resolve("keytool." + storeType.toLowerCase());
    List<String> command = new java.util.ArrayList<>(List.of(ExternalTools.keytool().toString(), "-genkeypair",
        "-alias", "signing", "-keyalg", keyAlg, "-dname", "CN=keytool test", "-validity", "30",
        "-keystore", file.toString(), "-storetype", storeType,
        "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)));
    if (!sizeOption.isBlank()) {
      command.addAll(List.of(sizeOption.split(" ")));
    }
    ExternalTools.runOk(command);

    List<KeystoreEntry> entries = Keystores.read(file, PASSWORD);

    assertThat(entries).singleElement().satisfies(entry -> {
      assertThat(entry.alias()).isEqualTo("signing");
      assertThat(entry.chain().leaf().getSubjectX500Principal().getName()).isEqualTo("CN=keytool test");
      assertSigns(entry.key(), entry.key(), alg);
    });
  }

  @Test
  void write_pkcs12_isReadableByKeytoolAndOpenssl() throws IOException {
    assumeTrue(ExternalTools.hasKeytool(), "the JDK's keytool is not present: keytool interop test skipped");
    PrivateJwk key = (PrivateJwk) JwkGenerator.generate(JwsAlgorithm.ES256);
    Path file = directory.resolve("export.p12");
    Keystores.write(file, KeystoreType.PKCS12, List.of(key), PASSWORD, NOW);

    String listing = ExternalTools.runOk(List.of(ExternalTools.keytool().toString(), "-list", "-keystore",
        file.toString(), "-storepass", new String(PASSWORD)));
    assertThat(listing.toLowerCase()).contains(key.kid().orElseThrow().toLowerCase()).contains("privatekeyentry");

    assumeTrue(ExternalTools.hasOpenssl(), "openssl is not on PATH: OpenSSL half of the interop test skipped");
    String pem = ExternalTools.runOk(List.of("openssl", "pkcs12", "-in", file.toString(), "-nodes",
        "-passin", "pass:" + new String(PASSWORD)));
    assertThat(pem).contains("-----BEGIN PRIVATE KEY-----").contains("-----BEGIN CERTIFICATE-----");
  }

  private static void assertSigns(PrivateJwk signingKey, PrivateJwk expectedKey, JwsAlgorithm alg) {
    String token = JwsSigner.of(signingKey, alg).signCompact(JwsHeader.builder().alg(alg).build(),
        "payload".getBytes(StandardCharsets.UTF_8));
    JwsVerifier.of(expectedKey.toPublicJwk(), alg).verify(CompactJws.parse(token));
  }
}
