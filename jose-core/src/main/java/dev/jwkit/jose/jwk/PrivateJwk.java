package dev.jwkit.jose.jwk;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Objects;

/**
 * The private form of an asymmetric JWK: RSA, EC or OKP, always together with its public part.
 *
 * <h2>Security</h2>
 * Implementations are final classes, not records: {@code toString()} redacts the private members, there is
 * no {@code equals}/{@code hashCode} (compare with the constant-time {@link #equalsKey}), and exception
 * messages never contain key material. The public part was checked to belong to the private key when the
 * instance was created.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use; JCA keys are built once, on first use.
 */
public sealed interface PrivateJwk extends Jwk permits RsaPrivateJwk, EcPrivateJwk, OkpPrivateJwk {

  /** The public part, with the same metadata. It cannot carry a private member. */
  PublicJwk toPublicJwk();

  /**
   * The JCA private key, built on first call and cached.
   *
   * @throws JwkitException {@link JoseError#INVALID_KEY} if the JCA refuses the key
   */
  PrivateKey toPrivateKey();

  /** The JCA public key of the public part (cached). */
  default java.security.PublicKey toPublicKey() {
    return toPublicJwk().toPublicKey();
  }

  /**
   * Whether {@code other} is the same key (same type, curve and private material), ignoring metadata. The
   * private members are compared in constant time.
   */
  boolean equalsKey(PrivateJwk other);

  @Override
  PrivateJwk withMetadata(JwkMetadata metadata);

  /**
   * The JWK of a JCA key pair: RSA (CRT or not), EC on a supported named curve, EdDSA or XDH. The metadata
   * is empty.
   *
   * @throws JwkitException {@link JoseError#UNSUPPORTED_KEY} for other keys or keys that cannot be exported,
   *     {@link JoseError#INVALID_KEY} if the two halves do not belong together
   */
  static PrivateJwk of(KeyPair pair) {
    Objects.requireNonNull(pair, "pair");
    return JcaImport.privateJwk(pair);
  }
}
