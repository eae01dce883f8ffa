/**
 * Key rings in Vault's KV version 2 engine, with check-and-set saves: {@link
 * dev.jwkit.adapters.vault.kv.VaultKvKeyRingRepository}, built with {@code
 * VaultKvKeyRingRepository.builder()}.
 */
@NullMarked
package dev.jwkit.adapters.vault.kv;

import org.jspecify.annotations.NullMarked;
