package dev.jwkit.adapters.vault.testing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Transit secrets engine of the fake Vault (VAULT-API.md B2, ROTATION.md A2). Keys are real JCA
 * key pairs, so signatures made here verify with any JOSE library.
 */
public final class FakeTransit {

  private static final Set<String> TYPES = Set.of("rsa-2048", "rsa-3072", "rsa-4096", "ecdsa-p256",
      "ecdsa-p384", "ecdsa-p521", "ed25519", "aes256-gcm96");
  private static final Set<String> CREATE_PARAMS = Set.of("type", "exportable", "allow_plaintext_backup",
      "auto_rotate_period", "derived", "convergent_encryption", "key_size", "managed_key_name", "managed_key_id");
  private static final Set<String> CONFIG_PARAMS = Set.of("min_decryption_version", "min_encryption_version",
      "deletion_allowed", "exportable", "allow_plaintext_backup", "auto_rotate_period");
  private static final Set<String> SIGN_PARAMS = Set.of("input", "key_version", "hash_algorithm", "algorithm",
      "marshaling_algorithm", "signature_algorithm", "salt_length", "prehashed", "context", "batch_input", "reference");
  private static final Set<String> VERIFY_PARAMS = Set.of("input", "signature", "hmac", "hash_algorithm", "algorithm",
      "marshaling_algorithm", "signature_algorithm", "salt_length", "prehashed", "context", "batch_input", "cmac");
  private static final Pattern PREFIX = Pattern.compile("vault:v(\\d+):(.*)", Pattern.DOTALL);

  private record KeyVersion(KeyPair pair, Instant created) {}

  private static final class TKey {
    final String name;
    final String type;
    final TreeMap<Long, KeyVersion> versions = new TreeMap<>();
    long latest;
    long minDecryption = 1;
    long minEncryption;
    boolean deletionAllowed;
    boolean exportable;
    boolean plaintextBackup;
    long autoRotateSeconds;

    TKey(String name, String type) {
      this.name = name;
      this.type = type;
    }
  }

  /**
   * How the sign and verify endpoints treat {@code salt_length}. Vault 1.12 added it ({@code
   * builtin/logical/transit/path_sign_verify.go}, {@code getSaltLength}); before, the field is not in the
   * path's schema, so the framework ignores it and warns {@code Endpoint ignored these unrecognized
   * parameters: [salt_length]} ({@code sdk/framework/backend.go}, {@code HandleRequest}), and PSS
   * signatures use {@code rsa.PSSSaltLengthAuto}: the largest salt ({@code sdk/helper/keysutil/policy.go},
   * {@code SignWithOptions}), which no JOSE verifier accepts (RFC 7518 §3.5 wants the hash length).
   */
  public enum SaltLength {
    /** Vault 1.12 and later, OpenBao. */
    HONOURED,
    /** Vault 1.11 and older: ignored, with the framework's warning. */
    IGNORED_WITH_WARNING,
    /** Ignored without a warning (a proxy that drops warnings): only a local check of the signature sees it. */
    IGNORED_SILENTLY
  }

  private final String mount;
  private final Clock clock;
  private final Map<String, TKey> keys = new TreeMap<>();
  private volatile SaltLength saltLength = SaltLength.HONOURED;

  FakeTransit(String mount, Clock clock) {
    this.mount = mount;
    this.clock = clock;
  }

  /** Makes sign and verify treat {@code salt_length} as the given Vault release does. */
  public void saltLength(SaltLength mode) {
    saltLength = mode;
  }

  /** The JCA public key of a version, for test assertions. */
  public synchronized PublicKey publicKey(String name, long version) {
    return keys.get(name).versions.get(version).pair().getPublic();
  }

  public synchronized boolean exists(String name) {
    return keys.containsKey(name);
  }

  public synchronized long latestVersion(String name) {
    return keys.get(name).latest;
  }

  public synchronized long minEncryptionVersion(String name) {
    return keys.get(name).minEncryption;
  }

  public synchronized long minDecryptionVersion(String name) {
    return keys.get(name).minDecryption;
  }

  public synchronized boolean exportable(String name) {
    return keys.get(name).exportable;
  }

  synchronized Reply handle(String verb, String rest, Map<String, String> query, Map<String, Object> body) {
    String[] parts = rest.split("/", -1);
    try {
      if (parts[0].equals("keys")) {
        if (verb.equals("LIST") && (parts.length == 1 || parts[1].isEmpty())) {
          return keys.isEmpty() ? Reply.notFound() : Reply.ok(Map.of("keys", List.copyOf(keys.keySet())), null, "transit");
        }
        if (parts.length == 2) {
          return key(verb, parts[1], body);
        }
        if (parts.length == 3 && parts[2].equals("rotate") && verb.equals("POST")) {
          return rotate(parts[1]);
        }
        if (parts.length == 3 && parts[2].equals("config") && verb.equals("POST")) {
          return config(parts[1], body);
        }
      }
      if (parts[0].equals("sign") && verb.equals("POST") && (parts.length == 2 || parts.length == 3)) {
        return sign(parts[1], parts.length == 3 ? parts[2] : null, body);
      }
      if (parts[0].equals("verify") && verb.equals("POST") && (parts.length == 2 || parts.length == 3)) {
        return verify(parts[1], parts.length == 3 ? parts[2] : null, body);
      }
      if (parts[0].equals("export") && parts.length >= 3 && parts[1].equals("public-key") && verb.equals("GET")) {
        return export(parts[2], parts.length == 4 ? parts[3] : null);
      }
    } catch (GeneralSecurityException e) {
      return Reply.coreError(500, "fake transit crypto failure: " + e.getMessage());
    }
    return Reply.coreError(404, "no handler for route \"" + mount + "/" + rest + "\". route entry not found.");
  }

  private Reply key(String verb, String name, Map<String, Object> body) throws GeneralSecurityException {
    TKey k = keys.get(name);
    switch (verb) {
      case "GET":
        return k == null ? Reply.notFound() : Reply.ok(info(k), null, "transit");
      case "POST":
      case "PUT": {
        List<String> warnings = Reply.unknownParams(body, CREATE_PARAMS);
        if (k != null) {
          warnings.add("key " + name + " already existed");
          return Reply.ok(info(k), warnings, "transit");
        }
        String type = body.get("type") instanceof String ? (String) body.get("type") : "aes256-gcm96";
        if (!TYPES.contains(type)) {
          return Reply.error(400, "unknown key type " + type);
        }
        Object arp = body.get("auto_rotate_period");
        long arpSeconds = arp == null ? 0 : parseDuration(arp.toString());
        if (arpSeconds != 0 && arpSeconds < 3600) {
          return Reply.error(400, "auto rotate period must be 0 to disable or at least an hour");
        }
        TKey created = new TKey(name, type);
        created.exportable = Boolean.TRUE.equals(body.get("exportable"));
        created.plaintextBackup = Boolean.TRUE.equals(body.get("allow_plaintext_backup"));
        created.autoRotateSeconds = arpSeconds;
        addVersion(created);
        keys.put(name, created);
        return Reply.ok(info(created), warnings, "transit");
      }
      case "DELETE":
        if (k == null) {
          return Reply.noContent(null, "transit");
        }
        if (!k.deletionAllowed) {
          return Reply.error(400, "deletion is not allowed for this key");
        }
        keys.remove(name);
        return Reply.noContent(null, "transit");
      default:
        return Reply.coreError(405, "unsupported operation");
    }
  }

  private Reply rotate(String name) throws GeneralSecurityException {
    TKey k = keys.get(name);
    if (k == null) {
      return Reply.error(400, "key not found");
    }
    addVersion(k);
    return Reply.ok(info(k), null, "transit");
  }

  private Reply config(String name, Map<String, Object> body) {
    TKey k = keys.get(name);
    if (k == null) {
      return Reply.error(400, "no existing key named " + name + " could be found");
    }
    List<String> warnings = Reply.unknownParams(body, CONFIG_PARAMS);
    long minDec = k.minDecryption;
    long minEnc = k.minEncryption;
    if (body.containsKey("min_decryption_version")) {
      long v = num(body.get("min_decryption_version"));
      if (v < 0) {
        return Reply.error(400, "min decryption version cannot be negative");
      }
      if (v == 0) {
        v = 1;
        warnings.add("since Vault 0.3, transit key numbering starts at 1; forcing minimum to 1");
      }
      minDec = v;
    }
    if (body.containsKey("min_encryption_version")) {
      long v = num(body.get("min_encryption_version"));
      if (v < 0) {
        return Reply.error(400, "min encryption version cannot be negative");
      }
      minEnc = v;
    }
    if (minDec > k.latest) {
      return Reply.error(400, "cannot set min decryption version of " + minDec + ", latest key version is " + k.latest);
    }
    if (minEnc > k.latest) {
      return Reply.error(400, "cannot set min encryption version of " + minEnc + ", latest key version is " + k.latest);
    }
    if (minEnc > 0 && minEnc < minDec) {
      return Reply.error(400, "cannot set min encryption/decryption values; min encryption version of " + minEnc
          + " must be greater than or equal to min decryption version of " + minDec);
    }
    k.minDecryption = minDec;
    k.minEncryption = minEnc;
    if (body.get("deletion_allowed") instanceof Boolean) {
      k.deletionAllowed = (Boolean) body.get("deletion_allowed");
    }
    if (Boolean.TRUE.equals(body.get("exportable"))) {
      k.exportable = true; // one-way
    }
    if (Boolean.TRUE.equals(body.get("allow_plaintext_backup"))) {
      k.plaintextBackup = true;
    }
    return Reply.ok(info(k), warnings, "transit");
  }

  /** The body as the release of {@link #saltLength} reads it, and the warnings it gives for it. */
  private Map<String, Object> asReleaseReads(Map<String, Object> body, Set<String> known, List<String> warnings) {
    if (saltLength == SaltLength.HONOURED || !body.containsKey("salt_length")) {
      warnings.addAll(Reply.unknownParams(body, known));
      return body;
    }
    Set<String> older = new java.util.HashSet<>(known);
    older.remove("salt_length");
    if (saltLength == SaltLength.IGNORED_WITH_WARNING) {
      warnings.addAll(Reply.unknownParams(body, older));
    }
    Map<String, Object> read = new TreeMap<>(body);
    read.remove("salt_length");
    return read;
  }

  private Reply sign(String name, String urlHash, Map<String, Object> requestBody) throws GeneralSecurityException {
    List<String> warnings = new java.util.ArrayList<>();
    Map<String, Object> body = asReleaseReads(requestBody, SIGN_PARAMS, warnings);
    TKey k = keys.get(name);
    if (k == null) {
      return Reply.error(400, "signing key not found");
    }
    if (k.type.startsWith("aes")) {
      return Reply.error(400, "key type " + k.type + " does not support signing");
    }
    String hash = hash(urlHash, body);
    if (!hash.matches("sha1|sha2-(224|256|384|512)|none")) {
      return Reply.error(400, "invalid hash algorithm \"" + hash + "\"");
    }
    String marshaling = str(body, "marshaling_algorithm", "asn1");
    if (!marshaling.equals("asn1") && !marshaling.equals("jws")) {
      return Reply.error(400, "invalid marshaling type \"" + marshaling + "\"");
    }
    String sigAlg = str(body, "signature_algorithm", "pss");
    boolean prehashed = Boolean.TRUE.equals(body.get("prehashed"));
    if (hash.equals("none") && !(prehashed && sigAlg.equals("pkcs1v15"))) {
      return Reply.error(400, "hash_algorithm=none requires both prehashed=true and signature_algorithm=pkcs1v15");
    }
    byte[] input;
    try {
      input = Base64.getDecoder().decode(str(body, "input", ""));
    } catch (IllegalArgumentException e) {
      return Reply.error(400, "unable to decode input as base64: illegal base64 data");
    }
    long ver = body.containsKey("key_version") ? num(body.get("key_version")) : 0;
    if (ver == 0) {
      ver = k.latest;
    }
    if (ver < 0) {
      return Reply.coreError(500, "requested version for signing is negative");
    }
    if (ver > k.latest) {
      return Reply.coreError(500, "requested version for signing is higher than the latest key version");
    }
    if (k.minEncryption > 0 && ver < k.minEncryption) {
      return Reply.coreError(500, "requested version for signing is less than the minimum encryption key version");
    }
    KeyVersion kv = k.versions.get(ver);
    byte[] sig = jcaSign(k.type, kv.pair(), hash, sigAlg, str(body, "salt_length", "auto"), input);
    String encoded = marshaling.equals("jws")
        ? Base64.getUrlEncoder().withoutPadding().encodeToString(k.type.startsWith("ecdsa") ? derToConcat(sig, fieldBytes(k.type)) : sig)
        : Base64.getEncoder().encodeToString(sig);
    Map<String, Object> d = new TreeMap<>();
    d.put("key_version", ver);
    d.put("signature", "vault:v" + ver + ":" + encoded);
    return Reply.ok(d, warnings, "transit");
  }

  private Reply verify(String name, String urlHash, Map<String, Object> requestBody) throws GeneralSecurityException {
    List<String> warnings = new java.util.ArrayList<>();
    Map<String, Object> body = asReleaseReads(requestBody, VERIFY_PARAMS, warnings);
    TKey k = keys.get(name);
    if (k == null) {
      return Reply.error(400, "signature verification key not found");
    }
    Object signature = body.get("signature");
    if (!(signature instanceof String)) {
      return Reply.error(400, "neither a 'signature' nor an 'hmac' were given to verify");
    }
    String hash = hash(urlHash, body);
    String marshaling = str(body, "marshaling_algorithm", "asn1");
    String sigAlg = str(body, "signature_algorithm", "pss");
    Matcher m = PREFIX.matcher((String) signature);
    if (!m.matches()) {
      return Reply.error(400, "invalid signature: no prefix");
    }
    long ver = Long.parseLong(m.group(1));
    if (ver > k.latest) {
      return Reply.error(400, "invalid signature: version is too new");
    }
    if (k.minDecryption > 0 && ver < k.minDecryption) {
      return Reply.error(400, "ciphertext or signature version is disallowed by policy (too old)");
    }
    byte[] sig;
    try {
      sig = marshaling.equals("jws") ? Base64.getUrlDecoder().decode(m.group(2)) : Base64.getDecoder().decode(m.group(2));
    } catch (IllegalArgumentException e) {
      return Reply.error(400, "invalid base64 signature value");
    }
    byte[] input = Base64.getDecoder().decode(str(body, "input", ""));
    KeyVersion kv = k.versions.get(ver);
    boolean valid;
    try {
      if (k.type.startsWith("ecdsa") && marshaling.equals("jws")) {
        sig = concatToDer(sig);
      }
      valid = jcaVerify(k.type, kv.pair(), hash, sigAlg, str(body, "salt_length", "auto"), input, sig);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      valid = false;
    }
    return Reply.ok(Map.of("valid", valid), warnings, "transit");
  }

  private Reply export(String name, String version) {
    TKey k = keys.get(name);
    if (k == null) {
      return Reply.notFound();
    }
    Map<String, Object> ks = new TreeMap<>();
    k.versions.forEach((n, v) -> {
      if (version == null || version.equals(Long.toString(n)) || (version.equals("latest") && n == k.latest)) {
        ks.put(Long.toString(n), publicKeyString(k.type, v.pair()));
      }
    });
    Map<String, Object> d = new TreeMap<>();
    d.put("keys", ks);
    d.put("name", name);
    d.put("type", k.type);
    return Reply.ok(d, null, "transit");
  }

  private Map<String, Object> info(TKey k) {
    Map<String, Object> ks = new TreeMap<>();
    k.versions.forEach((n, v) -> {
      if (k.type.startsWith("aes")) {
        ks.put(Long.toString(n), v.created().getEpochSecond());
        return;
      }
      Map<String, Object> e = new TreeMap<>();
      e.put("certificate_chain", "");
      e.put("creation_time", FakeKv.ts(v.created()));
      e.put("hybrid_public_key", "");
      e.put("name", curveName(k.type));
      e.put("public_key", publicKeyString(k.type, v.pair()));
      ks.put(Long.toString(n), e);
    });
    Map<String, Object> d = new TreeMap<>();
    d.put("allow_plaintext_backup", k.plaintextBackup);
    d.put("auto_rotate_period", k.autoRotateSeconds);
    d.put("deletion_allowed", k.deletionAllowed);
    d.put("derived", false);
    d.put("exportable", k.exportable);
    d.put("imported_key", false);
    d.put("keys", ks);
    d.put("latest_version", k.latest);
    d.put("min_available_version", 0L);
    d.put("min_decryption_version", k.minDecryption);
    d.put("min_encryption_version", k.minEncryption);
    d.put("name", k.name);
    d.put("supports_decryption", k.type.startsWith("aes"));
    d.put("supports_derivation", k.type.equals("ed25519") || k.type.startsWith("aes"));
    d.put("supports_encryption", k.type.startsWith("aes"));
    d.put("supports_signing", !k.type.startsWith("aes"));
    d.put("type", k.type);
    return d;
  }

  private void addVersion(TKey k) throws GeneralSecurityException {
    k.latest++;
    k.versions.put(k.latest, new KeyVersion(generate(k.type), clock.instant()));
  }

  // ---- JCA -----------------------------------------------------------------------------------

  private static KeyPair generate(String type) throws GeneralSecurityException {
    switch (type) {
      case "rsa-2048":
      case "rsa-3072":
      case "rsa-4096": {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(Integer.parseInt(type.substring(4)));
        return g.generateKeyPair();
      }
      case "ecdsa-p256":
      case "ecdsa-p384":
      case "ecdsa-p521": {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp" + type.substring(7) + "r1"));
        return g.generateKeyPair();
      }
      case "ed25519":
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      default: // aes: a placeholder pair; never used for signing
        return new KeyPair(null, null);
    }
  }

  private static byte[] jcaSign(String type, KeyPair pair, String hash, String sigAlg, String salt, byte[] input)
      throws GeneralSecurityException {
    Signature s = signature(type, pair.getPublic(), hash, sigAlg, salt, false);
    s.initSign(pair.getPrivate());
    s.update(type.startsWith("ecdsa") ? digest(hash, input) : input);
    return s.sign();
  }

  private static boolean jcaVerify(String type, KeyPair pair, String hash, String sigAlg, String salt, byte[] input, byte[] sig)
      throws GeneralSecurityException {
    boolean[] attempts = type.startsWith("rsa") && sigAlg.equals("pss") && salt.equals("auto") ? new boolean[] {false, true} : new boolean[] {false};
    for (boolean alt : attempts) {
      Signature s = signature(type, pair.getPublic(), hash, sigAlg, salt, alt);
      s.initVerify(pair.getPublic());
      s.update(type.startsWith("ecdsa") ? digest(hash, input) : input);
      if (s.verify(sig)) {
        return true;
      }
    }
    return false;
  }

  private static Signature signature(String type, PublicKey pub, String hash, String sigAlg, String salt, boolean hashSalt)
      throws GeneralSecurityException {
    if (type.startsWith("ecdsa")) {
      return Signature.getInstance("NONEwithECDSA");
    }
    if (type.equals("ed25519")) {
      return Signature.getInstance("Ed25519");
    }
    String jcaHash = jcaHash(hash);
    if (sigAlg.equals("pkcs1v15")) {
      return Signature.getInstance(jcaHash.replace("-", "") + "withRSA");
    }
    int hashLen = MessageDigest.getInstance(jcaHash).getDigestLength();
    int modBits = ((RSAPublicKey) pub).getModulus().bitLength();
    int saltLen;
    if (salt.equals("hash") || hashSalt) {
      saltLen = hashLen;
    } else if (salt.equals("auto")) {
      saltLen = (modBits - 1 + 7) / 8 - 2 - hashLen; // Go's PSSSaltLengthAuto when signing
    } else {
      saltLen = Integer.parseInt(salt);
    }
    Signature s = Signature.getInstance("RSASSA-PSS");
    s.setParameter(new PSSParameterSpec(jcaHash, "MGF1", new MGF1ParameterSpec(jcaHash), saltLen, 1));
    return s;
  }

  private static byte[] digest(String hash, byte[] input) throws GeneralSecurityException {
    return MessageDigest.getInstance(jcaHash(hash)).digest(input);
  }

  private static String jcaHash(String hash) {
    switch (hash) {
      case "sha1":
        return "SHA-1";
      case "sha2-224":
        return "SHA-224";
      case "sha2-384":
        return "SHA-384";
      case "sha2-512":
        return "SHA-512";
      default:
        return "SHA-256";
    }
  }

  private static String publicKeyString(String type, KeyPair pair) {
    byte[] spki = pair.getPublic().getEncoded();
    if (type.equals("ed25519")) {
      return Base64.getEncoder().encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }
    String b64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(spki);
    return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
  }

  private static String curveName(String type) {
    if (type.startsWith("ecdsa-p")) {
      return "P-" + type.substring(7);
    }
    return type;
  }

  private static int fieldBytes(String type) {
    return type.equals("ecdsa-p256") ? 32 : type.equals("ecdsa-p384") ? 48 : 66;
  }

  // ---- ECDSA DER <-> R||S (format conversion only; JCA does the math) ----

  static byte[] derToConcat(byte[] der, int n) {
    int off = 2;
    if ((der[1] & 0x80) != 0) {
      off = 2 + (der[1] & 0x7f);
    }
    int rLen = der[off + 1];
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(der, off + 2, off + 2 + rLen));
    int sOff = off + 2 + rLen;
    int sLen = der[sOff + 1];
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(der, sOff + 2, sOff + 2 + sLen));
    byte[] out = new byte[2 * n];
    put(r, out, 0, n);
    put(s, out, n, n);
    return out;
  }

  private static void put(BigInteger v, byte[] out, int off, int n) {
    byte[] b = v.toByteArray();
    int start = b.length > n ? b.length - n : 0;
    System.arraycopy(b, start, out, off + n - (b.length - start), b.length - start);
  }

  static byte[] concatToDer(byte[] concat) {
    int n = concat.length / 2;
    byte[] r = new BigInteger(1, Arrays.copyOfRange(concat, 0, n)).toByteArray();
    byte[] s = new BigInteger(1, Arrays.copyOfRange(concat, n, 2 * n)).toByteArray();
    int len = 2 + r.length + 2 + s.length;
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(0x30);
    if (len > 127) {
      out.write(0x81);
    }
    out.write(len);
    out.write(0x02);
    out.write(r.length);
    out.write(r, 0, r.length);
    out.write(0x02);
    out.write(s.length);
    out.write(s, 0, s.length);
    return out.toByteArray();
  }

  private static String hash(String urlHash, Map<String, Object> body) {
    if (urlHash != null) {
      return urlHash;
    }
    return str(body, "hash_algorithm", str(body, "algorithm", "sha2-256"));
  }

  private static String str(Map<String, Object> body, String name, String dflt) {
    Object v = body.get(name);
    return v instanceof String ? (String) v : v instanceof Long ? v.toString() : dflt;
  }

  private static long num(Object v) {
    if (v instanceof Long) {
      return (Long) v;
    }
    return Long.parseLong(String.valueOf(v));
  }

  private static long parseDuration(String s) {
    if (s.matches("\\d+")) {
      return Long.parseLong(s);
    }
    Matcher m = Pattern.compile("(\\d+)([smhd])").matcher(s);
    long total = 0;
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      total += switch (m.group(2)) {
        case "s" -> n;
        case "m" -> n * 60;
        case "h" -> n * 3600;
        default -> n * 86400;
      };
    }
    return total;
  }

  @Override
  public String toString() {
    return "FakeTransit[" + mount + "]";
  }
}
