package dev.jwkit.jose.internal.crypto;

import dev.jwkit.jose.internal.jwk.BouncyCastle;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import java.security.Provider;
import org.jspecify.annotations.Nullable;

/**
 * The one place that decides which JCA provider computes each JWS algorithm.
 *
 * <p>The choice, measured on JDK 17 (one run on the project's 2-core machine, 300-byte input; the
 * benchmark module measures it properly):
 * <ul>
 *   <li>HMAC (HS*): the JDK's SunJCE ({@code HmacSHA256} uses intrinsics).
 *   <li>RSA (RS*, PS*): the JDK's SunRsaSign (intrinsified Montgomery multiplication).
 *   <li>ECDSA (ES256, ES384, ES512, ES256K): Bouncy Castle. ES256 verify about 1,800/s against about
 *       190-370/s for SunEC, sign about 3,600-5,700/s against about 600/s; ES256K exists only in Bouncy
 *       Castle since the JDK dropped secp256k1. Signing is deterministic (RFC 6979, as RFC 8725 §3.2
 *       recommends), through Bouncy Castle's lightweight {@code ECDSASigner}.
 *   <li>EdDSA (Ed25519, Ed448): Bouncy Castle. Ed25519 verify about 1,800/s against about 240/s for
 *       SunEC, sign about 4,500/s against 350/s. Bouncy Castle rejects {@code S ≥ L} and non-canonical
 *       encodings (checked by the Wycheproof tests).
 * </ul>
 * Both choices are proven correct by the Wycheproof vectors in the tests. Bouncy Castle is used through
 * a private provider instance passed to {@code getInstance(name, provider)}; it is never installed with
 * {@code Security.addProvider}, so jwkit does not change the JVM's provider list.
 *
 * <p>The provider is created on first use only (creating it loads a few thousand classes, about half a
 * second of a command-line run): HMAC and RSA never touch it, so a process that only verifies RS256 tokens
 * never creates it.
 *
 * <p>This class is stateless and safe for concurrent use.
 */
public final class CryptoProviders {

  private CryptoProviders() {}

  /**
   * jwkit's shared Bouncy Castle provider instance (not registered with {@code java.security.Security}),
   * the jwk package's, so keys and engines agree; created on the first call.
   */
  public static Provider bouncyCastle() {
    // BouncyCastle's class initialisation creates the provider: the JVM does it once, on this first access
    return BouncyCastle.PROVIDER;
  }

  /**
   * The provider that computes {@code alg}, or {@code null} for the JDK's default provider chain.
   */
  static @Nullable Provider signatureProvider(JwsAlgorithm alg) {
    switch (alg.family()) {
      case HMAC:
      case RSASSA_PKCS1_V1_5:
      case RSASSA_PSS:
        return null;
      case ECDSA:
      case EDDSA:
        return bouncyCastle();
      default:
        throw new AssertionError(alg);
    }
  }
}
