/** Strict, bounded JSON reading and writing for untrusted JOSE input. Not API. */
@NullMarked
package dev.jwkit.jose.internal.json;

import org.jspecify.annotations.NullMarked;
