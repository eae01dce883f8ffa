package dev.jwkit.jose.pem;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A PKIX (RFC 5280) validator of certificate chains against trust anchors the caller chooses, at an
 * instant the caller gives; built on the JDK's {@link CertPathValidator}.
 *
 * <p>The chain is checked leaf first up to one of the anchors: signatures, validity periods at the
 * instant, issuer and subject names, basic constraints and key usage. Certificates at the end of the
 * chain that are themselves anchors (a root sent along in {@code x5c}) are dropped before validation.
 *
 * <pre>{@code
 * PkixValidator validator = PkixValidator.builder().trustAnchor(rootCertificate).build();
 * validator.validate(CertificateChain.fromX5c(x5c), clock.instant());
 * }</pre>
 *
 * <h2>Security</h2>
 * An {@code x5c} is never trusted by itself: only the anchors given here are. Revocation checking is
 * off by default ({@link #DEFAULT_REVOCATION_CHECKING}): jose-core does no I/O, and the JDK's revocation
 * checker would fetch CRLs and OCSP responses over the network. Turn it on with {@link
 * Builder#revocationChecking(boolean)} where that network access is acceptable; it then follows the
 * JDK's {@code com.sun.security.enableCRLDP} and {@code ocsp.enable} settings. The JDK's
 * {@code jdk.certpath.disabledAlgorithms} policy applies (MD5 and weak keys are refused). Certificates
 * signed with secp256k1 cannot be validated: JDK 17 no longer implements that curve.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use.
 */
public final class PkixValidator {

  /** Revocation checking is off unless asked for: it needs network access jose-core does not do. */
  public static final boolean DEFAULT_REVOCATION_CHECKING = false;

  private final List<X509Certificate> anchors;
  private final boolean revocationChecking;

  private PkixValidator(Builder builder) {
    this.anchors = List.copyOf(builder.anchors);
    this.revocationChecking = builder.revocationChecking;
  }

  /** A new builder; at least one trust anchor is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The trust anchors, in the order given. */
  public List<X509Certificate> trustAnchors() {
    return anchors;
  }

  /** Whether revocation is checked. */
  public boolean revocationChecking() {
    return revocationChecking;
  }

  /**
   * Validates a chain to one of the anchors at the given instant, and returns it.
   *
   * @throws JwkitException CERTIFICATE_PATH_INVALID naming the reason and the index of the failing
   *     certificate (0 is the leaf)
   */
  public CertificateChain validate(CertificateChain chain, Instant at) {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(at, "at");
    List<X509Certificate> path = new ArrayList<>(chain.certificates());
    while (!path.isEmpty() && anchors.contains(path.get(path.size() - 1))) {
      path.remove(path.size() - 1);
    }
    if (path.isEmpty()) {
      checkValidity(chain.leaf(), at);
      return chain;
    }
    try {
      CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
      PKIXParameters parameters = new PKIXParameters(trustAnchorSet());
      parameters.setDate(Date.from(at));
      parameters.setRevocationEnabled(revocationChecking);
      CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
      return chain;
    } catch (CertPathValidatorException e) {
      String where = e.getIndex() >= 0 ? " at certificate " + e.getIndex() : "";
      throw new JwkitException(
          JoseError.CERTIFICATE_PATH_INVALID, "certificate chain does not validate: " + e.getReason() + where, e);
    } catch (InvalidAlgorithmParameterException e) {
      throw new IllegalStateException("PKIX parameters rejected", e);
    } catch (GeneralSecurityException e) {
      throw new JwkitException(JoseError.CERTIFICATE_PATH_INVALID, "certificate chain cannot be validated", e);
    }
  }

  /** The anchors' subjects and the revocation setting. */
  @Override
  public String toString() {
    List<String> subjects = new ArrayList<>();
    for (X509Certificate anchor : anchors) {
      subjects.add(anchor.getSubjectX500Principal().getName());
    }
    return "PkixValidator[trustAnchors=" + subjects + ", revocationChecking=" + revocationChecking + "]";
  }

  private Set<TrustAnchor> trustAnchorSet() {
    Set<TrustAnchor> set = new LinkedHashSet<>();
    for (X509Certificate anchor : anchors) {
      set.add(new TrustAnchor(anchor, null));
    }
    return set;
  }

  private static void checkValidity(X509Certificate certificate, Instant at) {
    try {
      certificate.checkValidity(Date.from(at));
    } catch (CertificateExpiredException | CertificateNotYetValidException e) {
      throw new JwkitException(JoseError.CERTIFICATE_PATH_INVALID,
          "certificate chain does not validate: " + (e instanceof CertificateExpiredException ? "EXPIRED" : "NOT_YET_VALID")
              + " at certificate 0", e);
    }
  }

  /** A builder of {@link PkixValidator}; not thread-safe. */
  public static final class Builder {

    private final Set<X509Certificate> anchors = new LinkedHashSet<>();
    private boolean revocationChecking = DEFAULT_REVOCATION_CHECKING;

    private Builder() {}

    /**
     * Adds a trust anchor: a certificate whose key and name end a valid chain (usually a root).
     *
     * @return this builder
     */
    public Builder trustAnchor(X509Certificate anchor) {
      anchors.add(Objects.requireNonNull(anchor, "anchor"));
      return this;
    }

    /**
     * Adds trust anchors.
     *
     * @return this builder
     * @throws IllegalArgumentException if the collection is empty
     */
    public Builder trustAnchors(Collection<X509Certificate> anchors) {
      Objects.requireNonNull(anchors, "anchors");
      if (anchors.isEmpty()) {
        throw new IllegalArgumentException("anchors must not be empty");
      }
      for (X509Certificate anchor : anchors) {
        trustAnchor(anchor);
      }
      return this;
    }

    /**
     * Turns the JDK's revocation checking (CRL and OCSP, which may use the network) on or off. The
     * default is {@value PkixValidator#DEFAULT_REVOCATION_CHECKING}.
     *
     * @return this builder
     */
    public Builder revocationChecking(boolean enabled) {
      this.revocationChecking = enabled;
      return this;
    }

    /**
     * Builds the validator.
     *
     * @throws IllegalStateException if no trust anchor was given
     */
    public PkixValidator build() {
      if (anchors.isEmpty()) {
        throw new IllegalStateException("at least one trust anchor is required");
      }
      return new PkixValidator(this);
    }
  }
}
