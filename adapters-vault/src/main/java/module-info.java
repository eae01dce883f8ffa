/**
 * The HashiCorp Vault adapters: key-ring storage in KV v2 and key custody in Transit.
 *
 * <p>Reads {@code dev.jwkit.jwks} (and so {@code dev.jwkit.jose}) transitively, because the repository
 * and custody types implement its ports.
 */
module dev.jwkit.adapters.vault {
  requires transitive dev.jwkit.jwks;
  requires java.net.http;
  requires static transitive org.jspecify;

  exports dev.jwkit.adapters.vault;
  exports dev.jwkit.adapters.vault.kv;
  exports dev.jwkit.adapters.vault.transit;
}
