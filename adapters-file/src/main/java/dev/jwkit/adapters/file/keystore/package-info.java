/**
 * Import and export of keys: PKCS#12 and JKS keystores ({@link dev.jwkit.adapters.file.keystore.Keystores}),
 * PEM, JWK and JWKS files ({@link dev.jwkit.adapters.file.keystore.KeyFiles}).
 */
@NullMarked
package dev.jwkit.adapters.file.keystore;

import org.jspecify.annotations.NullMarked;
