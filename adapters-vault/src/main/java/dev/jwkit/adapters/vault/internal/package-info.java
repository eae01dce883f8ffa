/**
 * Not API: the thin Vault HTTP client of the adapters ({@link dev.jwkit.adapters.vault.internal.VaultClient}
 * on {@code java.net.http}), its token session (token or AppRole, renewal, re-login on 403), retries,
 * TLS trust from a PEM bundle, and the mapping of Vault's error envelope onto {@link
 * dev.jwkit.adapters.vault.VaultError}. Only classes under {@code dev.jwkit.adapters.vault} use it.
 */
@NullMarked
package dev.jwkit.adapters.vault.internal;

import org.jspecify.annotations.NullMarked;
