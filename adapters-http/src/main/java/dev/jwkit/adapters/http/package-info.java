/**
 * jwkit's HTTP adapter: fetching and caching remote key sets ({@link
 * dev.jwkit.adapters.http.fetching}) and publishing a key set ({@link
 * dev.jwkit.adapters.http.publishing}). This root package holds no types.
 */
@NullMarked
package dev.jwkit.adapters.http;

import org.jspecify.annotations.NullMarked;
