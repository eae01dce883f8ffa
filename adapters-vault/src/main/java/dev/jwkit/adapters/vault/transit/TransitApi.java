package dev.jwkit.adapters.vault.transit;

import dev.jwkit.adapters.vault.VaultError;
import dev.jwkit.adapters.vault.internal.VaultClient;
import dev.jwkit.adapters.vault.internal.VaultErrors;
import dev.jwkit.adapters.vault.internal.VaultRequest;
import dev.jwkit.adapters.vault.internal.VaultResponse;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The Transit endpoints the custody uses, on one mount (VAULT-API.md B2). */
final class TransitApi {

  private final VaultClient client;
  private final String mount;

  TransitApi(VaultClient client, String mount) {
    this.client = client;
    this.mount = mount;
  }

  String mount() {
    return mount;
  }

  /** The answer to a create: the key, and whether it existed before (Vault's "already existed" warning). */
  record Created(TransitKeyInfo info, boolean existed) {}

  /** Creates a non-exportable key of the type (or finds the existing one, which must have that type). */
  Created create(String name, String type) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("exportable", false);
    body.put("allow_plaintext_backup", false);
    body.put("auto_rotate_period", "0");
    VaultResponse r = send(VaultRequest.write(keyPath(name), body, true));
    TransitKeyInfo info = r.data().isEmpty() ? read(name).orElseThrow(() -> missing(name)) : TransitKeyInfo.from(r.data(), keyPath(name));
    checkUsable(info, type);
    boolean existed = r.warnings().stream().anyMatch(w -> w.contains("already existed"));
    return new Created(info, existed);
  }

  /** Refuses a key of another type, or one whose private keys may be exported. */
  void checkUsable(TransitKeyInfo info, String type) {
    if (!info.type().equals(type)) {
      throw new JwkitException(VaultError.INVALID_REQUEST,
          keyPath(info.name()) + ": existing key has type " + info.type() + ", expected " + type);
    }
    if (info.exportable()) {
      throw new JwkitException(VaultError.INVALID_REQUEST,
          keyPath(info.name()) + ": key is exportable; jwkit needs a non-exportable key");
    }
  }

  Optional<TransitKeyInfo> read(String name) {
    VaultResponse r = send(VaultRequest.read(keyPath(name)));
    return r.isNotFound() ? Optional.empty() : Optional.of(TransitKeyInfo.from(r.data(), keyPath(name)));
  }

  /** Adds a version. Not idempotent: retried only when Vault surely did not process it. */
  TransitKeyInfo rotate(String name) {
    VaultResponse r = send(VaultRequest.write(keyPath(name) + "/rotate", Map.of(), false));
    return r.data().isEmpty() ? read(name).orElseThrow(() -> missing(name)) : TransitKeyInfo.from(r.data(), keyPath(name));
  }

  /** Raises the floors; a floor is never lowered (Transit refuses nothing here, so we check). */
  TransitKeyInfo raiseFloors(String name, long minEncryption, long minDecryption) {
    TransitKeyInfo current = read(name).orElseThrow(() -> missing(name));
    long enc = Math.max(current.minEncryptionVersion(), minEncryption);
    long dec = Math.max(current.minDecryptionVersion(), minDecryption);
    if (enc == current.minEncryptionVersion() && dec == current.minDecryptionVersion()) {
      return current;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("min_encryption_version", Math.max(enc, dec > 0 && enc > 0 ? dec : enc));
    body.put("min_decryption_version", dec);
    VaultResponse r = send(VaultRequest.write(keyPath(name) + "/config", body, true));
    return r.data().isEmpty() ? read(name).orElseThrow(() -> missing(name)) : TransitKeyInfo.from(r.data(), keyPath(name));
  }

  /** Signs with an explicit version and returns the raw JWS signature bytes. */
  byte[] sign(String name, long version, JwsAlgorithm alg, byte[] signingInput) {
    if (version < 1) {
      throw new IllegalArgumentException("key version must be explicit (>= 1)");
    }
    String path = mount + "/sign/" + name;
    VaultResponse r = send(VaultRequest.write(path, TransitAlgorithms.signBody(alg, version, signingInput), true));
    String signature = VaultResponse.string(r.data(), "signature", path);
    String prefix = "vault:v" + version + ":";
    if (!signature.startsWith(prefix)) {
      throw new JwkitException(VaultError.UNEXPECTED_RESPONSE, path + ": signature is not from version " + version);
    }
    Optional<Long> answered = VaultResponse.optionalInteger(r.data(), "key_version");
    if (answered.isPresent() && answered.get() != version) {
      throw new JwkitException(VaultError.UNEXPECTED_RESPONSE, path + ": signed with version " + answered.get() + ", asked " + version);
    }
    byte[] sig = TransitAlgorithms.decodeSignature(signature.substring(prefix.length()), path);
    int expected = TransitAlgorithms.signatureLength(alg);
    if (expected > 0 && sig.length != expected) {
      throw new JwkitException(VaultError.UNEXPECTED_RESPONSE,
          path + ": " + alg.jwaName() + " signature has " + sig.length + " bytes, expected " + expected);
    }
    return sig;
  }

  /**
   * Sends a Transit call and reads its {@code warnings}: a parameter Vault did not recognise was not
   * applied (Vault 1.11 and older ignore {@code salt_length} and sign PS* with the largest salt), so the
   * answer cannot be trusted.
   *
   * @throws JwkitException {@link VaultError#IGNORED_PARAMETERS} naming the warning
   */
  private VaultResponse send(VaultRequest request) {
    VaultResponse r = client.send(request);
    for (String warning : r.warnings()) {
      if (warning.toLowerCase(Locale.ROOT).contains("unrecognized parameter")) {
        throw new JwkitException(VaultError.IGNORED_PARAMETERS, request.method() + " " + request.path() + ": Vault answered '"
            + VaultErrors.redact(warning, List.of()) + "'; this Vault release is too old for what jwkit asks "
            + "(salt_length of PS256/384/512 needs Vault 1.12 or later)");
      }
    }
    return r;
  }

  private String keyPath(String name) {
    return mount + "/keys/" + name;
  }

  private JwkitException missing(String name) {
    return new JwkitException(VaultError.NOT_FOUND, keyPath(name) + ": no such Transit key");
  }
}
