/**
 * The jwkit domain: key rings, key lifecycle, rotation policy, issuing and verifying tokens, and the
 * ports that adapters implement.
 *
 * <p>Reads {@code dev.jwkit.jose} transitively, because its types (keys, key sets, tokens) appear in this
 * module's API.
 */
module dev.jwkit.jwks {
  requires transitive dev.jwkit.jose;
  requires static transitive org.jspecify;

  exports dev.jwkit.jwks.application;
  exports dev.jwkit.jwks.custody;
  exports dev.jwkit.jwks.inmemory;
  exports dev.jwkit.jwks.model;
  exports dev.jwkit.jwks.port;
}
