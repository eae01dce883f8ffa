package dev.jwkit.adapters.http.fetching;

import dev.jwkit.jwks.model.KeySourceUnavailableException;
import dev.jwkit.jwks.port.FetchedJwks;
import dev.jwkit.jwks.port.JwksLocation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.adapters.http.testing.FaultServer;
import dev.jwkit.adapters.http.testing.FaultServer.Reply;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpJwksFetcherTest {

  static final String JWKS = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"k1\",\"x\":\"AA\",\"y\":\"AA\"}]}";

  FaultServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** A fetcher bound to one location, for brevity. */
  record Target(HttpJwksFetcher fetcher, URI uri) {
    FetchedJwks fetch() {
      return fetcher.fetch(JwksLocation.of(uri.toString()));
    }

    FetchedJwks fetchIfNoneMatch(String etag) {
      return fetcher.fetch(JwksLocation.of(uri.toString()), etag);
    }
  }

  static Target target(HttpJwksFetcher.Builder b, URI uri) {
    return new Target(b.build(), uri);
  }

  Target fetcher(Reply reply) {
    server = FaultServer.start(r -> reply);
    return target(HttpJwksFetcher.builder(), server.uri("/.well-known/jwks.json?tenant=secret"));
  }

  static HttpJwksError codeOf(Throwable t) {
    return (HttpJwksError) ((KeySourceUnavailableException) t).code();
  }

  @Test
  void fetch_okJson_returnsBodyEtagAndMaxAge() {
    FetchedJwks f = fetcher(Reply.json(JWKS).header("ETag", "\"v1\"").header("Cache-Control", "public, max-age=300"))
        .fetch();
    assertThat(new String(f.body(), StandardCharsets.UTF_8)).isEqualTo(JWKS);
    assertThat(f.etag()).contains("\"v1\"");
    assertThat(f.maxAge()).contains(Duration.ofSeconds(300));
    assertThat(f.notModified()).isFalse();
    FaultServer.Request req = server.log().get(0);
    assertThat(req.headers().get("accept")).contains("application/jwk-set+json");
    assertThat(req.headers().get("accept-encoding")).isEqualTo("gzip");
    assertThat(req.headers()).doesNotContainKey("if-none-match").doesNotContainKey("cookie").doesNotContainKey("authorization");
  }

  @Test
  void fetch_jwkSetContentTypeWithCharset_isAccepted() {
    FetchedJwks f = fetcher(new Reply().header("Content-Type", "Application/JWK-Set+JSON; charset=utf-8").body(JWKS)).fetch();
    assertThat(f.body()).hasSize(JWKS.length());
    assertThat(f.maxAge()).isEmpty();
  }

  @Test
  void fetchIfNoneMatch_304_isNotModifiedAndSendsTheTag() {
    server = FaultServer.start(r -> "\"v1\"".equals(r.headers().get("if-none-match"))
        ? new Reply().status(304).header("Cache-Control", "max-age=60")
        : Reply.json(JWKS).header("ETag", "\"v1\""));
    Target f = target(HttpJwksFetcher.builder(), server.uri("/jwks"));
    FetchedJwks first = f.fetch();
    FetchedJwks second = f.fetchIfNoneMatch(first.etag().orElseThrow());
    assertThat(second.notModified()).isTrue();
    assertThat(second.body()).isEmpty();
    assertThat(second.etag()).contains("\"v1\"");
    assertThat(second.maxAge()).contains(Duration.ofMinutes(1));
  }

  @Test
  void fetch_status500_failsWithBadStatus_andTheMessageHasNoQuery() {
    assertThatThrownBy(() -> fetcher(Reply.status(500, "oops")).fetch())
        .isInstanceOf(KeySourceUnavailableException.class)
        .satisfies(t -> assertThat(codeOf(t)).isEqualTo(HttpJwksError.BAD_STATUS))
        .hasMessageContaining("status 500")
        .hasMessageContaining("/.well-known/jwks.json")
        .hasMessageNotContaining("secret");
  }

  @Test
  void fetch_unconditional304_isABadStatus() {
    assertThatThrownBy(() -> fetcher(new Reply().status(304)).fetch())
        .satisfies(t -> assertThat(codeOf(t)).isEqualTo(HttpJwksError.BAD_STATUS));
  }

  @Test
  void fetch_nonJsonBody_failsAsMalformed() {
    assertThatThrownBy(() -> fetcher(Reply.json("<html>hello</html>")).fetch())
        .satisfies(t -> assertThat(codeOf(t)).isEqualTo(HttpJwksError.MALFORMED_JWKS));
  }

  @Test
  void fetch_jsonWithoutKeysArray_failsAsMalformed() {
    assertThatThrownBy(() -> fetcher(Reply.json("{\"keys\":{}}")).fetch())
        .satisfies(t -> assertThat(codeOf(t)).isEqualTo(HttpJwksError.MALFORMED_JWKS));
    server.close();
    assertThatThrownBy(() -> fetcher(Reply.json("[1,2]")).fetch())
        .satisfies(t -> assertThat(codeOf(t)).isEqualTo(HttpJwksError.MALFORMED_JWKS));
  }

  @Test
  void fetch_wrongContentType_failsWithBadContentType() {
    assertThatThrownBy(() -> fetcher(new Reply().header("Content-Type", "text/html").body(JWKS)).fetch())
        .satisfies(t -> assertThat(codeOf(t)).isEqualTo(HttpJwksError.BAD_CONTENT_TYPE));
  }

  @Test
  void fetch_missingContentType_failsWithBadContentType() {
    assertThatThrownBy(() -> fetcher(new Reply().body(JWKS)).fetch())
        .satisfies(t -> assertThat(codeOf(t)).isEqualTo(HttpJwksError.BAD_CONTENT_TYPE));
  }

  @Test
  void fetch_oversizedDeclaredBody_failsWithBodyTooLarge() {
    String big = "{\"keys\":[],\"pad\":\"" + "a".repeat(200 * 1024) + "\"}";
    assertThatThrownBy(() -> fetcher(Reply.json(big)).fetch())
        .satisfies(t -> assertThat(codeOf(t)).isEqualTo(HttpJwksError.BODY_TOO_LARGE));
  }

  @Test
  void fetch_oversizedChunkedBody_failsWhileStreaming() {
    String big = "{\"keys\":[],\"pad\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
    assertThatThrownBy(() -> fetcher(Reply.json(big).chunked()).fetch())
        .satisfies(t -> assertThat(codeOf(t)).isEqualTo(HttpJwksError.BODY_TOO_LARGE));
  }

  @Test
  void fetch_gzipBody_isDecompressed() {
    FetchedJwks f = fetcher(Reply.json(JWKS).gzip()).fetch();
    assertThat(new String(f.body(), StandardCharsets.UTF_8)).isEqualTo(JWKS);
  }

  @Test
  void fetch_gzipBomb_failsOnTheDecompressedSize() {
    String bomb = "{\"keys\":[],\"pad\":\"" + "a".repeat(4 * 1024 * 1024) + "\"}";
    Reply reply = Reply.json(bomb).gzip();
    assertThat(reply).isNotNull();
    assertThatThrownBy(() -> fetcher(reply).fetch())
        .satisfies(t -> assertThat(codeOf(t)).isEqualTo(HttpJwksError.BODY_TOO_LARGE))
        .hasMessageContaining("decompressed");
  }

  @Test
  void fetch_corruptGzip_failsWithBadContentEncoding() {
    assertThatThrownBy(() -> fetcher(Reply.json(JWKS).header("Content-Encoding", "gzip")).fetch())
        .satisfies(t -> assertThat(codeOf(t)).isEqualTo(HttpJwksError.BAD_CONTENT_ENCODING));
  }

  @Test
  void fetch_unknownContentEncoding_failsWithBadContentEncoding() {
    assertThatThrownBy(() -> fetcher(Reply.json(JWKS).header("Content-Encoding", "br")).fetch())
        .satisfies(t -> assertThat(codeOf(t)).isEqualTo(HttpJwksError.BAD_CONTENT_ENCODING));
  }

  @Test
  void fetch_truncatedBody_failsWithIoFailed() {
    assertThatThrownBy(() -> fetcher(Reply.json(JWKS).truncateAt(10)).fetch())
        .satisfies(t -> assertThat(codeOf(t)).isEqualTo(HttpJwksError.IO_FAILED));
  }

  @Test
  void fetch_connectionReset_failsWithIoFailed() {
    assertThatThrownBy(() -> fetcher(Reply.reset()).fetch())
        .isInstanceOf(KeySourceUnavailableException.class)
        .satisfies(t -> assertThat(codeOf(t)).isIn(HttpJwksError.IO_FAILED, HttpJwksError.CONNECT_FAILED));
  }

  @Test
  void fetch_connectionRefused_failsWithConnectFailed() {
    server = FaultServer.start(r -> Reply.json(JWKS));
    URI uri = server.uri("/jwks");
    server.close();
    Target f = target(HttpJwksFetcher.builder(), uri);
    assertThatThrownBy(f::fetch).satisfies(t -> assertThat(codeOf(t)).isEqualTo(HttpJwksError.CONNECT_FAILED));
  }

  @Test
  void fetch_serverNeverAnswers_failsWithTimeout() {
    server = FaultServer.start(r -> Reply.hang());
    Target f = target(HttpJwksFetcher.builder()
        .readTimeout(Duration.ofMillis(200)).deadline(Duration.ofSeconds(5)), server.uri("/jwks"));
    assertThatThrownBy(f::fetch).satisfies(t -> assertThat(codeOf(t)).isEqualTo(HttpJwksError.TIMEOUT));
  }

  @Test
  void fetch_bodyTrickles_failsAtTheDeadline() {
    server = FaultServer.start(r -> Reply.json(JWKS).trickle(100));
    Target f = target(HttpJwksFetcher.builder()
        .readTimeout(Duration.ofMillis(300)).deadline(Duration.ofMillis(600)), server.uri("/jwks"));
    assertThatThrownBy(f::fetch).satisfies(t -> assertThat(codeOf(t)).isEqualTo(HttpJwksError.TIMEOUT));
  }

  @Test
  void fetch_redirect_isNotFollowedByDefault() {
    server = FaultServer.start(r -> r.path().equals("/old")
        ? new Reply().status(302).header("Location", "/new")
        : Reply.json(JWKS));
    Target f = target(HttpJwksFetcher.builder(), server.uri("/old"));
    assertThatThrownBy(f::fetch).satisfies(t -> assertThat(codeOf(t)).isEqualTo(HttpJwksError.REDIRECT_REFUSED));
    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void fetch_redirectAllowed_isFollowedWithinLimit() {
    server = FaultServer.start(r -> r.path().equals("/old")
        ? new Reply().status(301).header("Location", "/new")
        : Reply.json(JWKS));
    Target f = target(HttpJwksFetcher.builder().maxRedirects(1), server.uri("/old"));
    assertThat(f.fetch().body()).hasSize(JWKS.length());
  }

  @Test
  void fetch_redirectToPlainHttpElsewhere_isRefused() {
    server = FaultServer.start(r -> new Reply().status(302).header("Location", "http://keys.example/jwks"));
    Target f = target(HttpJwksFetcher.builder().maxRedirects(3), server.uri("/old"));
    assertThatThrownBy(f::fetch).satisfies(t -> assertThat(codeOf(t)).isEqualTo(HttpJwksError.LOCATION_REFUSED));
    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void fetch_tooManyKeys_failsWithTooManyKeys() {
    StringBuilder b = new StringBuilder("{\"keys\":[");
    for (int i = 0; i < 5; i++) {
      b.append(i == 0 ? "" : ",").append("{\"kty\":\"EC\",\"kid\":\"k").append(i).append("\"}");
    }
    b.append("]}");
    server = FaultServer.start(r -> Reply.json(b.toString()));
    Target f = target(HttpJwksFetcher.builder().maxKeys(4), server.uri("/jwks"));
    assertThatThrownBy(f::fetch).satisfies(t -> assertThat(codeOf(t)).isEqualTo(HttpJwksError.TOO_MANY_KEYS));
  }

  @Test
  void fetch_plainHttpToRemoteHost_isRefusedUnlessAllowed() {
    HttpJwksFetcher strict = HttpJwksFetcher.builder().build();
    assertThatThrownBy(() -> strict.fetch(JwksLocation.of("http://issuer.example/jwks")))
        .satisfies(t -> assertThat(codeOf(t)).isEqualTo(HttpJwksError.LOCATION_REFUSED));
    assertThat(strict.refusal(URI.create("http://issuer.example/jwks"))).isPresent();
    assertThat(HttpJwksFetcher.builder().allowInsecureHttp().build().refusal(URI.create("http://issuer.example/jwks"))).isEmpty();
    assertThat(strict.refusal(URI.create("http://localhost:8080/jwks"))).isEmpty();
    assertThat(strict.refusal(URI.create("http://[::1]:8080/jwks"))).isEmpty();
    assertThat(strict.refusal(URI.create("http://127.0.0.2/jwks"))).isEmpty();
    assertThat(strict.refusal(URI.create("https://issuer.example/jwks"))).isEmpty();
  }

  @Test
  void fetch_otherSchemesAndUserInfo_areRefused() {
    HttpJwksFetcher f = HttpJwksFetcher.builder().allowInsecureHttp().build();
    assertThat(f.refusal(URI.create("file:///etc/passwd"))).isPresent();
    assertThat(f.refusal(URI.create("https://u:p@issuer.example/jwks"))).isPresent();
    assertThat(f.refusal(URI.create("ftp://issuer.example/jwks"))).isPresent();
    assertThatThrownBy(() -> f.fetch(JwksLocation.of("https://u:p@issuer.example/jwks")))
        .satisfies(t -> assertThat(codeOf(t)).isEqualTo(HttpJwksError.LOCATION_REFUSED))
        .hasMessageNotContaining("u:p");
  }

  @Test
  void builder_rejectsInfiniteOrNonsenseSettings() {
    assertThatThrownBy(() -> HttpJwksFetcher.builder().connectTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpJwksFetcher.builder().readTimeout(Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpJwksFetcher.builder().maxBodyBytes(10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpJwksFetcher.builder().maxRedirects(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpJwksFetcher.builder()
        .readTimeout(Duration.ofSeconds(5)).deadline(Duration.ofSeconds(1)).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot be shorter");
  }

  @Test
  void toBuilder_derivesACopy() {
    HttpJwksFetcher f = HttpJwksFetcher.builder().maxKeys(1).build();
    HttpJwksFetcher g = f.toBuilder().maxKeys(7).build();
    assertThat(g).isNotSameAs(f);
    assertThat(Optional.of(g)).isPresent();
  }
}
