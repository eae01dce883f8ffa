/** Test support: a real PostgreSQL server started by the tests ({@link dev.jwkit.adapters.jdbc.testing.PostgresServer}). */
@NullMarked
package dev.jwkit.adapters.jdbc.testing;

import org.jspecify.annotations.NullMarked;
