package dev.jwkit.jose.internal.crypto;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.SecretKey;

/**
 * Builds the prepared {@link JcaVerifier}s and {@link JcaSigner}s that the JWS layer (and key custody)
 * use, from JCA keys.
 *
 * <p>Besides the JWK-level binding check done by the caller, this checks again that the JCA key fits the
 * algorithm: an HMAC algorithm needs a {@link SecretKey} at least as long as the hash, RSA needs an RSA
 * key of at least 2048 bits (unless weak RSA is explicitly allowed), ECDSA needs a key on exactly the
 * algorithm's curve, EdDSA a key on one of its curves. A key of another family fails with {@link
 * JoseError#KEY_MISMATCH}, so an RSA public key can never become an HMAC secret.
 *
 * <p>This class is stateless and safe for concurrent use; so are the objects it returns.
 */
public final class JcaEngines {

  /** The smallest RSA modulus accepted unless weak keys are explicitly allowed (RFC 7518 §3.3). */
  public static final int MIN_RSA_BITS = 2048;

  private JcaEngines() {}

  /**
   * A prepared verifier for {@code alg} with {@code key} (a {@link SecretKey} for HS*, a {@link PublicKey}
   * otherwise).
   *
   * @throws JwkitException {@link JoseError#KEY_MISMATCH} if the key does not fit the algorithm, {@link
   *     JoseError#INVALID_KEY} if it is too weak
   */
  public static JcaVerifier verifier(JwsAlgorithm alg, Key key, boolean allowWeakRsa) {
    return create(alg, key, false, allowWeakRsa, true);
  }

  /**
   * A prepared signer for {@code alg} with {@code key} (a {@link SecretKey} for HS*, a {@link PrivateKey}
   * otherwise).
   *
   * @throws JwkitException {@link JoseError#KEY_MISMATCH} if the key does not fit the algorithm, {@link
   *     JoseError#INVALID_KEY} if it is too weak
   */
  public static JcaSigner signer(JwsAlgorithm alg, Key key, boolean allowWeakRsa) {
    return create(alg, key, true, allowWeakRsa, true);
  }

  /** An HMAC engine that skips the key-length rule: only for primitive-level test vectors. */
  static HmacEngine hmacWithoutKeyLengthCheck(JwsAlgorithm alg, SecretKey key) {
    return (HmacEngine) create(alg, key, false, false, false);
  }

  /** The domain parameters of an EC signing curve. */
  public static ECParameterSpec ecParameters(Curve curve) {
    ECParameterSpec spec = EcParameters.BY_CURVE.get(curve);
    if (spec == null) {
      throw new IllegalArgumentException("not an ECDSA curve: " + curve);
    }
    return spec;
  }

  private static JcaEngine create(JwsAlgorithm alg, Key key, boolean signing, boolean allowWeakRsa,
      boolean checkHmacLength) {
    Objects.requireNonNull(alg, "alg");
    Objects.requireNonNull(key, "key");
    switch (alg.family()) {
      case HMAC:
        return hmac(alg, key, checkHmacLength);
      case RSASSA_PKCS1_V1_5:
      case RSASSA_PSS:
        return rsa(alg, key, signing, allowWeakRsa);
      case ECDSA:
        return ecdsa(alg, key, signing);
      case EDDSA:
        return eddsa(alg, key, signing);
      default:
        throw new AssertionError(alg);
    }
  }

  private static HmacEngine hmac(JwsAlgorithm alg, Key key, boolean checkLength) {
    if (!(key instanceof SecretKey)) {
      throw mismatch(alg, "an HMAC algorithm needs a secret key");
    }
    if (checkLength) {
      byte[] encoded = key.getEncoded();
      int length = encoded == null ? 0 : encoded.length;
      if (encoded != null) {
        java.util.Arrays.fill(encoded, (byte) 0);
      }
      if (length * 8 < alg.hashBits()) {
        throw new JwkitException(JoseError.INVALID_KEY,
            "HMAC key shorter than the hash output (alg=" + alg.jwaName() + ")");
      }
    }
    return new HmacEngine("HmacSHA" + alg.hashBits(), (SecretKey) key);
  }

  private static SignatureEngine rsa(JwsAlgorithm alg, Key key, boolean signing, boolean allowWeakRsa) {
    boolean rightKind = signing ? key instanceof PrivateKey : key instanceof RSAPublicKey;
    if (!rightKind || !(key instanceof RSAKey)) {
      throw mismatch(alg, "an RSA algorithm needs an RSA " + (signing ? "private" : "public") + " key");
    }
    int bits = ((RSAKey) key).getModulus().bitLength();
    if (bits < MIN_RSA_BITS && !allowWeakRsa) {
      throw new JwkitException(JoseError.INVALID_KEY,
          "RSA modulus shorter than " + MIN_RSA_BITS + " bits (alg=" + alg.jwaName() + ")");
    }
    int signatureLength = (bits + 7) / 8;
    Provider provider = CryptoProviders.signatureProvider(alg);
    if (alg.family() == JwsAlgorithm.Family.RSASSA_PSS) {
      String hash = "SHA-" + alg.hashBits();
      PSSParameterSpec spec = new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), alg.hashBits() / 8, 1);
      return new SignatureEngine("RSASSA-PSS", provider, spec, key, signing, signatureLength, null, 0);
    }
    return new SignatureEngine("SHA" + alg.hashBits() + "withRSA", provider, null, key, signing,
        signatureLength, null, 0);
  }

  private static JcaEngine ecdsa(JwsAlgorithm alg, Key key, boolean signing) {
    boolean rightKind = signing ? key instanceof ECPrivateKey : key instanceof ECPublicKey;
    if (!rightKind) {
      throw mismatch(alg, "an ECDSA algorithm needs an EC " + (signing ? "private" : "public") + " key");
    }
    Curve curve = alg.curves().iterator().next();
    ECParameterSpec expected = ecParameters(curve);
    ECParameterSpec actual = ((ECKey) key).getParams();
    if (!sameCurve(expected, actual)) {
      throw mismatch(alg, "the EC key is not on " + curve.jwkName());
    }
    Provider provider = CryptoProviders.signatureProvider(alg);
    Key providerKey = provider == null ? key : toProviderEcKey(key, expected, provider, alg);
    String name = provider == null
        ? "SHA" + alg.hashBits() + "withECDSAinP1363Format"
        : "SHA" + alg.hashBits() + "withPLAIN-ECDSA";
    int coordinate = curve.coordinateLength();
    if (signing) {
      // RFC 6979 deterministic nonces (RFC 8725 §3.2), computed by Bouncy Castle.
      return new DeterministicEcdsaSigner((PrivateKey) providerKey, digests(alg.hashBits()), coordinate);
    }
    return new SignatureEngine(name, provider, null, providerKey, signing, 2 * coordinate,
        signing ? null : expected.getOrder(), coordinate);
  }

  private static SignatureEngine eddsa(JwsAlgorithm alg, Key key, boolean signing) {
    boolean rightKind = signing ? key instanceof PrivateKey : key instanceof PublicKey;
    String curveName = key instanceof EdECKey ? ((EdECKey) key).getParams().getName() : key.getAlgorithm();
    Curve curve;
    if ("Ed25519".equals(curveName)) {
      curve = Curve.ED25519;
    } else if ("Ed448".equals(curveName)) {
      curve = Curve.ED448;
    } else {
      throw mismatch(alg, "an EdDSA algorithm needs an Ed25519 or Ed448 key");
    }
    if (!rightKind || !alg.curves().contains(curve)) {
      throw mismatch(alg, "the key does not fit the EdDSA algorithm");
    }
    Provider provider = CryptoProviders.signatureProvider(alg);
    Key providerKey = key;
    if (provider != null) {
      try {
        KeyFactory factory = KeyFactory.getInstance(curve.jcaName(), provider);
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
          throw mismatch(alg, "the EdDSA key has no standard encoding");
        }
        providerKey = signing
            ? factory.generatePrivate(new PKCS8EncodedKeySpec(encoded))
            : factory.generatePublic(new X509EncodedKeySpec(encoded));
        if (signing) {
          java.util.Arrays.fill(encoded, (byte) 0);
        }
      } catch (GeneralSecurityException e) {
        throw new JwkitException(JoseError.INVALID_KEY, "the EdDSA key cannot be imported (alg=" + alg.jwaName() + ")", e);
      }
    }
    int signatureLength = curve == Curve.ED25519 ? 64 : 114;
    return new SignatureEngine(curve.jcaName(), provider, null, providerKey, signing, signatureLength, null, 0);
  }

  private static java.util.function.Supplier<org.bouncycastle.crypto.Digest> digests(int hashBits) {
    switch (hashBits) {
      case 256:
        return org.bouncycastle.crypto.digests.SHA256Digest::new;
      case 384:
        return org.bouncycastle.crypto.digests.SHA384Digest::new;
      case 512:
        return org.bouncycastle.crypto.digests.SHA512Digest::new;
      default:
        throw new AssertionError(hashBits);
    }
  }

  private static Key toProviderEcKey(Key key, ECParameterSpec params, Provider provider, JwsAlgorithm alg) {
    try {
      KeyFactory factory = KeyFactory.getInstance("EC", provider);
      if (key instanceof ECPublicKey) {
        return factory.generatePublic(new ECPublicKeySpec(((ECPublicKey) key).getW(), params));
      }
      return factory.generatePrivate(new ECPrivateKeySpec(((ECPrivateKey) key).getS(), params));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new JwkitException(JoseError.INVALID_KEY, "the EC key cannot be imported (alg=" + alg.jwaName() + ")", e);
    }
  }

  /**
   * The ECDSA curves' parameters from Bouncy Castle, in a holder class so that the provider is created only
   * when an EC key is first used, never for HMAC or RSA.
   */
  private static final class EcParameters {
    static final Map<Curve, ECParameterSpec> BY_CURVE = new EnumMap<>(Curve.class);

    static {
      for (Curve curve : new Curve[] {Curve.P_256, Curve.P_384, Curve.P_521, Curve.SECP256K1}) {
        try {
          AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC", CryptoProviders.bouncyCastle());
          parameters.init(new ECGenParameterSpec(curve.jcaName()));
          BY_CURVE.put(curve, parameters.getParameterSpec(ECParameterSpec.class));
        } catch (GeneralSecurityException e) {
          throw new ExceptionInInitializerError(e);
        }
      }
    }

    private EcParameters() {}
  }

  static boolean sameCurve(ECParameterSpec a, ECParameterSpec b) {
    return a.getCurve().equals(b.getCurve())
        && a.getGenerator().equals(b.getGenerator())
        && a.getOrder().equals(b.getOrder())
        && a.getCofactor() == b.getCofactor();
  }

  private static JwkitException mismatch(JwsAlgorithm alg, String detail) {
    return new JwkitException(JoseError.KEY_MISMATCH, detail + " (alg=" + alg.jwaName() + ")");
  }
}
