package dev.jwkit.jose.pem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.ErrorCode;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.assertj.core.api.AbstractThrowableAssert;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PemErrorsTest {

  static AbstractThrowableAssert<?, ? extends Throwable> assertCode(Executable call, ErrorCode code) {
    return assertThatThrownBy(call::execute)
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(code))
        .hasMessageStartingWith(code.id() + ": ");
  }

  static String armour(String label, byte[] der) {
    return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + label + "-----\n";
  }

  // ---------------------------------------------------------------- malformed text

  @Test
  void certificateTheJdkReadsButBouncyCastleCannot_isMalformedAsInput() throws Exception {
    // Found by PemFuzzTest: an extension that is a SET. It used to pass as input and end in an
    // IllegalArgumentException from Bouncy Castle when the leaf's key was read.
    String pem;
    try (var in = PemErrorsTest.class.getResourceAsStream(
        "PemFuzzTestInputs/parse/crash-1539a24e9406bdd9c0a4fc88e6d877ec71a13854")) {
      pem = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    assertCode(() -> JwkPem.readPublicJwk(pem), JoseError.MALFORMED_INPUT).hasMessageContaining("certificate");
  }

  @Test
  void readPublicKey_truncatedPem_isMalformed() {
    String pem = Pem.writePublicKey(TestKeys.EC_P256.keyPair().getPublic());
    String truncated = pem.substring(0, pem.length() / 2);

    assertCode(() -> Pem.readPublicKey(truncated), JoseError.MALFORMED_INPUT).hasMessageContaining("PEM block 1");
  }

  @Test
  void readPublicKey_missingEndLineOfSecondBlock_namesTheBlock() {
    String pem = Pem.writePublicKey(TestKeys.EC_P256.keyPair().getPublic());
    String text = Pem.writeCertificate(Fixtures.chain().leaf()) + pem.replace("-----END PUBLIC KEY-----\n", "");

    assertCode(() -> Pem.parse(text), JoseError.MALFORMED_INPUT).hasMessageContaining("PEM block 2");
  }

  @Test
  void readPublicKey_garbledBase64_isMalformed() {
    String pem = Pem.writePublicKey(TestKeys.EC_P256.keyPair().getPublic());
    String garbled = pem.replaceFirst("\n(.)", "\n!*");

    assertCode(() -> Pem.readPublicKey(garbled), JoseError.MALFORMED_INPUT);
  }

  @Test
  void readPublicKey_corruptedDer_isMalformedAndNamesTheStructure() {
    byte[] der = TestKeys.EC_P256.keyPair().getPublic().getEncoded();
    byte[] cut = java.util.Arrays.copyOf(der, der.length - 10);

    assertCode(() -> Pem.readPublicKey(armour("PUBLIC KEY", cut)), JoseError.MALFORMED_INPUT)
        .hasMessageContaining("PEM block 1 (PUBLIC KEY)")
        .hasMessageContaining("SubjectPublicKeyInfo");
  }

  @Test
  void readPublicKey_trailingGarbageInDer_isMalformed() {
    byte[] der = TestKeys.EC_P256.keyPair().getPublic().getEncoded();
    byte[] longer = java.util.Arrays.copyOf(der, der.length + 2);

    assertCode(() -> Der.readPublicKey(longer, PemType.PUBLIC_KEY), JoseError.MALFORMED_INPUT);
  }

  @Test
  void parse_noPemBlock_isMalformed() {
    assertCode(() -> Pem.parse("just some text"), JoseError.MALFORMED_INPUT).hasMessageContaining("no PEM block");
    assertCode(() -> Pem.parse(""), JoseError.MALFORMED_INPUT);
  }

  @Test
  void parse_emptyBlock_isMalformed() {
    assertCode(() -> Pem.parse("-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n"), JoseError.MALFORMED_INPUT);
  }

  @Test
  void parse_tooLongText_isTooLarge() {
    String huge = "x".repeat(Pem.MAX_INPUT_LENGTH + 1);

    assertCode(() -> Pem.parse(huge), JoseError.INPUT_TOO_LARGE);
  }

  // ---------------------------------------------------------------- wrong block types

  @Test
  void readPublicKey_privateKeyBlock_isWrongBlockType() {
    String pem = Pem.writePrivateKey(TestKeys.EC_P256.keyPair().getPrivate());

    assertCode(() -> Pem.readPublicKey(pem), JoseError.MALFORMED_INPUT)
        .hasMessageContaining("PEM block 1 (PRIVATE KEY): expected a public key");
  }

  @Test
  void readKeyPair_certificateBlock_isWrongBlockType() {
    String pem = Pem.writeCertificate(Fixtures.chain().leaf());

    assertCode(() -> Pem.readKeyPair(pem), JoseError.MALFORMED_INPUT)
        .hasMessageContaining("PEM block 1 (CERTIFICATE): expected a private key");
  }

  @Test
  void readKeyPair_wrongTypeIsReportedBeforeAnyPassword() {
    String pem = Fixtures.encryptedEcKey() + Pem.writeCertificate(Fixtures.chain().leaf());

    assertCode(() -> Pem.readKeyPair(pem), JoseError.MALFORMED_INPUT).hasMessageContaining("PEM block 2 (CERTIFICATE)");
  }

  @Test
  void readCertificates_keyBlockAmongCertificates_namesTheBlock() {
    String pem = Pem.writeCertificate(Fixtures.chain().leaf()) + Pem.writePublicKey(TestKeys.EC_P256.keyPair().getPublic());

    assertCode(() -> Pem.readCertificates(pem), JoseError.MALFORMED_INPUT).hasMessageContaining("PEM block 2 (PUBLIC KEY)");
  }

  @Test
  void readPublicKey_twoBlocks_isRefused() {
    String pem = Pem.writePublicKey(TestKeys.EC_P256.keyPair().getPublic()) + Pem.writePublicKey(TestKeys.ED25519.keyPair().getPublic());

    assertCode(() -> Pem.readPublicKey(pem), JoseError.MALFORMED_INPUT).hasMessageContaining("found 2");
  }

  @Test
  void parse_unknownBlockType_isMalformed() {
    String pem = armour("X509 CRL", new byte[] {0x30, 0x00});

    assertCode(() -> Pem.parse(pem), JoseError.MALFORMED_INPUT).hasMessageContaining("unsupported type 'X509 CRL'");
  }

  @Test
  void readPublicKey_spkiUnderRsaPublicKeyLabel_isMalformed() {
    String pem = armour("RSA PUBLIC KEY", TestKeys.RSA_2048.keyPair().getPublic().getEncoded());

    assertCode(() -> Pem.readPublicKey(pem), JoseError.MALFORMED_INPUT).hasMessageContaining("PKCS#1 RSAPublicKey");
  }

  @Test
  void readKeyPair_pkcs8UnderEcPrivateKeyLabel_isMalformed() {
    String pem = armour("EC PRIVATE KEY", TestKeys.EC_P256.keyPair().getPrivate().getEncoded());

    assertCode(() -> Pem.readKeyPair(pem), JoseError.MALFORMED_INPUT).hasMessageContaining("PEM block 1 (EC PRIVATE KEY)");
  }

  // ---------------------------------------------------------------- unsupported keys

  @Test
  void readPublicKey_dsaKey_isUnsupported() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("DSA");
    generator.initialize(2048);
    KeyPair dsa = generator.generateKeyPair();

    assertCode(() -> Pem.readPublicKey(armour("PUBLIC KEY", dsa.getPublic().getEncoded())), JoseError.UNSUPPORTED_KEY)
        .hasMessageContaining("OID 1.2.840.10040.4.1");
    assertCode(() -> Pem.readKeyPair(armour("PRIVATE KEY", dsa.getPrivate().getEncoded())), JoseError.UNSUPPORTED_KEY);
    assertCode(() -> Pem.writePublicKey(dsa.getPublic()), JoseError.UNSUPPORTED_KEY);
  }

  @Test
  void readPublicKey_unsupportedCurve_isUnsupported() throws Exception {
    X9ECParameters p224 = ECNamedCurveTable.getByName("P-224");
    byte[] point = p224.getG().getEncoded(false);
    byte[] spki = new SubjectPublicKeyInfo(
        new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp224r1), point)
        .getEncoded();

    assertCode(() -> Der.readPublicKey(spki, PemType.PUBLIC_KEY), JoseError.UNSUPPORTED_KEY).hasMessageContaining("curve");
  }

  @Test
  void readPublicKey_explicitCurveParameters_isUnsupported() throws Exception {
    X9ECParameters p256 = ECNamedCurveTable.getByName("P-256");
    byte[] point = TestKeys.EC_P256.keyPair().getPublic().getEncoded();
    byte[] raw = SubjectPublicKeyInfo.getInstance(point).getPublicKeyData().getBytes();
    byte[] spki = new SubjectPublicKeyInfo(
        new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, new X962Parameters(p256)), raw).getEncoded();

    assertCode(() -> Der.readPublicKey(spki, PemType.PUBLIC_KEY), JoseError.UNSUPPORTED_KEY)
        .hasMessageContaining("explicit curve parameters");
  }

  @Test
  void readPublicKey_rsaPssKey_isUnsupported() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSASSA-PSS");
    generator.initialize(2048);

    assertCode(() -> Der.readPublicKey(generator.generateKeyPair().getPublic().getEncoded(), PemType.PUBLIC_KEY),
        JoseError.UNSUPPORTED_KEY).hasMessageContaining("RSASSA-PSS");
  }

  // ---------------------------------------------------------------- invalid keys (attacks)

  @Test
  void ecPublicKeyOffTheCurve_isRejected() throws Exception {
    byte[] spki = TestKeys.EC_P256.keyPair().getPublic().getEncoded();
    SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(spki);
    byte[] point = info.getPublicKeyData().getBytes();
    point[point.length - 1] ^= 1;
    byte[] invalid = new SubjectPublicKeyInfo(info.getAlgorithm(), point).getEncoded();

    assertCode(() -> Der.readPublicKey(invalid, PemType.PUBLIC_KEY), JoseError.INVALID_KEY).hasMessageContaining("not on the curve");
  }

  @Test
  void ecPublicKeyAtInfinity_isRejected() throws Exception {
    byte[] spki = TestKeys.EC_P256.keyPair().getPublic().getEncoded();
    SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(spki);
    byte[] invalid = new SubjectPublicKeyInfo(info.getAlgorithm(), new byte[] {0}).getEncoded();

    assertCode(() -> Der.readPublicKey(invalid, PemType.PUBLIC_KEY), JoseError.INVALID_KEY);
  }

  @Test
  void sec1WithForeignPublicKey_isRejected() throws Exception {
    byte[] sec1 = Der.encodePrivateKey(TestKeys.EC_P256.keyPair().getPrivate(), PemType.EC_PRIVATE_KEY);
    byte[] other = Der.encodePrivateKey(TestKeys.EC_P256.fresh().getPrivate(), PemType.EC_PRIVATE_KEY);
    ECPrivateKey mine = ECPrivateKey.getInstance(sec1);
    ECPrivateKey theirs = ECPrivateKey.getInstance(other);
    byte[] spliced = new ECPrivateKey(256, mine.getKey(), theirs.getPublicKey(), mine.getParametersObject()).getEncoded();

    assertCode(() -> Der.readKeyPair(spliced, PemType.EC_PRIVATE_KEY), JoseError.INVALID_KEY)
        .hasMessageContaining("does not match the private key");
  }

  @Test
  void ecPrivateScalarOutOfRange_isRejected() throws Exception {
    X9ECParameters p256 = ECNamedCurveTable.getByName("P-256");
    byte[] sec1 = new ECPrivateKey(256, p256.getN(), org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp256r1).getEncoded();

    assertCode(() -> Der.readKeyPair(sec1, PemType.EC_PRIVATE_KEY), JoseError.INVALID_KEY).hasMessageContaining("out of range");
  }

  @Test
  void sec1WithoutCurve_isMalformed() throws Exception {
    byte[] sec1 = new ECPrivateKey(256, java.math.BigInteger.TEN).getEncoded();

    assertCode(() -> Der.readKeyPair(sec1, PemType.EC_PRIVATE_KEY), JoseError.MALFORMED_INPUT).hasMessageContaining("curve");
  }

  @Test
  void ed25519PublicKeyOfWrongLength_isRejected() throws Exception {
    SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(TestKeys.ED25519.keyPair().getPublic().getEncoded());
    byte[] invalid = new SubjectPublicKeyInfo(info.getAlgorithm(), new byte[31]).getEncoded();

    assertCode(() -> Der.readPublicKey(invalid, PemType.PUBLIC_KEY), JoseError.INVALID_KEY);
  }

  @Test
  void hugeRsaModulus_isRefused() throws Exception {
    java.math.BigInteger modulus = java.math.BigInteger.ONE.shiftLeft(20000).add(java.math.BigInteger.ONE);
    byte[] pkcs1 = new org.bouncycastle.asn1.pkcs.RSAPublicKey(modulus, java.math.BigInteger.valueOf(65537)).getEncoded();

    assertCode(() -> Der.readPublicKey(pkcs1, PemType.RSA_PUBLIC_KEY), JoseError.UNSUPPORTED_KEY);
  }

  @Test
  void encryptedKeyWithHugeIterationCount_isRejectedBeforeDecrypting() throws Exception {
    EncryptedPrivateKeyInfo original = EncryptedPrivateKeyInfo.getInstance(
        Der.encodeEncryptedPrivateKey(TestKeys.EC_P256.keyPair().getPrivate(), "pw".toCharArray()));
    PBES2Parameters pbes2 = PBES2Parameters.getInstance(original.getEncryptionAlgorithm().getParameters());
    PBKDF2Params kdf = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
    PBKDF2Params hostile = new PBKDF2Params(kdf.getSalt(), Integer.MAX_VALUE, kdf.getPrf());
    PBES2Parameters hostilePbes2 = new PBES2Parameters(
        new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, hostile), pbes2.getEncryptionScheme());
    byte[] der = new EncryptedPrivateKeyInfo(
        new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, hostilePbes2), original.getEncryptedData()).getEncoded();

    long start = System.nanoTime();
    assertCode(() -> Pem.readKeyPair(armour("ENCRYPTED PRIVATE KEY", der), "pw".toCharArray()), JoseError.INPUT_TOO_LARGE);
    assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
  }

  @Test
  void garbledEncryptedKey_isMalformed() {
    assertCode(() -> Pem.readKeyPair(armour("ENCRYPTED PRIVATE KEY", new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}), "pw".toCharArray()),
        JoseError.MALFORMED_INPUT);
  }
}
