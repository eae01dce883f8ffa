/**
 * The {@code jwkit} command line ({@link dev.jwkit.app.cli.JwkitCommand}): the only package allowed to
 * write to the standard streams.
 */
@NullMarked
package dev.jwkit.app.cli;

import org.jspecify.annotations.NullMarked;
