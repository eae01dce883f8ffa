package dev.jwkit.adapters.file.keysource;

import dev.jwkit.adapters.file.FileError;
import dev.jwkit.adapters.file.internal.AtomicFiles;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.JsonLimits;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jwks.port.LastKnownGoodStore;
import dev.jwkit.jwks.port.StoredKeySet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link LastKnownGoodStore} in one local file: the last good key set of a remote key source (the HTTP
 * adapter's {@code CachingKeySource}), so that a process starting while the key server is down can still
 * verify tokens, until the set is beyond the source's maximum staleness.
 *
 * <pre>{@code
 * CachingKeySource keys = CachingKeySource.builder()
 *     .location("https://issuer.example/.well-known/jwks.json")
 *     .lastKnownGoodStore(FileLastKnownGoodStore.of(Path.of("jwkit-data/issuer.jwks.lkg.json")))
 *     .build();
 * }</pre>
 *
 * <p>The file is a JSON object: {@code format} ({@value #FORMAT}), {@code formatVersion} (1), {@code
 * validatedAt} and {@code expiresAt} (ISO-8601 instants), {@code etag} (optional) and {@code jwks} (the
 * key set). Saves replace it atomically ({@code AtomicFiles}: a temporary file, {@code fsync}, rename),
 * owner-only.
 *
 * <h2>Security</h2>
 * Only public keys are ever written: both directions read the set with {@link JwkSet#parsePublic}, the one
 * rule for every public set, so private and symmetric keys are dropped before writing, and a set with no
 * public key is not written. A load is strict: a file larger than {@link #MAX_FILE_BYTES}, not exactly this format, or holding any private or
 * symmetric key, is refused with a {@link JwkitException} ({@link FileError#CORRUPT}, {@link
 * FileError#UNREADABLE} or {@link FileError#UNSUPPORTED_FORMAT}), which the key source logs before carrying
 * on without the store. Messages name the file, never key material.
 *
 * <h2>Thread safety</h2>
 * Instances are safe for concurrent use: saves are atomic renames, and a load reads one whole version.
 */
public final class FileLastKnownGoodStore implements LastKnownGoodStore {

  /** The {@code format} member of the file. */
  public static final String FORMAT = "jwkit.last-known-good";
  /** The largest file read or written: 512 KiB (a fetched set is capped at 128 KiB by the HTTP adapter). */
  public static final int MAX_FILE_BYTES = 512 * 1024;

  private static final int FORMAT_VERSION = 1;
  private static final Set<String> MEMBERS = Set.of("format", "formatVersion", "validatedAt", "expiresAt", "etag",
      "jwks");
  private static final JsonLimits LIMITS = new JsonLimits(MAX_FILE_BYTES, 16, 20_000, 64 * 1024, 64);

  private final Path file;

  private FileLastKnownGoodStore(Path file) {
    this.file = file;
  }

  /**
   * A store in {@code file}; its directory is created owner-only on the first save if missing.
   *
   * @param file the file
   * @return the store
   */
  public static FileLastKnownGoodStore of(Path file) {
    return new FileLastKnownGoodStore(Objects.requireNonNull(file, "file").toAbsolutePath().normalize());
  }

  /**
   * The stored set, if the file exists.
   *
   * @return the set last saved; empty when there is no file
   * @throws JwkitException {@link FileError#UNREADABLE} (unreadable, or too large), {@link
   *     FileError#CORRUPT} (not this format, or a private or symmetric key in the set), {@link
   *     FileError#UNSUPPORTED_FORMAT} (written by a newer jwkit)
   */
  @Override
  public Optional<StoredKeySet> load() {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new JwkitException(FileError.UNREADABLE, file + " is larger than " + MAX_FILE_BYTES + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new JwkitException(FileError.UNREADABLE, "could not read " + file + ": " + e.getClass().getSimpleName(), e);
    }
    Map<String, Object> json;
    try {
      json = Json.parseObject(bytes, LIMITS);
    } catch (JwkitException e) {
      throw corrupt("not JSON (" + e.code().id() + ")", e);
    }
    if (!MEMBERS.containsAll(json.keySet())) {
      throw corrupt("unknown members", null);
    }
    if (!FORMAT.equals(json.get("format"))) {
      throw corrupt("not a " + FORMAT + " file", null);
    }
    Object version = json.get("formatVersion");
    if (!(version instanceof Number) || ((Number) version).intValue() != FORMAT_VERSION
        || ((Number) version).doubleValue() != FORMAT_VERSION) {
      if (version instanceof Number && ((Number) version).intValue() > FORMAT_VERSION) {
        throw new JwkitException(FileError.UNSUPPORTED_FORMAT, file + " has formatVersion " + version
            + "; this jwkit reads " + FORMAT_VERSION);
      }
      throw corrupt("formatVersion is not " + FORMAT_VERSION, null);
    }
    Instant validatedAt = instant(json, "validatedAt");
    Instant expiresAt = instant(json, "expiresAt");
    Object etag = json.get("etag");
    if (etag != null && !(etag instanceof String)) {
      throw corrupt("etag is not a string", null);
    }
    if (!(json.get("jwks") instanceof Map)) {
      throw corrupt("jwks is not an object", null);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> jwks = (Map<String, Object>) json.get("jwks");
    JwkSet set;
    try {
      set = JwkSet.publicFromJsonObject(jwks);
    } catch (JwkitException e) {
      throw corrupt("jwks is not a JWK Set (" + e.code().id() + ")", e);
    }
    if (!set.skipped().isEmpty()) {
      JwkSet.SkippedKey first = set.skipped().get(0);
      throw corrupt(set.skipped().size() + " unusable key(s) in the set, the first (#" + first.index() + ") "
          + first.reason().id() + ": " + first.message() + "; only usable public keys belong here", null);
    }
    if (set.keys().isEmpty()) {
      throw corrupt("no key in the set", null);
    }
    return Optional.of(new StoredKeySet(set.toJson().getBytes(StandardCharsets.UTF_8),
        Optional.ofNullable((String) etag), validatedAt, expiresAt));
  }

  /**
   * Replaces the stored set with the public keys of {@code set}; private and symmetric keys are never
   * written.
   *
   * @param set the set to keep
   * @throws JwkitException {@link FileError#CORRUPT} when the set is not a JWK Set, holds no public key, or is
   *     larger than {@link #MAX_FILE_BYTES}; {@link FileError#WRITE_FAILED} when the write fails (the previous
   *     file is then unchanged)
   */
  @Override
  public void save(StoredKeySet set) {
    Objects.requireNonNull(set, "set");
    JwkSet parsed;
    try {
      parsed = JwkSet.publicFromJsonObject(Json.parseObject(set.body(), LIMITS));
    } catch (JwkitException e) {
      throw new JwkitException(FileError.CORRUPT, "the key set to store in " + file + " is not a JWK Set ("
          + e.code().id() + ")", e);
    }
    List<Jwk> publicKeys = parsed.keys(); // JwkSet.parsePublic's rule: no private or symmetric key
    if (publicKeys.isEmpty()) {
      throw new JwkitException(FileError.CORRUPT, "the key set to store in " + file + " holds no public key");
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", FORMAT);
    json.put("formatVersion", FORMAT_VERSION);
    json.put("validatedAt", set.validatedAt().toString());
    json.put("expiresAt", set.expiresAt().toString());
    set.etag().ifPresent(e -> json.put("etag", e));
    json.put("jwks", JwkSet.of(publicKeys).toJsonObject());
    byte[] bytes = Json.writeUtf8(json);
    if (bytes.length > MAX_FILE_BYTES) {
      throw new JwkitException(FileError.CORRUPT, "the key set to store in " + file + " is larger than "
          + MAX_FILE_BYTES + " bytes");
    }
    Path directory = file.getParent();
    if (directory != null) {
      AtomicFiles.createDirectory(directory);
    }
    AtomicFiles.write(file, bytes);
  }

  private Instant instant(Map<String, Object> json, String member) {
    Object value = json.get(member);
    if (!(value instanceof String)) {
      throw corrupt(member + " is missing or not a string", null);
    }
    try {
      return Instant.parse((String) value);
    } catch (DateTimeParseException e) {
      throw corrupt(member + " is not an ISO-8601 instant", e);
    }
  }

  private JwkitException corrupt(String what, Throwable cause) {
    return cause == null
        ? new JwkitException(FileError.CORRUPT, file + ": " + what)
        : new JwkitException(FileError.CORRUPT, file + ": " + what, cause);
  }

  @Override
  public String toString() {
    return "FileLastKnownGoodStore[" + file + "]";
  }
}
