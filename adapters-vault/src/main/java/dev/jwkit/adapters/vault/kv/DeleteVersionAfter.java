package dev.jwkit.adapters.vault.kv;

import dev.jwkit.adapters.vault.VaultError;
import dev.jwkit.jose.JwkitException;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * KV v2's {@code delete_version_after}, read as the KV plugin applies it ({@code delete_version_after.go}
 * and {@code path_data.go} in hashicorp/vault-plugin-secrets-kv): a mount setting below zero disables it
 * on every key; otherwise each new version is deleted after the smallest non-zero of the mount's and the
 * key's setting, and after neither when both are zero.
 */
final class DeleteVersionAfter {

  private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d*)?)(ns|us|µs|ms|s|m|h)");

  private DeleteVersionAfter() {}

  /** The seconds of a Go duration string such as {@code "768h0m0s"}, {@code "1m30.5s"}, {@code "-1s"}. */
  static BigDecimal seconds(String goDuration, String where) {
    String text = goDuration.trim();
    boolean negative = text.startsWith("-");
    String body = negative || text.startsWith("+") ? text.substring(1) : text;
    if (body.equals("0")) {
      return BigDecimal.ZERO;
    }
    Matcher m = GO_DURATION.matcher(body);
    BigDecimal total = BigDecimal.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      total = total.add(new BigDecimal(m.group(1)).multiply(unit(m.group(2))));
      end = m.end();
    }
    if (end == 0 || end != body.length()) {
      throw new JwkitException(VaultError.UNEXPECTED_RESPONSE, where + ": delete_version_after is not a duration");
    }
    return negative ? total.negate() : total;
  }

  private static BigDecimal unit(String unit) {
    switch (unit) {
      case "h":
        return BigDecimal.valueOf(3600);
      case "m":
        return BigDecimal.valueOf(60);
      case "s":
        return BigDecimal.ONE;
      case "ms":
        return new BigDecimal("0.001");
      case "ns":
        return new BigDecimal("0.000000001");
      default:
        return new BigDecimal("0.000001");
    }
  }

  /** Whether new versions of the key will be deleted by themselves, given the two settings. */
  static boolean expires(BigDecimal mount, BigDecimal key) {
    if (mount.signum() < 0) {
      return false; // disabled on the mount: no key's versions are deleted
    }
    return mount.signum() > 0 || key.signum() > 0;
  }
}
