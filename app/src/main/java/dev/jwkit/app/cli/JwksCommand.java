package dev.jwkit.app.cli;

import dev.jwkit.jwks.port.FetchedJwks;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwk.JwkSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jwkit jwks}: work with remote key sets. */
@Command(name = "jwks", mixinStandardHelpOptions = true, description = "Fetch and validate remote JWKS.",
    subcommands = {JwksCommand.Fetch.class})
final class JwksCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return JwkitCommand.EXIT_USAGE;
  }

  /** {@code jwks fetch}. */
  @Command(name = "fetch", mixinStandardHelpOptions = true,
      description = {"Fetch a JWKS, validate every key and print the usable public keys.",
          "The HTTP adapter checks the size, timeouts and content type; skipped keys are reported on standard",
          "error. Exit 1 if no key is usable."})
  static final class Fetch implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "URL", description = "https URL of the JWKS (http only for loopback, or with --allow-http).") String url = "";
    @Option(names = "--allow-http", description = "Allow plain http to a non-loopback host.") boolean allowHttp;
    @Option(names = "--json", description = "Print {\"keys\":[…],\"skipped\":[…],\"etag\":…,\"maxAgeSeconds\":…}.") boolean json;

    @Override
    public Integer call() {
      if (!KeySets.isUrl(url)) {
        throw CliException.usage("'" + url + "' is not an http(s) URL");
      }
      FetchedJwks fetched = KeySets.fetch(url, allowHttp);
      JwkSet set;
      try {
        set = JwkSet.publicFromJsonObject(Inputs.parseJson(new String(fetched.body(), StandardCharsets.UTF_8), url));
      } catch (JwkitException e) {
        throw CliException.io(url + " did not return a JWKS: " + e.code().id() + ": " + e.getMessage());
      }
      Console console = Console.of(spec);
      List<Object> skipped = new ArrayList<>();
      for (JwkSet.SkippedKey s : set.skipped()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", (long) s.index());
        s.kid().ifPresent(k -> m.put("kid", k));
        m.put("reason", s.reason().id());
        m.put("message", s.message());
        skipped.add(m);
        if (!json) {
          console.err("skipped key #" + s.index() + s.kid().map(k -> " (kid " + k + ")").orElse("") + ": "
              + s.reason().id() + ": " + s.message());
        }
      }
      JwkSet publicSet = set.toPublicSet();
      if (json) {
        Map<String, Object> out = new LinkedHashMap<>(publicSet.toJsonObject());
        out.put("skipped", skipped);
        fetched.etag().ifPresent(e -> out.put("etag", e));
        fetched.maxAge().ifPresent(a -> out.put("maxAgeSeconds", a.getSeconds()));
        console.json(out);
      } else {
        console.out(publicSet.toJson());
      }
      if (publicSet.isEmpty()) {
        console.err("no usable key in " + url);
        return JwkitCommand.EXIT_INVALID;
      }
      return JwkitCommand.EXIT_OK;
    }
  }
}
