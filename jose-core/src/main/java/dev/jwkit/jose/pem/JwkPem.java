package dev.jwkit.jose.pem;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkMetadata;
import dev.jwkit.jose.jwk.OctJwk;
import dev.jwkit.jose.jwk.PrivateJwk;
import dev.jwkit.jose.jwk.PublicJwk;
import dev.jwkit.jose.internal.pem.KeyCodec;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The bridge between PEM and JWKs: PEM text to {@link PublicJwk} and {@link PrivateJwk} and back,
 * certificate chains to JWKs with {@code x5c}, and JWKs with {@code x5c} to validated chains.
 *
 * <p>A JWK read from PEM carries no {@code kid}, {@code alg} or {@code use}; add them with {@link
 * Jwk#withMetadata}. Where the PEM text holds certificates, the JWK gets {@code x5c} (leaf first) and
 * {@code x5t#S256}, after a check that the leaf certifies the key; {@code x5t} (SHA-1) is not set, since
 * RFC 7517 only needs one thumbprint and SHA-1 is deprecated (take {@link CertificateChain#x5t()} if a
 * peer insists).
 *
 * <pre>{@code
 * PrivateJwk signingKey = JwkPem.readPrivateJwk(keyAndChainPem, password);
 * String spki = JwkPem.writePublicKey(signingKey.toPublicJwk());
 * CertificateChain chain = JwkPem.validateX5c(publicJwk, validator, clock.instant());
 * }</pre>
 *
 * <h2>Security</h2>
 * {@code x5c} is never trusted by itself: {@link #validateX5c} checks that the leaf certifies the JWK's
 * key, that {@code x5t#S256} and {@code x5t}, where present, are the leaf's digests, and that the chain
 * validates to the validator's trust anchors. Messages never contain key material.
 *
 * <h2>Thread safety</h2>
 * This class is stateless and safe for concurrent use.
 */
public final class JwkPem {

  private JwkPem() {}

  // ---------------------------------------------------------------- PEM -> JWK

  /**
   * A public JWK from a PEM text that holds either one public key block ({@code PUBLIC KEY}, {@code RSA
   * PUBLIC KEY}) or certificates only (leaf first: the JWK is the leaf's key with {@code x5c} and {@code
   * x5t#S256}).
   *
   * @throws JwkitException MALFORMED_INPUT for any other content; UNSUPPORTED_KEY; INVALID_KEY
   */
  public static PublicJwk readPublicJwk(String pem) {
    Objects.requireNonNull(pem, "pem");
    List<PemBlock> blocks = PemBlock.lex(pem);
    if (blocks.get(0).type() == PemType.CERTIFICATE) {
      return toPublicJwk(CertificateChain.parsePem(pem));
    }
    return PublicJwk.of(Pem.readPublicKey(pem));
  }

  /**
   * A private JWK from a PEM text of one unencrypted private key block, optionally followed by its
   * certificate chain (leaf first; then {@code x5c} and {@code x5t#S256} are set).
   *
   * @throws JwkitException MALFORMED_INPUT for other content; PEM_PASSWORD_REQUIRED for an encrypted key;
   *     CERTIFICATE_KEY_MISMATCH if the leaf certificate is not for the key; UNSUPPORTED_KEY; INVALID_KEY
   */
  public static PrivateJwk readPrivateJwk(String pem) {
    Objects.requireNonNull(pem, "pem");
    return privateJwk(pem, null);
  }

  /**
   * A private JWK from a PEM text of one private key block, encrypted or not, optionally followed by its
   * certificate chain.
   *
   * @throws JwkitException as {@link #readPrivateJwk(String)}, and PEM_WRONG_PASSWORD
   */
  public static PrivateJwk readPrivateJwk(String pem, char[] password) {
    Objects.requireNonNull(pem, "pem");
    Objects.requireNonNull(password, "password");
    return privateJwk(pem, password);
  }

  private static PrivateJwk privateJwk(String pem, char @Nullable [] password) {
    List<PemBlock> blocks = PemBlock.lex(pem);
    PemBlock first = blocks.get(0);
    if (!first.type().isPrivateKey()) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, first.context() + ": expected a private key first");
    }
    for (PemBlock block : blocks.subList(1, blocks.size())) {
      if (block.type() != PemType.CERTIFICATE) {
        throw new JwkitException(JoseError.MALFORMED_INPUT,
            block.context() + ": expected only certificates after the private key");
      }
    }
    KeyPair pair = first.keyPair(password);
    PrivateJwk jwk = PrivateJwk.of(pair);
    if (blocks.size() == 1) {
      return jwk;
    }
    List<java.security.cert.X509Certificate> certificates = new java.util.ArrayList<>();
    for (PemBlock block : blocks.subList(1, blocks.size())) {
      certificates.add(block.certificate());
    }
    CertificateChain chain = CertificateChain.of(certificates);
    chain.requireLeafKey(pair.getPublic());
    return jwk.withMetadata(withChain(jwk.metadata(), chain));
  }

  /**
   * The private JWK of a JCA private key alone (as a key store returns it): the key is validated and its
   * public key derived.
   *
   * @throws JwkitException UNSUPPORTED_KEY for an unsupported or non-extractable key; INVALID_KEY
   */
  public static PrivateJwk toPrivateJwk(PrivateKey key) {
    Objects.requireNonNull(key, "key");
    return PrivateJwk.of(KeyCodec.keyPairOf(key));
  }

  /**
   * The private JWK of a JCA private key and its certificate chain (as a PKCS#12 or JKS entry holds
   * them): {@code x5c} and {@code x5t#S256} are set after a check that the leaf certifies the key.
   *
   * @throws JwkitException CERTIFICATE_KEY_MISMATCH if the leaf is not for the key; as {@link
   *     #toPrivateJwk(PrivateKey)} otherwise
   */
  public static PrivateJwk toPrivateJwk(PrivateKey key, CertificateChain chain) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(chain, "chain");
    KeyPair pair = KeyCodec.keyPairOf(key);
    chain.requireLeafKey(pair.getPublic());
    PrivateJwk jwk = PrivateJwk.of(pair);
    return jwk.withMetadata(withChain(jwk.metadata(), chain));
  }

  // ---------------------------------------------------------------- JWK -> PEM

  /** The public key of a JWK (public, or the public part of a private one) as a {@code PUBLIC KEY} block. */
  public static String writePublicKey(Jwk jwk) {
    return Pem.writePublicKey(publicKeyOf(jwk));
  }

  /**
   * The public key of a JWK as a {@code PUBLIC KEY} or {@code RSA PUBLIC KEY} block.
   *
   * @throws JwkitException UNSUPPORTED_KEY for a symmetric JWK or a key the type cannot hold
   */
  public static String writePublicKey(Jwk jwk, PemType type) {
    return Pem.writePublicKey(publicKeyOf(jwk), type);
  }

  /** A private JWK as an unencrypted {@code PRIVATE KEY} (PKCS#8) block. */
  public static String writePrivateKey(PrivateJwk jwk) {
    return writePrivateKey(jwk, PemType.PRIVATE_KEY);
  }

  /**
   * A private JWK as an unencrypted {@code PRIVATE KEY}, {@code RSA PRIVATE KEY} or {@code EC PRIVATE KEY}
   * block.
   *
   * @throws JwkitException UNSUPPORTED_KEY for a key the type cannot hold
   */
  public static String writePrivateKey(PrivateJwk jwk, PemType type) {
    Objects.requireNonNull(jwk, "jwk");
    return Pem.writePrivateKey(jwk.toPrivateKey(), type);
  }

  /** A private JWK as an {@code ENCRYPTED PRIVATE KEY} block (see {@link Pem#writeEncryptedPrivateKey}). */
  public static String writeEncryptedPrivateKey(PrivateJwk jwk, char[] password) {
    Objects.requireNonNull(jwk, "jwk");
    return Pem.writeEncryptedPrivateKey(jwk.toPrivateKey(), password);
  }

  /**
   * The JWK's {@code x5c} as PEM {@code CERTIFICATE} blocks, leaf first.
   *
   * @throws JwkitException MALFORMED_INPUT if the JWK has no {@code x5c} or an entry does not parse
   */
  public static String writeCertificates(Jwk jwk) {
    return x5cChain(jwk).toPem();
  }

  // ---------------------------------------------------------------- x5c

  /**
   * The public JWK of a chain's leaf with {@code x5c} (the whole chain) and {@code x5t#S256} set. The chain
   * is not validated.
   *
   * @throws JwkitException UNSUPPORTED_KEY or INVALID_KEY for the leaf's key
   */
  public static PublicJwk toPublicJwk(CertificateChain chain) {
    Objects.requireNonNull(chain, "chain");
    PublicJwk jwk = PublicJwk.of(chain.leafPublicKey());
    return jwk.withMetadata(withChain(jwk.metadata(), chain));
  }

  /**
   * The JWK's {@code x5c} as a chain, checked: the leaf certifies the JWK's key, {@code x5t#S256} and
   * {@code x5t} (where present) are the leaf's digests, and the chain validates to the validator's trust
   * anchors at the instant.
   *
   * @throws JwkitException CERTIFICATE_PATH_INVALID if the JWK has no {@code x5c} or the chain does not
   *     validate; CERTIFICATE_KEY_MISMATCH if the leaf or a thumbprint does not fit; MALFORMED_INPUT if an
   *     entry does not parse; UNSUPPORTED_KEY for a symmetric JWK
   */
  public static CertificateChain validateX5c(Jwk jwk, PkixValidator validator, Instant at) {
    Objects.requireNonNull(jwk, "jwk");
    Objects.requireNonNull(validator, "validator");
    Objects.requireNonNull(at, "at");
    PublicKey key = publicKeyOf(jwk);
    if (jwk.metadata().x5c().isEmpty()) {
      throw new JwkitException(JoseError.CERTIFICATE_PATH_INVALID, "the JWK has no x5c" + kidContext(jwk));
    }
    CertificateChain chain = x5cChain(jwk);
    try {
      chain.requireLeafKey(key);
    } catch (JwkitException e) {
      throw new JwkitException(e.code(), "the x5c leaf certificate does not certify the JWK's key" + kidContext(jwk), e);
    }
    Optional<String> x5tS256 = jwk.metadata().x5tS256();
    if (x5tS256.isPresent() && !x5tS256.get().equals(chain.x5tS256())) {
      throw new JwkitException(JoseError.CERTIFICATE_KEY_MISMATCH, "x5t#S256 is not the digest of the x5c leaf" + kidContext(jwk));
    }
    Optional<String> x5t = jwk.metadata().x5t();
    if (x5t.isPresent() && !x5t.get().equals(chain.x5t())) {
      throw new JwkitException(JoseError.CERTIFICATE_KEY_MISMATCH, "x5t is not the digest of the x5c leaf" + kidContext(jwk));
    }
    return validator.validate(chain, at);
  }

  private static CertificateChain x5cChain(Jwk jwk) {
    Objects.requireNonNull(jwk, "jwk");
    if (jwk.metadata().x5c().isEmpty()) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, "the JWK has no x5c" + kidContext(jwk));
    }
    return CertificateChain.fromX5c(jwk.metadata().x5c());
  }

  private static JwkMetadata withChain(JwkMetadata metadata, CertificateChain chain) {
    return metadata.toBuilder().x5c(chain.toX5c()).x5tS256(chain.x5tS256()).build();
  }

  private static PublicKey publicKeyOf(Jwk jwk) {
    Objects.requireNonNull(jwk, "jwk");
    if (jwk instanceof PublicJwk) {
      return ((PublicJwk) jwk).toPublicKey();
    }
    if (jwk instanceof PrivateJwk) {
      return ((PrivateJwk) jwk).toPublicKey();
    }
    if (jwk instanceof OctJwk) {
      throw new JwkitException(JoseError.UNSUPPORTED_KEY, "a symmetric (oct) JWK has no public key" + kidContext(jwk));
    }
    throw new AssertionError(jwk);
  }

  private static String kidContext(Jwk jwk) {
    return jwk.kid().map(kid -> " (kid=" + kid + ")").orElse("");
  }
}
