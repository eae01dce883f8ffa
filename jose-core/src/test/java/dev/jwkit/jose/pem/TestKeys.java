package dev.jwkit.jose.pem;

import dev.jwkit.jose.internal.jwk.BouncyCastle;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Key pairs of every supported kind, generated once per test run. */
enum TestKeys {
  RSA_2048("RSA", null),
  EC_P256("EC", "secp256r1"),
  EC_P384("EC", "secp384r1"),
  EC_P521("EC", "secp521r1"),
  EC_SECP256K1("EC", "secp256k1"),
  ED25519("Ed25519", null),
  ED448("Ed448", null),
  X25519("X25519", null),
  X448("X448", null);

  private static final Map<TestKeys, KeyPair> CACHE = new ConcurrentHashMap<>();

  private final String algorithm;
  private final String curve;

  TestKeys(String algorithm, String curve) {
    this.algorithm = algorithm;
    this.curve = curve;
  }

  KeyPair keyPair() {
    return CACHE.computeIfAbsent(this, TestKeys::generate);
  }

  /** A fresh key pair, not the cached one. */
  KeyPair fresh() {
    return generate(this);
  }

  boolean isRsa() {
    return this == RSA_2048;
  }

  boolean isEc() {
    return name().startsWith("EC_");
  }

  boolean canSign() {
    return this != X25519 && this != X448;
  }

  private static KeyPair generate(TestKeys kind) {
    try {
      KeyPairGenerator generator;
      if (kind == EC_SECP256K1) {
        generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
      } else {
        generator = KeyPairGenerator.getInstance(kind.algorithm);
      }
      if (kind.curve != null) {
        generator.initialize(new ECGenParameterSpec(kind.curve));
      } else if (kind.isRsa()) {
        generator.initialize(2048);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
