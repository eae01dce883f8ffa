package dev.jwkit.jose.pem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.internal.jwk.BouncyCastle;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PemTest {

  static byte[] pkcs8(PrivateKey key) {
    return Der.encodePrivateKey(key, PemType.PRIVATE_KEY);
  }

  static void assertSameKeyPair(KeyPair actual, KeyPair expected) {
    assertThat(actual.getPublic().getEncoded()).isEqualTo(Der.encodePublicKey(expected.getPublic(), PemType.PUBLIC_KEY));
    assertThat(pkcs8(actual.getPrivate())).isEqualTo(pkcs8(expected.getPrivate()));
  }

  @ParameterizedTest
  @EnumSource(TestKeys.class)
  void writePublicKey_spki_readsBackTheSameKey(TestKeys kind) {
    PublicKey key = kind.keyPair().getPublic();

    String pem = Pem.writePublicKey(key);

    assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
    assertThat(Pem.readPublicKey(pem).getEncoded()).isEqualTo(key.getEncoded());
  }

  @ParameterizedTest
  @EnumSource(TestKeys.class)
  void writePrivateKey_pkcs8_readsBackTheSameKeyPair(TestKeys kind) {
    KeyPair pair = kind.keyPair();

    String pem = Pem.writePrivateKey(pair.getPrivate());

    assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertSameKeyPair(Pem.readKeyPair(pem), pair);
  }

  @ParameterizedTest
  @EnumSource(TestKeys.class)
  void der_spkiAndPkcs8_roundTrip(TestKeys kind) {
    KeyPair pair = kind.keyPair();

    byte[] spki = Der.encodePublicKey(pair.getPublic(), PemType.PUBLIC_KEY);
    byte[] pkcs8 = Der.encodePrivateKey(pair.getPrivate(), PemType.PRIVATE_KEY);

    assertThat(Der.readPublicKey(spki, PemType.PUBLIC_KEY).getEncoded()).isEqualTo(spki);
    assertSameKeyPair(Der.readKeyPair(pkcs8, PemType.PRIVATE_KEY), pair);
  }

  @ParameterizedTest
  @EnumSource(TestKeys.class)
  void readKeyPair_derivesThePublicKeyOfTheGeneratedPair(TestKeys kind) {
    KeyPair pair = kind.keyPair();

    KeyPair read = Pem.readKeyPair(Pem.writePrivateKey(pair.getPrivate()));

    assertThat(read.getPublic().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
  }

  @ParameterizedTest
  @EnumSource(value = TestKeys.class, names = {"EC_P256", "EC_P384", "EC_P521", "EC_SECP256K1"})
  void ecKeys_areJcaEcKeys(TestKeys kind) {
    KeyPair read = Pem.readKeyPair(Pem.writePrivateKey(kind.keyPair().getPrivate()));

    assertThat(read.getPublic()).isInstanceOf(ECPublicKey.class);
    assertThat(read.getPrivate()).isInstanceOf(ECPrivateKey.class);
  }

  @Test
  void jdkKeys_comeFromTheJdk_secp256k1FromBouncyCastle() {
    assertThat(Pem.readKeyPair(Pem.writePrivateKey(TestKeys.EC_P256.keyPair().getPrivate())).getPrivate().getClass().getName())
        .startsWith("sun.");
    assertThat(Pem.readPublicKey(Pem.writePublicKey(TestKeys.ED25519.keyPair().getPublic())).getClass().getName())
        .startsWith("sun.");
    assertThat(Pem.readPublicKey(Pem.writePublicKey(TestKeys.EC_SECP256K1.keyPair().getPublic())).getClass().getName())
        .startsWith("org.bouncycastle.");
  }

  // ---------------------------------------------------------------- PKCS#1

  @Test
  void writePublicKey_pkcs1_readsBackTheSameKey() {
    RSAPublicKey key = (RSAPublicKey) TestKeys.RSA_2048.keyPair().getPublic();

    String pem = Pem.writePublicKey(key, PemType.RSA_PUBLIC_KEY);

    assertThat(pem).startsWith("-----BEGIN RSA PUBLIC KEY-----\n");
    RSAPublicKey read = (RSAPublicKey) Pem.readPublicKey(pem);
    assertThat(read.getModulus()).isEqualTo(key.getModulus());
    assertThat(read.getPublicExponent()).isEqualTo(key.getPublicExponent());
    assertThat(read.getEncoded()).isEqualTo(key.getEncoded());
  }

  @Test
  void writePrivateKey_pkcs1_readsBackTheSameKeyPair() {
    KeyPair pair = TestKeys.RSA_2048.keyPair();

    String pem = Pem.writePrivateKey(pair.getPrivate(), PemType.RSA_PRIVATE_KEY);

    assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
    KeyPair read = Pem.readKeyPair(pem);
    assertSameKeyPair(read, pair);
    assertThat(read.getPrivate()).isInstanceOf(RSAPrivateCrtKey.class);
  }

  @Test
  void pkcs1_pkcs8_spki_agree() {
    KeyPair pair = TestKeys.RSA_2048.keyPair();
    byte[] pkcs1Private = Der.encodePrivateKey(pair.getPrivate(), PemType.RSA_PRIVATE_KEY);
    byte[] pkcs8 = Der.encodePrivateKey(pair.getPrivate(), PemType.PRIVATE_KEY);
    byte[] pkcs1Public = Der.encodePublicKey(pair.getPublic(), PemType.RSA_PUBLIC_KEY);
    byte[] spki = Der.encodePublicKey(pair.getPublic(), PemType.PUBLIC_KEY);

    KeyPair fromPkcs1 = Der.readKeyPair(pkcs1Private, PemType.RSA_PRIVATE_KEY);
    KeyPair fromPkcs8 = Der.readKeyPair(pkcs8, PemType.PRIVATE_KEY);

    assertSameKeyPair(fromPkcs1, fromPkcs8);
    assertThat(fromPkcs1.getPublic().getEncoded()).isEqualTo(spki);
    assertThat(Der.readPublicKey(pkcs1Public, PemType.RSA_PUBLIC_KEY).getEncoded()).isEqualTo(spki);
    assertThat(Der.encodePublicKey(fromPkcs8.getPublic(), PemType.RSA_PUBLIC_KEY)).isEqualTo(pkcs1Public);
    assertThat(Der.encodePrivateKey(fromPkcs8.getPrivate(), PemType.RSA_PRIVATE_KEY)).isEqualTo(pkcs1Private);
  }

  @ParameterizedTest
  @EnumSource(value = TestKeys.class, mode = EnumSource.Mode.EXCLUDE, names = "RSA_2048")
  void pkcs1_nonRsaKey_isUnsupported(TestKeys kind) {
    KeyPair pair = kind.keyPair();

    assertThatThrownBy(() -> Pem.writePublicKey(pair.getPublic(), PemType.RSA_PUBLIC_KEY))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(JoseError.UNSUPPORTED_KEY));
    assertThatThrownBy(() -> Pem.writePrivateKey(pair.getPrivate(), PemType.RSA_PRIVATE_KEY))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(JoseError.UNSUPPORTED_KEY));
  }

  // ---------------------------------------------------------------- SEC1

  @ParameterizedTest
  @EnumSource(value = TestKeys.class, names = {"EC_P256", "EC_P384", "EC_P521", "EC_SECP256K1"})
  void writePrivateKey_sec1_readsBackTheSameKeyPair(TestKeys kind) {
    KeyPair pair = kind.keyPair();

    String pem = Pem.writePrivateKey(pair.getPrivate(), PemType.EC_PRIVATE_KEY);

    assertThat(pem).startsWith("-----BEGIN EC PRIVATE KEY-----\n");
    assertSameKeyPair(Pem.readKeyPair(pem), pair);
    byte[] der = Der.encodePrivateKey(pair.getPrivate(), PemType.EC_PRIVATE_KEY);
    assertSameKeyPair(Der.readKeyPair(der, PemType.EC_PRIVATE_KEY), pair);
    org.bouncycastle.asn1.sec.ECPrivateKey sec1 = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(der);
    assertThat(sec1.getPublicKey()).as("SEC1 carries the public key").isNotNull();
    assertThat(sec1.getParametersObject()).as("SEC1 carries the named curve").isNotNull();
  }

  @ParameterizedTest
  @EnumSource(value = TestKeys.class, names = {"EC_P256", "EC_P521", "EC_SECP256K1"})
  void readKeyPair_sec1WithoutPublicKey_derivesIt(TestKeys kind) throws Exception {
    KeyPair pair = kind.keyPair();
    org.bouncycastle.asn1.sec.ECPrivateKey full = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(
        Der.encodePrivateKey(pair.getPrivate(), PemType.EC_PRIVATE_KEY));
    byte[] withoutPublic = new org.bouncycastle.asn1.sec.ECPrivateKey(
        kind == TestKeys.EC_P521 ? 521 : 256, full.getKey(), full.getParametersObject()).getEncoded(ASN1Encoding.DER);

    KeyPair read = Der.readKeyPair(withoutPublic, PemType.EC_PRIVATE_KEY);

    assertSameKeyPair(read, pair);
  }

  @ParameterizedTest
  @EnumSource(value = TestKeys.class, names = {"RSA_2048", "ED25519", "X25519"})
  void sec1_nonEcKey_isUnsupported(TestKeys kind) {
    assertThatThrownBy(() -> Pem.writePrivateKey(kind.keyPair().getPrivate(), PemType.EC_PRIVATE_KEY))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(JoseError.UNSUPPORTED_KEY));
  }

  // ---------------------------------------------------------------- PKCS#8 v2 (OneAsymmetricKey with public key)

  @Test
  void readKeyPair_pkcs8v2WithMatchingPublicKey_isAccepted() throws Exception {
    KeyPair pair = TestKeys.ED25519.keyPair();
    PrivateKeyInfo v1 = PrivateKeyInfo.getInstance(pkcs8(pair.getPrivate()));
    byte[] rawPublic = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded())
        .getPublicKeyData().getOctets();
    byte[] v2 = new PrivateKeyInfo(v1.getPrivateKeyAlgorithm(), v1.parsePrivateKey(), null, rawPublic).getEncoded();

    assertSameKeyPair(Der.readKeyPair(v2, PemType.PRIVATE_KEY), pair);
  }

  @Test
  void readKeyPair_bouncyCastleKeys_areAccepted() throws Exception {
    for (TestKeys kind : EnumSet.of(TestKeys.ED25519, TestKeys.ED448, TestKeys.EC_P384, TestKeys.X448)) {
      KeyPair pair = kind.keyPair();
      PrivateKey bcKey = KeyFactory.getInstance(kind == TestKeys.EC_P384 ? "EC" : kind.name(), BouncyCastle.PROVIDER)
          .generatePrivate(new PKCS8EncodedKeySpec(pair.getPrivate().getEncoded()));

      assertSameKeyPair(Pem.readKeyPair(Pem.writePrivateKey(bcKey)), pair);
    }
  }

  // ---------------------------------------------------------------- encrypted PKCS#8

  @ParameterizedTest
  @EnumSource(value = TestKeys.class, names = {"RSA_2048", "EC_P256", "ED25519"})
  void writeEncryptedPrivateKey_rightPassword_readsBack(TestKeys kind) {
    KeyPair pair = kind.keyPair();
    char[] password = "correct horse".toCharArray();

    String pem = Pem.writeEncryptedPrivateKey(pair.getPrivate(), password);

    assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n");
    assertSameKeyPair(Pem.readKeyPair(pem, password), pair);
    assertThat(password).containsExactly("correct horse".toCharArray());
  }

  @Test
  void encryptedDer_roundTrip() {
    KeyPair pair = TestKeys.EC_SECP256K1.keyPair();
    char[] password = "pw".toCharArray();

    byte[] der = Der.encodeEncryptedPrivateKey(pair.getPrivate(), password);

    assertSameKeyPair(Der.readEncryptedKeyPair(der, password), pair);
  }

  @Test
  void readKeyPair_encryptedWithWrongPassword_isWrongPassword() {
    String pem = Fixtures.encryptedEcKey();

    assertThatThrownBy(() -> Pem.readKeyPair(pem, "wrong".toCharArray()))
        .isInstanceOfSatisfying(JwkitException.class, e -> {
          assertThat(e.code()).isEqualTo(JoseError.PEM_WRONG_PASSWORD);
          assertThat(e.code().id()).isEqualTo("pem.wrong_password");
          assertThat(e).hasMessageContaining("PEM block 1 (ENCRYPTED PRIVATE KEY)");
        });
  }

  @Test
  void readKeyPair_encryptedWithoutPassword_isPasswordRequired() {
    String pem = Fixtures.encryptedEcKey();

    assertThatThrownBy(() -> Pem.readKeyPair(pem))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(JoseError.PEM_PASSWORD_REQUIRED));
    assertThatThrownBy(() -> Pem.parse(pem))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(JoseError.PEM_PASSWORD_REQUIRED));
  }

  @Test
  void writeEncryptedPrivateKey_emptyPassword_isRefused() {
    assertThatThrownBy(() -> Pem.writeEncryptedPrivateKey(TestKeys.EC_P256.keyPair().getPrivate(), new char[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writePrivateKey_encryptedTypeWithoutPassword_isRefused() {
    assertThatThrownBy(() -> Pem.writePrivateKey(TestKeys.EC_P256.keyPair().getPrivate(), PemType.ENCRYPTED_PRIVATE_KEY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---------------------------------------------------------------- certificates and bundles

  @Test
  void readCertificates_chainOfThree_inOrder() {
    Fixtures.Chain chain = Fixtures.chain();
    String pem = Pem.writeCertificates(List.of(chain.leaf(), chain.intermediate(), chain.root()));

    List<java.security.cert.X509Certificate> read = Pem.readCertificates(pem);

    assertThat(read).containsExactly(chain.leaf(), chain.intermediate(), chain.root());
    assertThat(Der.readCertificate(Der.encodeCertificate(chain.leaf()))).isEqualTo(chain.leaf());
  }

  @Test
  void parse_mixedBundle_keyAndChain() {
    Fixtures.Chain chain = Fixtures.chain();
    String pem = "Bag Attributes: text outside blocks is ignored\n"
        + Pem.writePrivateKey(chain.leafKey().getPrivate(), PemType.EC_PRIVATE_KEY)
        + Pem.writeCertificates(List.of(chain.leaf(), chain.intermediate()))
        + Pem.writePublicKey(chain.rootKey().getPublic());

    PemBundle bundle = Pem.parse(pem);

    assertThat(bundle.keyPairs()).hasSize(1);
    assertSameKeyPair(bundle.keyPairs().get(0), chain.leafKey());
    assertThat(bundle.certificates()).containsExactly(chain.leaf(), chain.intermediate());
    assertThat(bundle.publicKeys()).hasSize(1);
    assertThat(bundle.certificateChain()).isPresent();
    bundle.certificateChain().orElseThrow().requireLeafKey(bundle.keyPairs().get(0).getPublic());
    assertThat(bundle.toString()).isEqualTo("PemBundle[keyPairs=1 (private keys redacted), publicKeys=1, certificates=2]");
  }

  @Test
  void parse_ecParametersBlock_isSkipped() {
    KeyPair pair = TestKeys.EC_P256.keyPair();
    String pem = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
        + Pem.writePrivateKey(pair.getPrivate(), PemType.EC_PRIVATE_KEY);

    assertSameKeyPair(Pem.readKeyPair(pem), pair);
  }

  @Test
  void parse_withPassword_decryptsAndReadsTheRest() {
    Fixtures.Chain chain = Fixtures.chain();
    char[] password = "pw".toCharArray();
    String pem = Pem.writeEncryptedPrivateKey(chain.leafKey().getPrivate(), password) + Pem.writeCertificate(chain.leaf());

    PemBundle bundle = Pem.parse(pem, password);

    assertSameKeyPair(bundle.keyPairs().get(0), chain.leafKey());
    assertThat(bundle.certificates()).containsExactly(chain.leaf());
  }

  @Test
  void pemOutput_isRfc7468Shaped() {
    String pem = Pem.writePublicKey(TestKeys.RSA_2048.keyPair().getPublic());
    String[] lines = pem.split("\n");

    assertThat(lines[0]).isEqualTo("-----BEGIN PUBLIC KEY-----");
    assertThat(lines[lines.length - 1]).isEqualTo("-----END PUBLIC KEY-----");
    assertThat(Arrays.copyOfRange(lines, 1, lines.length - 2)).allSatisfy(line -> assertThat(line).hasSize(64));
    assertThat(pem).doesNotContain("\r");
  }

  @Test
  void selfSignedCertificate_readsBackFromPem() {
    KeyPair pair = TestKeys.ED25519.keyPair();
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    var certificate = CertificateTemplate.builder().subject("CN=test").notBefore(now)
        .notAfter(now.plus(Duration.ofDays(1))).serialNumber(BigInteger.TEN).build().selfSign(pair);

    assertThat(Pem.readCertificates(Pem.writeCertificate(certificate))).containsExactly(certificate);
  }

  @Test
  void parse_windowsLineEndingsAndSurroundingText_areAccepted() {
    Fixtures.Chain chain = Fixtures.chain();
    String pem = ("subject=CN = Test Leaf\n" + Pem.writePrivateKey(chain.leafKey().getPrivate())
        + "\n\n" + Pem.writeCertificate(chain.leaf()) + "trailing comment\n").replace("\n", "\r\n");

    PemBundle bundle = Pem.parse(pem);

    assertSameKeyPair(bundle.keyPairs().get(0), chain.leafKey());
    assertThat(bundle.certificates()).containsExactly(chain.leaf());
  }

  @Test
  void readKeyPair_rsaWithoutCrtParameters_isUnsupported() throws Exception {
    java.security.interfaces.RSAPrivateCrtKey crt = (java.security.interfaces.RSAPrivateCrtKey) TestKeys.RSA_2048.keyPair().getPrivate();
    PrivateKey nonCrt = KeyFactory.getInstance("RSA").generatePrivate(
        new java.security.spec.RSAPrivateKeySpec(crt.getModulus(), crt.getPrivateExponent()));

    assertThatThrownBy(() -> Pem.writePrivateKey(nonCrt))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(JoseError.UNSUPPORTED_KEY));
  }
}
