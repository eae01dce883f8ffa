package dev.jwkit.adapters.jdbc.keyring;

import dev.jwkit.adapters.jdbc.JdbcError;
import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.JsonLimits;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jwks.model.KeyRingId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Envelope encryption of the private members of a ring document: each key's {@code privateJwk} object is
 * replaced by {@code privateJwkSealed}, {@code {"alg":"A256GCM","kek":id,"iv":…,"ct":…}}, the AES-256-GCM
 * encryption (JCA, random 96-bit IV, 128-bit tag) of the JWK's JSON under a {@link KeyEncryptionKey}, with
 * the ring id and the key id as associated data, so that a sealed member moved to another key or ring
 * does not open.
 */
final class Envelope {

  static final String SEALED = "privateJwkSealed";
  private static final String PRIVATE = "privateJwk";
  private static final String ALG = "A256GCM";
  private static final String CONTEXT = "jwkit.keyring.privateJwk.v1";
  private static final String CHECK_CONTEXT = "jwkit.kek-check.v1";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  /** A sealed private JWK holds one RSA key at most: well below 64 KiB. */
  private static final JsonLimits PRIVATE_JWK_LIMITS = new JsonLimits(64 * 1024, 4, 64, 16 * 1024, 32);
  private static final SecureRandom RANDOM = new SecureRandom();

  private Envelope() {}

  /** The document with every {@code privateJwk} sealed under {@code kek}. */
  static Map<String, Object> sealPrivateMembers(Map<String, Object> document, KeyRingId ring, KeyEncryptionKey kek) {
    return mapKeys(document, key -> {
      Object privateJwk = key.remove(PRIVATE);
      if (privateJwk instanceof Map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> jwk = (Map<String, Object>) privateJwk;
        byte[] plaintext = Json.writeUtf8(jwk);
        try {
          key.put(SEALED, seal(kek, plaintext, aad(ring, key.get("kid"))));
        } finally {
          Arrays.fill(plaintext, (byte) 0);
        }
      }
    });
  }

  /** The document with every {@code privateJwkSealed} opened back into {@code privateJwk}. */
  static Map<String, Object> openPrivateMembers(Map<String, Object> document, KeyRingId ring, Keks keks) {
    return mapKeys(document, key -> {
      Object sealed = key.remove(SEALED);
      if (sealed == null) {
        return;
      }
      Object kid = key.get("kid");
      if (!(sealed instanceof Map)) {
        throw new JwkitException(JdbcError.CORRUPT, "ring '" + ring + "' key '" + kid + "': member " + SEALED
            + " is not an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> box = (Map<String, Object>) sealed;
      byte[] plaintext = open(keks, box, aad(ring, kid), "ring '" + ring + "' key '" + kid + "'");
      try {
        key.put(PRIVATE, Json.parseObject(plaintext, PRIVATE_JWK_LIMITS));
      } catch (JwkitException e) {
        throw new JwkitException(JdbcError.CORRUPT, "ring '" + ring + "' key '" + kid
            + "': the opened private key is not a JSON object", e);
      } finally {
        Arrays.fill(plaintext, (byte) 0);
      }
    });
  }

  /** The check value that proves, without revealing it, which key is registered under a KEK's id. */
  static String checkValue(KeyEncryptionKey kek) {
    Map<String, Object> box = seal(kek, new byte[0], checkAad(kek.id()));
    return box.get("iv") + "." + box.get("ct");
  }

  /** Whether {@code checkValue} was made by this very KEK. */
  static boolean matches(KeyEncryptionKey kek, String checkValue) {
    int dot = checkValue.indexOf('.');
    if (dot < 0) {
      return false;
    }
    try {
      decrypt(kek, Base64Url.decode(checkValue.substring(0, dot)), Base64Url.decode(checkValue.substring(dot + 1)),
          checkAad(kek.id()));
      return true;
    } catch (AEADBadTagException | JwkitException e) {
      return false;
    }
  }

  private interface KeyEdit {
    void apply(Map<String, Object> key);
  }

  private static Map<String, Object> mapKeys(Map<String, Object> document, KeyEdit edit) {
    Map<String, Object> copy = new LinkedHashMap<>(document);
    Object keys = document.get("keys");
    if (keys instanceof List) {
      List<Object> edited = new ArrayList<>();
      for (Object k : (List<?>) keys) {
        if (k instanceof Map) {
          @SuppressWarnings("unchecked")
          Map<String, Object> key = new LinkedHashMap<>((Map<String, Object>) k);
          edit.apply(key);
          edited.add(key);
        } else {
          edited.add(k);
        }
      }
      copy.put("keys", edited);
    }
    return copy;
  }

  private static Map<String, Object> seal(KeyEncryptionKey kek, byte[] plaintext, byte[] aad) {
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    byte[] ciphertext;
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, kek.secretKey(), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(aad);
      ciphertext = cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
    }
    Map<String, Object> box = new LinkedHashMap<>();
    box.put("alg", ALG);
    box.put("kek", kek.id());
    box.put("iv", Base64Url.encode(iv));
    box.put("ct", Base64Url.encode(ciphertext));
    return box;
  }

  private static byte[] open(Keks keks, Map<String, Object> box, byte[] aad, String where) {
    Object alg = box.get("alg");
    Object kekId = box.get("kek");
    Object iv = box.get("iv");
    Object ct = box.get("ct");
    if (!ALG.equals(alg) || !(kekId instanceof String) || !(iv instanceof String) || !(ct instanceof String)) {
      throw new JwkitException(JdbcError.CORRUPT, where + ": the sealed private key is not an " + ALG
          + " envelope with members kek, iv and ct");
    }
    KeyEncryptionKey kek = keks.byId((String) kekId).orElseThrow(() -> new JwkitException(JdbcError.KEK_UNKNOWN,
        where + ": the private key is sealed with key-encryption key '" + kekId + "', which is not configured;"
            + " configure it as a previous key-encryption key"));
    try {
      return decrypt(kek, Base64Url.decode((String) iv), Base64Url.decode((String) ct), aad);
    } catch (AEADBadTagException e) {
      throw new JwkitException(JdbcError.DECRYPT_FAILED, where + ": the private key does not open under key-encryption"
          + " key '" + kekId + "': the row was altered, or copied from another key or ring", e);
    } catch (JwkitException e) {
      throw new JwkitException(JdbcError.CORRUPT, where + ": the sealed private key is not base64url", e);
    }
  }

  private static byte[] decrypt(KeyEncryptionKey kek, byte[] iv, byte[] ciphertext, byte[] aad)
      throws AEADBadTagException {
    if (iv.length != IV_BYTES) {
      throw new AEADBadTagException("IV length");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, kek.secretKey(), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(aad);
      return cipher.doFinal(ciphertext);
    } catch (AEADBadTagException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
    }
  }

  private static byte[] aad(KeyRingId ring, Object kid) {
    return (CONTEXT + "\0" + ring.value() + "\0" + kid).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] checkAad(String kekId) {
    return (CHECK_CONTEXT + "\0" + kekId).getBytes(StandardCharsets.UTF_8);
  }
}
