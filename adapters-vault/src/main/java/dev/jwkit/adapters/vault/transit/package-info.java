/**
 * Signing keys in Vault's Transit engine, never exported: {@link
 * dev.jwkit.adapters.vault.transit.VaultTransitKeyCustody}, built with {@code
 * VaultTransitKeyCustody.builder()}. Each JOSE key is one version of a Transit key; signatures come from
 * Transit's sign endpoint in JWS form, always with an explicit key version.
 */
@NullMarked
package dev.jwkit.adapters.vault.transit;

import org.jspecify.annotations.NullMarked;
