package dev.jwkit.jose.jwk;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.internal.jwk.Bytes;
import dev.jwkit.jose.internal.jwk.Roca;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwa.KeyType;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** Validation shared by the key classes: key material ranges and metadata that must fit the key. */
final class KeyChecks {

  /** Smallest RSA modulus accepted at all (parse); signing and verifying need more, see the binding. */
  static final int MIN_RSA_PARSE_BITS = 512;
  /** Largest RSA modulus accepted: bounds the cost of an attacker-supplied key. */
  static final int MAX_RSA_BITS = 16384;

  private static final Set<String> JWE_RSA = Set.of("RSA1_5", "RSA-OAEP", "RSA-OAEP-256", "RSA-OAEP-384", "RSA-OAEP-512");
  private static final Set<String> JWE_OCT = Set.of("A128KW", "A192KW", "A256KW", "dir", "A128GCMKW", "A192GCMKW",
      "A256GCMKW", "PBES2-HS256+A128KW", "PBES2-HS384+A192KW", "PBES2-HS512+A256KW", "A128CBC-HS256",
      "A192CBC-HS384", "A256CBC-HS512", "A128GCM", "A192GCM", "A256GCM");
  private static final Set<String> JWE_ECDH = Set.of("ECDH-ES", "ECDH-ES+A128KW", "ECDH-ES+A192KW", "ECDH-ES+A256KW");

  private KeyChecks() {}

  /**
   * Checks that metadata fits a key: a registered {@code alg} of the key's type (and curve, and for HMAC
   * at least the hash length), and {@code use}/{@code key_ops} that do not contradict the algorithm.
   *
   * @param curve the key's curve, or null for RSA and oct
   * @param octLength the oct key length in bytes, or -1
   */
  static void checkMetadata(KeyType kty, Curve curve, int octLength, JwkMetadata md) {
    Optional<String> alg = md.alg();
    boolean signingAlg = false;
    boolean encryptionAlg = false;
    if (alg.isPresent()) {
      String name = alg.get();
      JwsAlgorithm jws = jwsAlgorithm(name);
      if (jws != null) {
        signingAlg = true;
        if (jws.keyType() != kty) {
          throw invalid("alg " + name + " does not fit kty " + kty.jwkName());
        }
        if (!jws.curves().isEmpty() && !jws.curves().contains(curve)) {
          throw invalid("alg " + name + " does not fit crv " + curve.jwkName());
        }
        if (jws.isSymmetric() && octLength * 8 < jws.hashBits()) {
          throw invalid("oct key shorter than the " + name + " hash output");
        }
      } else if (JWE_RSA.contains(name)) {
        encryptionAlg = true;
        requireKty(kty, KeyType.RSA, name);
      } else if (JWE_OCT.contains(name)) {
        encryptionAlg = true;
        requireKty(kty, KeyType.OCT, name);
      } else if (JWE_ECDH.contains(name)) {
        encryptionAlg = true;
        if (kty != KeyType.EC && !(curve == Curve.X25519 || curve == Curve.X448)) {
          throw invalid("alg " + name + " does not fit the key");
        }
      } else {
        throw new JwkitException(JoseError.UNSUPPORTED_KEY, "unregistered alg in JWK" + kidContext(md));
      }
    }
    String use = md.use().orElse("");
    if (signingAlg && use.equals("enc") || encryptionAlg && use.equals("sig")) {
      throw invalid("use contradicts alg" + kidContext(md));
    }
    if (signingAlg && hasAny(md.keyOps(), "encrypt", "decrypt", "wrapKey", "unwrapKey", "deriveKey", "deriveBits")
        || encryptionAlg && hasAny(md.keyOps(), "sign", "verify")) {
      throw invalid("key_ops contradict alg" + kidContext(md));
    }
    if (curve != null && !curve.isSigning() && (use.equals("sig") || hasAny(md.keyOps(), "sign", "verify"))) {
      throw invalid(curve.jwkName() + " keys cannot sign" + kidContext(md));
    }
  }

  /**
   * RSA public parameters, on the big-endian bytes without building integers (this runs for every key of
   * every parsed set): minimal encodings, odd modulus of 512 to 16384 bits, odd exponent ≥ 3 below n. The
   * ROCA check is done once per key on first use, see {@link RsaPublicJwk}.
   */
  static void checkRsaPublic(byte[] n, byte[] e) {
    if (n.length == 0 || Bytes.hasLeadingZero(n)) {
      throw invalid("RSA modulus is not a minimal positive integer");
    }
    if (e.length == 0 || Bytes.hasLeadingZero(e)) {
      throw invalid("RSA exponent is not a minimal positive integer");
    }
    if ((n[n.length - 1] & 1) == 0) {
      throw invalid("RSA modulus is even");
    }
    int bits = (n.length - 1) * 8 + (32 - Integer.numberOfLeadingZeros(n[0] & 0xFF));
    if (bits < MIN_RSA_PARSE_BITS || bits > MAX_RSA_BITS) {
      throw invalid("RSA modulus size out of range: " + bits + " bits");
    }
    if ((e[e.length - 1] & 1) == 0 || e.length == 1 && (e[0] & 0xFF) < 3) {
      throw invalid("RSA public exponent must be odd and at least 3");
    }
    if (e.length > n.length || e.length == n.length && Arrays.compareUnsigned(e, n) >= 0) {
      throw invalid("RSA public exponent must be smaller than the modulus");
    }
  }

  /** Refuses a modulus with the ROCA fingerprint (CVE-2017-15361). */
  static void checkNotRoca(BigInteger modulus, JwkMetadata md) {
    if (Roca.isFingerprinted(modulus)) {
      throw invalid("RSA modulus has the ROCA fingerprint (CVE-2017-15361)" + kidContext(md));
    }
  }

  /** A private RSA member: a minimal positive integer. The message names the member, never its value. */
  static void checkRsaPrivateMember(String name, byte[] value) {
    if (value.length == 0 || Bytes.hasLeadingZero(value) || Bytes.unsigned(value).signum() == 0) {
      throw invalid("RSA member " + name + " is not a minimal positive integer");
    }
  }

  static boolean hasAny(Set<String> set, String... values) {
    for (String v : values) {
      if (set.contains(v)) {
        return true;
      }
    }
    return false;
  }

  static JwsAlgorithm jwsAlgorithm(String name) {
    try {
      return JwsAlgorithm.fromJwaName(name);
    } catch (JwkitException e) {
      return null;
    }
  }

  static String kidContext(JwkMetadata md) {
    return md.kid().map(k -> " (kid=" + safeKid(k) + ")").orElse("");
  }

  /** A kid shortened and stripped of control characters, safe for a message. */
  static String safeKid(String kid) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < kid.length() && sb.length() < 64; i++) {
      char c = kid.charAt(i);
      sb.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    if (kid.length() > 64) {
      sb.append('…');
    }
    return sb.toString();
  }

  private static void requireKty(KeyType actual, KeyType expected, String alg) {
    if (actual != expected) {
      throw invalid("alg " + alg + " does not fit kty " + actual.jwkName());
    }
  }

  static JwkitException invalid(String message) {
    return new JwkitException(JoseError.INVALID_KEY, message);
  }
}
