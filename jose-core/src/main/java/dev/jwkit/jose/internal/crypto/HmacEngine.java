package dev.jwkit.jose.internal.crypto;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * HMAC for HS256/384/512 on the JDK's {@code Mac}, with a lock-free pool of keyed instances and a
 * constant-time tag comparison ({@link MessageDigest#isEqual}).
 *
 * <p>The hot path of {@link #verify} allocates nothing: the pooled holder carries its own tag buffer.
 */
final class HmacEngine implements JcaEngine {

  private static final class Holder {
    final Mac mac;
    final byte[] tag;

    Holder(Mac mac) {
      this.mac = mac;
      this.tag = new byte[mac.getMacLength()];
    }
  }

  private final String jcaName;
  private final SecretKey key;
  private final int tagLength;
  private final InstancePool<Holder> pool;

  HmacEngine(String jcaName, SecretKey key) {
    this.jcaName = jcaName;
    this.key = key;
    Holder first = newHolder();
    this.tagLength = first.tag.length;
    this.pool = new InstancePool<>(this::newHolderUnchecked);
    pool.release(first);
  }

  private Holder newHolder() {
    try {
      Mac mac = Mac.getInstance(jcaName);
      mac.init(key);
      return new Holder(mac);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new JwkitException(JoseError.INVALID_KEY, "the HMAC key cannot be used with " + jcaName, e);
    }
  }

  private Holder newHolderUnchecked() {
    return newHolder();
  }

  @Override
  public boolean verify(byte[] data, int offset, int length, byte[] signature) {
    if (signature.length != tagLength) {
      return false;
    }
    Holder holder = pool.take();
    boolean equal;
    try {
      holder.mac.update(data, offset, length);
      holder.mac.doFinal(holder.tag, 0);
      equal = MessageDigest.isEqual(holder.tag, signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
    pool.release(holder);
    return equal;
  }

  @Override
  public byte[] sign(byte[] data, int offset, int length) {
    Holder holder = pool.take();
    byte[] tag;
    try {
      holder.mac.update(data, offset, length);
      tag = holder.mac.doFinal();
    } catch (RuntimeException e) {
      throw new JwkitException(JoseError.SIGNING_FAILED, "HMAC computation failed", e);
    }
    pool.release(holder);
    return tag;
  }
}
