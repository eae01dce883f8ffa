package dev.jwkit.jose.jwk;

import dev.jwkit.jose.Base64Url;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes JWK JSON objects in jwkit's member order: kty, key members, metadata, unknown members. */
final class JwkJson {

  private JwkJson() {}

  static LinkedHashMap<String, Object> start(String kty) {
    LinkedHashMap<String, Object> map = new LinkedHashMap<>();
    map.put(Members.KTY, kty);
    return map;
  }

  static void putBytes(Map<String, Object> map, String name, byte[] value) {
    map.put(name, Base64Url.encode(value));
  }

  static Map<String, Object> finish(LinkedHashMap<String, Object> map, JwkMetadata md) {
    md.kid().ifPresent(v -> map.put(Members.KID, v));
    md.use().ifPresent(v -> map.put(Members.USE, v));
    if (!md.keyOps().isEmpty()) {
      map.put(Members.KEY_OPS, Collections.unmodifiableList(new ArrayList<>(md.keyOps())));
    }
    md.alg().ifPresent(v -> map.put(Members.ALG, v));
    md.x5u().ifPresent(v -> map.put(Members.X5U, v));
    if (!md.x5c().isEmpty()) {
      map.put(Members.X5C, md.x5c());
    }
    md.x5t().ifPresent(v -> map.put(Members.X5T, v));
    md.x5tS256().ifPresent(v -> map.put(Members.X5T_S256, v));
    map.putAll(md.extra());
    return Collections.unmodifiableMap(map);
  }

  /** {@code {"a":"..","b":".."}} for the RFC 7638 required members, given in lexicographic order. */
  static String canonical(String... namesAndValues) {
    StringBuilder sb = new StringBuilder(160).append('{');
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append('"').append(namesAndValues[i]).append("\":\"").append(namesAndValues[i + 1]).append('"');
    }
    return sb.append('}').toString();
  }
}
