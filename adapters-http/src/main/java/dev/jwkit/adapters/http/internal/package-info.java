/**
 * Implementation details of the HTTP adapter (header parsing, capped bodies, URL rules, the cache
 * engine). Not API: only classes under {@code dev.jwkit.adapters.http} may use it.
 */
@NullMarked
package dev.jwkit.adapters.http.internal;

import org.jspecify.annotations.NullMarked;
