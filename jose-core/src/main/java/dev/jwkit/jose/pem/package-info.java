/**
 * PEM, DER and X.509 for jwkit: JCA keys and certificates to and from their standard encodings, and
 * certificate chains for a JWK's {@code x5c}.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link dev.jwkit.jose.pem.Pem}: read and write PEM text (SPKI, PKCS#1, PKCS#8 plain and
 *       encrypted, SEC1, certificates), one block or a mixed {@link dev.jwkit.jose.pem.PemBundle};
 *   <li>{@link dev.jwkit.jose.pem.Der}: the same structures as DER bytes, named by {@link
 *       dev.jwkit.jose.pem.PemType};
 *   <li>{@link dev.jwkit.jose.pem.CertificateChain}: a chain, leaf first, to and from {@code x5c}, with
 *       {@code x5t#S256}, {@code x5t} and a leaf-key check; {@link dev.jwkit.jose.pem.PkixValidator}
 *       validates it to caller-given trust anchors at a given instant;
 *   <li>{@link dev.jwkit.jose.pem.CertificateTemplate}: self-signed and issued certificates for key pairs;
 *   <li>{@link dev.jwkit.jose.pem.JwkPem}: the bridge to JWKs: PEM to and from {@code PublicJwk} and
 *       {@code PrivateJwk}, key-store entries to {@code PrivateJwk}, chains to JWKs with {@code x5c}, and
 *       {@code x5c} validation.
 * </ul>
 *
 * <p>Everything takes and returns {@code String} and {@code byte[]}: no file or stream I/O. Bouncy
 * Castle does the ASN.1 and PEM work through an explicit provider instance, never a globally registered
 * provider; keys come from the JDK's key factories where the JDK supports them. Failures are {@link
 * dev.jwkit.jose.JwkitException}s with the codes {@code jose.malformed_input}, {@code
 * jose.input_too_large}, {@code jwk.unsupported_key}, {@code jwk.invalid_key}, {@code
 * pem.password_required}, {@code pem.wrong_password}, {@code x509.key_mismatch}, {@code
 * x509.path_invalid} and {@code jws.signing_failed}, and never carry key material.
 */
@NullMarked
package dev.jwkit.jose.pem;

import org.jspecify.annotations.NullMarked;
