/**
 * HashiCorp Vault adapters of jwkit: how to reach Vault ({@link dev.jwkit.adapters.vault.VaultSettings},
 * {@link dev.jwkit.adapters.vault.VaultAuth}) and the stable error codes ({@link
 * dev.jwkit.adapters.vault.VaultError}).
 *
 * <p>The adapters themselves are in {@code kv} (the key ring in KV v2, {@code VaultKvKeyRingRepository})
 * and {@code transit} (signing keys in Transit, {@code VaultTransitKeyCustody}). The HTTP client and the
 * authentication session live in {@code internal}, which is not API.
 */
@NullMarked
package dev.jwkit.adapters.vault;

import org.jspecify.annotations.NullMarked;
