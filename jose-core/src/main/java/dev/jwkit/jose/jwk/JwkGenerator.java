package dev.jwkit.jose.jwk;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.internal.jwk.EcCurves;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwa.KeyType;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Objects;

/**
 * Generates new keys with the JCA (SunRsaSign, SunEC, and Bouncy Castle for secp256k1) and a {@link
 * SecureRandom}. Every generated key has {@code kid} set to its RFC 7638 SHA-256 thumbprint.
 *
 * <pre>{@code
 * Jwk signingKey = JwkGenerator.generate(JwsAlgorithm.ES256);   // EcPrivateJwk, alg ES256, use sig
 * PublicJwk published = ((PrivateJwk) signingKey).toPublicJwk();
 * }</pre>
 *
 * <p>This class is stateless and safe for concurrent use.
 */
public final class JwkGenerator {

  /** The RSA modulus size used by {@link #generate} for RS* and PS*. */
  public static final int DEFAULT_RSA_BITS = 2048;

  private JwkGenerator() {}

  /**
   * A new key for {@code alg}, with {@code alg}, {@code use:"sig"} and a thumbprint {@code kid}: an {@link
   * OctJwk} of the hash length for HS*, a {@value #DEFAULT_RSA_BITS}-bit {@link RsaPrivateJwk} for RS* and PS*,
   * an {@link EcPrivateJwk} on the algorithm's curve for ES*, an Ed25519 {@link OkpPrivateJwk} for EdDSA
   * and Ed25519, an Ed448 one for Ed448.
   */
  public static Jwk generate(JwsAlgorithm alg) {
    Objects.requireNonNull(alg, "alg");
    Jwk key;
    switch (alg.family()) {
      case HMAC:
        key = generateOct(alg.hashBits());
        break;
      case RSASSA_PKCS1_V1_5:
      case RSASSA_PSS:
        key = generateRsa(DEFAULT_RSA_BITS);
        break;
      case ECDSA:
        key = generateEc(alg.curves().iterator().next());
        break;
      case EDDSA:
        key = generateOkp(alg == JwsAlgorithm.Ed448 ? Curve.ED448 : Curve.ED25519);
        break;
      default:
        throw new AssertionError(alg);
    }
    return key.withMetadata(key.metadata().toBuilder().use("sig").alg(alg.jwaName()).build());
  }

  /**
   * A new RSA key pair with public exponent 65537 and a thumbprint {@code kid}.
   *
   * @param bits the modulus size: 2048, 3072 or 4096 (any multiple of 8 from 2048 to 16384 is accepted)
   * @throws IllegalArgumentException for other sizes
   */
  public static RsaPrivateJwk generateRsa(int bits) {
    if (bits < 2048 || bits > KeyChecks.MAX_RSA_BITS || bits % 8 != 0) {
      throw new IllegalArgumentException("RSA key size must be a multiple of 8 from 2048 to 16384 bits");
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), new SecureRandom());
      return withKid((RsaPrivateJwk) PrivateJwk.of(generator.generateKeyPair()));
    } catch (GeneralSecurityException e) {
      throw new JwkitException(JoseError.UNSUPPORTED_KEY, "RSA key generation is not available", e);
    }
  }

  /**
   * A new EC key pair on P-256, P-384, P-521 or secp256k1, with a thumbprint {@code kid}.
   *
   * @throws IllegalArgumentException if {@code crv} is not an EC curve
   */
  public static EcPrivateJwk generateEc(Curve crv) {
    Objects.requireNonNull(crv, "crv");
    if (crv.keyType() != KeyType.EC) {
      throw new IllegalArgumentException("not an EC curve: " + crv.jwkName());
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", EcCurves.provider(crv));
      generator.initialize(new ECGenParameterSpec(crv.jcaName()), new SecureRandom());
      return withKid((EcPrivateJwk) PrivateJwk.of(generator.generateKeyPair()));
    } catch (GeneralSecurityException e) {
      throw new JwkitException(JoseError.UNSUPPORTED_KEY, "EC key generation is not available for " + crv.jwkName(), e);
    }
  }

  /**
   * A new OKP key pair on Ed25519, Ed448, X25519 or X448 (JDK 17 SunEC), with a thumbprint {@code kid}.
   *
   * @throws IllegalArgumentException if {@code crv} is not an OKP curve
   */
  public static OkpPrivateJwk generateOkp(Curve crv) {
    Objects.requireNonNull(crv, "crv");
    if (crv.keyType() != KeyType.OKP) {
      throw new IllegalArgumentException("not an OKP curve: " + crv.jwkName());
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(crv.jcaName());
      generator.initialize(new java.security.spec.NamedParameterSpec(crv.jcaName()), new SecureRandom());
      KeyPair pair = generator.generateKeyPair();
      return withKid((OkpPrivateJwk) PrivateJwk.of(pair));
    } catch (GeneralSecurityException e) {
      throw new JwkitException(JoseError.UNSUPPORTED_KEY, "OKP key generation is not available for " + crv.jwkName(), e);
    }
  }

  /**
   * A new random symmetric key with a thumbprint {@code kid}.
   *
   * @param bits at least 256 and a multiple of 8 (HS384 needs 384, HS512 needs 512)
   * @throws IllegalArgumentException for other sizes
   */
  public static OctJwk generateOct(int bits) {
    if (bits < 256 || bits > 8192 || bits % 8 != 0) {
      throw new IllegalArgumentException("oct key size must be a multiple of 8 from 256 to 8192 bits");
    }
    byte[] k = new byte[bits / 8];
    new SecureRandom().nextBytes(k);
    OctJwk key = new OctJwk(k, JwkMetadata.empty());
    return key.withMetadata(JwkMetadata.builder().kid(key.thumbprint().toBase64Url()).build());
  }

  private static <T extends PrivateJwk> T withKid(T key) {
    @SuppressWarnings("unchecked")
    T result = (T) key.withMetadata(key.metadata().toBuilder().kid(key.thumbprint().toBase64Url()).build());
    return result;
  }
}
