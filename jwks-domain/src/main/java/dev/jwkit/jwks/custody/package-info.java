/**
 * Local key custody, the production default for a ring kept in a file or in Vault KV: {@link
 * dev.jwkit.jwks.custody.LocalKeyCustody} generates keys with jose-core's {@code JwkGenerator}, keeps the
 * private JWK in the ring itself, and signs with {@code JwsSigner}. It is an adapter of the {@link
 * dev.jwkit.jwks.port.KeyCustody} port (an outer ring of the domain's onion, beside {@code
 * jwks.inmemory}); Vault Transit custody, which never exports a key, lives in adapters-vault.
 */
@NullMarked
package dev.jwkit.jwks.custody;

import org.jspecify.annotations.NullMarked;
