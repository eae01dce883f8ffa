package dev.jwkit.jose.jwk;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The rules of a key's public form, applied by every {@link PublicJwk} constructor so that no caller can
 * forget them.
 *
 * <p><b>Members.</b> A public key carries its registered public members (RSA {@code n}, {@code e}; EC
 * {@code crv}, {@code x}, {@code y}; OKP {@code crv}, {@code x}) and the registered metadata of RFC 7517
 * §4 ({@code kid}, {@code use}, {@code key_ops}, {@code alg}, {@code x5c}, {@code x5t}, {@code x5t#S256},
 * {@code x5u}), nothing else: unknown members are dropped, whatever their name. An imported private JWK
 * may carry anything ({@code "priv"}: a copy of {@code d}, {@code "passphrase"}), and a deny-list cannot
 * name it all. {@code iat}, {@code nbf} and {@code exp}, which some issuers add to their keys, are dropped
 * too: no RFC registers them for a JWK, jwkit does not read them, and a JSON number of any length could
 * carry a secret as well as a string can.
 *
 * <p><b>Certificates.</b> When {@code x5c} is present, its first certificate must hold this key (RFC 7517
 * §4.7: "The key in the first certificate MUST match the public key represented by other members of the
 * JWK").
 */
final class PublicForm {

  private PublicForm() {}

  /** The metadata a public key may carry: {@code md} without its unregistered members. */
  static JwkMetadata metadata(JwkMetadata md) {
    if (md.extra().isEmpty()) {
      return md;
    }
    return new JwkMetadata(md.kid(), md.use(), md.keyOps(), md.alg(), md.x5c(), md.x5t(), md.x5tS256(), md.x5u(),
        Map.of());
  }

  /**
   * Checks that the first {@code x5c} certificate, if any, holds {@code key}.
   *
   * @throws JwkitException {@link JoseError#MALFORMED_INPUT} when it is not a DER X.509 certificate, {@link
   *     JoseError#INVALID_KEY} when it holds another key
   */
  static void checkCertificate(PublicJwk key) {
    List<String> x5c = key.metadata().x5c();
    if (x5c.isEmpty()) {
      return;
    }
    String context = KeyChecks.kidContext(key.metadata());
    byte[] der = Base64.getDecoder().decode(x5c.get(0)); // JwkMetadata checked it is standard base64
    X509Certificate certificate;
    try {
      certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der));
      if (!MessageDigest.isEqual(certificate.getEncoded(), der)) {
        throw new CertificateException("not exactly one DER certificate");
      }
    } catch (CertificateException | RuntimeException e) {
      throw new JwkitException(JoseError.MALFORMED_INPUT,
          "the first x5c certificate is not a DER X.509 certificate" + context);
    }
    Thumbprint certified;
    try {
      certified = JcaImport.publicJwk(certificate.getPublicKey()).thumbprint();
    } catch (JwkitException e) {
      throw KeyChecks.invalid("the first x5c certificate holds a key jwkit cannot read, not this JWK's" + context);
    }
    if (!certified.matches(key.thumbprint())) {
      throw KeyChecks.invalid("the first x5c certificate holds another key than this JWK" + context);
    }
  }
}
