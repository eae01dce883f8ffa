package dev.jwkit.adapters.vault.internal;

import dev.jwkit.adapters.vault.VaultError;
import dev.jwkit.adapters.vault.VaultSettings;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.JsonLimits;
import dev.jwkit.jose.JwkitException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** One HTTP exchange with Vault on {@link HttpClient}, without retries or authentication logic. */
final class HttpTransport {

  /** Vault answers are small; a KV ring document of many keys still fits well under this. */
  static final JsonLimits RESPONSE_LIMITS = new JsonLimits(4 * 1024 * 1024, 24, 200_000, 1024 * 1024, 64);

  private final HttpClient http;
  private final URI base;
  private final Optional<String> namespace;

  HttpTransport(VaultSettings settings) {
    HttpClient.Builder builder = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        // A 307 from a standby would send the token to another host: handled as a transient STANDBY.
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1);
    settings.caCertificatesPem().ifPresent(pem -> builder.sslContext(Tls.trusting(pem)));
    this.http = builder.build();
    this.base = settings.address();
    this.namespace = settings.namespace();
  }

  /** Whether a failed exchange surely did not reach Vault's handler (safe to repeat any request). */
  static boolean notDelivered(Throwable e) {
    return e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
  }

  /**
   * Sends the request and parses the answer.
   *
   * @throws JwkitException {@link VaultError#UNREACHABLE} on I/O failure or timeout (with the cause),
   *     {@link VaultError#UNEXPECTED_RESPONSE} if a body is not JSON
   */
  VaultResponse exchange(VaultRequest request, @Nullable String token, Duration timeout) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(request))
        .timeout(timeout)
        .header("Accept", "application/json")
        .header("X-Vault-Request", "true");
    if (token != null) {
      builder.header("X-Vault-Token", token);
    }
    namespace.ifPresent(ns -> builder.header("X-Vault-Namespace", ns));
    if (request.body().isPresent()) {
      builder.header("Content-Type", "application/json");
      builder.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(Json.writeUtf8(request.body().get())));
    } else {
      builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new JwkitException(VaultError.UNREACHABLE,
          request.method() + " " + request.path() + ": no answer within " + timeout.toMillis() + " ms", e);
    } catch (IOException e) {
      throw new JwkitException(VaultError.UNREACHABLE,
          request.method() + " " + request.path() + ": cannot reach Vault at " + base + " (" + e.getClass().getSimpleName() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JwkitException(VaultError.INTERRUPTED, request.method() + " " + request.path() + ": interrupted", e);
    }
    return parse(request, response);
  }

  private static VaultResponse parse(VaultRequest request, HttpResponse<byte[]> response) {
    byte[] bytes = response.body();
    Optional<Long> retryAfter = response.headers().firstValue("Retry-After").flatMap(HttpTransport::seconds);
    if (bytes == null || bytes.length == 0 || isBlank(bytes)) {
      return new VaultResponse(response.statusCode(), Map.of(), retryAfter);
    }
    try {
      return new VaultResponse(response.statusCode(), Json.parseObject(bytes, RESPONSE_LIMITS), retryAfter);
    } catch (JwkitException e) {
      if (response.statusCode() >= 300) {
        // e.g. a proxy's HTML error page: keep the status, drop the body
        return new VaultResponse(response.statusCode(), Map.of(), retryAfter);
      }
      throw new JwkitException(VaultError.UNEXPECTED_RESPONSE,
          request.method() + " " + request.path() + ": HTTP " + response.statusCode() + " with a body that is not JSON", e);
    }
  }

  private URI uri(VaultRequest request) {
    StringBuilder sb = new StringBuilder(base.toString()).append("/v1/").append(request.path());
    if (!request.query().isEmpty()) {
      sb.append('?').append(request.query().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
          .collect(Collectors.joining("&")));
    }
    return URI.create(sb.toString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private static Optional<Long> seconds(String value) {
    try {
      long s = Long.parseLong(value.trim());
      return s >= 0 ? Optional.of(s) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
