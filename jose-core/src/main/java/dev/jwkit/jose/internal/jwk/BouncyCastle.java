package dev.jwkit.jose.internal.jwk;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one Bouncy Castle provider instance jwkit uses where the JDK 17 lacks an algorithm (secp256k1).
 *
 * <p>The provider is passed explicitly to {@code getInstance(..., provider)} calls and is never registered
 * with {@link java.security.Security#addProvider}: a library must not change the JVM's global JCA state.
 */
public final class BouncyCastle {

  /** The shared provider instance; stateless after construction and safe for concurrent use. */
  public static final Provider PROVIDER = new BouncyCastleProvider();

  private BouncyCastle() {}
}
