package dev.jwkit.adapters.jdbc.keyring;

import dev.jwkit.adapters.jdbc.JdbcDatabase;
import dev.jwkit.adapters.jdbc.JdbcError;
import dev.jwkit.adapters.jdbc.internal.SchemaMigrations;
import dev.jwkit.adapters.jdbc.internal.Transactions;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingConflictException;
import dev.jwkit.jwks.model.KeyRingDocument;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.port.KeyRingRepository;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A {@link KeyRingRepository} on PostgreSQL: one row per ring in table {@code jwkit_key_rings}, the ring
 * document as {@code jsonb}, the version in its own column, saved with compare-and-set.
 *
 * <p>The document is the domain's {@link KeyRingDocument} (the format the file and Vault repositories
 * store, so a ring can move between them), except that each {@code privateJwk} is sealed: replaced by
 * {@code privateJwkSealed}, its AES-256-GCM encryption under the current {@link KeyEncryptionKey} with the
 * ring id and key id as associated data and the KEK's id beside it. A save of a ring loaded at version
 * {@code v} runs {@code UPDATE … SET version = v + 1 … WHERE ring_id = ? AND version = v} (for {@code v =
 * 0}, {@code INSERT … ON CONFLICT DO NOTHING}); no row changed means another writer won, and the save fails
 * with {@link KeyRingConflictException}, the row untouched. Each save writes a fresh {@code write_id}, so
 * that a retry after a connection lost during {@code COMMIT} recognises its own committed write instead of
 * reporting a conflict.
 *
 * <p>Building the repository creates or migrates the schema, and checks the KEKs: each configured KEK is
 * registered under its id by a check value on first use, and a KEK that does not match the registered one
 * fails with {@link JdbcError#KEK_MISMATCH}; private keys stored under a KEK id that is not configured fail
 * with {@link JdbcError#KEK_UNKNOWN}. Both happen before anything is written.
 *
 * <h2>Security</h2>
 * The database never holds a private key in clear: a dump yields ciphertexts, public keys and KEK ids.
 * Opening a ciphertext needs the KEK, which lives outside the database (file, environment variable).
 * Error messages name the table, ring, key id and KEK id, never key material.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use, also with other instances and other processes on
 * the same database.
 */
public final class JdbcKeyRingRepository implements KeyRingRepository {

  private final JdbcDatabase database;
  private final Keks keks;
  private final String table;

  private JdbcKeyRingRepository(Builder b) {
    this.database = Objects.requireNonNull(b.database);
    this.keks = new Keks(Objects.requireNonNull(b.current), b.previous);
    this.table = SchemaMigrations.table(database, "jwkit_key_rings");
  }

  /** A builder; the database and the current key-encryption key are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@inheritDoc}
   *
   * @throws JwkitException {@link JdbcError#UNAVAILABLE}, {@link JdbcError#TIMEOUT}, {@link JdbcError#SQL_FAILED},
   *     {@link JdbcError#CORRUPT} (not a valid ring document), {@link JdbcError#KEK_UNKNOWN} or {@link
   *     JdbcError#DECRYPT_FAILED} (a sealed private key that does not open)
   */
  @Override
  public Optional<KeyRing> load(KeyRingId id) {
    Objects.requireNonNull(id, "id");
    Optional<StoredRow> row = Transactions.run(database, "load ring '" + id + "' from " + table, c -> read(c, id));
    return row.map(r -> decode(id, r));
  }

  /**
   * {@inheritDoc}
   *
   * @throws KeyRingConflictException if the stored version is not {@code ring.version()}; the row is unchanged
   * @throws JwkitException {@link JdbcError#UNAVAILABLE}, {@link JdbcError#SERIALIZATION_FAILURE}, {@link
   *     JdbcError#TIMEOUT} or {@link JdbcError#SQL_FAILED}; the row is unchanged. When the connection was
   *     lost during {@code COMMIT} past the retry budget, the save asks the database whether its write is
   *     stored: if it is, the save succeeds; if the database cannot be asked either, a suppressed exception
   *     says that the outcome is unknown
   */
  @Override
  public KeyRing save(KeyRing ring) {
    Objects.requireNonNull(ring, "ring");
    long expected = ring.version();
    KeyRing next = ring.withVersion(expected + 1);
    Map<String, Object> document = Envelope.sealPrivateMembers(KeyRingDocument.toMap(next), ring.id(), keks.current());
    String json = new String(Json.writeUtf8(document), StandardCharsets.UTF_8);
    UUID writeId = UUID.randomUUID();
    try {
      Transactions.run(database, "save ring '" + ring.id() + "' to " + table, c -> {
        if (write(c, ring.id(), expected, json, writeId) == 1) {
          return null;
        }
        Optional<StoredRow> stored = read(c, ring.id());
        if (stored.isPresent() && writeId.equals(stored.get().writeId())) {
          return null; // an earlier attempt of this very save committed before its connection was lost
        }
        throw new KeyRingConflictException(ring.id(), expected);
      });
    } catch (JwkitException e) {
      if (e.code() != JdbcError.UNAVAILABLE) {
        throw e;
      }
      if (storedBy(ring.id(), writeId, e)) {
        return next;
      }
      throw e;
    }
    return next;
  }

  /**
   * After a save failed for want of a connection, whether its write is stored after all (the connection was
   * lost after the server committed). Anything but "yes" leaves {@code failure} to be thrown, with a note
   * on what is known added as a suppressed exception's message.
   */
  private boolean storedBy(KeyRingId id, UUID writeId, JwkitException failure) {
    Optional<StoredRow> after;
    try {
      after = Transactions.run(database, "check the save of ring '" + id + "' in " + table, c -> read(c, id));
    } catch (JwkitException check) {
      failure.addSuppressed(new JwkitException(JdbcError.UNAVAILABLE, "whether the save was stored is unknown"
          + " (the database could not be asked): load the ring to see", check));
      return false;
    }
    if (after.isPresent() && writeId.equals(after.get().writeId())) {
      return true;
    }
    failure.addSuppressed(new JwkitException(JdbcError.UNAVAILABLE, "checked afterwards: the save was not stored"
        + (after.isPresent() ? "; the ring is at version " + after.get().version() : "")));
    return false;
  }

  /**
   * Seals every stored private key again under the current key-encryption key, so that previous KEKs can be
   * removed from the configuration. Each ring is loaded and saved with compare-and-set (its version goes up
   * by one); a ring changed meanwhile by another writer is loaded again.
   *
   * @return the number of rings re-sealed (those holding a private key sealed with another KEK)
   * @throws JwkitException any error of {@link #load} and {@link #save}
   */
  public int resealAll() {
    String current = keks.current().id();
    List<String> stale = Transactions.run(database, "find rings sealed with older key-encryption keys in " + table,
        c -> strings(c, "SELECT DISTINCT r.ring_id FROM " + table + " r CROSS JOIN LATERAL jsonb_array_elements(r.document->'keys') k"
            + " WHERE k->'" + Envelope.SEALED + "'->>'kek' <> ? ORDER BY 1", current));
    for (String ringId : stale) {
      KeyRingId id = KeyRingId.of(ringId);
      while (true) {
        Optional<KeyRing> ring = load(id);
        if (ring.isEmpty()) {
          break;
        }
        try {
          save(ring.get());
          break;
        } catch (KeyRingConflictException e) {
          // another writer saved meanwhile (and sealed with its KEK); look again
        }
      }
    }
    return stale.size();
  }

  @Override
  public String toString() {
    return "JdbcKeyRingRepository[" + table + ", kek=" + keks.current().id() + "]";
  }

  private record StoredRow(long version, String document, UUID writeId) {}

  private Optional<StoredRow> read(Connection c, KeyRingId id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT version, document::text, write_id FROM " + table + " WHERE ring_id = ?")) {
      s.setString(1, id.value());
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new StoredRow(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class)));
      }
    }
  }

  private int write(Connection c, KeyRingId id, long expected, String json, UUID writeId) throws SQLException {
    String sql = expected == 0
        ? "INSERT INTO " + table + " (ring_id, version, document, write_id) VALUES (?, 1, ?::jsonb, ?)"
            + " ON CONFLICT (ring_id) DO NOTHING"
        : "UPDATE " + table + " SET version = version + 1, document = ?::jsonb, write_id = ?, updated_at = now()"
            + " WHERE ring_id = ? AND version = ?";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      if (expected == 0) {
        s.setString(1, id.value());
        s.setString(2, json);
        s.setObject(3, writeId);
      } else {
        s.setString(1, json);
        s.setObject(2, writeId);
        s.setString(3, id.value());
        s.setLong(4, expected);
      }
      return s.executeUpdate();
    }
  }

  private KeyRing decode(KeyRingId id, StoredRow row) {
    String where = "ring '" + id + "' in " + table;
    Map<String, Object> document;
    try {
      document = Json.parseObject(row.document().getBytes(StandardCharsets.UTF_8), KeyRingDocument.LIMITS);
    } catch (JwkitException e) {
      throw new JwkitException(JdbcError.CORRUPT, where + " is not a JSON object (" + e.code().id() + ")", e);
    }
    Map<String, Object> opened = Envelope.openPrivateMembers(document, id, keks);
    KeyRing ring;
    try {
      ring = KeyRingDocument.fromMap(opened);
    } catch (JwkitException e) {
      throw new JwkitException(JdbcError.CORRUPT, where + " is not a valid ring document (" + e.getMessage() + ")", e);
    }
    if (!ring.id().equals(id)) {
      throw new JwkitException(JdbcError.CORRUPT, where + " holds ring '" + ring.id() + "'");
    }
    return ring.withVersion(row.version());
  }

  private static List<String> strings(Connection c, String sql, String... parameters) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setString(i + 1, parameters[i]);
      }
      List<String> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }

  private void checkKeks() {
    String kekTable = SchemaMigrations.table(database, "jwkit_key_encryption_keys");
    for (KeyEncryptionKey kek : keks.all()) {
      String registered = Transactions.run(database, "register key-encryption key '" + kek.id() + "'", c -> {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + kekTable + " (kek_id, check_value) VALUES (?, ?)"
            + " ON CONFLICT (kek_id) DO NOTHING")) {
          s.setString(1, kek.id());
          s.setString(2, Envelope.checkValue(kek));
          s.executeUpdate();
        }
        return strings(c, "SELECT check_value FROM " + kekTable + " WHERE kek_id = ?", kek.id()).get(0);
      });
      if (!Envelope.matches(kek, registered)) {
        throw new JwkitException(JdbcError.KEK_MISMATCH, "key-encryption key '" + kek.id() + "' is not the key"
            + " registered under this id in " + kekTable + ": a wrong key-encryption key; nothing was written");
      }
    }
    List<String> inUse = Transactions.run(database, "list the key-encryption keys in use in " + table,
        c -> strings(c, "SELECT DISTINCT k->'" + Envelope.SEALED + "'->>'kek' FROM " + table
            + " r CROSS JOIN LATERAL jsonb_array_elements(r.document->'keys') k"
            + " WHERE k->'" + Envelope.SEALED + "' IS NOT NULL ORDER BY 1"));
    TreeSet<String> missing = new TreeSet<>();
    for (String id : inUse) {
      if (id == null || !keks.has(id)) {
        missing.add(String.valueOf(id));
      }
    }
    if (!missing.isEmpty()) {
      throw new JwkitException(JdbcError.KEK_UNKNOWN, table + " holds private keys sealed with key-encryption keys "
          + missing + ", which are not configured; configure them as previous key-encryption keys");
    }
  }

  /** Builds a {@link JdbcKeyRingRepository}. Not thread-safe. */
  public static final class Builder {
    private JdbcDatabase database;
    private KeyEncryptionKey current;
    private final List<KeyEncryptionKey> previous = new ArrayList<>();

    private Builder() {}

    /** The database (required). @return this builder */
    public Builder database(JdbcDatabase database) {
      this.database = Objects.requireNonNull(database, "database");
      return this;
    }

    /** The key-encryption key that seals private keys on save (required). @return this builder */
    public Builder keyEncryptionKey(KeyEncryptionKey current) {
      this.current = Objects.requireNonNull(current, "current");
      return this;
    }

    /**
     * Older key-encryption keys, used only to open what they sealed (KEK rotation: configure the new KEK as
     * current and the old one here; after {@link #resealAll()} the old one can go). Replaces earlier calls.
     *
     * @return this builder
     */
    public Builder previousKeyEncryptionKeys(List<KeyEncryptionKey> previous) {
      Objects.requireNonNull(previous, "previous");
      this.previous.clear();
      for (KeyEncryptionKey k : previous) {
        this.previous.add(Objects.requireNonNull(k, "previous key-encryption key"));
      }
      return this;
    }

    /**
     * Creates or migrates the schema, checks the key-encryption keys, and returns the repository.
     *
     * @throws IllegalStateException if the database or the current key-encryption key is missing
     * @throws IllegalArgumentException if two key-encryption keys have the same id
     * @throws JwkitException {@link JdbcError#KEK_MISMATCH}, {@link JdbcError#KEK_UNKNOWN}, {@link
     *     JdbcError#SCHEMA_TOO_NEW}, or a database error ({@link JdbcError#UNAVAILABLE}, {@link
     *     JdbcError#SQL_FAILED}, ...)
     */
    public JdbcKeyRingRepository build() {
      if (database == null) {
        throw new IllegalStateException("database is required");
      }
      if (current == null) {
        throw new IllegalStateException("keyEncryptionKey is required: private keys are never stored in clear");
      }
      JdbcKeyRingRepository repository = new JdbcKeyRingRepository(this);
      SchemaMigrations.migrate(database);
      repository.checkKeks();
      return repository;
    }
  }
}
