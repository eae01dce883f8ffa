package dev.jwkit.jose.jwk;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.JwkitException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The members of a JWK that describe a key rather than being part of it: the RFC 7517 §4 common members
 * and any members jwkit does not know, in {@link #extra()}. Only {@code oct} keys keep {@link #extra()}:
 * the public and private forms of RSA, EC and OKP keys drop it (see {@link PublicJwk}), so that no unknown
 * member of an imported key can reach a JWKS.
 *
 * <p>The compact constructor validates: {@code key_ops} entries are distinct (a {@link Set}; the parser
 * rejects a JSON array with duplicates), {@code use} and {@code key_ops} agree when both are present (RFC
 * 7517 §4.3: {@code sig} goes with {@code sign}/{@code verify}, {@code enc} with the encryption
 * operations), {@code x5c} entries are non-empty standard base64 (not base64url, RFC 7517 §4.7),
 * {@code x5t} and {@code x5t#S256} are canonical base64url of a SHA-1 or SHA-256 digest, {@code x5u} is a
 * URI, and {@link #extra()} holds only plain JSON values under names that are not registered members.
 * Whether {@code alg} fits the key is checked when the metadata is attached to a key.
 *
 * <p>{@code keyOps} keeps its insertion order and {@code extra} its member order. Instances are immutable
 * and safe for concurrent use.
 *
 * <p>The constructor throws {@link JwkitException} with {@link JoseError#MALFORMED_INPUT} when a member is
 * malformed, and {@link JoseError#INVALID_KEY} when {@code use} and {@code key_ops} disagree.
 *
 * @param kid the key id ({@code kid}), an opaque string
 * @param use the public key use ({@code use}), such as {@code "sig"} or {@code "enc"}
 * @param keyOps the key operations ({@code key_ops}); empty when absent
 * @param alg the algorithm the key is meant for ({@code alg})
 * @param x5c the certificate chain ({@code x5c}), standard base64 DER, leaf first; empty when absent
 * @param x5t the SHA-1 certificate thumbprint ({@code x5t}), base64url
 * @param x5tS256 the SHA-256 certificate thumbprint ({@code x5t#S256}), base64url
 * @param x5u the certificate URL ({@code x5u}); never fetched by jwkit
 * @param extra members jwkit does not interpret, in document order
 */
public record JwkMetadata(
    Optional<String> kid,
    Optional<String> use,
    Set<String> keyOps,
    Optional<String> alg,
    List<String> x5c,
    Optional<String> x5t,
    Optional<String> x5tS256,
    Optional<String> x5u,
    Map<String, Object> extra) {

  private static final JwkMetadata EMPTY = new JwkMetadata(Optional.empty(), Optional.empty(), Set.of(),
      Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

  private static final Set<String> SIG_OPS = Set.of("sign", "verify");
  private static final Set<String> ENC_OPS =
      Set.of("encrypt", "decrypt", "wrapKey", "unwrapKey", "deriveKey", "deriveBits");

  public JwkMetadata {
    Objects.requireNonNull(kid, "kid");
    Objects.requireNonNull(use, "use");
    Objects.requireNonNull(keyOps, "keyOps");
    Objects.requireNonNull(alg, "alg");
    Objects.requireNonNull(x5c, "x5c");
    Objects.requireNonNull(x5t, "x5t");
    Objects.requireNonNull(x5tS256, "x5tS256");
    Objects.requireNonNull(x5u, "x5u");
    Objects.requireNonNull(extra, "extra");
    // Empty members are the common case when a key set is parsed: share the immutable empty collections.
    keyOps = keyOps.isEmpty() ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(keyOps));
    for (String op : keyOps) {
      Objects.requireNonNull(op, "keyOps element");
    }
    x5c = x5c.isEmpty() ? List.of() : List.copyOf(x5c);
    extra = extra.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    checkUseAndOps(use, keyOps);
    for (String cert : x5c) {
      checkStandardBase64(cert);
    }
    x5t.ifPresent(t -> checkDigest(t, 20, "x5t"));
    x5tS256.ifPresent(t -> checkDigest(t, 32, "x5t#S256"));
    x5u.ifPresent(JwkMetadata::checkUri);
    for (Map.Entry<String, Object> member : extra.entrySet()) {
      Objects.requireNonNull(member.getKey(), "extra member name");
      if (Members.isRegistered(member.getKey())) {
        throw new JwkitException(JoseError.MALFORMED_INPUT,
            "extra members cannot use a registered JWK member name");
      }
      checkJsonValue(member.getValue());
    }
  }

  /** Metadata with no members. */
  public static JwkMetadata empty() {
    return EMPTY;
  }

  /** A builder for metadata, starting empty. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this metadata, for derived copies. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.kid = kid.orElse(null);
    b.use = use.orElse(null);
    b.keyOps.addAll(keyOps);
    b.alg = alg.orElse(null);
    b.x5c.addAll(x5c);
    b.x5t = x5t.orElse(null);
    b.x5tS256 = x5tS256.orElse(null);
    b.x5u = x5u.orElse(null);
    b.extra.putAll(extra);
    return b;
  }

  /** This metadata with {@code kid} set to the given value. */
  public JwkMetadata withKid(String newKid) {
    Objects.requireNonNull(newKid, "newKid");
    return toBuilder().kid(newKid).build();
  }

  private static void checkUseAndOps(Optional<String> use, Set<String> keyOps) {
    if (use.isEmpty() || keyOps.isEmpty()) {
      return;
    }
    Set<String> forbidden;
    if (use.get().equals("sig")) {
      forbidden = ENC_OPS;
    } else if (use.get().equals("enc")) {
      forbidden = SIG_OPS;
    } else {
      return;
    }
    for (String op : keyOps) {
      if (forbidden.contains(op)) {
        throw new JwkitException(JoseError.INVALID_KEY, "use and key_ops are inconsistent");
      }
    }
  }

  private static void checkStandardBase64(String cert) {
    Objects.requireNonNull(cert, "x5c element");
    try {
      if (cert.isEmpty() || Base64.getDecoder().decode(cert).length == 0) {
        throw new JwkitException(JoseError.MALFORMED_INPUT, "empty x5c certificate");
      }
    } catch (IllegalArgumentException e) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, "x5c certificate is not standard base64");
    }
  }

  private static void checkDigest(String value, int length, String member) {
    if (Base64Url.decode(value).length != length) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, member + " is not a digest of " + length + " bytes");
    }
  }

  private static void checkUri(String value) {
    try {
      new URI(value);
    } catch (URISyntaxException e) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, "x5u is not a URI");
    }
  }

  static void checkJsonValue(Object value) {
    if (value == Json.NULL || value instanceof String || value instanceof Boolean || value instanceof Long
        || value instanceof Integer || value instanceof BigInteger || value instanceof BigDecimal) {
      return;
    }
    if (value instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        if (!(e.getKey() instanceof String)) {
          throw new IllegalArgumentException("JSON object member names must be strings");
        }
        checkJsonValue(e.getValue());
      }
      return;
    }
    if (value instanceof List) {
      for (Object element : (List<?>) value) {
        checkJsonValue(element);
      }
      return;
    }
    throw new IllegalArgumentException("not a plain JSON value: " + (value == null ? "null" : value.getClass().getName()));
  }

  /**
   * A builder for {@link JwkMetadata}. Setters check their argument eagerly; {@link #build()} checks the
   * combinations. Not thread-safe.
   */
  public static final class Builder {
    private String kid;
    private String use;
    private final LinkedHashSet<String> keyOps = new LinkedHashSet<>();
    private String alg;
    private final List<String> x5c = new ArrayList<>();
    private String x5t;
    private String x5tS256;
    private String x5u;
    private final LinkedHashMap<String, Object> extra = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@code kid}. @return this builder */
    public Builder kid(String value) {
      this.kid = Objects.requireNonNull(value, "kid");
      return this;
    }

    /** Sets {@code use}, such as {@code "sig"}. @return this builder */
    public Builder use(String value) {
      this.use = Objects.requireNonNull(value, "use");
      return this;
    }

    /**
     * Sets {@code key_ops}, replacing any previous value; an empty collection removes the member.
     *
     * @return this builder
     * @throws IllegalArgumentException if an operation appears twice
     */
    public Builder keyOps(Collection<String> values) {
      Objects.requireNonNull(values, "keyOps");
      LinkedHashSet<String> copy = new LinkedHashSet<>();
      for (String op : values) {
        if (!copy.add(Objects.requireNonNull(op, "keyOps element"))) {
          throw new IllegalArgumentException("key_ops must not contain duplicates");
        }
      }
      keyOps.clear();
      keyOps.addAll(copy);
      return this;
    }

    /** Sets {@code alg}, such as {@code "ES256"}. @return this builder */
    public Builder alg(String value) {
      this.alg = Objects.requireNonNull(value, "alg");
      return this;
    }

    /** Sets {@code x5c} (standard base64 DER certificates, leaf first), replacing any previous value. @return this builder */
    public Builder x5c(List<String> values) {
      Objects.requireNonNull(values, "x5c");
      x5c.clear();
      for (String cert : values) {
        x5c.add(Objects.requireNonNull(cert, "x5c element"));
      }
      return this;
    }

    /** Sets {@code x5t}. @return this builder */
    public Builder x5t(String value) {
      this.x5t = Objects.requireNonNull(value, "x5t");
      return this;
    }

    /** Sets {@code x5t#S256}. @return this builder */
    public Builder x5tS256(String value) {
      this.x5tS256 = Objects.requireNonNull(value, "x5tS256");
      return this;
    }

    /** Sets {@code x5u}. @return this builder */
    public Builder x5u(String value) {
      this.x5u = Objects.requireNonNull(value, "x5u");
      return this;
    }

    /**
     * Adds or replaces an unregistered member.
     *
     * @return this builder
     * @throws IllegalArgumentException if the name is a registered JWK member or the value is not a plain
     *     JSON value (String, Boolean, Long, BigInteger, BigDecimal, Map, List, {@link Json#NULL})
     */
    public Builder extra(String name, Object value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (Members.isRegistered(name)) {
        throw new IllegalArgumentException("registered JWK member: " + name);
      }
      checkJsonValue(value);
      extra.put(name, value);
      return this;
    }

    /**
     * Removes a member, registered ({@code "kid"}, {@code "key_ops"}, {@code "x5t#S256"}, ...) or extra.
     *
     * @return this builder
     */
    public Builder remove(String name) {
      Objects.requireNonNull(name, "name");
      switch (name) {
        case Members.KID: kid = null; break;
        case Members.USE: use = null; break;
        case Members.KEY_OPS: keyOps.clear(); break;
        case Members.ALG: alg = null; break;
        case Members.X5C: x5c.clear(); break;
        case Members.X5T: x5t = null; break;
        case Members.X5T_S256: x5tS256 = null; break;
        case Members.X5U: x5u = null; break;
        default: extra.remove(name);
      }
      return this;
    }

    /**
     * Builds the metadata.
     *
     * @throws JwkitException as the {@link JwkMetadata} constructor does
     */
    public JwkMetadata build() {
      return new JwkMetadata(Optional.ofNullable(kid), Optional.ofNullable(use), keyOps, Optional.ofNullable(alg),
          x5c, Optional.ofNullable(x5t), Optional.ofNullable(x5tS256), Optional.ofNullable(x5u), extra);
    }
  }
}
