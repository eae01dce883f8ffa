package dev.jwkit.jose.jwk;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import java.security.PublicKey;
import java.util.Objects;

/**
 * The public form of an asymmetric JWK: RSA, EC or OKP. It has no private member by construction, so it
 * is what a JWKS endpoint publishes.
 *
 * <h2>Security</h2>
 * Every constructor (parsing, {@link PrivateJwk#toPublicJwk()}, {@link #withMetadata}) keeps only the
 * registered public members of the key type and the registered metadata ({@code kid}, {@code use}, {@code
 * key_ops}, {@code alg}, {@code x5c}, {@code x5t}, {@code x5t#S256}, {@code x5u}): members jwkit does not
 * know are dropped, so that a member an imported private JWK smuggled in (a copy of {@code d} under
 * another name) cannot reach a JWKS. When {@code x5c} is present, its first certificate must hold this very
 * key ({@code jwk.invalid_key} otherwise).
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use; the JCA key is built once, on first use.
 */
public sealed interface PublicJwk extends Jwk permits RsaPublicJwk, EcPublicJwk, OkpPublicJwk {

  /**
   * The JCA public key, built on first call and cached (no re-parsing afterwards). secp256k1 keys are Bouncy
   * Castle objects; all others come from the JDK providers.
   *
   * @throws JwkitException {@link JoseError#INVALID_KEY} if the JCA refuses the key
   */
  PublicKey toPublicKey();

  @Override
  PublicJwk withMetadata(JwkMetadata metadata);

  /**
   * The JWK of a JCA public key: RSA, EC on a supported named curve (the curve is recognised from its
   * parameters), EdDSA or XDH (JDK or Bouncy Castle objects). The metadata is empty.
   *
   * @throws JwkitException {@link JoseError#UNSUPPORTED_KEY} for other keys, {@link JoseError#INVALID_KEY}
   *     for invalid ones
   */
  static PublicJwk of(PublicKey key) {
    Objects.requireNonNull(key, "key");
    return JcaImport.publicJwk(key);
  }

  /**
   * Parses a JWK that must be public: a private or symmetric key is refused.
   *
   * @throws JwkitException {@link JoseError#INVALID_KEY} if the JWK has private members or is {@code oct};
   *     otherwise as {@link Jwk#parse}
   */
  static PublicJwk parsePublic(String json) {
    Jwk jwk = Jwk.parse(json);
    if (jwk instanceof PublicJwk) {
      return (PublicJwk) jwk;
    }
    throw new JwkitException(JoseError.INVALID_KEY, "expected a public JWK, got a private or symmetric key");
  }
}
