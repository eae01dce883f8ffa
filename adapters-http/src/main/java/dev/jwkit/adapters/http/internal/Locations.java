package dev.jwkit.adapters.http.internal;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** URL rules for fetching keys and metadata: HTTPS, plain HTTP only to loopback (or when allowed). */
public final class Locations {

  private Locations() {}

  /**
   * Why a location may not be fetched, or empty when it may.
   *
   * @param uri the location
   * @param allowInsecureHttp whether plain {@code http} to non-loopback hosts is allowed
   * @return the reason for refusal, if any
   */
  public static Optional<String> refusal(URI uri, boolean allowInsecureHttp) {
    if (!uri.isAbsolute() || uri.isOpaque()) {
      return Optional.of("not an absolute hierarchical URL");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      return Optional.of("no host");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("user info in the URL");
    }
    if (uri.getRawFragment() != null) {
      return Optional.of("fragment in the URL");
    }
    if (scheme.equals("https")) {
      return Optional.empty();
    }
    if (!scheme.equals("http")) {
      return Optional.of("scheme " + scheme + " is not https");
    }
    if (allowInsecureHttp || isLoopback(host)) {
      return Optional.empty();
    }
    return Optional.of("plain http to a non-loopback host");
  }

  /** Whether the host is a loopback name or literal ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}). */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    if (!isIpLiteral(h)) {
      return false; // never resolve names here: resolution happens in the client, not in a check
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private static boolean isIpLiteral(String h) {
    return h.matches("[0-9.]+") || (h.contains(":") && h.matches("[0-9a-f:.]+"));
  }

  /** The location without query or user info, for messages and logs. */
  public static String safe(URI uri) {
    StringBuilder b = new StringBuilder();
    b.append(uri.getScheme()).append("://").append(uri.getHost());
    if (uri.getPort() >= 0) {
      b.append(':').append(uri.getPort());
    }
    String path = uri.getRawPath();
    b.append(path == null || path.isEmpty() ? "/" : path);
    return b.toString();
  }
}
