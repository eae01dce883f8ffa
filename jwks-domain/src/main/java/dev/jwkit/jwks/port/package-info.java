/**
 * The driven ports of the domain and the records they exchange: {@link
 * dev.jwkit.jwks.port.KeyRingRepository} (load and compare-and-set save of a ring), {@link
 * dev.jwkit.jwks.port.KeyCustody} (where private keys live and signatures are made), {@link
 * dev.jwkit.jwks.port.JwksFetcher} (fetch a remote JWKS document), {@link dev.jwkit.jwks.port.KeySource}
 * (the public keys a verifier may use; a jose-core {@code JwtKeyResolver}, handed straight to {@code
 * JwtVerifier.builder(..)}), and the listeners for domain events (the verification listener is jose-core's
 * {@code dev.jwkit.jose.jwt.VerificationListener}, since the verifier lives there). Only interfaces, records and
 * enums live here (ArchUnit rule R10).
 *
 * <p>Adapters implement these ports and run the contract suites published in the jwks-domain test jar
 * ({@code KeyRingRepositoryContract}, {@code KeyCustodyContract}). The key-ring document format that the
 * file and Vault repositories store is {@link dev.jwkit.jwks.model.KeyRingDocument}.
 */
@NullMarked
package dev.jwkit.jwks.port;

import org.jspecify.annotations.NullMarked;
