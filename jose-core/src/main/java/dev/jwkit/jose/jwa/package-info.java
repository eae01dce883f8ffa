/**
 * JSON Web Algorithms (RFC 7518): {@link dev.jwkit.jose.jwa.JwsAlgorithm}, {@link
 * dev.jwkit.jose.jwa.KeyType} and {@link dev.jwkit.jose.jwa.Curve}, each by its registered name.
 */
@NullMarked
package dev.jwkit.jose.jwa;

import org.jspecify.annotations.NullMarked;
