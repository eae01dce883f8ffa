package dev.jwkit.adapters.vault.transit;

import dev.jwkit.adapters.vault.VaultError;
import dev.jwkit.adapters.vault.internal.VaultResponse;
import dev.jwkit.jose.JwkitException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Transit says about a key ({@code GET transit/keys/:name}): type, versions with their public keys,
 * and the version floors.
 */
record TransitKeyInfo(String name, String type, long latestVersion, long minDecryptionVersion,
    long minEncryptionVersion, boolean exportable, Map<Long, String> publicKeys) {

  TransitKeyInfo {
    publicKeys = Map.copyOf(publicKeys);
  }

  static TransitKeyInfo from(Map<String, Object> data, String where) {
    String type = VaultResponse.string(data, "type", where);
    Map<Long, String> keys = new TreeMap<>();
    for (Map.Entry<String, Object> e : VaultResponse.objectOrEmpty(data.get("keys")).entrySet()) {
      long version;
      try {
        version = Long.parseLong(e.getKey());
      } catch (NumberFormatException ex) {
        throw new JwkitException(VaultError.UNEXPECTED_RESPONSE, where + ": key version '" + e.getKey() + "' is not a number");
      }
      Object pk = VaultResponse.objectOrEmpty(e.getValue()).get("public_key");
      if (pk instanceof String && !((String) pk).isEmpty()) {
        keys.put(version, (String) pk);
      }
    }
    return new TransitKeyInfo(VaultResponse.string(data, "name", where), type,
        VaultResponse.integer(data, "latest_version", where),
        VaultResponse.optionalInteger(data, "min_decryption_version").orElse(1L),
        VaultResponse.optionalInteger(data, "min_encryption_version").orElse(0L),
        Boolean.TRUE.equals(data.get("exportable")), keys);
  }
}
