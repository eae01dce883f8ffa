package dev.jwkit.jose.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SignatureEngineTest {

  private static final byte[] DATA = "header.payload".getBytes(StandardCharsets.US_ASCII);

  @Test
  void jdkEd25519_forgedThenValid_sameEngineStillWorks() throws Exception {
    // JDK 17 quirk (SECURITY.md §7): after SunEC's Ed25519 verify throws ("s is too large"), the same
    // Signature fails the next verification. The engine drops an instance that threw, so this holds even
    // with the JDK provider (the production choice is Bouncy Castle, see CryptoProviders).
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(pair.getPrivate());
    signer.update(DATA);
    byte[] valid = signer.sign();
    SignatureEngine engine = new SignatureEngine("Ed25519", null, null, pair.getPublic(), false, 64, null, 0);
    byte[] forged = new byte[64];
    Arrays.fill(forged, 32, 64, (byte) 0xFF);
    for (int i = 0; i < 5; i++) {
      assertThat(engine.verify(DATA, 0, DATA.length, forged)).isFalse();
      assertThat(engine.verify(DATA, 0, DATA.length, valid)).isTrue();
    }
  }

  @Test
  void verify_manyThreads_allAgreeAndPoolStaysBounded() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    JcaSigner signer = JcaEngines.signer(JwsAlgorithm.ES256, pair.getPrivate(), false);
    JcaVerifier verifier = JcaEngines.verifier(JwsAlgorithm.ES256, pair.getPublic(), false);
    byte[] signature = signer.sign(DATA, 0, DATA.length);
    byte[] wrong = signature.clone();
    wrong[5] ^= 1;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        boolean good = i % 3 != 0;
        results.add(pool.submit(() -> verifier.verify(DATA, 0, DATA.length, good ? signature : wrong) == good));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(((SignatureEngine) verifier).pooled()).isBetween(1, 64);
  }

  @Test
  void instancePool_takesAndReleasesWithoutLosingInstances() {
    int[] created = {0};
    InstancePool<Object> pool = new InstancePool<>(() -> {
      created[0]++;
      return new Object();
    }, 4);
    Object a = pool.take();
    Object b = pool.take();
    assertThat(created[0]).isEqualTo(2);
    pool.release(a);
    pool.release(b);
    assertThat(pool.size()).isEqualTo(2);
    assertThat(pool.take()).isIn(a, b);
    for (int i = 0; i < 10; i++) {
      pool.release(new Object());
    }
    assertThat(pool.size()).isEqualTo(4);
  }

  @Test
  void ecdsaRangeCheck_edgeValues() {
    BigInteger n = JcaEngines.ecParameters(Curve.P_256).getOrder();
    assertThat(EcdsaSignatures.isWellFormed(rs(BigInteger.ONE, BigInteger.ONE), 32, n)).isTrue();
    assertThat(EcdsaSignatures.isWellFormed(rs(n.subtract(BigInteger.ONE), n.subtract(BigInteger.ONE)), 32, n)).isTrue();
    assertThat(EcdsaSignatures.isWellFormed(rs(BigInteger.ZERO, BigInteger.ONE), 32, n)).isFalse();
    assertThat(EcdsaSignatures.isWellFormed(rs(BigInteger.ONE, n), 32, n)).isFalse();
    assertThat(EcdsaSignatures.isWellFormed(new byte[63], 32, n)).isFalse();
  }

  @Test
  void derConversion_roundTripsAndRejectsLaxEncodings() {
    byte[] rs = rs(new BigInteger("80", 16), BigInteger.ONE); // r needs a leading zero byte in DER
    byte[] der = EcdsaSignatures.p1363ToDer(rs);
    assertThat(der).startsWith(0x30, 7, 0x02, 2, 0x00, 0x80, 0x02, 1, 1);
    assertThat(EcdsaSignatures.derToP1363(der, 32)).isEqualTo(rs);
    byte[] nonMinimal = {0x30, 7, 0x02, 2, 0x00, 0x01, 0x02, 1, 1};
    assertThatThrownBy(() -> EcdsaSignatures.derToP1363(nonMinimal, 32))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(JoseError.MALFORMED_INPUT));
    byte[] trailing = Arrays.copyOf(der, der.length + 1);
    assertThatThrownBy(() -> EcdsaSignatures.derToP1363(trailing, 32)).isInstanceOf(JwkitException.class);
    byte[] negative = {0x30, 6, 0x02, 1, (byte) 0x80, 0x02, 1, 1};
    assertThatThrownBy(() -> EcdsaSignatures.derToP1363(negative, 32)).isInstanceOf(JwkitException.class);
  }

  @Test
  void engines_refuseKeysOfAnotherFamily() throws Exception {
    KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    assertThatThrownBy(() -> JcaEngines.verifier(JwsAlgorithm.ES256, rsa.getPublic(), false))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(JoseError.KEY_MISMATCH));
    assertThatThrownBy(() -> JcaEngines.verifier(JwsAlgorithm.Ed448, ed.getPublic(), false))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(JoseError.KEY_MISMATCH));
    assertThatThrownBy(() -> JcaEngines.verifier(JwsAlgorithm.RS256, rsa.getPrivate(), false))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(JoseError.KEY_MISMATCH));
  }

  @Test
  void ecdsaSigning_rfc6979A25_isDeterministic() throws Exception {
    // RFC 6979 A.2.5: P-256, SHA-256, message "sample".
    java.security.spec.ECParameterSpec params = JcaEngines.ecParameters(Curve.P_256);
    java.security.PrivateKey key = java.security.KeyFactory.getInstance("EC").generatePrivate(
        new java.security.spec.ECPrivateKeySpec(
            new BigInteger("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721", 16), params));
    byte[] message = "sample".getBytes(StandardCharsets.US_ASCII);
    byte[] signature = JcaEngines.signer(JwsAlgorithm.ES256, key, false).sign(message, 0, message.length);
    assertThat(java.util.HexFormat.of().withUpperCase().formatHex(signature)).isEqualTo(
        "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716"
            + "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8");
    byte[] test = "test".getBytes(StandardCharsets.US_ASCII);
    assertThat(java.util.HexFormat.of().withUpperCase().formatHex(
        JcaEngines.signer(JwsAlgorithm.ES256, key, false).sign(test, 0, test.length))).isEqualTo(
        "F1ABB023518351CD71D881567B1EA663ED3EFCF6C5132B354F28D3B0B7D38367"
            + "019F4113742A2B14BD25926B49C649155F267E60D3814B4C0CC84250E46F0083");
  }

  @Test
  void ecdsaSigning_everyCurve_roundTrips() throws Exception {
    for (JwsAlgorithm alg : List.of(JwsAlgorithm.ES256, JwsAlgorithm.ES384, JwsAlgorithm.ES512, JwsAlgorithm.ES256K)) {
      Curve curve = alg.curves().iterator().next();
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", CryptoProviders.bouncyCastle());
      generator.initialize(new ECGenParameterSpec(curve.jcaName()));
      KeyPair pair = generator.generateKeyPair();
      for (int i = 0; i < 20; i++) {
        byte[] data = ("message " + i).getBytes(StandardCharsets.US_ASCII);
        byte[] signature = JcaEngines.signer(alg, pair.getPrivate(), false).sign(data, 0, data.length);
        assertThat(signature).hasSize(2 * curve.coordinateLength());
        assertThat(JcaEngines.verifier(alg, pair.getPublic(), false).verify(data, 0, data.length, signature)).isTrue();
      }
    }
  }

  private static byte[] rs(BigInteger r, BigInteger s) {
    byte[] out = new byte[64];
    byte[] rb = r.toByteArray();
    byte[] sb = s.toByteArray();
    int rl = Math.min(rb.length, 32);
    int sl = Math.min(sb.length, 32);
    System.arraycopy(rb, rb.length - rl, out, 32 - rl, rl);
    System.arraycopy(sb, sb.length - sl, out, 64 - sl, sl);
    return out;
  }
}
