package dev.jwkit.adapters.http.fetching;

import dev.jwkit.adapters.http.internal.Locations;
import dev.jwkit.jwks.model.KeySourceUnavailableException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * What {@link HttpJwksFetcher} checks and decodes in a response: redirect statuses, the content type, a
 * gzip body under the size cap, and the failures it reports (the location without query or user info).
 */
final class HttpResponses {

  private HttpResponses() {}

  static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  static boolean hasContentType(HttpResponse.ResponseInfo info, Set<String> accepted) {
    return hasContentType(info.headers().firstValue("Content-Type"), accepted);
  }

  static boolean hasContentType(HttpResponse<?> response, Set<String> accepted) {
    return hasContentType(response.headers().firstValue("Content-Type"), accepted);
  }

  private static boolean hasContentType(Optional<String> header, Set<String> accepted) {
    if (header.isEmpty()) {
      return false;
    }
    String type = header.get();
    int semi = type.indexOf(';');
    String bare = (semi >= 0 ? type.substring(0, semi) : type).trim().toLowerCase(Locale.ROOT);
    return accepted.contains(bare);
  }

  static byte[] decode(URI uri, HttpResponse<byte[]> response, int maxBodyBytes) {
    byte[] raw = response.body();
    String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").trim().toLowerCase(Locale.ROOT);
    if (encoding.equals("identity") || encoding.isEmpty()) {
      return raw;
    }
    if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
      throw fail(HttpJwksError.BAD_CONTENT_ENCODING, "content encoding " + encoding, uri, null);
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int total = 0;
      for (int n; (n = in.read(buf)) != -1; ) {
        total += n;
        if (total > maxBodyBytes) {
          throw fail(HttpJwksError.BODY_TOO_LARGE,
              "decompressed body larger than " + maxBodyBytes + " bytes", uri, null);
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (ZipException | java.io.EOFException e) {
      throw fail(HttpJwksError.BAD_CONTENT_ENCODING, "corrupt gzip body", uri, e);
    } catch (IOException e) {
      throw fail(HttpJwksError.BAD_CONTENT_ENCODING, "unreadable gzip body", uri, e);
    }
  }

  static KeySourceUnavailableException fail(HttpJwksError code, String what, URI uri, @Nullable Throwable cause) {
    String message = what + " (" + Locations.safe(uri) + ")";
    return cause == null
        ? new KeySourceUnavailableException(code, message)
        : new KeySourceUnavailableException(code, message, cause);
  }
}
