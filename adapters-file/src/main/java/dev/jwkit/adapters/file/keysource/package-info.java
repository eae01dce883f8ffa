/**
 * JWKS files as sources of verification keys ({@link dev.jwkit.adapters.file.keysource.FileKeySource}),
 * and the file that keeps a remote source's last known good key set ({@link
 * dev.jwkit.adapters.file.keysource.FileLastKnownGoodStore}).
 */
@NullMarked
package dev.jwkit.adapters.file.keysource;

import org.jspecify.annotations.NullMarked;
