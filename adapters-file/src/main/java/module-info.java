/**
 * The file adapters: file key rings, keystores, PEM/JWKS import and export, and file-backed key sources;
 * the embedded default.
 *
 * <p>Reads {@code dev.jwkit.jwks} (and so {@code dev.jwkit.jose}) transitively, because the repository
 * and key-source types implement its ports.
 */
module dev.jwkit.adapters.file {
  requires transitive dev.jwkit.jwks;
  requires static transitive org.jspecify;

  exports dev.jwkit.adapters.file;
  exports dev.jwkit.adapters.file.keyring;
  exports dev.jwkit.adapters.file.keysource;
  exports dev.jwkit.adapters.file.keystore;
}
