/**
 * Implementation of {@code dev.jwkit.jose.pem}: conversions between DER key structures (SPKI, PKCS#8,
 * PKCS#1, SEC1) and JCA keys, done with Bouncy Castle's ASN.1 classes and the JCA key factories.
 * Not API: only jose-core may use it.
 */
@NullMarked
package dev.jwkit.jose.internal.pem;

import org.jspecify.annotations.NullMarked;
