package dev.jwkit.app.cli;

import dev.jwkit.adapters.http.fetching.HttpJwksFetcher;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jwks.port.FetchedJwks;
import dev.jwkit.jwks.port.JwksLocation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Loads a key set from a JWKS (or single JWK) file, or from an http(s) URL through the HTTP adapter. */
final class KeySets {
  private KeySets() {}

  static boolean isUrl(String location) {
    return location.startsWith("https://") || location.startsWith("http://");
  }

  static FetchedJwks fetch(String url, boolean allowHttp) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw CliException.usage("not a URL: " + url);
    }
    HttpJwksFetcher.Builder b = HttpJwksFetcher.builder();
    if (allowHttp) {
      b.allowInsecureHttp();
    }
    HttpJwksFetcher fetcher;
    try {
      fetcher = b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw CliException.usage(e.getMessage() + " (use https, or --allow-http for a trusted network)");
    }
    java.util.Optional<String> refusal = fetcher.refusal(uri);
    if (refusal.isPresent()) {
      throw CliException.usage("will not fetch " + url + ": " + refusal.get()
          + " (use https, or --allow-http for a trusted network)");
    }
    try {
      return fetcher.fetch(JwksLocation.of(url));
    } catch (JwkitException e) {
      throw CliException.io("cannot fetch " + url + ": " + e.code().id() + ": " + e.getMessage());
    }
  }

  static JwkSet load(String location, boolean allowHttp) {
    String text = isUrl(location)
        ? new String(fetch(location, allowHttp).body(), StandardCharsets.UTF_8)
        : Inputs.readFile(Path.of(location));
    Map<String, Object> json = Inputs.parseJson(text, location);
    try {
      // a set (or one JWK, as a set of one) read as public: oct and private keys are skipped (jwk.not_public)
      return JwkSet.publicFromJsonObject(json.containsKey("keys") ? json : Map.of("keys", List.of(json)));
    } catch (JwkitException e) {
      throw CliException.io(location + " is not a usable JWKS: " + e.code().id() + ": " + e.getMessage());
    }
  }
}
