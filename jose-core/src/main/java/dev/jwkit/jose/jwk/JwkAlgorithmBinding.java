package dev.jwkit.jose.jwk;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for whether a key may be used with a JWS algorithm, applied by every signer and verifier.
 *
 * <p>A key fits an algorithm when all of these hold; otherwise {@link #checkUsableFor} throws:
 * <ul>
 *   <li>{@code kty} equals {@link JwsAlgorithm#keyType()} and, for EC/OKP, {@code crv} is one of {@link
 *       JwsAlgorithm#curves()} (so X25519/X448 never sign) — else {@link JoseError#KEY_MISMATCH};</li>
 *   <li>the key's {@code alg}, if present, is exactly the algorithm (RFC 8725 §3.1: one key, one
 *       algorithm; {@code EdDSA} and {@code Ed25519} are different) — else {@code KEY_MISMATCH};</li>
 *   <li>{@code use}, if present, is {@code sig}; {@code key_ops}, if present, contains {@code sign} (for
 *       {@link KeyUsage#SIGN}) or {@code verify} (for {@link KeyUsage#VERIFY}) — else {@code KEY_MISMATCH};</li>
 *   <li>{@link KeyUsage#SIGN} needs a {@link PrivateJwk} or an {@link OctJwk} — else {@code KEY_MISMATCH};</li>
 *   <li>HMAC keys are at least as long as the hash output (RFC 7518 §3.2), RSA moduli at least {@value
 *       #DEFAULT_MINIMUM_RSA_BITS} bits (RFC 7518 §3.3, §3.5) unless a smaller minimum is passed
 *       explicitly, and RSA moduli without the ROCA fingerprint (CVE-2017-15361) — else {@link
 *       JoseError#INVALID_KEY}.</li>
 * </ul>
 *
 * <h2>Security</h2>
 * This is RFC 8725 §3.1 ("each key is used with exactly one algorithm") and the defence against algorithm
 * confusion (an RSA or EC public key used as an HMAC secret): the check depends only on the key and the
 * algorithm the caller chose, never on the token. Messages name the algorithm and the {@code kid}, never
 * key material.
 *
 * <h2>Thread safety</h2>
 * This class is stateless and safe for concurrent use.
 */
public final class JwkAlgorithmBinding {

  /** The smallest RSA modulus used for RS* and PS* by default, as RFC 7518 §3.3 requires. */
  public static final int DEFAULT_MINIMUM_RSA_BITS = 2048;

  /** The smallest RSA modulus that can be explicitly allowed. */
  public static final int ABSOLUTE_MINIMUM_RSA_BITS = 1024;

  private JwkAlgorithmBinding() {}

  /**
   * Checks that {@code key} may be used with {@code alg} for {@code usage}, with RSA keys of at least
   * {@value #DEFAULT_MINIMUM_RSA_BITS} bits.
   *
   * @throws JwkitException {@link JoseError#KEY_MISMATCH} or {@link JoseError#INVALID_KEY} as listed above
   */
  public static void checkUsableFor(Jwk key, JwsAlgorithm alg, KeyUsage usage) {
    checkUsableFor(key, alg, usage, DEFAULT_MINIMUM_RSA_BITS);
  }

  /**
   * As {@link #checkUsableFor(Jwk, JwsAlgorithm, KeyUsage)}, with an explicit minimum RSA modulus size, for
   * legacy keys that must still verify.
   *
   * @param minimumRsaBits at least {@value #ABSOLUTE_MINIMUM_RSA_BITS}
   * @throws IllegalArgumentException if {@code minimumRsaBits} is below {@value #ABSOLUTE_MINIMUM_RSA_BITS}
   * @throws JwkitException {@link JoseError#KEY_MISMATCH} or {@link JoseError#INVALID_KEY}
   */
  public static void checkUsableFor(Jwk key, JwsAlgorithm alg, KeyUsage usage, int minimumRsaBits) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(alg, "alg");
    Objects.requireNonNull(usage, "usage");
    if (minimumRsaBits < ABSOLUTE_MINIMUM_RSA_BITS) {
      throw new IllegalArgumentException("minimumRsaBits must be at least " + ABSOLUTE_MINIMUM_RSA_BITS);
    }
    Violation violation = violation(key, alg, usage, minimumRsaBits);
    if (violation != null) {
      // The context is built only on failure: this check runs on every verification.
      String context = " (alg=" + alg.jwaName()
          + key.metadata().kid().map(k -> ", kid=" + KeyChecks.safeKid(k)).orElse("") + ")";
      throw new JwkitException(violation.code, violation.message + context);
    }
  }

  /** The first rule {@code key} breaks for {@code alg} and {@code usage}, or {@code null} if it fits. */
  private static @Nullable Violation violation(Jwk key, JwsAlgorithm alg, KeyUsage usage, int minimumRsaBits) {
    if (key.kty() != alg.keyType()) {
      return mismatch("key type " + key.kty().jwkName() + " does not fit the algorithm");
    }
    Curve crv = curveOf(key);
    if (!alg.curves().isEmpty() && !alg.curves().contains(crv)) {
      return mismatch("curve " + (crv == null ? "none" : crv.jwkName()) + " does not fit the algorithm");
    }
    JwkMetadata md = key.metadata();
    if (md.alg().isPresent() && !md.alg().get().equals(alg.jwaName())) {
      return mismatch("the key is bound to another algorithm");
    }
    if (md.use().isPresent() && !md.use().get().equals("sig")) {
      return mismatch("the key's use is not sig");
    }
    String op = usage == KeyUsage.SIGN ? "sign" : "verify";
    if (!md.keyOps().isEmpty() && !md.keyOps().contains(op)) {
      return mismatch("the key's key_ops do not include " + op);
    }
    if (usage == KeyUsage.SIGN && key instanceof PublicJwk) {
      return mismatch("signing needs a private key");
    }
    if (key instanceof OctJwk && ((OctJwk) key).bitLength() < alg.hashBits()) {
      return new Violation(JoseError.INVALID_KEY, "HMAC key shorter than the hash output");
    }
    if (key instanceof RsaPublicJwk) {
      ((RsaPublicJwk) key).checkNotRoca();
    }
    int rsaBits = rsaBits(key);
    if (rsaBits > 0 && rsaBits < Math.max(minimumRsaBits, ABSOLUTE_MINIMUM_RSA_BITS)) {
      return new Violation(JoseError.INVALID_KEY, "RSA modulus of " + rsaBits + " bits is below the minimum of "
          + minimumRsaBits);
    }
    return null;
  }

  /** A broken rule: its code and the message without the alg/kid context. */
  private static final class Violation {
    final JoseError code;
    final String message;

    Violation(JoseError code, String message) {
      this.code = code;
      this.message = message;
    }
  }

  /** Whether {@link #checkUsableFor(Jwk, JwsAlgorithm, KeyUsage)} would pass. */
  public static boolean isUsableFor(Jwk key, JwsAlgorithm alg, KeyUsage usage) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(alg, "alg");
    Objects.requireNonNull(usage, "usage");
    try {
      return violation(key, alg, usage, DEFAULT_MINIMUM_RSA_BITS) == null;
    } catch (JwkitException e) {
      return false; // a ROCA modulus
    }
  }

  static Curve curveOf(Jwk key) {
    if (key instanceof EcPublicJwk) {
      return ((EcPublicJwk) key).crv();
    } else if (key instanceof EcPrivateJwk) {
      return ((EcPrivateJwk) key).crv();
    } else if (key instanceof OkpPublicJwk) {
      return ((OkpPublicJwk) key).crv();
    } else if (key instanceof OkpPrivateJwk) {
      return ((OkpPrivateJwk) key).crv();
    }
    return null;
  }

  private static int rsaBits(Jwk key) {
    if (key instanceof RsaPublicJwk) {
      return ((RsaPublicJwk) key).modulusBits();
    } else if (key instanceof RsaPrivateJwk) {
      return ((RsaPrivateJwk) key).modulusBits();
    }
    return 0;
  }

  private static Violation mismatch(String message) {
    return new Violation(JoseError.KEY_MISMATCH, message);
  }
}
