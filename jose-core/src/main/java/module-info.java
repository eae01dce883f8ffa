/**
 * JOSE primitives: JWK, JWKS, JWS, JWT, the algorithm registry, RFC 7638 thumbprints and PEM/DER/X.509
 * conversion, on the JCA and Bouncy Castle; no I/O.
 *
 * <p>Exports the API packages; {@code dev.jwkit.jose.internal.*} stays inside the module. JSpecify is
 * needed only to compile against the nullness annotations, not at run time.
 */
module dev.jwkit.jose {
  requires com.fasterxml.jackson.core;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.pkix;
  requires static transitive org.jspecify;

  exports dev.jwkit.jose;
  exports dev.jwkit.jose.jwa;
  exports dev.jwkit.jose.jwk;
  exports dev.jwkit.jose.jws;
  exports dev.jwkit.jose.jwt;
  exports dev.jwkit.jose.pem;
}
