package dev.jwkit.adapters.http.fetching;

import dev.jwkit.jwks.port.JwksLocation;
import java.util.Map;
import java.util.Objects;

/**
 * What issuer discovery found: the issuer (exactly as expected), its key set location, and the whole
 * metadata document (OpenID Connect Discovery 1.0 or RFC 8414).
 *
 * @param issuer the issuer identifier, equal to the expected one
 * @param jwksUri the {@code jwks_uri} member
 * @param document the metadata document as plain maps and lists
 */
public record IssuerMetadata(String issuer, JwksLocation jwksUri, Map<String, Object> document) {

  /** Validates and copies. */
  public IssuerMetadata {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(jwksUri, "jwksUri");
    document = Map.copyOf(Objects.requireNonNull(document, "document"));
  }
}
