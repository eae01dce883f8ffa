package dev.jwkit.jwks.model;

import dev.jwkit.jose.Json;
import dev.jwkit.jose.JsonLimits;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.PrivateJwk;
import dev.jwkit.jose.jwk.PublicJwk;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The stored form of a {@link KeyRing}: a versioned JSON document of plain maps and lists, shared by
 * the file and Vault KV repositories so that a ring can move between them.
 *
 * <h2>Format, version 1</h2>
 * <pre>{@code
 * {
 *   "format": "jwkit.keyring",            // constant
 *   "formatVersion": 1,                   // readers refuse a newer version
 *   "ring": "default",                    // KeyRingId
 *   "version": 7,                         // the repository version at which this document was saved
 *   "keys": [                             // creation order
 *     {
 *       "kid": "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs",
 *       "alg": "ES256",
 *       "state": "ACTIVE",                  // PENDING | ACTIVE | RETIRED | EXPIRED | REVOKED
 *       "custody": "local",                 // or "vault-transit", ...
 *       "custodyRef": "NzbLsXh8…",          // the custody's opaque reference
 *       "publishedAt": "2026-01-01T00:00:00Z",
 *       "activatedAt": "2026-01-01T00:00:00Z",   // when present in the state (ISO-8601 UTC instants)
 *       "retiredAt": "…", "expiredAt": "…", "revokedAt": "…", "revocationReason": "…",
 *       "publicJwk": { "kty": "EC", … },    // always; public members only
 *       "privateJwk": { "kty": "EC", "d": … }   // only under local custody, only while PENDING or ACTIVE
 *     }
 *   ]
 * }
 * }</pre>
 * Instants are written by {@link Instant#toString()} and read by {@link Instant#parse}. Unknown members
 * are ignored (additions within a format version stay readable by older readers); a missing required
 * member or a newer {@code formatVersion} is refused.
 *
 * <h2>Security</h2>
 * Documents of rings under local custody contain private keys: repositories must store them with owner-only
 * permissions (file) or behind access policies (Vault). Error messages name the key index and member,
 * never values.
 *
 * <h2>Thread safety</h2>
 * Stateless; safe for concurrent use.
 */
public final class KeyRingDocument {

  /** The {@code format} member. */
  public static final String FORMAT = "jwkit.keyring";
  /**
   * The bound on a stored ring's {@code version}: 2^53, the largest integer every JSON reader keeps exact,
   * far above any count of saves, and far below the overflow of {@code version + 1}.
   */
  public static final long MAX_VERSION = 1L << 53;

  /** The format version this class writes and the newest it reads. */
  public static final int FORMAT_VERSION = 1;
  /**
   * The JSON bounds for reading a stored ring: 16 MiB, enough for thousands of RSA-4096 private keys,
   * still bounded.
   */
  public static final JsonLimits LIMITS = new JsonLimits(16 * 1024 * 1024, 16, 2_000_000, 64 * 1024, 64);

  private KeyRingDocument() {}

  /** The document of a ring, as plain maps and lists (for {@link Json#write}). */
  public static Map<String, Object> toMap(KeyRing ring) {
    Objects.requireNonNull(ring, "ring");
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("format", FORMAT);
    doc.put("formatVersion", (long) FORMAT_VERSION);
    doc.put("ring", ring.id().value());
    doc.put("version", ring.version());
    List<Object> keys = new ArrayList<>();
    for (ManagedKey k : ring.keys()) {
      keys.add(keyToMap(k));
    }
    doc.put("keys", keys);
    return doc;
  }

  private static Map<String, Object> keyToMap(ManagedKey k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kid", k.kid());
    m.put("alg", k.algorithm().jwaName());
    m.put("state", k.state().name());
    m.put("custody", k.material().custody());
    m.put("custodyRef", k.material().reference());
    m.put("publishedAt", k.publishedAt().toString());
    k.activatedAt().ifPresent(t -> m.put("activatedAt", t.toString()));
    k.retiredAt().ifPresent(t -> m.put("retiredAt", t.toString()));
    k.expiredAt().ifPresent(t -> m.put("expiredAt", t.toString()));
    k.revokedAt().ifPresent(t -> m.put("revokedAt", t.toString()));
    k.revocationReason().ifPresent(r -> m.put("revocationReason", r));
    m.put("publicJwk", k.material().publicJwk().toJsonObject());
    k.material().privateJwk().ifPresent(p -> m.put("privateJwk", p.toJsonObject()));
    return m;
  }

  /** The document of a ring as compact UTF-8 JSON. */
  public static byte[] toJson(KeyRing ring) {
    return Json.writeUtf8(toMap(ring));
  }

  /**
   * Reads a ring from UTF-8 JSON under {@link #LIMITS}.
   *
   * @throws JwkitException {@link KeyRingError#DOCUMENT_INVALID} for anything that is not a valid document
   *     of a supported format version
   */
  public static KeyRing parse(byte[] utf8) {
    Objects.requireNonNull(utf8, "utf8");
    Map<String, Object> doc;
    try {
      doc = Json.parseObject(utf8, LIMITS);
    } catch (JwkitException e) {
      throw invalid("not a JSON object (" + e.code().id() + ")", e);
    }
    return fromMap(doc);
  }

  /**
   * Reads a ring from a parsed document. The ring's version is the document's {@code version} member (0
   * if absent); repositories with their own versioning (Vault KV) replace it with {@link
   * KeyRing#withVersion}.
   *
   * @throws JwkitException {@link KeyRingError#DOCUMENT_INVALID} for anything that is not a valid document
   *     of a supported format version
   */
  public static KeyRing fromMap(Map<String, Object> doc) {
    Objects.requireNonNull(doc, "doc");
    if (!FORMAT.equals(doc.get("format"))) {
      throw invalid("member 'format' is not \"" + FORMAT + "\"", null);
    }
    long formatVersion = longMember(doc, "formatVersion", "document");
    if (formatVersion > FORMAT_VERSION) {
      throw invalid("format version " + formatVersion + " is newer than the supported " + FORMAT_VERSION
          + "; upgrade jwkit", null);
    }
    if (formatVersion < 1) {
      throw invalid("format version " + formatVersion + " is not valid", null);
    }
    KeyRingId id;
    try {
      id = KeyRingId.of(stringMember(doc, "ring", "document"));
    } catch (IllegalArgumentException e) {
      throw invalid("member 'ring' is not a valid ring id", e);
    }
    long version = doc.containsKey("version") ? longMember(doc, "version", "document") : 0;
    if (version < 0 || version >= MAX_VERSION) {
      // a hand-edited version; Long.MAX_VALUE would overflow on the next save
      throw invalid("member 'version' is out of range [0, " + MAX_VERSION + ")", null);
    }
    Object keysValue = doc.get("keys");
    if (!(keysValue instanceof List)) {
      throw invalid("member 'keys' is missing or not an array", null);
    }
    List<ManagedKey> keys = new ArrayList<>();
    List<?> list = (List<?>) keysValue;
    for (int i = 0; i < list.size(); i++) {
      Object entry = list.get(i);
      if (!(entry instanceof Map)) {
        throw invalid("key " + i + " is not an object", null);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> km = (Map<String, Object>) entry;
      keys.add(keyFromMap(km, "key " + i));
    }
    try {
      return KeyRing.of(id, version, keys);
    } catch (JwkitException | IllegalArgumentException e) {
      throw invalid("the keys are inconsistent: " + e.getMessage(), e);
    }
  }

  private static ManagedKey keyFromMap(Map<String, Object> m, String where) {
    try {
      String kid = stringMember(m, "kid", where);
      JwsAlgorithm alg = JwsAlgorithm.fromJwaName(stringMember(m, "alg", where));
      KeyState state;
      try {
        state = KeyState.valueOf(stringMember(m, "state", where));
      } catch (IllegalArgumentException e) {
        throw invalid(where + ": member 'state' is not a key state", e);
      }
      Jwk publicJwk = Jwk.fromJsonObject(objectMember(m, "publicJwk", where));
      if (!(publicJwk instanceof PublicJwk)) {
        throw invalid(where + ": member 'publicJwk' is not a public key", null);
      }
      KeyMaterial material;
      String custody = stringMember(m, "custody", where);
      String reference = stringMember(m, "custodyRef", where);
      if (m.containsKey("privateJwk")) {
        Jwk p = Jwk.fromJsonObject(objectMember(m, "privateJwk", where));
        if (!(p instanceof PrivateJwk)) {
          throw invalid(where + ": member 'privateJwk' is not a private key", null);
        }
        if (!p.thumbprint().matches(publicJwk.thumbprint())) {
          throw invalid(where + ": members 'privateJwk' and 'publicJwk' are different keys", null);
        }
        material = KeyMaterial.restore(kid, alg, (PrivateJwk) p, custody, reference);
      } else {
        material = KeyMaterial.restore(kid, alg, (PublicJwk) publicJwk, custody, reference);
      }
      ManagedKey.Builder b = ManagedKey.builder(material, state, instantMember(m, "publishedAt", where));
      optionalInstant(m, "activatedAt", where).ifPresent(b::activatedAt);
      optionalInstant(m, "retiredAt", where).ifPresent(b::retiredAt);
      optionalInstant(m, "expiredAt", where).ifPresent(b::expiredAt);
      optionalInstant(m, "revokedAt", where).ifPresent(b::revokedAt);
      if (m.containsKey("revocationReason")) {
        b.revocationReason(stringMember(m, "revocationReason", where));
      }
      return b.build();
    } catch (JwkitException e) {
      if (e.code() == KeyRingError.DOCUMENT_INVALID) {
        throw e;
      }
      throw invalid(where + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw invalid(where + ": " + e.getMessage(), e);
    }
  }

  private static String stringMember(Map<String, Object> m, String name, String where) {
    Object v = m.get(name);
    if (!(v instanceof String)) {
      throw invalid(where + ": member '" + name + "' is missing or not a string", null);
    }
    return (String) v;
  }

  private static long longMember(Map<String, Object> m, String name, String where) {
    Object v = m.get(name);
    if (!(v instanceof Long) && !(v instanceof Integer)) {
      throw invalid(where + ": member '" + name + "' is missing or not an integer", null);
    }
    return ((Number) v).longValue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> objectMember(Map<String, Object> m, String name, String where) {
    Object v = m.get(name);
    if (!(v instanceof Map)) {
      throw invalid(where + ": member '" + name + "' is missing or not an object", null);
    }
    return (Map<String, Object>) v;
  }

  private static Instant instantMember(Map<String, Object> m, String name, String where) {
    String s = stringMember(m, name, where);
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw invalid(where + ": member '" + name + "' is not an ISO-8601 instant", null);
    }
  }

  private static Optional<Instant> optionalInstant(Map<String, Object> m, String name, String where) {
    return m.containsKey(name) ? Optional.of(instantMember(m, name, where)) : Optional.empty();
  }

  private static JwkitException invalid(String message, @org.jspecify.annotations.Nullable Throwable cause) {
    return cause == null
        ? new JwkitException(KeyRingError.DOCUMENT_INVALID, message)
        : new JwkitException(KeyRingError.DOCUMENT_INVALID, message, cause);
  }
}
