package dev.jwkit.jose.internal.jwk;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.KeyType;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.jce.spec.ECNamedCurveSpec;
import org.bouncycastle.math.ec.ECPoint;
import org.jspecify.annotations.Nullable;

/**
 * The Weierstrass curves of JWK {@code EC} keys: domain parameters from Bouncy Castle for validation and
 * from the JCA for key objects.
 *
 * <p>Point and scalar arithmetic is Bouncy Castle's ({@link CustomNamedCurves}, falling back to {@link
 * ECNamedCurveTable}); this class only applies the range checks of NIST SP 800-56A r3 §5.6.2.3.4 (partial
 * public-key validation) and compares results. A curve's parameters are set up on its first use. Safe for
 * concurrent use.
 */
public final class EcCurves {

  // Each curve's parameters are computed on its first use: setting up all four curves costs about 100 ms of
  // CPU, most of a command-line run, when a JWKS usually holds keys on one curve.
  private static final PerCurve<X9ECParameters> BC = new PerCurve<>(EcCurves::bouncyCastleParameters);
  private static final PerCurve<ECParameterSpec> JCA = new PerCurve<>(EcCurves::jcaParameters);

  private EcCurves() {}

  private static X9ECParameters bouncyCastleParameters(Curve curve) {
    X9ECParameters params = CustomNamedCurves.getByName(curve.jcaName());
    return params != null ? params : ECNamedCurveTable.getByName(curve.jcaName());
  }

  private static ECParameterSpec jcaParameters(Curve curve) {
    if (needsBouncyCastle(curve)) {
      // Converting the parameters needs no provider, so the Bouncy Castle provider is only created when
      // a secp256k1 JCA key is actually built.
      // A named spec, so that Bouncy Castle encodes keys with the curve OID, not explicit parameters.
      X9ECParameters params = BC.get(curve);
      return new ECNamedCurveSpec(curve.jcaName(), params.getCurve(), params.getG(), params.getN(),
          params.getH(), params.getSeed());
    }
    try {
      AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
      ap.init(new ECGenParameterSpec(curve.jcaName()));
      return ap.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC curve not available: " + curve.jcaName(), e);
    }
  }

  /**
   * A value per EC curve, computed on first use. Computing is idempotent (the same parameters each time),
   * so two threads that race both store equal values; the array publishes them safely.
   */
  private static final class PerCurve<T> {
    private final AtomicReferenceArray<T> values = new AtomicReferenceArray<>(Curve.values().length);
    private final Function<Curve, T> compute;

    PerCurve(Function<Curve, T> compute) {
      this.compute = compute;
    }

    /** The curve's value, or null for a curve that is not an EC curve. */
    @Nullable T get(Curve curve) {
      if (curve.keyType() != KeyType.EC) {
        return null;
      }
      T value = values.get(curve.ordinal());
      if (value == null) {
        value = compute.apply(curve);
        values.compareAndSet(curve.ordinal(), null, value);
      }
      return value;
    }
  }

  /**
   * The provider for key factories, key generators and signatures on this curve: the JDK's SunEC for the
   * NIST curves, Bouncy Castle for secp256k1 (removed from SunEC in JDK 16).
   */
  public static Provider provider(Curve curve) {
    if (curve == Curve.SECP256K1) {
      return BouncyCastle.PROVIDER;
    }
    try {
      return AlgorithmParameters.getInstance("EC").getProvider();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no EC provider", e);
    }
  }

  /** Whether the curve needs the Bouncy Castle provider (it is not in the JDK 17). */
  public static boolean needsBouncyCastle(Curve curve) {
    return curve == Curve.SECP256K1;
  }

  /** The JCA domain parameters of an EC curve. */
  public static ECParameterSpec jcaSpec(Curve curve) {
    ECParameterSpec spec = JCA.get(curve);
    if (spec == null) {
      throw new IllegalArgumentException("not an EC curve: " + curve);
    }
    return spec;
  }

  /** The order n of the base point. */
  public static BigInteger order(Curve curve) {
    return BC.get(curve).getN();
  }

  /**
   * The EC curve with these JCA domain parameters.
   *
   * @throws JwkitException {@link JoseError#UNSUPPORTED_KEY} if they are not those of a supported named curve
   */
  public static Curve curveOf(ECParameterSpec spec) {
    for (Curve curve : Curve.values()) {
      ECParameterSpec known = JCA.get(curve);
      if (known != null
          && known.getCurve().equals(spec.getCurve())
          && known.getGenerator().equals(spec.getGenerator())
          && known.getOrder().equals(spec.getOrder())
          && known.getCofactor() == spec.getCofactor()) {
        return curve;
      }
    }
    throw new JwkitException(JoseError.UNSUPPORTED_KEY, "EC key is not on a supported named curve");
  }

  /**
   * Checks that (x, y) is a valid public point of the curve: coordinates in [0, p), on the curve, not the
   * point at infinity, in the prime-order subgroup.
   *
   * @throws JwkitException {@link JoseError#INVALID_KEY} otherwise
   */
  public static ECPoint validatePublicPoint(Curve curve, BigInteger x, BigInteger y) {
    X9ECParameters params = BC.get(curve);
    BigInteger p = params.getCurve().getField().getCharacteristic();
    if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
      throw new JwkitException(JoseError.INVALID_KEY, "EC coordinate out of range for " + curve.jwkName());
    }
    ECPoint point;
    try {
      point = params.getCurve().validatePoint(x, y);
    } catch (IllegalArgumentException e) {
      throw new JwkitException(JoseError.INVALID_KEY, "EC point is not on curve " + curve.jwkName());
    }
    if (point.isInfinity()) {
      throw new JwkitException(JoseError.INVALID_KEY, "EC point is the point at infinity");
    }
    return point;
  }

  /**
   * Checks that the private scalar d is in [1, n-1] and that d·G is the public point (x, y).
   *
   * @throws JwkitException {@link JoseError#INVALID_KEY} otherwise; the message never contains d
   */
  public static void validatePrivate(Curve curve, BigInteger d, BigInteger x, BigInteger y) {
    X9ECParameters params = BC.get(curve);
    if (d.signum() <= 0 || d.compareTo(params.getN()) >= 0) {
      throw new JwkitException(JoseError.INVALID_KEY, "EC private scalar out of range for " + curve.jwkName());
    }
    ECPoint q = params.getG().multiply(d).normalize();
    if (q.isInfinity()
        || !q.getAffineXCoord().toBigInteger().equals(x)
        || !q.getAffineYCoord().toBigInteger().equals(y)) {
      throw new JwkitException(JoseError.INVALID_KEY, "EC private key does not match its public key");
    }
  }
}
