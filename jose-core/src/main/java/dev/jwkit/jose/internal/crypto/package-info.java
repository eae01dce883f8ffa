/**
 * Internal: the JCA engine under jwkit's JWS layer. {@link dev.jwkit.jose.internal.crypto.JcaEngines}
 * turns a JCA key and a {@link dev.jwkit.jose.jwa.JwsAlgorithm} into a prepared, thread-safe {@link
 * dev.jwkit.jose.internal.crypto.JcaVerifier} or {@link dev.jwkit.jose.internal.crypto.JcaSigner};
 * {@link dev.jwkit.jose.internal.crypto.CryptoProviders} is the single place where providers are chosen;
 * {@link dev.jwkit.jose.internal.crypto.EcdsaSignatures} holds the ECDSA R‖S checks (CVE-2022-21449) and
 * DER conversion.
 *
 * <p>Not API: only code under {@code dev.jwkit.jose} may use this package.
 */
@NullMarked
package dev.jwkit.jose.internal.crypto;

import org.jspecify.annotations.NullMarked;
