package dev.jwkit.jwks.port;

import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jwks.model.KeyMaterial;

/**
 * Where private keys live and signatures are made: generate a key, sign bytes with it, deny it signing
 * when it retires, destroy it when it leaves the ring.
 *
 * <p>Local custody ({@code LocalKeyCustody}) keeps the private JWK in the ring's {@link KeyMaterial};
 * Vault Transit custody keeps it in Vault and never exports it (its material holds only the public JWK
 * and a reference to the Transit key version). Each adapter runs {@code KeyCustodyContract}.
 *
 * <h2>Thread safety</h2>
 * Implementations must be safe for concurrent use.
 */
public interface KeyCustody {

  /** The custody name recorded in the material it generates ({@link KeyMaterial#custody()}). */
  String name();

  /**
   * Generates a new key for {@code algorithm}, with a kid never returned before (the RFC 7638 thumbprint
   * is recommended).
   *
   * @throws dev.jwkit.jose.JwkitException {@code KeyRingError.CUSTODY_FAILED} if no key can be made
   */
  KeyMaterial generate(JwsAlgorithm algorithm);

  /**
   * Signs a JWS signing input ({@code ASCII(BASE64URL(header) '.' BASE64URL(payload))}) with the key and
   * returns the signature in JWS form (for ECDSA the fixed-width {@code R‖S}).
   *
   * @throws dev.jwkit.jose.JwkitException {@code KeyRingError.CUSTODY_FAILED} if the key is not held by
   *     this custody, has no private key any more, or signing fails
   */
  byte[] sign(KeyMaterial key, byte[] signingInput);

  /**
   * Denies the key further signatures; called after the ring recorded it {@code RETIRED}. Idempotent.
   * Local custody has nothing to do (the ring already dropped the private JWK).
   */
  void retire(KeyMaterial key);

  /**
   * Destroys or disables the key; called after the ring recorded it {@code EXPIRED} or {@code REVOKED}.
   * Idempotent.
   */
  void destroy(KeyMaterial key);
}
