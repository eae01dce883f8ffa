/**
 * Not API: the transaction runner with its retry loop and SQLState classification ({@link
 * dev.jwkit.adapters.jdbc.internal.Transactions}), and the schema migrations ({@link
 * dev.jwkit.adapters.jdbc.internal.SchemaMigrations}).
 */
@NullMarked
package dev.jwkit.adapters.jdbc.internal;

import org.jspecify.annotations.NullMarked;
