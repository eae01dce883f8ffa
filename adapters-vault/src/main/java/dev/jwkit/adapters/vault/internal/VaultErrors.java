package dev.jwkit.adapters.vault.internal;

import dev.jwkit.adapters.vault.VaultError;
import dev.jwkit.jose.JwkitException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns Vault's error envelope ({@code {"errors":[...]}}) and status into a typed {@link JwkitException}.
 *
 * <p>Vault's messages are matched by substring, as VAULT-API.md advises (core errors come wrapped in
 * go-multierror's {@code "1 error occurred:\n\t* ..."}). The message of the exception names the method,
 * the path and the status and repeats Vault's own text, which never contains the token.
 */
public final class VaultErrors {

  private static final int MAX_DETAIL = 240;

  private VaultErrors() {}

  /** The exception for a non-2xx response. */
  public static JwkitException toException(VaultResponse response, String method, String path) {
    String detail = detail(response.errors());
    VaultError code = classify(response.status(), detail.toLowerCase(Locale.ROOT));
    String message = method + " " + path + ": HTTP " + response.status() + (detail.isEmpty() ? "" : ": " + detail);
    return new JwkitException(code, message);
  }

  /** The code for a status and a lower-cased error text. */
  static VaultError classify(int status, String text) {
    if (text.contains("check-and-set parameter did not match")) {
      return VaultError.CAS_CONFLICT;
    }
    if (text.contains("upgrading from non-versioned to versioned data")) {
      return VaultError.SERVER_ERROR; // transient by design: the mount is being upgraded
    }
    if (isKeyVersionRefusal(text)) {
      return VaultError.KEY_VERSION_DISALLOWED;
    }
    if (text.contains("active cluster node not found") || text.contains("no active vault instance found")
        || text.contains("node is not active")) {
      // a standby that cannot forward (http/handler.go: 500 from forwardRequest, 503 from respondStandby):
      // the request was not processed, so even a non-idempotent one may be repeated
      return VaultError.STANDBY;
    }
    if (status == 503) {
      return text.contains("sealed") ? VaultError.SEALED : VaultError.STANDBY;
    }
    if (status == 307 || status == 412) {
      return VaultError.STANDBY;
    }
    if (status == 429) {
      return VaultError.RATE_LIMITED;
    }
    if (status == 403) {
      return VaultError.PERMISSION_DENIED;
    }
    if (status == 404) {
      return text.contains("no handler for route") ? VaultError.MOUNT_NOT_FOUND : VaultError.NOT_FOUND;
    }
    if (status == 400 && (text.contains("key not found") || text.contains("no existing key named"))) {
      return VaultError.NOT_FOUND;
    }
    if (status >= 500) {
      return VaultError.SERVER_ERROR;
    }
    return VaultError.INVALID_REQUEST;
  }

  private static boolean isKeyVersionRefusal(String text) {
    return text.contains("disallowed by policy (too old)")
        || text.contains("version is too new")
        || text.contains("less than the minimum encryption key version")
        || text.contains("higher than the latest key version")
        || text.contains("requested version for signing is negative");
  }

  /**
   * Vault's error texts joined by {@code "; "}, with go-multierror's framing removed, whitespace
   * collapsed and the whole cut to a bounded length.
   */
  static String detail(List<String> errors) {
    List<String> parts = new ArrayList<>();
    for (String error : errors) {
      for (String line : error.split("\n")) {
        String t = line.trim();
        if (t.isEmpty() || t.matches("\\d+ errors? occurred:")) {
          continue;
        }
        if (t.startsWith("* ")) {
          t = t.substring(2).trim();
        }
        parts.add(t.replaceAll("\\s+", " "));
      }
    }
    String joined = String.join("; ", parts).replaceAll("\\p{Cntrl}", " ");
    return joined.length() > MAX_DETAIL ? joined.substring(0, MAX_DETAIL) + "…" : joined;
  }
}
