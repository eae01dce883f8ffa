/**
 * The file adapter of jwkit: key rings on local disk ({@code keyring}), keystore, PEM and JWKS import and
 * export ({@code keystore}), and JWKS files as key sources. Error codes are in {@link
 * dev.jwkit.adapters.file.FileError}.
 */
@NullMarked
package dev.jwkit.adapters.file;

import org.jspecify.annotations.NullMarked;
