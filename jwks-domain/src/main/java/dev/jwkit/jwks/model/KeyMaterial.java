package dev.jwkit.jwks.model;

import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkAlgorithmBinding;
import dev.jwkit.jose.jwk.JwkMetadata;
import dev.jwkit.jose.jwk.KeyUsage;
import dev.jwkit.jose.jwk.PrivateJwk;
import dev.jwkit.jose.jwk.PublicJwk;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The key material behind a managed key: its public JWK, its private JWK when custody is local, and the
 * custody that holds the private half with the custody's reference to it.
 *
 * <p>The JWKs are normalised on construction: their {@code kid} is the material's kid, their {@code alg}
 * the algorithm and their {@code use} {@code "sig"}, so that a published key says exactly what it is
 * for. The key must fit the algorithm ({@link JwkAlgorithmBinding#checkUsableFor}).
 *
 * <p>Custody names: {@link #LOCAL_CUSTODY} for keys whose private JWK is kept in the ring (by {@code
 * dev.jwkit.jwks.custody.LocalKeyCustody}); other custodies (Vault Transit) keep the private key elsewhere and give an opaque
 * reference (for Transit, the key name and version).
 *
 * <h2>Security</h2>
 * This is a final class, not a record, because it may hold a private key; {@link #toString()} shows the
 * kid, algorithm and custody only, and there is no {@code equals}.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use.
 */
public final class KeyMaterial {

  /** The custody name of keys whose private JWK lives in the ring. */
  public static final String LOCAL_CUSTODY = "local";

  private static final Pattern KID = Pattern.compile("[\\x21-\\x7e]{1,128}");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private final String kid;
  private final JwsAlgorithm algorithm;
  private final PublicJwk publicJwk;
  private final Optional<PrivateJwk> privateJwk;
  private final String custody;
  private final String reference;

  private KeyMaterial(String kid, JwsAlgorithm algorithm, PublicJwk publicJwk, Optional<PrivateJwk> privateJwk,
      String custody, String reference) {
    this.kid = requireKid(kid);
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    if (algorithm.isSymmetric()) {
      throw new IllegalArgumentException("ring keys are asymmetric: their public part is published");
    }
    this.publicJwk = normalise(Objects.requireNonNull(publicJwk, "publicJwk"), kid, algorithm);
    this.privateJwk = privateJwk.map(p -> normalise(p, kid, algorithm));
    this.custody = Objects.requireNonNull(custody, "custody");
    if (!NAME.matcher(custody).matches()) {
      throw new IllegalArgumentException("custody must match [a-z0-9][a-z0-9._-]{0,63}");
    }
    this.reference = Objects.requireNonNull(reference, "reference");
    JwkAlgorithmBinding.checkUsableFor(this.publicJwk, algorithm, KeyUsage.VERIFY);
    if (this.privateJwk.isPresent()) {
      if (!this.privateJwk.get().thumbprint().matches(this.publicJwk.thumbprint())) {
        throw new JwkitException(dev.jwkit.jose.JoseError.KEY_MISMATCH, "private and public keys differ (kid=" + kid + ")");
      }
    }
  }

  /**
   * Material kept by local custody: the private JWK is held here (and in the stored ring). The kid is the
   * key's own {@code kid}, or its RFC 7638 thumbprint when it has none.
   *
   * @throws JwkitException {@link dev.jwkit.jose.JoseError#KEY_MISMATCH} if the key does not fit the algorithm
   */
  public static KeyMaterial local(PrivateJwk privateJwk, JwsAlgorithm algorithm) {
    Objects.requireNonNull(privateJwk, "privateJwk");
    String kid = privateJwk.kid().orElseGet(() -> privateJwk.thumbprint().toBase64Url());
    return new KeyMaterial(kid, algorithm, privateJwk.toPublicJwk(), Optional.of(privateJwk), LOCAL_CUSTODY, kid);
  }

  /**
   * Material whose private half lives in an external custody (Vault Transit): only the public JWK is held
   * here, with the custody's reference to the private key.
   *
   * @param publicJwk the public key (its kid is used, or its thumbprint when it has none)
   * @param algorithm the algorithm the key signs with
   * @param custody the custody name, for example {@code "vault-transit"}
   * @param reference the custody's opaque reference to the private key (not a secret)
   */
  public static KeyMaterial external(PublicJwk publicJwk, JwsAlgorithm algorithm, String custody, String reference) {
    Objects.requireNonNull(publicJwk, "publicJwk");
    String kid = publicJwk.kid().orElseGet(() -> publicJwk.thumbprint().toBase64Url());
    return new KeyMaterial(kid, algorithm, publicJwk, Optional.empty(), custody, reference);
  }

  /**
   * Material as a stored document describes it, for repositories: the kid, the public JWK, the custody and
   * its reference; no private key is held (external custody, or a key past signing).
   */
  public static KeyMaterial restore(String kid, JwsAlgorithm algorithm, PublicJwk publicJwk, String custody,
      String reference) {
    return new KeyMaterial(kid, algorithm, publicJwk, Optional.empty(), custody, reference);
  }

  /**
   * Material as a stored document describes it, for repositories, with the private JWK held in the ring
   * (local custody, a pending or active key). The public JWK is derived from the private one.
   */
  public static KeyMaterial restore(String kid, JwsAlgorithm algorithm, PrivateJwk privateJwk, String custody,
      String reference) {
    Objects.requireNonNull(privateJwk, "privateJwk");
    return new KeyMaterial(kid, algorithm, privateJwk.toPublicJwk(), Optional.of(privateJwk), custody, reference);
  }

  static String requireKid(String kid) {
    Objects.requireNonNull(kid, "kid");
    if (!KID.matcher(kid).matches()) {
      throw new IllegalArgumentException("kid must be 1 to 128 printable ASCII characters without spaces");
    }
    return kid;
  }

  @SuppressWarnings("unchecked")
  private static <K extends Jwk> K normalise(K key, String kid, JwsAlgorithm algorithm) {
    JwkMetadata md = key.metadata();
    if (md.kid().equals(Optional.of(kid)) && md.alg().equals(Optional.of(algorithm.jwaName()))
        && md.use().equals(Optional.of("sig"))) {
      return key;
    }
    return (K) key.withMetadata(md.toBuilder().kid(kid).alg(algorithm.jwaName()).use("sig").build());
  }

  /** The key id. */
  public String kid() {
    return kid;
  }

  /** The algorithm the key signs with. */
  public JwsAlgorithm algorithm() {
    return algorithm;
  }

  /** The public JWK (with {@code kid}, {@code alg} and {@code use:"sig"}). */
  public PublicJwk publicJwk() {
    return publicJwk;
  }

  /** The private JWK, when custody is local and the key may still sign. */
  public Optional<PrivateJwk> privateJwk() {
    return privateJwk;
  }

  /** The custody holding the private key ({@link #LOCAL_CUSTODY} or an external one). */
  public String custody() {
    return custody;
  }

  /** The custody's opaque reference to the private key (for local custody, the kid). */
  public String reference() {
    return reference;
  }

  /** Whether private key material is held here. */
  public boolean hasPrivateKey() {
    return privateJwk.isPresent();
  }

  /** This material without the private key (for retired, expired and revoked keys). */
  public KeyMaterial withoutPrivateKey() {
    return privateJwk.isEmpty() ? this : new KeyMaterial(kid, algorithm, publicJwk, Optional.empty(), custody, reference);
  }

  @Override
  public String toString() {
    return "KeyMaterial[kid=" + kid + ", alg=" + algorithm.jwaName() + ", custody=" + custody
        + (privateJwk.isPresent() ? ", private=<redacted>" : "") + "]";
  }
}
