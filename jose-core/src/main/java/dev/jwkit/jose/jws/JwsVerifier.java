package dev.jwkit.jose.jws;

import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.internal.crypto.JcaEngines;
import dev.jwkit.jose.internal.crypto.JcaVerifier;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkAlgorithmBinding;
import dev.jwkit.jose.jwk.KeyUsage;
import dev.jwkit.jose.jwk.OctJwk;
import dev.jwkit.jose.jwk.PrivateJwk;
import dev.jwkit.jose.jwk.PublicJwk;
import java.security.Key;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A prepared JWS verifier for one trusted key and one algorithm.
 *
 * <p>Preparation does all the key work once: the key's fitness for the algorithm is checked (the JWK
 * binding rule: {@code kty}, {@code crv}, the key's {@code alg}, {@code use}, {@code key_ops}, RSA size,
 * HMAC length), the JCA key is obtained, and initialised JCA objects are pooled. {@link
 * #verify(CompactJws)} then only compares the algorithm and checks the signature.
 *
 * <pre>{@code
 * JwsVerifier verifier = JwsVerifier.of(publicJwk, JwsAlgorithm.ES256);   // once
 * CompactJws jws = CompactJws.parse(token);                              // per token
 * verifier.verify(jws);                                                  // throws if not authentic
 * byte[] payload = jws.payload();
 * }</pre>
 *
 * <h2>Security</h2>
 * <ul>
 *   <li>The token's {@code alg} must be exactly the verifier's algorithm; there is no {@code none}.
 *   <li>The key is always the configured one: {@code jwk}, {@code jku}, {@code x5u} and {@code x5c}
 *       headers are never used to find, fetch or build a key.
 *   <li>HMAC tags are compared in constant time ({@code MessageDigest.isEqual}).
 *   <li>ECDSA signatures must be exactly {@code 2 × coordinate length} bytes with {@code r, s} in
 *       {@code [1, n-1]}, checked before any JCA call (CVE-2022-21449); DER signatures are refused.
 *   <li>A JCA object that threw is discarded, never reused (JDK 17 Ed25519 quirk).
 * </ul>
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use; verification takes no lock.
 */
public final class JwsVerifier {

  private final JwsAlgorithm alg;
  private final JcaVerifier engine;
  private final @Nullable String kid;

  private JwsVerifier(JwsAlgorithm alg, JcaVerifier engine, @Nullable String kid) {
    this.alg = alg;
    this.engine = engine;
    this.kid = kid;
  }

  /**
   * A verifier for {@code alg} with {@code key}: a public JWK, the public part of a private JWK, or an
   * {@code oct} key for HS*. RSA keys need at least {@value JwkAlgorithmBinding#DEFAULT_MINIMUM_RSA_BITS}
   * bits.
   *
   * @throws JwkitException {@link JoseError#KEY_MISMATCH} if the key does not fit the algorithm ({@code
   *     kty}, {@code crv}, the key's {@code alg}, {@code use}, {@code key_ops}), {@link JoseError#INVALID_KEY}
   *     if it is too weak
   */
  public static JwsVerifier of(Jwk key, JwsAlgorithm alg) {
    return of(key, alg, JwkAlgorithmBinding.DEFAULT_MINIMUM_RSA_BITS);
  }

  /**
   * As {@link #of(Jwk, JwsAlgorithm)}, explicitly allowing RSA keys down to {@code minimumRsaBits} bits,
   * for legacy issuers whose tokens must still verify. Never use this for new keys.
   *
   * @param minimumRsaBits the smallest RSA modulus accepted, at least {@value
   *     JwkAlgorithmBinding#ABSOLUTE_MINIMUM_RSA_BITS}
   * @throws IllegalArgumentException if {@code minimumRsaBits} is below {@value
   *     JwkAlgorithmBinding#ABSOLUTE_MINIMUM_RSA_BITS}
   * @throws JwkitException as {@link #of(Jwk, JwsAlgorithm)}
   */
  public static JwsVerifier of(Jwk key, JwsAlgorithm alg, int minimumRsaBits) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(alg, "alg");
    JwkAlgorithmBinding.checkUsableFor(key, alg, KeyUsage.VERIFY, minimumRsaBits);
    return forJcaKey(verificationKey(key), alg, key.kid().orElse(null),
        minimumRsaBits < JwkAlgorithmBinding.DEFAULT_MINIMUM_RSA_BITS);
  }

  private static Key verificationKey(Jwk key) {
    if (key instanceof OctJwk) {
      return ((OctJwk) key).toSecretKey();
    } else if (key instanceof PublicJwk) {
      return ((PublicJwk) key).toPublicKey();
    } else if (key instanceof PrivateJwk) {
      return ((PrivateJwk) key).toPublicKey();
    }
    throw new AssertionError(key);
  }

  /** A verifier over a JCA key whose JWK-level checks the caller has done. */
  static JwsVerifier forJcaKey(Key key, JwsAlgorithm alg, @Nullable String kid, boolean allowWeakRsa) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(alg, "alg");
    return new JwsVerifier(alg, JcaEngines.verifier(alg, key, allowWeakRsa), kid);
  }

  /** The only algorithm this verifier accepts. */
  public JwsAlgorithm algorithm() {
    return alg;
  }

  /** The {@code kid} of the configured key, if it has one. */
  public Optional<String> kid() {
    return Optional.ofNullable(kid);
  }

  /**
   * Verifies a compact JWS: returns normally if it is authentic under this key and algorithm.
   *
   * @throws InvalidTokenException {@link JoseError#ALGORITHM_NOT_ALLOWED} if the token's {@code alg} is
   *     not this verifier's algorithm, {@link JoseError#SIGNATURE_INVALID} if the signature does not verify
   */
  public void verify(CompactJws jws) {
    Objects.requireNonNull(jws, "jws");
    check(jws.header().alg(), jws.signingInputNoCopy(), jws.signingInputLength(), jws.signatureNoCopy());
  }

  /**
   * Verifies a flattened JSON JWS; the algorithm is the one in its protected header.
   *
   * @throws InvalidTokenException as {@link #verify(CompactJws)}
   */
  public void verify(FlattenedJws jws) {
    Objects.requireNonNull(jws, "jws");
    byte[] signingInput = jws.signingInputNoCopy();
    check(jws.protectedHeader().alg(), signingInput, signingInput.length, jws.signatureNoCopy());
  }

  private void check(JwsAlgorithm tokenAlg, byte[] signingInput, int signingInputLength, byte[] signature) {
    if (tokenAlg != alg) {
      throw new InvalidTokenException(JoseError.ALGORITHM_NOT_ALLOWED,
          "token alg " + tokenAlg.jwaName() + " is not the verifier's " + alg.jwaName()
              + (kid == null ? "" : " (kid=" + HeaderNames.safeKid(kid) + ")"));
    }
    if (!engine.verify(signingInput, 0, signingInputLength, signature)) {
      throw new InvalidTokenException(JoseError.SIGNATURE_INVALID,
          "signature does not verify (alg=" + alg.jwaName() + (kid == null ? "" : ", kid=" + HeaderNames.safeKid(kid)) + ")");
    }
  }

  @Override
  public String toString() {
    return "JwsVerifier[alg=" + alg.jwaName() + (kid == null ? "" : ", kid=" + HeaderNames.safeKid(kid)) + "]";
  }
}
