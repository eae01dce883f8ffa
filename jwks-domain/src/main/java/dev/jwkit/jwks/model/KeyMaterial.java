package dev.jwkit.jwks.model;

import dev.jwkit.jose.jwa.JwsAlgorithm;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The key material behind a managed key: its {@code kid}, its algorithm, the custody that holds its
 * private half and the custody's reference to it.
 *
 * <p>This version is kid-only; the public and private JWKs are added with jose-core's {@code Jwk}.
 *
 * <h3>Security</h3>
 * {@link #toString()} never shows private material.
 *
 * <h3>Thread safety</h3>
 * Instances are immutable and safe for concurrent use.
 */
public final class KeyMaterial {

  private static final Pattern KID = Pattern.compile("[\\x21-\\x7e]{1,128}");

  private final String kid;
  private final JwsAlgorithm algorithm;
  private final String custody;
  private final String reference;

  private KeyMaterial(String kid, JwsAlgorithm algorithm, String custody, String reference) {
    this.kid = requireKid(kid);
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    this.custody = Objects.requireNonNull(custody, "custody");
    this.reference = Objects.requireNonNull(reference, "reference");
  }

  /** Key material with no JWK, for tests of the lifecycle only. */
  public static KeyMaterial of(String kid, JwsAlgorithm algorithm, String custody, String reference) {
    return new KeyMaterial(kid, algorithm, custody, reference);
  }

  static String requireKid(String kid) {
    Objects.requireNonNull(kid, "kid");
    if (!KID.matcher(kid).matches()) {
      throw new IllegalArgumentException("kid must be 1 to 128 printable ASCII characters without spaces");
    }
    return kid;
  }

  public String kid() {
    return kid;
  }

  public JwsAlgorithm algorithm() {
    return algorithm;
  }

  public String custody() {
    return custody;
  }

  public String reference() {
    return reference;
  }

  public boolean hasPrivateKey() {
    return false;
  }

  public KeyMaterial withoutPrivateKey() {
    return this;
  }

  @Override
  public String toString() {
    return "KeyMaterial[kid=" + kid + ", alg=" + algorithm.jwaName() + ", custody=" + custody + "]";
  }
}
