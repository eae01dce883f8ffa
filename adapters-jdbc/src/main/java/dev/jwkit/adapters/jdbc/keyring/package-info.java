/**
 * Key rings in PostgreSQL: {@link dev.jwkit.adapters.jdbc.keyring.JdbcKeyRingRepository}, one row per ring
 * saved with compare-and-set, its private keys sealed with a {@link
 * dev.jwkit.adapters.jdbc.keyring.KeyEncryptionKey} that lives outside the database.
 */
@NullMarked
package dev.jwkit.adapters.jdbc.keyring;

import org.jspecify.annotations.NullMarked;
