package dev.jwkit.adapters.http.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwk.JwkGenerator;
import dev.jwkit.jose.jwk.PublicJwk;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.model.Publication;
import dev.jwkit.jwks.model.RotationPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JwksEndpointTest {

  static final List<PublicJwk> KEYS = List.of(JwkGenerator.generateEc(Curve.P_256).toPublicJwk());
  static final JwksDocument DOC = JwksDocument.jwks(KEYS, Duration.ofMinutes(5));
  final JwksEndpoint endpoint = JwksEndpoint.builder().document(DOC).build();

  static EndpointRequest get(String inm, String ae) {
    return new EndpointRequest("GET", JwksEndpoint.JWKS_PATH, Optional.ofNullable(inm), Optional.ofNullable(ae));
  }

  @Test
  void get_servesTheDocumentWithCacheHeaders() {
    EndpointResponse r = endpoint.handle(EndpointRequest.of("GET", JwksEndpoint.JWKS_PATH));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.hasBody()).isTrue();
    assertThat(r.bodyBytes()).isEqualTo(DOC.bytes());
    assertThat(r.header("content-type")).contains("application/json");
    assertThat(r.header("etag")).contains(DOC.etag());
    assertThat(r.header("cache-control")).contains("public, max-age=300");
    assertThat(r.header("vary")).contains("Accept-Encoding");
    assertThat(r.header("access-control-allow-origin")).contains("*");
    assertThat(r.header("x-content-type-options")).contains("nosniff");
    assertThat(r.header("content-encoding")).isEmpty();
    assertThat(r.header("access-control-allow-credentials")).isEmpty();
  }

  @Test
  void etag_isStrongAndQuoted() {
    assertThat(DOC.etag()).startsWith("\"").endsWith("\"").doesNotStartWith("W/");
  }

  @Test
  void ifNoneMatch_currentTag_lists_weak_and_star_give304() {
    for (String inm : List.of(DOC.etag(), "\"old\", " + DOC.etag(), "W/" + DOC.etag(), "*", DOC.gzipEtag())) {
      EndpointResponse r = endpoint.handle(get(inm, null));
      assertThat(r.status()).as(inm).isEqualTo(304);
      assertThat(r.hasBody()).isFalse();
      assertThat(r.header("etag")).contains(DOC.etag());
      assertThat(r.header("cache-control")).contains("public, max-age=300");
    }
  }

  @Test
  void ifNoneMatch_otherTag_gives200() {
    assertThat(endpoint.handle(get("\"other\"", null)).status()).isEqualTo(200);
  }

  @Test
  void acceptEncoding_gzip_servesTheGzipRepresentationWithItsOwnTag() {
    JwksDocument big = JwksDocument.jwks(List.of(JwkGenerator.generateRsa(2048).toPublicJwk(),
        JwkGenerator.generateRsa(2048).toPublicJwk()), Duration.ofMinutes(5));
    JwksEndpoint e = JwksEndpoint.builder().document(big).build();
    EndpointResponse r = e.handle(get(null, "br, gzip;q=0.8"));
    assertThat(r.header("content-encoding")).contains("gzip");
    assertThat(r.header("etag")).contains(big.gzipEtag());
    assertThat(r.contentLength()).isLessThan(big.bytes().length);
    assertThat(e.handle(get(big.gzipEtag(), "gzip")).status()).isEqualTo(304);
  }

  @Test
  void acceptEncoding_refusedOrAbsent_servesIdentity() {
    assertThat(JwksEndpoint.acceptsGzip(Optional.of("gzip;q=0"))).isFalse();
    assertThat(JwksEndpoint.acceptsGzip(Optional.of("*;q=1, gzip;q=0"))).isFalse();
    assertThat(JwksEndpoint.acceptsGzip(Optional.of("identity"))).isFalse();
    assertThat(JwksEndpoint.acceptsGzip(Optional.of("*"))).isTrue();
    assertThat(JwksEndpoint.acceptsGzip(Optional.of("deflate, GZIP"))).isTrue();
    assertThat(JwksEndpoint.acceptsGzip(Optional.empty())).isFalse();
  }

  @Test
  void head_hasHeadersAndLengthButNoBody() {
    EndpointResponse r = endpoint.handle(EndpointRequest.of("HEAD", JwksEndpoint.JWKS_PATH));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.hasBody()).isFalse();
    assertThat(r.contentLength()).isEqualTo(DOC.bytes().length);
    assertThat(r.header("etag")).contains(DOC.etag());
  }

  @Test
  void otherMethods_get405WithAllow() {
    for (String m : List.of("POST", "PUT", "DELETE", "PATCH", "get", "TRACE")) {
      EndpointResponse r = endpoint.handle(EndpointRequest.of(m, JwksEndpoint.JWKS_PATH));
      assertThat(r.status()).as(m).isEqualTo(405);
      assertThat(r.header("allow")).contains("GET, HEAD, OPTIONS");
    }
  }

  @Test
  void options_isACorsPreflight() {
    EndpointResponse r = endpoint.handle(EndpointRequest.of("OPTIONS", JwksEndpoint.JWKS_PATH));
    assertThat(r.status()).isEqualTo(204);
    assertThat(r.header("access-control-allow-origin")).contains("*");
    assertThat(r.header("access-control-allow-methods")).contains("GET, HEAD, OPTIONS");
    assertThat(r.header("access-control-allow-headers")).contains("If-None-Match");
    assertThat(r.header("access-control-max-age")).contains("86400");
  }

  @Test
  void withoutCors_sendsNoCorsHeaders() {
    JwksEndpoint e = JwksEndpoint.builder().document(DOC).withoutCors().build();
    assertThat(e.handle(EndpointRequest.of("GET", JwksEndpoint.JWKS_PATH)).header("access-control-allow-origin")).isEmpty();
  }

  @Test
  void otherPaths_get404_andDiscoveryOnlyWhenConfigured() {
    assertThat(endpoint.handle(EndpointRequest.of("GET", "/")).status()).isEqualTo(404);
    assertThat(endpoint.handle(EndpointRequest.of("GET", JwksEndpoint.JWKS_PATH + "/")).status()).isEqualTo(404);
    assertThat(endpoint.handle(EndpointRequest.of("GET", JwksEndpoint.DISCOVERY_PATH)).status()).isEqualTo(404);
    JwksDocument disco = JwksDocument.json(Map.of("issuer", "https://issuer.example",
        "jwks_uri", "https://issuer.example/.well-known/jwks.json"), Duration.ofHours(1));
    JwksEndpoint e = JwksEndpoint.builder().document(DOC).discovery(disco).build();
    EndpointResponse r = e.handle(EndpointRequest.of("GET", JwksEndpoint.DISCOVERY_PATH));
    assertThat(r.status()).isEqualTo(200);
    assertThat(new String(r.bodyBytes(), StandardCharsets.UTF_8)).contains("\"jwks_uri\"");
    assertThat(r.header("content-type")).contains("application/json");
  }

  @Test
  void mediaType_isConfigurable() {
    JwksEndpoint e = JwksEndpoint.builder().document(DOC).mediaType(JwksEndpoint.MediaType.JWK_SET_JSON).build();
    assertThat(e.handle(EndpointRequest.of("GET", JwksEndpoint.JWKS_PATH)).header("content-type"))
        .contains("application/jwk-set+json");
  }

  @Test
  void publish_swapsTheDocumentAtomically() {
    JwksDocument next = JwksDocument.jwks(List.of(JwkGenerator.generateEc(Curve.P_256).toPublicJwk()), Duration.ofMinutes(1));
    endpoint.publish(next);
    EndpointResponse r = endpoint.handle(get(DOC.etag(), null));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("etag")).contains(next.etag());
    assertThat(r.header("cache-control")).contains("public, max-age=60");
    assertThat(endpoint.document()).isSameAs(next);
  }

  @Test
  void contentTag_fromThePublication_isTheEtag() {
    JwksDocument d = JwksDocument.jwks(KEYS, "v42.abc", Duration.ofMinutes(5));
    assertThat(d.etag()).isEqualTo("\"v42.abc\"");
    assertThatThrownBy(() -> JwksDocument.jwks(KEYS, "bad\"tag", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JwksDocument.jwks(KEYS, Duration.ofDays(2))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fromPublication_servesTheDomainBytesWithItsTagAndMaxAge() {
    Publication p = Publication.of(KeyRing.empty(KeyRingId.of("main")), RotationPolicy.defaults(),
        Instant.parse("2026-01-01T00:00:00Z"));
    JwksDocument d = JwksDocument.from(p);
    assertThat(d.bytes()).isEqualTo(p.toJsonBytes());
    assertThat(d.etag()).isEqualTo(p.etag());
    assertThat(d.maxAge()).isEqualTo(p.maxAge());
    EndpointResponse r = JwksEndpoint.builder().document(d).build().handle(get(p.etag(), null));
    assertThat(r.status()).isEqualTo(304);
  }

  @Test
  void builder_requiresADocument_andAValidPath() {
    assertThatThrownBy(() -> JwksEndpoint.builder().build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> JwksEndpoint.builder().jwksPath("jwks")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JwksEndpoint.builder().document(DOC).jwksPath(JwksEndpoint.DISCOVERY_PATH).build())
        .isInstanceOf(IllegalStateException.class);
  }
}
