package dev.jwkit.jose.pem;

import static dev.jwkit.jose.pem.PemFuzzTest.attempt;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

/**
 * Jazzer fuzz target for DER and {@code x5c}: the first byte of the input picks the reader ({@link
 * Der#readPublicKey} as SPKI or PKCS#1, {@link Der#readKeyPair} as PKCS#8, PKCS#1 or SEC1, {@link
 * Der#readCertificate}, or {@link CertificateChain#fromX5c} of the comma-separated rest), the rest is its
 * input. Each ends in a value or a {@code JwkitException} with a jose-core code; anything else is a crash.
 * A key or certificate reads back equal from its own encoding. Encrypted PKCS#8 is left out, as in {@link
 * PemFuzzTest}.
 *
 * <p>Regression inputs: {@code DerFuzzTestInputs/read/}; fuzzing: {@code fuzz/run DerFuzzTest}.
 */
class DerFuzzTest {

  private static final PemType[] PUBLIC = {PemType.PUBLIC_KEY, PemType.RSA_PUBLIC_KEY};
  private static final PemType[] PRIVATE = {PemType.PRIVATE_KEY, PemType.RSA_PRIVATE_KEY, PemType.EC_PRIVATE_KEY};

  @FuzzTest
  void read(byte[] input) {
    if (input.length == 0) {
      return;
    }
    int selector = (input[0] & 0xFF) % 7;
    byte[] der = Arrays.copyOfRange(input, 1, input.length);
    if (selector < 2) {
      PemType type = PUBLIC[selector];
      PublicKey key = attempt(() -> Der.readPublicKey(der, type));
      if (key != null) {
        assertThat(Der.readPublicKey(Der.encodePublicKey(key, PemType.PUBLIC_KEY), PemType.PUBLIC_KEY)).isEqualTo(key);
      }
    } else if (selector < 5) {
      PemType type = PRIVATE[selector - 2];
      KeyPair pair = attempt(() -> Der.readKeyPair(der, type));
      if (pair != null) {
        KeyPair again = Der.readKeyPair(Der.encodePrivateKey(pair.getPrivate(), PemType.PRIVATE_KEY), PemType.PRIVATE_KEY);
        assertThat(again.getPublic()).isEqualTo(pair.getPublic());
      }
    } else if (selector == 5) {
      X509Certificate certificate = attempt(() -> Der.readCertificate(der));
      if (certificate != null) {
        assertThat(Der.readCertificate(Der.encodeCertificate(certificate))).isEqualTo(certificate);
      }
    } else {
      List<String> x5c = Arrays.asList(new String(der, StandardCharsets.UTF_8).split(",", -1));
      CertificateChain chain = attempt(() -> CertificateChain.fromX5c(x5c));
      if (chain != null) {
        assertThat(chain.toX5c()).isEqualTo(x5c);
      }
    }
  }
}
