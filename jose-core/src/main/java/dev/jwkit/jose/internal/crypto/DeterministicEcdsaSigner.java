package dev.jwkit.jose.internal.crypto;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.util.function.Supplier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;

/**
 * Deterministic ECDSA signing (RFC 6979) in the fixed-length {@code R‖S} form, on Bouncy Castle's
 * {@link ECDSASigner} with an HMAC-DRBG nonce ({@link HMacDSAKCalculator}).
 *
 * <p>RFC 8725 §3.2 recommends deterministic ECDSA: the nonce no longer depends on the quality of the
 * random source, so a weak RNG cannot leak the key. The signatures verify with any ECDSA verifier; jwkit
 * verifies them like any other (length and range checks first).
 *
 * <p>Instances are immutable and safe for concurrent use: each signature uses fresh BC signer and digest
 * objects (cheap next to the scalar multiplication).
 */
final class DeterministicEcdsaSigner implements JcaEngine {

  private final ECPrivateKeyParameters key;
  private final Supplier<Digest> digests;
  private final int coordinateLength;

  DeterministicEcdsaSigner(PrivateKey privateKey, Supplier<Digest> digests, int coordinateLength) {
    AsymmetricKeyParameter parameter;
    try {
      parameter = ECUtil.generatePrivateKeyParameter(privateKey);
    } catch (InvalidKeyException e) {
      throw new JwkitException(JoseError.INVALID_KEY, "the EC private key cannot be used", e);
    }
    this.key = (ECPrivateKeyParameters) parameter;
    this.digests = digests;
    this.coordinateLength = coordinateLength;
  }

  @Override
  public byte[] sign(byte[] data, int offset, int length) {
    try {
      Digest digest = digests.get();
      digest.update(data, offset, length);
      byte[] hash = new byte[digest.getDigestSize()];
      digest.doFinal(hash, 0);
      ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(digests.get()));
      signer.init(true, key);
      BigInteger[] rs = signer.generateSignature(hash);
      byte[] out = new byte[2 * coordinateLength];
      put(rs[0], out, 0);
      put(rs[1], out, coordinateLength);
      return out;
    } catch (RuntimeException e) {
      throw new JwkitException(JoseError.SIGNING_FAILED, "deterministic ECDSA signing failed", e);
    }
  }

  private void put(BigInteger value, byte[] out, int offset) {
    byte[] bytes = value.toByteArray();
    int start = bytes.length > coordinateLength ? bytes.length - coordinateLength : 0;
    int count = bytes.length - start;
    System.arraycopy(bytes, start, out, offset + coordinateLength - count, count);
  }

  @Override
  public boolean verify(byte[] data, int offset, int length, byte[] signature) {
    throw new IllegalStateException("a signing engine does not verify");
  }
}
