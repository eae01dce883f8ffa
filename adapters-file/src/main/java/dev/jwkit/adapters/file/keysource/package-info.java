/** JWKS files as sources of verification keys: {@link dev.jwkit.adapters.file.keysource.FileKeySource}. */
@NullMarked
package dev.jwkit.adapters.file.keysource;

import org.jspecify.annotations.NullMarked;
