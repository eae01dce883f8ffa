package dev.jwkit.adapters.vault.testing;

import dev.jwkit.jose.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** A KV secrets engine of the fake Vault: version 2 (VAULT-API.md B1) or version 1 (plain paths). */
public final class FakeKv {

  private static final Set<String> WRITE_PARAMS = Set.of("data", "options");
  private static final Set<String> CONFIG_PARAMS = Set.of("max_versions", "cas_required", "delete_version_after");
  private static final Set<String> META_PARAMS = Set.of("max_versions", "cas_required", "delete_version_after", "custom_metadata");

  private static final class Version {
    Map<String, Object> data;
    final Instant created;
    Instant deleted;
    boolean destroyed;

    Version(Map<String, Object> data, Instant created) {
      this.data = data;
      this.created = created;
    }
  }

  private static final class Key {
    final TreeMap<Long, Version> versions = new TreeMap<>();
    long current;
    long oldest;
    long maxVersions;
    boolean casRequired;
    long deleteVersionAfterSeconds;
    Instant created;
    Instant updated;
  }

  private final String mount;
  private final int version;
  private final Clock clock;
  private final Map<String, Key> keys = new TreeMap<>();
  private final Map<String, Map<String, Object>> v1 = new TreeMap<>();
  private long engineMaxVersions;
  private boolean engineCasRequired;
  /** The engine's delete_version_after in seconds: 0 unset, negative disabled (stored as -1 s). */
  private long engineDeleteVersionAfterSeconds;

  FakeKv(String mount, int version, Clock clock) {
    this.mount = mount;
    this.version = version;
    this.clock = clock;
  }

  public int version() {
    return version;
  }

  /** Writes directly, as another writer would (bypassing CAS): the "conflicting writer" hook. */
  public synchronized long put(String path, Map<String, Object> data) {
    return write(path, data).versionAfter;
  }

  /** The current version of a key, 0 if missing. */
  public synchronized long currentVersion(String path) {
    Key k = keys.get(path);
    return k == null ? 0 : k.current;
  }

  /** Sets cas_required on the engine. */
  public synchronized void casRequired(boolean required) {
    engineCasRequired = required;
  }

  /**
   * Sets the engine's {@code delete_version_after}, as {@code POST <mount>/config} does
   * ({@code path_config.go}: negative disables it on every key, zero clears it).
   */
  public synchronized void deleteVersionAfter(java.time.Duration after) {
    long seconds = after.toSeconds();
    engineDeleteVersionAfterSeconds = seconds < 0 ? -1 : seconds;
  }

  /**
   * When a version written now is deleted by itself: {@code path_data.go} sets {@code deletion_time} on
   * every new version unless the engine disabled it, from the smallest non-zero of the engine's and the
   * key's {@code delete_version_after} ({@code delete_version_after.go}, {@code deletionTime}). A read
   * after that time answers 404 with the version's metadata, like a soft delete.
   */
  private Instant deletionTime(Key k, Instant created) {
    if (engineDeleteVersionAfterSeconds < 0) {
      return null;
    }
    long mount = engineDeleteVersionAfterSeconds;
    long meta = k.deleteVersionAfterSeconds;
    if (mount == 0 && meta == 0) {
      return null;
    }
    long min = meta;
    if ((mount != 0 && mount < min) || min == 0) {
      min = mount;
    }
    return created.plusSeconds(min);
  }

  /** Go's time.Duration.String() for whole seconds: "0s", "1h0m0s", "3h25m19s", "-1s". */
  static String goDuration(long seconds) {
    if (seconds < 0) {
      return "-" + goDuration(-seconds);
    }
    long h = seconds / 3600;
    long m = seconds % 3600 / 60;
    long s = seconds % 60;
    return h > 0 ? h + "h" + m + "m" + s + "s" : m > 0 ? m + "m" + s + "s" : s + "s";
  }

  /** framework.TypeDurationSecond: an integer of seconds or a Go duration string such as "768h". */
  private static long durationSeconds(Object value) {
    if (value instanceof Long) {
      return (Long) value;
    }
    String text = String.valueOf(value).trim();
    if (text.matches("-?\\d+")) {
      return Long.parseLong(text);
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)([hms])").matcher(text);
    long total = 0;
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      total += m.group(2).equals("h") ? n * 3600 : m.group(2).equals("m") ? n * 60 : n;
    }
    return text.startsWith("-") ? -total : total;
  }

  synchronized Reply handle(String verb, String rest, Map<String, String> query, Map<String, Object> body) {
    if (version == 1) {
      return handleV1(verb, rest, body);
    }
    if (rest.equals("config")) {
      return config(verb, body);
    }
    if (rest.startsWith("data/")) {
      return data(verb, rest.substring(5), query, body);
    }
    if (rest.startsWith("destroy/") && (verb.equals("POST") || verb.equals("PUT"))) {
      return destroy(rest.substring(8), body);
    }
    if (rest.startsWith("metadata/") || (verb.equals("LIST") && rest.equals("metadata/"))) {
      return metadata(verb, rest.substring(9), body);
    }
    return Reply.envelope(404, null, List.of("Invalid path for a versioned K/V secrets engine. See the API docs for the "
        + "appropriate API endpoints to use. If using the Vault CLI, use 'vault kv put' for this operation."), null, "kv");
  }

  private Reply config(String verb, Map<String, Object> body) {
    if (verb.equals("GET")) {
      return Reply.ok(Map.of("cas_required", engineCasRequired,
          "delete_version_after", goDuration(engineDeleteVersionAfterSeconds), "max_versions", engineMaxVersions), null, "kv");
    }
    if (body.containsKey("delete_version_after")) {
      long seconds = durationSeconds(body.get("delete_version_after"));
      engineDeleteVersionAfterSeconds = seconds < 0 ? -1 : seconds;
    }
    if (body.get("max_versions") instanceof Long) {
      engineMaxVersions = (Long) body.get("max_versions");
    }
    if (body.get("cas_required") instanceof Boolean) {
      engineCasRequired = (Boolean) body.get("cas_required");
    }
    return Reply.noContent(Reply.unknownParams(body, CONFIG_PARAMS), "kv");
  }

  private Reply data(String verb, String path, Map<String, String> query, Map<String, Object> body) {
    switch (verb) {
      case "GET":
        return read(path, query);
      case "POST":
      case "PUT":
        return writeChecked(path, body);
      case "DELETE": {
        Key k = keys.get(path);
        if (k != null && k.versions.containsKey(k.current)) {
          k.versions.get(k.current).deleted = clock.instant();
        }
        return Reply.noContent(null, "kv");
      }
      default:
        return Reply.error(405, "1 error occurred:\n\t* unsupported operation\n\n");
    }
  }

  /** {@code POST <mount>/destroy/<path>} with {@code versions}: marks them destroyed, 204 ({@code path_destroy.go}). */
  private Reply destroy(String path, Map<String, Object> body) {
    if (!(body.get("versions") instanceof List) || ((List<?>) body.get("versions")).isEmpty()) {
      return Reply.error(400, "no version number provided");
    }
    Key k = keys.get(path);
    if (k != null) {
      for (Object v : (List<?>) body.get("versions")) {
        Version ver = k.versions.get(Long.parseLong(String.valueOf(v)));
        if (ver != null) {
          ver.destroyed = true;
          ver.data = null;
        }
      }
    }
    return Reply.noContent(null, "kv");
  }

  private Reply read(String path, Map<String, String> query) {
    Key k = keys.get(path);
    if (k == null) {
      return Reply.notFound();
    }
    long v = 0;
    if (query.containsKey("version")) {
      try {
        v = Long.parseLong(query.get("version"));
      } catch (NumberFormatException e) {
        return Reply.error(400, "error parsing version parameter");
      }
    }
    if (v == 0) {
      v = k.current;
    }
    Version ver = k.versions.get(v);
    if (ver == null) {
      return Reply.notFound();
    }
    Map<String, Object> d = new LinkedHashMap<>();
    boolean gone = ver.destroyed || (ver.deleted != null && !ver.deleted.isAfter(clock.instant()));
    d.put("data", gone ? Json.NULL : ver.data);
    d.put("metadata", versionMeta(ver, v));
    if (gone) {
      return Reply.envelope(404, d, null, null, "");
    }
    return Reply.ok(d, null, "kv");
  }

  private Reply writeChecked(String path, Map<String, Object> body) {
    Object data = body.get("data");
    if (!(data instanceof Map)) {
      return Reply.error(400, "no data provided");
    }
    Key k = keys.get(path);
    long current = k == null ? 0 : k.current;
    Object options = body.get("options");
    Object cas = options instanceof Map ? ((Map<?, ?>) options).get("cas") : null;
    boolean required = engineCasRequired || (k != null && k.casRequired);
    if (cas == null || cas == Json.NULL) {
      if (required) {
        return Reply.error(400, "check-and-set parameter required for this call");
      }
    } else {
      long expected;
      try {
        expected = cas instanceof Long ? (Long) cas : Long.parseLong(cas.toString());
      } catch (NumberFormatException e) {
        return Reply.error(400, "error parsing check-and-set parameter");
      }
      if (expected != current) {
        return Reply.error(400, "check-and-set parameter did not match the current version");
      }
    }
    @SuppressWarnings("unchecked")
    Written w = write(path, (Map<String, Object>) data);
    return Reply.ok(versionMeta(w.version, w.versionAfter), Reply.unknownParams(body, WRITE_PARAMS), "kv");
  }

  private record Written(Version version, long versionAfter) {}

  private Written write(String path, Map<String, Object> data) {
    Instant now = clock.instant();
    Key k = keys.computeIfAbsent(path, p -> {
      Key n = new Key();
      n.created = now;
      n.oldest = 1;
      return n;
    });
    k.current++;
    Version v = new Version(data, now);
    v.deleted = deletionTime(k, now);
    k.versions.put(k.current, v);
    k.updated = now;
    long max = Math.max(k.maxVersions, engineMaxVersions);
    if (max == 0) {
      max = 10;
    }
    while (k.versions.size() > max) {
      k.versions.pollFirstEntry();
    }
    k.oldest = k.versions.firstKey();
    return new Written(v, k.current);
  }

  private Reply metadata(String verb, String path, Map<String, Object> body) {
    if (verb.equals("LIST")) {
      TreeSet<String> names = new TreeSet<>();
      for (String key : keys.keySet()) {
        if (key.startsWith(path)) {
          String tail = key.substring(path.length());
          int slash = tail.indexOf('/');
          names.add(slash < 0 ? tail : tail.substring(0, slash + 1));
        }
      }
      if (names.isEmpty()) {
        return Reply.notFound();
      }
      return Reply.ok(Map.of("keys", List.copyOf(names)), null, "kv");
    }
    Key k = keys.get(path);
    switch (verb) {
      case "GET": {
        if (k == null) {
          return Reply.notFound();
        }
        Map<String, Object> versions = new TreeMap<>();
        k.versions.forEach((n, v) -> {
          Map<String, Object> m = new TreeMap<>();
          m.put("created_time", ts(v.created));
          m.put("deletion_time", v.deleted == null ? "" : ts(v.deleted));
          m.put("destroyed", v.destroyed);
          versions.put(Long.toString(n), m);
        });
        Map<String, Object> d = new TreeMap<>();
        d.put("cas_required", k.casRequired);
        d.put("created_time", ts(k.created));
        d.put("current_version", k.current);
        d.put("custom_metadata", Json.NULL);
        d.put("delete_version_after", goDuration(k.deleteVersionAfterSeconds));
        d.put("max_versions", k.maxVersions);
        d.put("oldest_version", k.oldest);
        d.put("updated_time", ts(k.updated));
        d.put("versions", versions);
        return Reply.ok(d, null, "kv");
      }
      case "POST":
      case "PUT": {
        Key key = keys.computeIfAbsent(path, p -> {
          Key n = new Key();
          n.created = clock.instant();
          n.updated = n.created;
          return n;
        });
        if (body.get("cas_required") instanceof Boolean) {
          key.casRequired = (Boolean) body.get("cas_required");
        }
        if (body.get("max_versions") instanceof Long) {
          key.maxVersions = (Long) body.get("max_versions");
        }
        if (body.containsKey("delete_version_after")) {
          long seconds = durationSeconds(body.get("delete_version_after"));
          if (seconds < 0) {
            return Reply.error(400, "delete_version_after cannot be negative"); // path_metadata.go: an error
          }
          key.deleteVersionAfterSeconds = seconds;
        }
        return Reply.noContent(Reply.unknownParams(body, META_PARAMS), "kv");
      }
      case "DELETE":
        keys.remove(path);
        return Reply.noContent(null, "kv");
      default:
        return Reply.error(405, "1 error occurred:\n\t* unsupported operation\n\n");
    }
  }

  private static Map<String, Object> versionMeta(Version v, long number) {
    Map<String, Object> m = new TreeMap<>();
    m.put("created_time", ts(v.created));
    m.put("custom_metadata", Json.NULL);
    m.put("deletion_time", v.deleted == null ? "" : ts(v.deleted));
    m.put("destroyed", v.destroyed);
    m.put("version", number);
    return m;
  }

  /** RFC 3339 with nanoseconds, trailing zeros trimmed, as Go's TimestampString. */
  static String ts(Instant i) {
    String base = DateTimeFormatter.ISO_INSTANT.format(i.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    if (i.getNano() == 0) {
      return base;
    }
    String frac = String.format("%09d", i.getNano()).replaceAll("0+$", "");
    return base.substring(0, base.length() - 1) + "." + frac + "Z";
  }

  private Reply handleV1(String verb, String path, Map<String, Object> body) {
    switch (verb) {
      case "GET": {
        Map<String, Object> d = v1.get(path);
        if (d == null) {
          return Reply.notFound();
        }
        Reply r = Reply.ok(d, null, "kv");
        r.body.put("lease_duration", 2764800L);
        return r;
      }
      case "POST":
      case "PUT":
        v1.put(path, new LinkedHashMap<>(body));
        return Reply.noContent(null, "kv");
      case "DELETE":
        v1.remove(path);
        return Reply.noContent(null, "kv");
      case "LIST": {
        TreeSet<String> names = new TreeSet<>();
        for (String key : v1.keySet()) {
          if (key.startsWith(path)) {
            String tail = key.substring(path.length());
            int slash = tail.indexOf('/');
            names.add(slash < 0 ? tail : tail.substring(0, slash + 1));
          }
        }
        return names.isEmpty() ? Reply.notFound() : Reply.ok(Map.of("keys", List.copyOf(names)), null, "kv");
      }
      default:
        return Reply.error(405, "1 error occurred:\n\t* unsupported operation\n\n");
    }
  }

  @Override
  public String toString() {
    return "FakeKv[" + mount + ", v" + version + "]";
  }
}
