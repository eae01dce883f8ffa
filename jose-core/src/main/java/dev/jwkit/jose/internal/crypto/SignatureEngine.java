package dev.jwkit.jose.internal.crypto;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.AlgorithmParameterSpec;
import org.jspecify.annotations.Nullable;

/**
 * Signatures (RSA PKCS#1 v1.5, RSA-PSS, ECDSA in R‖S form, EdDSA) on a JCA {@link Signature}, with a
 * lock-free pool of initialised instances.
 *
 * <p>Verification checks the signature length and, for ECDSA, the range of {@code r} and {@code s}
 * before any JCA call. A {@code Signature} whose operation threw is discarded, never reused.
 */
final class SignatureEngine implements JcaEngine {

  private final String jcaName;
  private final @Nullable Provider provider;
  private final @Nullable AlgorithmParameterSpec parameters;
  private final Key key;
  private final boolean signing;
  private final int signatureLength;
  private final @Nullable BigInteger ecOrder;
  private final int ecCoordinateLength;
  private final InstancePool<Signature> pool;

  /**
   * @param signatureLength the exact length of a valid signature, or -1 if not fixed
   * @param ecOrder the curve order for ECDSA range checks, or null
   */
  SignatureEngine(String jcaName, @Nullable Provider provider, @Nullable AlgorithmParameterSpec parameters,
      Key key, boolean signing, int signatureLength, @Nullable BigInteger ecOrder, int ecCoordinateLength) {
    this.jcaName = jcaName;
    this.provider = provider;
    this.parameters = parameters;
    this.key = key;
    this.signing = signing;
    this.signatureLength = signatureLength;
    this.ecOrder = ecOrder;
    this.ecCoordinateLength = ecCoordinateLength;
    Signature first = newSignature();
    this.pool = new InstancePool<>(this::newSignature);
    pool.release(first);
  }

  private Signature newSignature() {
    try {
      Signature signature = provider == null ? Signature.getInstance(jcaName) : Signature.getInstance(jcaName, provider);
      if (signing) {
        signature.initSign((PrivateKey) key);
      } else {
        signature.initVerify((PublicKey) key);
      }
      if (parameters != null) {
        signature.setParameter(parameters);
      }
      return signature;
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new JwkitException(JoseError.KEY_MISMATCH, "the key cannot be used with " + jcaName, e);
    }
  }

  @Override
  public boolean verify(byte[] data, int offset, int length, byte[] signature) {
    if (signing) {
      throw new IllegalStateException("a signing engine does not verify");
    }
    if (signatureLength >= 0 && signature.length != signatureLength) {
      return false;
    }
    if (ecOrder != null && !EcdsaSignatures.isWellFormed(signature, ecCoordinateLength, ecOrder)) {
      return false;
    }
    Signature instance = pool.take();
    boolean valid;
    try {
      instance.update(data, offset, length);
      valid = instance.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      // The instance may be in an unknown state (JDK 17 Ed25519): drop it.
      return false;
    }
    pool.release(instance);
    return valid;
  }

  @Override
  public byte[] sign(byte[] data, int offset, int length) {
    if (!signing) {
      throw new IllegalStateException("a verifying engine does not sign");
    }
    Signature instance = pool.take();
    byte[] result;
    try {
      instance.update(data, offset, length);
      result = instance.sign();
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new JwkitException(JoseError.SIGNING_FAILED, "signing with " + jcaName + " failed", e);
    }
    pool.release(instance);
    if (signatureLength >= 0 && result.length != signatureLength) {
      throw new JwkitException(JoseError.SIGNING_FAILED, "the provider produced a signature of unexpected length");
    }
    return result;
  }

  /** The number of pooled instances (for tests). */
  int pooled() {
    return pool.size();
  }
}
