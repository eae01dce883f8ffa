package dev.jwkit.adapters.vault.transit;

import dev.jwkit.adapters.vault.VaultError;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How each JWS algorithm maps onto Transit (ROTATION.md A2): the key type, the sign parameters that make
 * Transit produce exactly the JWS signature, and how Transit's public keys are read.
 */
final class TransitAlgorithms {

  /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the raw 32-byte key follows it. */
  private static final byte[] ED25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
  private static final Pattern PEM = Pattern.compile("-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");

  private TransitAlgorithms() {}

  /** The Transit key type for an algorithm; RSA keys take the configured modulus size. */
  static String keyType(JwsAlgorithm alg, int rsaBits) {
    switch (alg.family()) {
      case RSASSA_PKCS1_V1_5:
      case RSASSA_PSS:
        return "rsa-" + rsaBits;
      case ECDSA:
        switch (alg) {
          case ES256:
            return "ecdsa-p256";
          case ES384:
            return "ecdsa-p384";
          case ES512:
            return "ecdsa-p521";
          default:
            break;
        }
        break;
      case EDDSA:
        if (alg == JwsAlgorithm.EdDSA || alg == JwsAlgorithm.Ed25519) {
          return "ed25519";
        }
        break;
      default:
        break;
    }
    throw new JwkitException(JoseError.UNSUPPORTED_ALGORITHM, "Vault Transit cannot sign " + alg.jwaName());
  }

  /** Whether Transit can hold keys for the algorithm. */
  static boolean isSupported(JwsAlgorithm alg) {
    try {
      keyType(alg, 2048);
      return true;
    } catch (JwkitException e) {
      return false;
    }
  }

  /**
   * The body of a sign request: input, explicit key version, and the parameters of the algorithm
   * (VAULT-API.md B2; {@code salt_length=hash} for PS* as RFC 7518 §3.5 requires).
   */
  static Map<String, Object> signBody(JwsAlgorithm alg, long keyVersion, byte[] signingInput) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("input", Base64.getEncoder().encodeToString(signingInput));
    body.put("key_version", keyVersion);
    body.put("marshaling_algorithm", "jws");
    switch (alg.family()) {
      case RSASSA_PKCS1_V1_5:
        body.put("hash_algorithm", hash(alg));
        body.put("signature_algorithm", "pkcs1v15");
        break;
      case RSASSA_PSS:
        body.put("hash_algorithm", hash(alg));
        body.put("signature_algorithm", "pss");
        body.put("salt_length", "hash");
        break;
      case ECDSA:
        body.put("hash_algorithm", hash(alg));
        break;
      default: // EdDSA: the input is signed as is
        break;
    }
    return body;
  }

  private static String hash(JwsAlgorithm alg) {
    return "sha2-" + alg.hashBits();
  }

  /** The length of a JWS signature for the algorithm, or -1 when it depends on the key (RSA). */
  static int signatureLength(JwsAlgorithm alg) {
    switch (alg.family()) {
      case ECDSA:
        return alg == JwsAlgorithm.ES256 ? 64 : alg == JwsAlgorithm.ES384 ? 96 : 132;
      case EDDSA:
        return 64;
      default:
        return -1;
    }
  }

  /**
   * Decodes the part after {@code vault:vN:}: base64url with {@code marshaling_algorithm=jws}; standard
   * base64 is accepted too, as Vault versions differ in applying {@code jws} to non-ECDSA keys.
   */
  static byte[] decodeSignature(String encoded, String where) {
    try {
      if (encoded.indexOf('+') >= 0 || encoded.indexOf('/') >= 0 || encoded.indexOf('=') >= 0) {
        return Base64.getDecoder().decode(encoded);
      }
      return Base64.getUrlDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new JwkitException(VaultError.UNEXPECTED_RESPONSE, where + ": signature is not base64");
    }
  }

  /** A Transit public key: PEM SubjectPublicKeyInfo for RSA and ECDSA, raw std-base64 for ed25519. */
  static PublicKey publicKey(String transitType, String value, String where) {
    try {
      if (transitType.equals("ed25519")) {
        byte[] raw = Base64.getDecoder().decode(value.trim());
        if (raw.length != 32) {
          throw new JwkitException(VaultError.UNEXPECTED_RESPONSE, where + ": ed25519 public key is not 32 bytes");
        }
        byte[] spki = new byte[ED25519_SPKI_PREFIX.length + 32];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, 32);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
      }
      Matcher m = PEM.matcher(value);
      if (!m.find()) {
        throw new JwkitException(VaultError.UNEXPECTED_RESPONSE, where + ": public key is not PEM");
      }
      byte[] der = Base64.getMimeDecoder().decode(m.group(1));
      String algorithm = transitType.startsWith("rsa") ? "RSA" : "EC";
      return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new JwkitException(VaultError.UNEXPECTED_RESPONSE, where + ": unreadable public key", e);
    }
  }
}
