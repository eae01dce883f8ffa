package dev.jwkit.jose.jwk;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.KeyType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns a parsed JSON object into a validated {@link Jwk}; builds no JCA objects. */
final class JwkParser {

  private static final Set<String> RSA_MEMBERS = Set.of(Members.N, Members.E, Members.D, Members.P, Members.Q,
      Members.DP, Members.DQ, Members.QI, Members.OTH);
  private static final Set<String> EC_MEMBERS = Set.of(Members.CRV, Members.X, Members.Y, Members.D);
  private static final Set<String> OKP_MEMBERS = Set.of(Members.CRV, Members.X, Members.D);
  private static final Set<String> OCT_MEMBERS = Set.of(Members.K);

  /** Members that hold a secret, for any key type: private RSA/EC/OKP members and the oct key value. */
  private static final List<String> SECRET_MEMBERS = List.of(Members.D, Members.P, Members.Q, Members.DP,
      Members.DQ, Members.QI, Members.OTH, Members.K);

  private JwkParser() {}

  /**
   * Why a JWK object must not be used as a public key, looking only at member names: an {@code oct} key, or
   * the names of its private members. Empty for a key that may be public.
   */
  static Optional<String> secretMembers(Map<String, Object> json) {
    if (KeyType.OCT.jwkName().equals(json.get(Members.KTY))) {
      return Optional.of("symmetric (oct) key");
    }
    List<String> found = new ArrayList<>(2);
    for (String name : SECRET_MEMBERS) {
      if (json.containsKey(name)) {
        found.add(name);
      }
    }
    return found.isEmpty() ? Optional.empty()
        : Optional.of("key with private member" + (found.size() == 1 ? " " : "s ") + String.join(", ", found));
  }

  static Jwk parse(Map<String, Object> json) {
    KeyType kty = KeyType.fromJwkName(string(json, Members.KTY, true));
    JwkMetadata metadata = metadata(json);
    Set<String> allowed = allowedMembers(kty);
    for (String name : json.keySet()) {
      if (Members.KEY_MEMBERS.contains(name) && !name.equals(Members.KTY) && !allowed.contains(name)) {
        throw new JwkitException(JoseError.INVALID_KEY,
            "member " + name + " is not defined for kty " + kty.jwkName() + KeyChecks.kidContext(metadata));
      }
    }
    switch (kty) {
      case RSA: return rsa(json, metadata);
      case EC: return ec(json, metadata);
      case OKP: return okp(json, metadata);
      case OCT: return new OctJwk(bytes(json, Members.K), metadata);
      default: throw new AssertionError(kty);
    }
  }

  private static Set<String> allowedMembers(KeyType kty) {
    switch (kty) {
      case RSA: return RSA_MEMBERS;
      case EC: return EC_MEMBERS;
      case OKP: return OKP_MEMBERS;
      case OCT: return OCT_MEMBERS;
      default: throw new AssertionError(kty);
    }
  }

  private static Jwk rsa(Map<String, Object> json, JwkMetadata metadata) {
    if (json.containsKey(Members.OTH)) {
      throw new JwkitException(JoseError.UNSUPPORTED_KEY,
          "multi-prime RSA keys (oth) are not supported" + KeyChecks.kidContext(metadata));
    }
    RsaPublicJwk publicJwk = new RsaPublicJwk(bytes(json, Members.N), bytes(json, Members.E), metadata);
    int crt = 0;
    for (String m : new String[] {Members.P, Members.Q, Members.DP, Members.DQ, Members.QI}) {
      if (json.containsKey(m)) {
        crt++;
      }
    }
    if (!json.containsKey(Members.D)) {
      if (crt != 0) {
        throw new JwkitException(JoseError.INVALID_KEY, "RSA CRT members without d" + KeyChecks.kidContext(metadata));
      }
      return publicJwk;
    }
    if (crt != 0 && crt != 5) {
      throw new JwkitException(JoseError.INVALID_KEY,
          "RSA CRT members p, q, dp, dq, qi must be all present or all absent" + KeyChecks.kidContext(metadata));
    }
    byte[] d = bytes(json, Members.D);
    if (crt == 0) {
      return new RsaPrivateJwk(publicJwk, d, null, null, null, null, null);
    }
    return new RsaPrivateJwk(publicJwk, d, bytes(json, Members.P), bytes(json, Members.Q), bytes(json, Members.DP),
        bytes(json, Members.DQ), bytes(json, Members.QI));
  }

  private static Jwk ec(Map<String, Object> json, JwkMetadata metadata) {
    Curve crv = Curve.fromJwkName(string(json, Members.CRV, true));
    if (crv.keyType() != KeyType.EC) {
      throw new JwkitException(JoseError.INVALID_KEY, "crv " + crv.jwkName() + " is not an EC curve");
    }
    EcPublicJwk publicJwk = new EcPublicJwk(crv, bytes(json, Members.X), bytes(json, Members.Y), metadata);
    if (!json.containsKey(Members.D)) {
      return publicJwk;
    }
    return new EcPrivateJwk(publicJwk, bytes(json, Members.D));
  }

  private static Jwk okp(Map<String, Object> json, JwkMetadata metadata) {
    Curve crv = Curve.fromJwkName(string(json, Members.CRV, true));
    if (crv.keyType() != KeyType.OKP) {
      throw new JwkitException(JoseError.INVALID_KEY, "crv " + crv.jwkName() + " is not an OKP curve");
    }
    OkpPublicJwk publicJwk = new OkpPublicJwk(crv, bytes(json, Members.X), metadata);
    if (!json.containsKey(Members.D)) {
      return publicJwk;
    }
    return new OkpPrivateJwk(publicJwk, bytes(json, Members.D));
  }

  private static JwkMetadata metadata(Map<String, Object> json) {
    Map<String, Object> extra = Map.of();
    for (Map.Entry<String, Object> member : json.entrySet()) {
      if (!Members.isRegistered(member.getKey())) {
        if (extra.isEmpty()) {
          extra = new LinkedHashMap<>();
        }
        extra.put(member.getKey(), member.getValue());
      }
    }
    return new JwkMetadata(
        Optional.ofNullable(string(json, Members.KID, false)),
        Optional.ofNullable(string(json, Members.USE, false)),
        keyOps(json),
        Optional.ofNullable(string(json, Members.ALG, false)),
        stringList(json, Members.X5C),
        Optional.ofNullable(string(json, Members.X5T, false)),
        Optional.ofNullable(string(json, Members.X5T_S256, false)),
        Optional.ofNullable(string(json, Members.X5U, false)),
        extra);
  }

  private static Set<String> keyOps(Map<String, Object> json) {
    if (!json.containsKey(Members.KEY_OPS)) {
      return Set.of();
    }
    List<String> ops = stringList(json, Members.KEY_OPS);
    LinkedHashSet<String> set = new LinkedHashSet<>();
    for (String op : ops) {
      if (!set.add(op)) {
        throw new JwkitException(JoseError.MALFORMED_INPUT, "key_ops contains a duplicate");
      }
    }
    return set;
  }

  private static List<String> stringList(Map<String, Object> json, String name) {
    Object value = json.get(name);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List)) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, "JWK member " + name + " must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (Object element : (List<?>) value) {
      if (!(element instanceof String)) {
        throw new JwkitException(JoseError.MALFORMED_INPUT, "JWK member " + name + " must be an array of strings");
      }
      out.add((String) element);
    }
    return out;
  }

  static String string(Map<String, Object> json, String name, boolean required) {
    Object value = json.get(name);
    if (value == null) {
      if (required) {
        throw new JwkitException(JoseError.MALFORMED_INPUT, "JWK member " + name + " is missing");
      }
      return null;
    }
    if (!(value instanceof String)) {
      throw new JwkitException(JoseError.MALFORMED_INPUT, "JWK member " + name + " must be a string");
    }
    return (String) value;
  }

  private static byte[] bytes(Map<String, Object> json, String name) {
    String value = string(json, name, true);
    try {
      return Base64Url.decode(value);
    } catch (JwkitException e) {
      // Base64Url's message gives only an offset; say which member failed.
      throw new JwkitException(JoseError.MALFORMED_INPUT, "JWK member " + name + " is not canonical base64url");
    }
  }
}
