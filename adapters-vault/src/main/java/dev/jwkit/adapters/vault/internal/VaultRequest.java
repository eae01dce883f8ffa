package dev.jwkit.adapters.vault.internal;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Vault API call: method, path below {@code /v1/}, query, JSON body, and how it may be retried.
 *
 * @param method the HTTP method ({@code GET}, {@code POST}, {@code DELETE}, {@code LIST})
 * @param path the path below {@code /v1/}, without leading slash, e.g. {@code secret/data/jwkit/ring}
 * @param query query parameters (already safe ASCII), may be empty
 * @param body the JSON body, if any
 * @param idempotent whether repeating the call after an ambiguous failure (timeout, 500) is harmless;
 *     a non-idempotent call (Transit rotate) is retried only when Vault surely did not process it
 *     (connection refused, 429, 503)
 * @param missingOk whether a 404 is an answer ({@link VaultResponse#isNotFound()}) rather than an error
 * @param deniedOk whether a 403 is an answer (a probe the token may not be allowed to make): it is
 *     returned as is, and never makes the client obtain a fresh token
 */
public record VaultRequest(String method, String path, Map<String, String> query,
    Optional<Map<String, Object>> body, boolean idempotent, boolean missingOk, boolean deniedOk) {

  /** Copies the maps and checks the path. */
  public VaultRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    query = Map.copyOf(query);
    Objects.requireNonNull(body, "body");
    if (path.startsWith("/") || path.contains("..") || path.contains("?") || path.contains("#")) {
      throw new IllegalArgumentException("bad Vault path: " + path);
    }
  }

  /** A GET whose 404 is an answer. */
  public static VaultRequest read(String path) {
    return new VaultRequest("GET", path, Map.of(), Optional.empty(), true, true, false);
  }

  /** A GET with query parameters whose 404 is an answer. */
  public static VaultRequest read(String path, Map<String, String> query) {
    return new VaultRequest("GET", path, query, Optional.empty(), true, true, false);
  }

  /** A GET whose 404 and 403 are answers: a probe the token may not be allowed to make. */
  public static VaultRequest probe(String path) {
    return new VaultRequest("GET", path, Map.of(), Optional.empty(), true, true, true);
  }

  /** A POST with a JSON body. */
  public static VaultRequest write(String path, Map<String, Object> body, boolean idempotent) {
    return new VaultRequest("POST", path, Map.of(), Optional.of(body), idempotent, false, false);
  }

  /** A DELETE (idempotent in Vault: deleting a missing KV key gives 204). */
  public static VaultRequest delete(String path) {
    return new VaultRequest("DELETE", path, Map.of(), Optional.empty(), true, true, false);
  }

  /** A LIST (sent as {@code GET ?list=true}); an empty list is a 404. */
  public static VaultRequest list(String path) {
    return new VaultRequest("GET", path, Map.of("list", "true"), Optional.empty(), true, true, false);
  }
}
