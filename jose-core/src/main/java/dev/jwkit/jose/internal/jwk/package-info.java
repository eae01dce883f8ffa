/**
 * Not API: helpers for {@code dev.jwkit.jose.jwk} — the Bouncy Castle provider instance, EC curve
 * validation, OKP encodings and derivation, and JCA key construction.
 */
@NullMarked
package dev.jwkit.jose.internal.jwk;

import org.jspecify.annotations.NullMarked;
