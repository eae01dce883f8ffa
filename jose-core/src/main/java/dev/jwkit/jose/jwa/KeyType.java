package dev.jwkit.jose.jwa;

import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.JwkitException;
import java.util.Objects;

/** The JWK key types of RFC 7518 §6.1 and RFC 8037, with their {@code kty} names. */
public enum KeyType {
  /** RSA keys (RFC 7518 §6.3). */
  RSA("RSA"),
  /** Elliptic-curve keys on a Weierstrass curve (RFC 7518 §6.2). */
  EC("EC"),
  /** Octet key pairs: Edwards and Montgomery curves (RFC 8037). */
  OKP("OKP"),
  /** Symmetric octet sequences (RFC 7518 §6.4). */
  OCT("oct");

  private final String jwkName;

  KeyType(String jwkName) {
    this.jwkName = jwkName;
  }

  /** The {@code kty} value, case-sensitive ({@code "RSA"}, {@code "EC"}, {@code "OKP"}, {@code "oct"}). */
  public String jwkName() {
    return jwkName;
  }

  /**
   * The key type for a {@code kty} value; the comparison is case-sensitive.
   *
   * @throws JwkitException {@link JoseError#UNSUPPORTED_KEY} for any other value
   */
  public static KeyType fromJwkName(String kty) {
    Objects.requireNonNull(kty, "kty");
    for (KeyType type : values()) {
      if (type.jwkName.equals(kty)) {
        return type;
      }
    }
    throw new JwkitException(JoseError.UNSUPPORTED_KEY, "unsupported key type (kty)");
  }
}
