package dev.jwkit.jose.jws;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.JsonLimits;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.internal.crypto.JcaEngines;
import dev.jwkit.jose.internal.crypto.JcaSigner;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkAlgorithmBinding;
import dev.jwkit.jose.jwk.KeyUsage;
import dev.jwkit.jose.jwk.OctJwk;
import dev.jwkit.jose.jwk.PrivateJwk;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A prepared JWS signer for one private (or secret) key and one algorithm.
 *
 * <p>Preparation checks the key against the algorithm once (the JWK binding rule) and pools initialised
 * JCA objects. Outputs: the compact serialization ({@link #signCompact}), detached content ({@link
 * #signCompactDetached}), the flattened JSON serialization ({@link #signFlattened}), and a raw signature
 * over any signing input ({@link #sign(byte[])}, for key custody). ECDSA signatures are the fixed-length
 * {@code R‖S} form; RSA-PSS uses a salt as long as the hash and MGF1 with the same hash.
 *
 * <pre>{@code
 * JwsSigner signer = JwsSigner.of(privateJwk, JwsAlgorithm.ES256);
 * String token = signer.signCompact(
 *     JwsHeader.builder().alg(JwsAlgorithm.ES256).kid("k1").typ("JWT").build(), payloadBytes);
 * }</pre>
 *
 * <h2>Security</h2>
 * The header's {@code alg} must equal the signer's algorithm, so a token never claims an algorithm other
 * than the one used. The key never appears in {@code toString} or in exception messages.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use.
 */
public final class JwsSigner {

  private final JwsAlgorithm alg;
  private final JcaSigner engine;
  private final @Nullable String kid;

  private JwsSigner(JwsAlgorithm alg, JcaSigner engine, @Nullable String kid) {
    this.alg = alg;
    this.engine = engine;
    this.kid = kid;
  }

  /**
   * A signer for {@code alg} with {@code key}: a private JWK, or an {@code oct} key for HS*.
   *
   * @throws JwkitException {@link JoseError#KEY_MISMATCH} if the key does not fit the algorithm ({@code
   *     kty}, {@code crv}, the key's {@code alg}, {@code use}, {@code key_ops}, or a public key), {@link
   *     JoseError#INVALID_KEY} if it is too weak (RSA under 2048 bits, HMAC key shorter than the hash)
   */
  public static JwsSigner of(Jwk key, JwsAlgorithm alg) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(alg, "alg");
    JwkAlgorithmBinding.checkUsableFor(key, alg, KeyUsage.SIGN);
    Key jcaKey;
    if (key instanceof OctJwk) {
      jcaKey = ((OctJwk) key).toSecretKey();
    } else if (key instanceof PrivateJwk) {
      jcaKey = ((PrivateJwk) key).toPrivateKey();
    } else {
      throw new JwkitException(JoseError.KEY_MISMATCH, "signing needs a private or secret key (alg=" + alg.jwaName() + ")");
    }
    return forJcaKey(jcaKey, alg, key.kid().orElse(null), false);
  }

  /** A signer over a JCA key whose JWK-level checks the caller has done. */
  static JwsSigner forJcaKey(Key key, JwsAlgorithm alg, @Nullable String kid, boolean allowWeakRsa) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(alg, "alg");
    return new JwsSigner(alg, JcaEngines.signer(alg, key, allowWeakRsa), kid);
  }

  /** The algorithm this signer uses. */
  public JwsAlgorithm algorithm() {
    return alg;
  }

  /** The {@code kid} of the signing key, if it has one. */
  public Optional<String> kid() {
    return Optional.ofNullable(kid);
  }

  /**
   * Signs {@code payload} and returns the compact serialization {@code header.payload.signature}.
   *
   * <p>With {@code "b64": false} the payload is written as is, so it must consist of {@code [A-Za-z0-9_-]}
   * only (what {@link CompactJws#parse} accepts); use {@link #signCompactDetached} for any other content.
   *
   * @throws IllegalArgumentException if the header's {@code alg} is not this signer's algorithm, or an
   *     unencoded payload has characters a compact JWS cannot carry
   * @throws JwkitException {@link JoseError#SIGNING_FAILED} if the provider fails
   */
  public String signCompact(JwsHeader header, byte[] payload) {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(payload, "payload");
    checkAlg(header);
    String headerSegment = header.encoded();
    String payloadSegment;
    if (header.b64()) {
      payloadSegment = Base64Url.encode(payload);
    } else {
      payloadSegment = new String(payload, StandardCharsets.ISO_8859_1);
      for (int i = 0; i < payloadSegment.length(); i++) {
        char c = payloadSegment.charAt(i);
        boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || c == '-' || c == '_';
        if (!allowed) {
          throw new IllegalArgumentException(
              "an unencoded compact payload may only hold [A-Za-z0-9_-]; sign it detached");
        }
      }
    }
    byte[] signature = signSegments(headerSegment, payloadSegment.getBytes(StandardCharsets.ISO_8859_1));
    return headerSegment + '.' + payloadSegment + '.' + Base64Url.encode(signature);
  }

  /**
   * Signs {@code payload} as detached content (RFC 7515 Appendix F): the result has an empty payload
   * segment, and the verifier gets the payload separately ({@link CompactJws#parseDetached}).
   *
   * @throws IllegalArgumentException if the header's {@code alg} is not this signer's algorithm
   * @throws JwkitException {@link JoseError#SIGNING_FAILED} if the provider fails
   */
  public String signCompactDetached(JwsHeader header, byte[] payload) {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(payload, "payload");
    checkAlg(header);
    String headerSegment = header.encoded();
    byte[] payloadPart = header.b64() ? Base64Url.encode(payload).getBytes(StandardCharsets.US_ASCII) : payload;
    byte[] signature = signSegments(headerSegment, payloadPart);
    return headerSegment + ".." + Base64Url.encode(signature);
  }

  /**
   * Signs {@code payload} in the flattened JSON serialization, with {@code protectedHeader} integrity
   * protected and {@code unprotectedHeader} (possibly empty) carried alongside.
   *
   * @throws IllegalArgumentException if the header's {@code alg} is not this signer's algorithm, or the
   *     unprotected header overlaps the protected one or holds {@code crit}/{@code b64}
   * @throws JwkitException {@link JoseError#SIGNING_FAILED} if the provider fails
   */
  public FlattenedJws signFlattened(JwsHeader protectedHeader, Map<String, Object> unprotectedHeader,
      byte[] payload) {
    Objects.requireNonNull(protectedHeader, "protectedHeader");
    Objects.requireNonNull(unprotectedHeader, "unprotectedHeader");
    Objects.requireNonNull(payload, "payload");
    checkAlg(protectedHeader);
    // An immutable deep copy, which also checks that every value is a JSON value.
    Map<String, Object> unprotected = Json.parseObject(Json.write(unprotectedHeader), JsonLimits.TOKEN);
    try {
      FlattenedJws.checkUnprotected(protectedHeader, unprotected);
    } catch (JwkitException e) {
      throw new IllegalArgumentException("invalid unprotected header: " + e.getMessage(), e);
    }
    String headerSegment = protectedHeader.encoded();
    byte[] payloadPart = protectedHeader.b64()
        ? Base64Url.encode(payload).getBytes(StandardCharsets.US_ASCII)
        : payload;
    byte[] signingInput = FlattenedJws.signingInput(headerSegment, payloadPart);
    byte[] signature = engine.sign(signingInput, 0, signingInput.length);
    return FlattenedJws.of(protectedHeader, unprotected, payload, signingInput, signature);
  }

  /**
   * Signs raw bytes, normally a JWS signing input built elsewhere (key custody).
   *
   * @return the MAC or signature in JWS form (fixed-length {@code R‖S} for ECDSA)
   * @throws JwkitException {@link JoseError#SIGNING_FAILED} if the provider fails
   */
  public byte[] sign(byte[] signingInput) {
    Objects.requireNonNull(signingInput, "signingInput");
    return engine.sign(signingInput, 0, signingInput.length);
  }

  private byte[] signSegments(String headerSegment, byte[] payloadPart) {
    byte[] signingInput = FlattenedJws.signingInput(headerSegment, payloadPart);
    return engine.sign(signingInput, 0, signingInput.length);
  }

  private void checkAlg(JwsHeader header) {
    if (header.alg() != alg) {
      throw new IllegalArgumentException(
          "header alg " + header.alg().jwaName() + " is not the signer's " + alg.jwaName());
    }
  }

  @Override
  public String toString() {
    return "JwsSigner[alg=" + alg.jwaName() + (kid == null ? "" : ", kid=" + HeaderNames.safeKid(kid)) + ", key=<redacted>]";
  }
}
