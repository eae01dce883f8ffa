/**
 * jwkit's JDBC adapter: key rings in PostgreSQL, with private members sealed under a key-encryption key
 * kept outside the database.
 *
 * <p>Reads {@code dev.jwkit.jwks} (and so {@code dev.jwkit.jose}) transitively, and {@code java.sql}
 * transitively because {@code javax.sql.DataSource} appears in its API. The PostgreSQL driver is found
 * through {@code java.sql.DriverManager}; put {@code org.postgresql:postgresql} on the module or class path.
 */
module dev.jwkit.adapters.jdbc {
  requires transitive dev.jwkit.jwks;
  requires transitive java.sql;
  requires com.zaxxer.hikari;
  requires static transitive org.jspecify;

  exports dev.jwkit.adapters.jdbc;
  exports dev.jwkit.adapters.jdbc.keyring;
}
