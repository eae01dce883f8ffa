package dev.jwkit.benchmarks;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Raw JCA helpers shared by the floor and the fixture generator: no JOSE logic at all. */
public final class Jca {

  private Jca() {}

  /** A {@code Signature} ready to verify with {@code key}, from the given provider or the default one. */
  public static Signature verifier(Alg alg, PublicKey key, Optional<Provider> provider) {
    try {
      Signature signature = newSignature(alg.jcaName(), provider);
      if (alg.parameters().isPresent()) {
        signature.setParameter(alg.parameters().get());
      }
      signature.initVerify(key);
      return signature;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot prepare " + alg + " verification", e);
    }
  }

  /** A {@code Signature} ready to sign with {@code key}, drawing nonces from {@code random}. */
  public static Signature signer(Alg alg, PrivateKey key, Optional<Provider> provider, SecureRandom random) {
    try {
      Signature signature = newSignature(alg.jcaName(), provider);
      if (alg.parameters().isPresent()) {
        signature.setParameter(alg.parameters().get());
      }
      signature.initSign(key, random);
      return signature;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot prepare " + alg + " signing", e);
    }
  }

  /** A {@code Mac} ready to compute HMAC-SHA-256 tags with {@code secret}. */
  public static Mac mac(Alg alg, byte[] secret) {
    try {
      Mac mac = Mac.getInstance(alg.jcaName());
      mac.init(new SecretKeySpec(secret, alg.jcaName()));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot prepare " + alg, e);
    }
  }

  /** Signs {@code data} once with a fresh signer (setup-time use only). */
  public static byte[] sign(Alg alg, PrivateKey key, byte[] data, SecureRandom random) {
    try {
      Signature signature = signer(alg, key, Optional.empty(), random);
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with " + alg, e);
    }
  }

  /** Verifies {@code signature} over {@code data} once with a fresh verifier (setup-time use only). */
  public static boolean verify(Alg alg, PublicKey key, byte[] data, byte[] signature) {
    try {
      Signature verifier = verifier(alg, key, Optional.empty());
      verifier.update(data);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Checks an HMAC tag once (setup-time use only). */
  public static boolean verifyMac(Alg alg, byte[] secret, byte[] data, byte[] tag) {
    return MessageDigest.isEqual(mac(alg, secret).doFinal(data), tag);
  }

  private static Signature newSignature(String name, Optional<Provider> provider)
      throws GeneralSecurityException {
    return provider.isPresent() ? Signature.getInstance(name, provider.get()) : Signature.getInstance(name);
  }
}
