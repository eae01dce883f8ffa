package dev.jwkit.adapters.vault.internal;

import dev.jwkit.adapters.vault.VaultError;
import dev.jwkit.jose.JwkitException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns Vault's error envelope ({@code {"errors":[...]}}) and status into a typed {@link JwkitException}.
 *
 * <p>Vault's messages are matched by substring, as VAULT-API.md advises (core errors come wrapped in
 * go-multierror's {@code "1 error occurred:\n\t* ..."}). The message of the exception names the method,
 * the path and the status and repeats Vault's own text with every secret removed ({@link #redact}):
 * Vault quotes some of them back, e.g. AppRole's {@code invalid secret_id "<secret>"}
 * ({@code builtin/credential/approle/path_login.go}).
 */
public final class VaultErrors {

  private static final int MAX_DETAIL = 240;
  /** What replaces a secret in a message. */
  static final String REDACTED = "<redacted>";
  /** Vault tokens: hvs./hvb./hvr. (1.10+), and the older s./b./r. service, batch and recovery tokens. */
  private static final Pattern TOKEN = Pattern.compile("\\b(?:hv[sbr]\\.[A-Za-z0-9_-]{8,}|[sbr]\\.[A-Za-z0-9_-]{16,})");
  /** A quoted value after a word that names a credential: {@code secret_id "…"}, {@code token "…"}. */
  private static final Pattern QUOTED_CREDENTIAL = Pattern.compile(
      "(?i)((?:secret[ _-]?id|role[ _-]?id|token|accessor|password|credential|hmac)[^\"\\n]{0,24}?)\"[^\"]*\"");
  /** UUIDs: the default shape of AppRole secret ids and of token accessors. */
  private static final Pattern UUID = Pattern.compile(
      "(?i)\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");

  private VaultErrors() {}

  /** The exception for a non-2xx response; Vault's text is {@linkplain #redact redacted}. */
  public static JwkitException toException(VaultResponse response, String method, String path) {
    return toException(response, method, path, List.of());
  }

  /**
   * The exception for a non-2xx response, with Vault's text {@linkplain #redact redacted}, the given
   * values (the request's token, secret id, role id) included.
   */
  public static JwkitException toException(VaultResponse response, String method, String path, Collection<String> secrets) {
    String detail = redact(detail(response.errors()), secrets);
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
   * A Vault text with every secret replaced by {@value #REDACTED}: the given values verbatim, anything
   * shaped like a Vault token, a quoted value after a credential's name, and UUIDs (AppRole secret ids
   * and accessors have that shape).
   */
  public static String redact(String text, Collection<String> secrets) {
    String out = text;
    for (String secret : secrets) {
      if (secret != null && secret.length() >= 4) {
        out = out.replace(secret, REDACTED);
      }
    }
    out = QUOTED_CREDENTIAL.matcher(out).replaceAll("$1\"" + REDACTED + "\"");
    out = TOKEN.matcher(out).replaceAll(REDACTED);
    return UUID.matcher(out).replaceAll(REDACTED);
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
