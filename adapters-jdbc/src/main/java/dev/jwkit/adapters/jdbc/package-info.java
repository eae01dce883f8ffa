/**
 * The JDBC adapter of jwkit, PostgreSQL first: {@link dev.jwkit.adapters.jdbc.JdbcDatabase} opens the
 * connection pool and creates or migrates the schema; {@code keyring.JdbcKeyRingRepository} stores key
 * rings in it. Error codes are in {@link dev.jwkit.adapters.jdbc.JdbcError}.
 */
@NullMarked
package dev.jwkit.adapters.jdbc;

import org.jspecify.annotations.NullMarked;
