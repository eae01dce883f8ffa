/** Crash-safe writes, cross-process locks and permission checks for the file adapter. Not API. */
@NullMarked
package dev.jwkit.adapters.file.internal;

import org.jspecify.annotations.NullMarked;
