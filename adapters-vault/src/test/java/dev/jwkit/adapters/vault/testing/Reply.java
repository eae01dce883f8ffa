package dev.jwkit.adapters.vault.testing;

import dev.jwkit.jose.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A response of the fake Vault, shaped as VAULT-API.md B0 records it: the success envelope with its
 * fields in Go declaration order, {@code {"errors":[...]}} for errors, 204 for bodiless success (200
 * when there are warnings).
 */
final class Reply {

  final int status;
  final Map<String, Object> body; // null for 204
  final Map<String, String> headers = new LinkedHashMap<>();

  private Reply(int status, Map<String, Object> body) {
    this.status = status;
    this.body = body;
  }

  static Reply raw(int status, Map<String, Object> body) {
    return new Reply(status, body);
  }

  /** A status without a body (e.g. a standby's 307). */
  static Reply empty(int status) {
    return new Reply(status, null);
  }

  static Reply envelope(int status, Object data, List<String> warnings, Object auth, String mountType) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("request_id", UUID.randomUUID().toString());
    e.put("lease_id", "");
    e.put("renewable", false);
    e.put("lease_duration", 0L);
    e.put("data", data == null ? Json.NULL : data);
    e.put("wrap_info", Json.NULL);
    e.put("warnings", warnings == null || warnings.isEmpty() ? Json.NULL : List.copyOf(warnings));
    e.put("auth", auth == null ? Json.NULL : auth);
    e.put("mount_type", mountType);
    return new Reply(status, e);
  }

  /** 200 with data (a Go map: keys sorted), or 204 if data is null and there are no warnings. */
  static Reply ok(Map<String, ?> data, List<String> warnings, String mountType) {
    if (data == null && (warnings == null || warnings.isEmpty())) {
      return new Reply(204, null);
    }
    return envelope(200, data == null ? null : sorted(data), warnings, null, mountType);
  }

  static Reply noContent(List<String> warnings, String mountType) {
    return ok(null, warnings, mountType);
  }

  static Reply error(int status, String... errors) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("errors", List.of(errors));
    return new Reply(status, e);
  }

  /** A Go multierror-wrapped core error, e.g. {@code 1 error occurred:\n\t* permission denied\n\n}. */
  static Reply coreError(int status, String... errors) {
    StringBuilder sb = new StringBuilder();
    sb.append(errors.length == 1 ? "1 error occurred:\n" : errors.length + " errors occurred:\n");
    for (String e : errors) {
      sb.append("\t* ").append(e).append('\n');
    }
    sb.append('\n');
    return error(status, sb.toString());
  }

  /** 404 {@code {"errors":[]}}: a nil read or an empty list. */
  static Reply notFound() {
    return error(404);
  }

  static Map<String, Object> sorted(Map<String, ?> map) {
    return new TreeMap<>(map);
  }

  /** The "Endpoint ignored these unrecognized parameters" warning, if any. */
  static List<String> unknownParams(Map<String, Object> body, Set<String> known) {
    List<String> unknown = new ArrayList<>();
    for (String k : new TreeMap<>(body).keySet()) {
      if (!known.contains(k)) {
        unknown.add(k);
      }
    }
    List<String> warnings = new ArrayList<>();
    if (!unknown.isEmpty()) {
      warnings.add("Endpoint ignored these unrecognized parameters: " + unknown.toString().replace(",", ""));
    }
    return warnings;
  }
}
