package dev.jwkit.jwks.application;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jws.JwsHeader;
import dev.jwkit.jose.jwt.JwtClaims;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingError;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.model.ManagedKey;
import dev.jwkit.jwks.model.RotationPolicy;
import dev.jwkit.jwks.port.KeyCustody;
import dev.jwkit.jwks.port.KeyRingRepository;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Issues JWTs from a key ring: signed with the ring's active key through the {@link KeyCustody}. It is the
 * one issuer for a ring, as jose-core's {@code JwtSigner} is the one signer for a single key.
 *
 * <p>Each token gets a header with {@code alg} (the key's algorithm), {@code kid} and {@code typ}
 * (default {@code "JWT"}), and the claims {@code iat} (now), {@code exp} ({@code iat} plus the requested
 * lifetime, clamped to the policy's issuance guard {@code min(T, W − S − Δ)}; an {@code exp} in the given
 * claims is kept only if it is earlier), {@code jti} (128 random bits, unless given), and {@code iss}
 * when configured and not given.
 *
 * <p>The ring is reloaded from the repository at most every tick {@code Δ} of the policy: the retirement
 * window {@code W ≥ T + S + Δ} is what makes a one-tick-old view safe to sign with. If the custody
 * refuses the key (another replica retired it meanwhile), the ring is reloaded once and the token is
 * signed with the new active key.
 *
 * <pre>{@code
 * JwtIssuer issuer = JwtIssuer.builder(repository, custody).issuer("https://issuer.example").build();
 * String jwt = issuer.issue(JwtClaims.builder().subject("alice").audience("api").build());
 * }</pre>
 *
 * <p>Defaults: the system UTC clock, the ring {@link KeyRingId#DEFAULT}, {@link RotationPolicy#defaults()}
 * (give the policy the ring is rotated with, so that lifetimes are clamped to it), {@code typ} {@value
 * #DEFAULT_TYPE}, no {@code iss}.
 *
 * <h2>Security</h2>
 * Only the active key signs; a pending or retired key never does. Messages carry kids, never claims.
 *
 * <h2>Thread safety</h2>
 * Instances are safe for concurrent use (lock-free).
 */
public final class JwtIssuer {

  /** The default {@code typ} header: {@code "JWT"}. */
  public static final String DEFAULT_TYPE = "JWT";

  private static final int JTI_BYTES = 16;

  private final RingCache<Optional<KeyRing>> cache;
  private final KeyCustody custody;
  private final RotationPolicy policy;
  private final Optional<String> issuer;
  private final String type;
  private final SecureRandom random = new SecureRandom();

  private JwtIssuer(Builder b) {
    this.policy = b.policy;
    this.custody = b.custody;
    this.cache = new RingCache<>(b.repository, b.ringId, b.clock, policy.tick(), ring -> ring);
    this.issuer = Optional.ofNullable(b.issuer);
    this.type = b.type;
  }

  /**
   * An issuer of the default ring in {@code repository}, signing through {@code custody}, with every default.
   *
   * @param repository where the ring is stored
   * @param custody the custody that holds the ring's keys (the one that generated them)
   * @return the issuer
   */
  public static JwtIssuer of(KeyRingRepository repository, KeyCustody custody) {
    return builder(repository, custody).build();
  }

  /**
   * A builder of an issuer of a ring in {@code repository}, signing through {@code custody}; every other
   * setting has a default.
   *
   * @param repository where the ring is stored
   * @param custody the custody that holds the ring's keys (the one that generated them)
   * @return the builder
   */
  public static Builder builder(KeyRingRepository repository, KeyCustody custody) {
    return new Builder(Objects.requireNonNull(repository, "repository"), Objects.requireNonNull(custody, "custody"));
  }

  /**
   * Signs {@code claims} for the policy's maximum token lifetime {@code T}.
   *
   * @throws JwkitException {@link KeyRingError#NOT_FOUND} if the ring is not stored, {@link
   *     KeyRingError#CUSTODY_FAILED} if the custody cannot sign
   */
  public String issue(JwtClaims claims) {
    return issue(claims, policy.maxTokenLifetime());
  }

  /**
   * Signs {@code claims} for {@code lifetime}, clamped to the policy's issuance guard.
   *
   * @throws IllegalArgumentException if {@code lifetime} is not positive
   * @throws JwkitException {@link KeyRingError#NOT_FOUND} if the ring is not stored, {@link
   *     KeyRingError#CUSTODY_FAILED} if the custody cannot sign
   */
  public String issue(JwtClaims claims, Duration lifetime) {
    Objects.requireNonNull(claims, "claims");
    Duration clamped = policy.clampTokenLifetime(lifetime);
    RingCache.Snapshot<Optional<KeyRing>> snapshot = cache.get();
    try {
      return sign(activeKey(snapshot), claims, clamped);
    } catch (JwkitException e) {
      if (e.code() != KeyRingError.CUSTODY_FAILED) {
        throw e;
      }
      return sign(activeKey(cache.reload()), claims, clamped);
    }
  }

  /** The kid that currently signs (from the cached view of the ring). */
  public String activeKid() {
    return activeKey(cache.get()).kid();
  }

  private ManagedKey activeKey(RingCache.Snapshot<Optional<KeyRing>> snapshot) {
    KeyRing ring = snapshot.ring.orElseThrow(() -> new JwkitException(KeyRingError.NOT_FOUND,
        "no key ring " + cache.ringId() + " is stored; start it first"));
    return ring.activeKey();
  }

  private String sign(ManagedKey key, JwtClaims claims, Duration lifetime) {
    Instant now = cache.now();
    Instant exp = now.plus(lifetime);
    JwtClaims.Builder b = claims.toBuilder().issuedAt(now);
    b.expiration(claims.expiration().filter(given -> given.isBefore(exp)).orElse(exp));
    if (claims.jwtId().isEmpty()) {
      byte[] jti = new byte[JTI_BYTES];
      random.nextBytes(jti);
      b.jwtId(Base64Url.encode(jti));
    }
    if (claims.issuer().isEmpty()) {
      issuer.ifPresent(b::issuer);
    }
    JwsHeader header = JwsHeader.builder().alg(key.algorithm()).kid(key.kid()).typ(type).build();
    String signingInput = Base64Url.encodeUtf8(header.toJson()) + "."
        + Base64Url.encode(b.build().toJson().getBytes(StandardCharsets.UTF_8));
    byte[] signature = custody.sign(key.material(), signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + Base64Url.encode(signature);
  }

  @Override
  public String toString() {
    return "JwtIssuer[ring=" + cache.ringId() + ", custody=" + custody.name() + "]";
  }

  /** A builder of {@link JwtIssuer}; not thread-safe. */
  public static final class Builder {
    private final KeyRingRepository repository;
    private final KeyCustody custody;
    private KeyRingId ringId = KeyRingId.DEFAULT;
    private RotationPolicy policy = RotationPolicy.defaults();
    private Clock clock = SystemClock.utc();
    private @Nullable String issuer;
    private String type = DEFAULT_TYPE;

    private Builder(KeyRingRepository repository, KeyCustody custody) {
      this.repository = repository;
      this.custody = custody;
    }

    /** The {@code iss} to set when the claims have none. Default: none. @return this builder */
    public Builder issuer(String issuer) {
      this.issuer = Objects.requireNonNull(issuer, "issuer");
      return this;
    }

    /** The {@code typ} header (for example {@code "at+jwt"}). Default {@link #DEFAULT_TYPE}. @return this builder */
    public Builder type(String type) {
      Objects.requireNonNull(type, "type");
      if (type.isBlank()) {
        throw new IllegalArgumentException("type must not be blank");
      }
      this.type = type;
      return this;
    }

    /** The ring. Default {@link KeyRingId#DEFAULT}. @return this builder */
    public Builder ringId(KeyRingId ringId) {
      this.ringId = Objects.requireNonNull(ringId, "ringId");
      return this;
    }

    /**
     * The rotation policy the ring is rotated with: its lifetime guard clamps {@code exp} and its tick
     * bounds how stale the cached ring may be. Default {@link RotationPolicy#defaults()}.
     *
     * @return this builder
     */
    public Builder policy(RotationPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The clock for {@code iat} and {@code exp}. Default the system UTC clock. @return this builder */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Builds the issuer; the ring is loaded on the first {@link JwtIssuer#issue}. */
    public JwtIssuer build() {
      return new JwtIssuer(this);
    }
  }
}
