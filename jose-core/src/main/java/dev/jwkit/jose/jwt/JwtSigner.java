package dev.jwkit.jose.jwt;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jws.JwsHeader;
import dev.jwkit.jose.jws.JwsSigner;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Creates signed JWTs in the compact serialization: the header gets {@code alg} (the signer's), {@code
 * kid} (the key's, when it has one) and {@code typ} ({@link #DEFAULT_TYPE} unless set otherwise), and
 * the payload is the claims set as JSON.
 *
 * <pre>{@code
 * JwtSigner signer = JwtSigner.builder()
 *     .key(privateJwk, JwsAlgorithm.ES256)
 *     .type("at+jwt")                 // RFC 9068 access tokens
 *     .build();
 * String token = signer.sign(claims);
 * }</pre>
 *
 * <p>For keys held in custody (an HSM, Vault Transit), {@link Builder#externalSigner} takes a function
 * from signing input to signature instead of a key; its output length is checked against the algorithm.
 *
 * <h2>Security</h2>
 * Only the compact serialization with a base64url-encoded payload is produced: {@code b64:false} (RFC
 * 7797) is never written, since JWTs must not use it. The signer does not add or check claims; issue
 * tokens with {@code exp} (verifiers require it by default) and an explicit {@code typ} per token kind
 * (RFC 8725 §3.11). The key never appears in {@code toString} or messages.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use; the {@link Builder} is not.
 */
public final class JwtSigner {

  /** The {@code typ} written by default: {@code JWT}, as RFC 7519 §5.1 recommends. */
  public static final String DEFAULT_TYPE = "JWT";

  private final JwsAlgorithm alg;
  private final Function<byte[], byte[]> signature;
  private final boolean external;
  private final Optional<String> type;
  private final Optional<String> kid;
  private final String headerSegment;

  private JwtSigner(JwsAlgorithm alg, Function<byte[], byte[]> signature, boolean external, Optional<String> type,
      Optional<String> kid) {
    this.alg = alg;
    this.signature = signature;
    this.external = external;
    this.type = type;
    this.kid = kid;
    JwsHeader.Builder header = JwsHeader.builder().alg(alg);
    kid.ifPresent(header::kid);
    type.ifPresent(header::typ);
    // The header is the same for every token: encode it once.
    this.headerSegment = Base64Url.encodeUtf8(header.build().toJson());
  }

  /**
   * A signer for a private (or secret) key and an algorithm, writing {@code typ: JWT}.
   *
   * @throws JwkitException {@link JoseError#KEY_MISMATCH} or {@link JoseError#INVALID_KEY} if the key
   *     cannot sign with the algorithm
   */
  public static JwtSigner of(Jwk key, JwsAlgorithm alg) {
    return builder().key(key, alg).build();
  }

  /** A builder; a key, a prepared {@link JwsSigner} or an external signer is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Signs the claims and returns the compact JWT {@code header.payload.signature}.
   *
   * @throws JwkitException {@link JoseError#SIGNING_FAILED} if the provider fails, or an external
   *     signature does not have the length of a JWS signature for the algorithm
   */
  public String sign(JwtClaims claims) {
    Objects.requireNonNull(claims, "claims");
    String signingInput = headerSegment + '.' + Base64Url.encode(claims.toJsonBytes());
    byte[] sig = signature.apply(signingInput.getBytes(StandardCharsets.US_ASCII));
    if (external) {
      SignatureShape.check(alg, sig);
    }
    return signingInput + '.' + Base64Url.encode(sig);
  }

  /** The algorithm written into {@code alg}. */
  public JwsAlgorithm algorithm() {
    return alg;
  }

  /** The {@code kid} written into the header, if any. */
  public Optional<String> kid() {
    return kid;
  }

  /** The {@code typ} written into the header, if any. */
  public Optional<String> type() {
    return type;
  }

  @Override
  public String toString() {
    return "JwtSigner[alg=" + alg.jwaName() + ", kid=" + kid.orElse("<none>") + ", typ="
        + type.orElse("<none>") + ", key=<redacted>]";
  }

  /** A builder of {@link JwtSigner}. */
  public static final class Builder {

    private Optional<JwsAlgorithm> alg = Optional.empty();
    private Optional<Function<byte[], byte[]>> signature = Optional.empty();
    private boolean external;
    private Optional<String> signerKid = Optional.empty();
    private Optional<String> type = Optional.of(DEFAULT_TYPE);
    private Optional<String> kid = Optional.empty();
    private boolean kidChosen;

    private Builder() {}

    /**
     * Signs with this key and algorithm, prepared once by {@link JwsSigner#of}; {@code kid} defaults to
     * the key's. Replaces any earlier key or signer.
     *
     * @return this builder
     * @throws JwkitException {@link JoseError#KEY_MISMATCH} or {@link JoseError#INVALID_KEY} if the key
     *     cannot sign with the algorithm
     */
    public Builder key(Jwk key, JwsAlgorithm alg) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(alg, "alg");
      return signer(JwsSigner.of(key, alg));
    }

    /** Signs with an already prepared signer; {@code kid} defaults to the signer's. @return this builder */
    public Builder signer(JwsSigner signer) {
      Objects.requireNonNull(signer, "signer");
      this.alg = Optional.of(signer.algorithm());
      this.signature = Optional.of(signer::sign);
      this.external = false;
      this.signerKid = signer.kid();
      return this;
    }

    /**
     * Signs through a function that computes the JWS signature of a signing input elsewhere, for keys
     * that never leave their custody (an HSM, Vault Transit). The function receives the ASCII bytes of
     * {@code base64url(header) '.' base64url(claims)} and must return the signature in JWS form
     * (fixed-length {@code R‖S} for ECDSA, not DER). Its result is checked for the length the algorithm
     * implies, so a DER or truncated signature fails at signing time. No {@code kid} is written unless
     * {@link #kid} is called. Replaces any earlier key or signer.
     *
     * @return this builder
     */
    public Builder externalSigner(JwsAlgorithm alg, Function<byte[], byte[]> signature) {
      this.alg = Optional.of(Objects.requireNonNull(alg, "alg"));
      this.signature = Optional.of(Objects.requireNonNull(signature, "signature"));
      this.external = true;
      this.signerKid = Optional.empty();
      return this;
    }

    /**
     * The {@code typ} to write, for example {@code at+jwt} (RFC 9068). Default {@link #DEFAULT_TYPE}.
     *
     * @return this builder
     * @throws IllegalArgumentException if the type is empty or has spaces or control characters
     */
    public Builder type(String type) {
      Objects.requireNonNull(type, "type");
      if (!TokenType.isValidConfigured(type)) {
        throw new IllegalArgumentException("type is not a valid media type name");
      }
      this.type = Optional.of(type);
      return this;
    }

    /** Writes no {@code typ} at all. @return this builder */
    public Builder withoutType() {
      this.type = Optional.empty();
      return this;
    }

    /**
     * The {@code kid} to write instead of the key's own.
     *
     * @return this builder
     * @throws IllegalArgumentException if the kid is empty
     */
    public Builder kid(String kid) {
      Objects.requireNonNull(kid, "kid");
      if (kid.isEmpty()) {
        throw new IllegalArgumentException("kid must not be empty");
      }
      this.kid = Optional.of(kid);
      this.kidChosen = true;
      return this;
    }

    /** Writes no {@code kid}, even if the key has one. @return this builder */
    public Builder withoutKid() {
      this.kid = Optional.empty();
      this.kidChosen = true;
      return this;
    }

    /**
     * The signer.
     *
     * @throws IllegalStateException if no key or signer was given
     */
    public JwtSigner build() {
      if (alg.isEmpty() || signature.isEmpty()) {
        throw new IllegalStateException("key, signer or externalSigner is required");
      }
      return new JwtSigner(alg.get(), signature.get(), external, type, kidChosen ? kid : signerKid);
    }
  }
}
