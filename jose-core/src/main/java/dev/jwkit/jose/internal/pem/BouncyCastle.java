package dev.jwkit.jose.internal.pem;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one Bouncy Castle provider instance jose-core passes explicitly wherever a provider is needed.
 *
 * <p>It is never registered with {@code Security.addProvider}: jwkit must not change the JVM's global
 * provider list of the application that embeds it.
 */
public final class BouncyCastle {

  /** The provider instance; immutable after construction and safe for concurrent use. */
  public static final Provider PROVIDER = new BouncyCastleProvider();

  private BouncyCastle() {}
}
