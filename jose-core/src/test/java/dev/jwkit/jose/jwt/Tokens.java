package dev.jwkit.jose.jwt;

import dev.jwkit.jose.Base64Url;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Hand-made compact tokens for tests: any header and payload, signed directly with the JCA. */
final class Tokens {

  private Tokens() {}

  static String b64(String json) {
    return Base64Url.encodeUtf8(json);
  }

  /** {@code base64url(header).base64url(payload)} */
  static String signingInput(String headerJson, String payloadJson) {
    return b64(headerJson) + "." + b64(payloadJson);
  }

  /** A token whose signature segment is {@code signature} as given. */
  static String withSignature(String headerJson, String payloadJson, byte[] signature) {
    return signingInput(headerJson, payloadJson) + "." + Base64Url.encode(signature);
  }

  /** An HMAC-SHA-256 token with the given raw key bytes. */
  static String hs256(String headerJson, String payloadJson, byte[] key) {
    return mac(signingInput(headerJson, payloadJson), key, "HmacSHA256");
  }

  /** Appends an HMAC over an already formed signing input (used for b64:false). */
  static String mac(String signingInput, byte[] key, String jcaName) {
    try {
      Mac mac = Mac.getInstance(jcaName);
      mac.init(new SecretKeySpec(key, jcaName));
      byte[] tag = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + Base64Url.encode(tag);
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** A token signed with a private key; {@code jcaName} such as SHA256withRSA or SHA256withECDSAinP1363Format. */
  static String sign(String headerJson, String payloadJson, PrivateKey key, String jcaName) {
    String input = signingInput(headerJson, payloadJson);
    try {
      Signature signature = Signature.getInstance(jcaName);
      signature.initSign(key);
      signature.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + Base64Url.encode(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** The token with one bit of its last signature character changed, so that the signature is wrong. */
  static String tamperSignature(String token) {
    int dot = token.lastIndexOf('.');
    byte[] sig = Base64Url.decode(token.substring(dot + 1));
    sig[0] ^= 1;
    return token.substring(0, dot + 1) + Base64Url.encode(sig);
  }
}
