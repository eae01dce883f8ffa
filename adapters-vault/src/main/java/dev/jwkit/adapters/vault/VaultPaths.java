package dev.jwkit.adapters.vault;

import java.util.regex.Pattern;

/**
 * Checks for the mount and path names given in settings: segments of letters, digits, {@code . _ -}
 * separated by single slashes, never {@code ..}; surrounding slashes are removed.
 *
 * <p>This class is stateless and safe for concurrent use.
 */
public final class VaultPaths {

  private static final Pattern SEGMENTS = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

  private VaultPaths() {}

  /**
   * Strips surrounding slashes and checks that the rest is safe path segments.
   *
   * @param value a mount or path such as {@code "/secret/"} or {@code "jwkit/rings"}
   * @return the value without surrounding slashes, e.g. {@code "secret"}
   * @throws IllegalArgumentException if the value is empty or has unsafe characters or segments
   */
  public static String checkMount(String value) {
    String stripped = strip(value);
    if (!SEGMENTS.matcher(stripped).matches() || stripped.contains("..")) {
      throw new IllegalArgumentException("not a valid Vault path: '" + value + "'");
    }
    return stripped;
  }

  /** The value without leading and trailing slashes. */
  public static String strip(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && value.charAt(start) == '/') {
      start++;
    }
    while (end > start && value.charAt(end - 1) == '/') {
      end--;
    }
    return value.substring(start, end);
  }
}
