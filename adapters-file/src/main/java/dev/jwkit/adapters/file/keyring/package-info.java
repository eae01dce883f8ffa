/**
 * Key rings in files: {@link dev.jwkit.adapters.file.keyring.FileKeyRingRepository}, one crash-safe,
 * lock-protected JSON file per ring in a data directory.
 */
@NullMarked
package dev.jwkit.adapters.file.keyring;

import org.jspecify.annotations.NullMarked;
