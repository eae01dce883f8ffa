package dev.jwkit.app.config;

import dev.jwkit.adapters.vault.VaultAuth;
import dev.jwkit.adapters.vault.VaultSettings;
import dev.jwkit.app.config.JwkitConfig.ConfigValues;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jwks.model.InvalidConfigurationException;
import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.model.RotationPolicy;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Loads a {@link JwkitConfig} from three layers, each over the previous: a YAML file, {@code JWKIT_}
 * environment variables, and flags. Every key has an environment variable made from its path:
 * {@code server.port} is {@code JWKIT_SERVER_PORT}, {@code storage.file.dataDir} is {@code
 * JWKIT_STORAGE_FILE_DATA_DIR}. Every problem (unknown key, bad value, policy rule) is collected and
 * reported at once in a {@link ConfigException}.
 *
 * <p>Instances are immutable and safe for concurrent use.
 */
public final class ConfigLoader {

  /** Every configuration key, in the order the README documents them. */
  public static final List<String> KEYS = List.of(
      "storage.type", "storage.file.dataDir",
      "storage.vault.address", "storage.vault.namespace", "storage.vault.caFile", "storage.vault.allowHttp",
      "storage.vault.auth.method", "storage.vault.auth.token", "storage.vault.auth.roleId",
      "storage.vault.auth.secretId", "storage.vault.auth.mount",
      "storage.vault.kvMount", "storage.vault.path", "storage.vault.transit", "storage.vault.transitMount",
      "ring.id",
      "rotation.algorithm", "rotation.rotationPeriod", "rotation.publishLead", "rotation.retirementWindow",
      "rotation.maxTokenLifetime", "rotation.clockSkew", "rotation.maxAge", "rotation.clientCacheAge",
      "rotation.propagationDelay", "rotation.tick", "rotation.revocationExposure",
      "server.host", "server.port", "server.reloadInterval",
      "issuer.url");

  /** The most segments of a key in {@link #KEYS} ({@code storage.vault.auth.method}). */
  private static final int MAX_KEY_DEPTH = 4;

  private final Map<String, String> environment;

  private ConfigLoader(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** A loader reading the given environment (usually {@code System.getenv()}). */
  public static ConfigLoader of(Map<String, String> environment) {
    return new ConfigLoader(environment);
  }

  /** The environment variable of a key: {@code server.port} → {@code JWKIT_SERVER_PORT}. */
  public static String envName(String key) {
    StringBuilder b = new StringBuilder("JWKIT_");
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '.') {
        b.append('_');
      } else if (Character.isUpperCase(c)) {
        b.append('_').append(c);
      } else {
        b.append(Character.toUpperCase(c));
      }
    }
    return b.toString();
  }

  /**
   * Loads the configuration.
   *
   * @param file the YAML file, if one was given ({@code --config})
   * @param flags values given as flags, by key (for example {@code server.port → 9090})
   * @return the validated configuration
   * @throws ConfigException listing every problem
   */
  public JwkitConfig load(Optional<Path> file, Map<String, String> flags) {
    List<String> problems = new ArrayList<>();
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> origin = new LinkedHashMap<>();
    file.ifPresent(f -> readYaml(f, values, origin, problems));
    for (String key : KEYS) {
      String env = environment.get(envName(key));
      if (env != null) {
        values.put(key, env);
        origin.put(key, envName(key));
      }
    }
    for (Map.Entry<String, String> e : flags.entrySet()) {
      values.put(e.getKey(), e.getValue());
      origin.put(e.getKey(), "flag");
    }
    ConfigValues v = new ConfigValues();
    bind(values, origin, problems, v, environment);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new JwkitConfig(v);
  }

  private static void readYaml(Path file, Map<String, String> values, Map<String, String> origin,
      List<String> problems) {
    Object root;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(10);
      root = new Yaml(new SafeConstructor(options)).load(reader);
    } catch (NoSuchFileException e) {
      problems.add("config file " + file + " does not exist; check --config or JWKIT_CONFIG");
      return;
    } catch (IOException e) {
      problems.add("config file " + file + " cannot be read: " + e.getMessage());
      return;
    } catch (YAMLException e) {
      problems.add("config file " + file + " is not valid YAML: " + firstLine(e.getMessage()));
      return;
    } catch (IllegalArgumentException e) {
      // SnakeYAML's constructors let the JDK's exception through for a value that does not fit its tag
      // ("!!binary" that is not base64, found by ConfigLoaderFuzzTest); its message may quote the value.
      problems.add("config file " + file + " is not valid YAML: a value does not match its tag");
      return;
    }
    if (root == null) {
      return;
    }
    if (!(root instanceof Map)) {
      problems.add("config file " + file + " must be a YAML mapping (key: value)");
      return;
    }
    Map<String, String> flat = new TreeMap<>();
    flatten("", (Map<?, ?>) root, flat, problems, 1);
    for (Map.Entry<String, String> e : flat.entrySet()) {
      if (!KEYS.contains(e.getKey())) {
        problems.add("unknown configuration key '" + e.getKey() + "' in " + file + " (known keys: see app/README.md)");
      } else {
        values.put(e.getKey(), e.getValue());
        origin.put(e.getKey(), file.toString());
      }
    }
  }

  /**
   * Flattens nested mappings into dotted keys, no deeper than the deepest known key: an alias to an
   * enclosing mapping makes the YAML tree cyclic (found by ConfigLoaderFuzzTest, a StackOverflowError).
   */
  private static void flatten(String prefix, Map<?, ?> map, Map<String, String> out, List<String> problems,
      int depth) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = prefix + e.getKey();
      Object value = e.getValue();
      if (value instanceof Map && depth >= MAX_KEY_DEPTH) {
        problems.add("unknown configuration key '" + key + ".…': nested deeper than any known key");
      } else if (value instanceof Map) {
        flatten(key + ".", (Map<?, ?>) value, out, problems, depth + 1);
      } else if (value instanceof List) {
        problems.add(key + ": a list is not allowed here");
      } else {
        out.put(key, value == null ? "" : String.valueOf(value));
      }
    }
  }

  private static void bind(Map<String, String> values, Map<String, String> origin, List<String> problems,
      ConfigValues v, Map<String, String> environment) {
    Binder b = new Binder(values, origin, problems);
    b.with("storage.type", s -> {
      switch (s.toLowerCase(Locale.ROOT)) {
        case "file": v.storage = JwkitConfig.Storage.FILE; break;
        case "vault": v.storage = JwkitConfig.Storage.VAULT; break;
        default: throw new IllegalArgumentException("must be 'file' or 'vault'");
      }
    });
    b.with("storage.file.dataDir", s -> v.dataDir = Path.of(nonBlank(s)));
    b.with("ring.id", s -> v.ringId = KeyRingId.of(s));
    b.with("server.host", s -> v.host = nonBlank(s));
    b.with("server.port", s -> {
      int port = Integer.parseInt(s.trim());
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("must be between 0 and 65535");
      }
      v.port = port;
    });
    b.with("server.reloadInterval", s -> {
      Duration d = Durations.parse(s);
      if (d.compareTo(Duration.ofMillis(100)) < 0 || d.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException("must be between 100ms and 1m");
      }
      v.reloadInterval = d;
    });
    b.with("issuer.url", s -> {
      URI uri = new URI(s.trim());
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException("must be an absolute http(s) URL such as https://issuer.example");
      }
      v.issuer = Optional.of(uri);
    });
    RotationPolicy.Builder policy = RotationPolicy.builder();
    b.with("rotation.algorithm", s -> policy.algorithm(JwsAlgorithm.fromJwaName(s.trim())));
    b.duration("rotation.rotationPeriod", policy::rotationPeriod);
    b.duration("rotation.publishLead", policy::publishLead);
    b.duration("rotation.retirementWindow", policy::retirementWindow);
    b.duration("rotation.maxTokenLifetime", policy::maxTokenLifetime);
    b.duration("rotation.clockSkew", policy::clockSkew);
    b.duration("rotation.maxAge", policy::maxAge);
    b.duration("rotation.clientCacheAge", policy::clientCacheAge);
    b.duration("rotation.propagationDelay", policy::propagationDelay);
    b.duration("rotation.tick", policy::tick);
    b.duration("rotation.revocationExposure", policy::revocationExposure);
    try {
      v.policy = policy.build();
    } catch (InvalidConfigurationException e) {
      for (String p : e.problems()) {
        problems.add("rotation policy: " + p);
      }
    } catch (RuntimeException e) {
      problems.add("rotation policy: " + e.getMessage());
    }
    if (v.storage == JwkitConfig.Storage.VAULT) {
      bindVault(values, environment, b, problems, v);
    }
  }

  private static void bindVault(Map<String, String> values, Map<String, String> environment, Binder b,
      List<String> problems, ConfigValues v) {
    VaultSettings.Builder settings = VaultSettings.builder();
    if (!values.containsKey("storage.vault.address")) {
      problems.add("storage.type is vault but storage.vault.address (JWKIT_STORAGE_VAULT_ADDRESS) is missing");
    }
    b.with("storage.vault.address", s -> settings.address(new URI(s.trim())));
    b.with("storage.vault.namespace", s -> settings.namespace(nonBlank(s)));
    b.with("storage.vault.allowHttp", s -> {
      if (bool(s)) {
        settings.allowPlaintextHttp();
      }
    });
    b.with("storage.vault.caFile", s -> {
      try {
        settings.caCertificatesPem(Files.readString(Path.of(s.trim()), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read the CA file " + s + ": " + e.getMessage(), e);
      }
    });
    String method = values.getOrDefault("storage.vault.auth.method", "token").trim().toLowerCase(Locale.ROOT);
    if (method.equals("token")) {
      String configured = values.get("storage.vault.auth.token");
      if (configured == null && !environment.containsKey("VAULT_TOKEN")) {
        problems.add("storage.vault.auth.method is token but no token is given: set VAULT_TOKEN or"
            + " storage.vault.auth.token (JWKIT_STORAGE_VAULT_AUTH_TOKEN)");
      }
      settings.auth(VaultAuth.token(() -> configured != null ? configured : environment.getOrDefault("VAULT_TOKEN", "")));
    } else if (method.equals("approle")) {
      String roleId = values.get("storage.vault.auth.roleId");
      String secretId = values.get("storage.vault.auth.secretId");
      if (roleId == null) {
        problems.add("storage.vault.auth.method is approle but storage.vault.auth.roleId (JWKIT_STORAGE_VAULT_AUTH_ROLE_ID) is missing");
      }
      if (secretId == null && !environment.containsKey("VAULT_SECRET_ID")) {
        problems.add("storage.vault.auth.method is approle but no secret id is given: set VAULT_SECRET_ID or"
            + " storage.vault.auth.secretId (JWKIT_STORAGE_VAULT_AUTH_SECRET_ID)");
      }
      if (roleId != null) {
        java.util.function.Supplier<String> sid = () -> secretId != null ? secretId : environment.getOrDefault("VAULT_SECRET_ID", "");
        String mount = values.get("storage.vault.auth.mount");
        settings.auth(mount == null ? VaultAuth.appRole(roleId, sid) : VaultAuth.appRole(mount, roleId, sid));
      }
    } else {
      problems.add("storage.vault.auth.method (from " + "config" + ", env JWKIT_STORAGE_VAULT_AUTH_METHOD): must be 'token' or 'approle'");
    }
    String[] kv = {VaultStorage.DEFAULT_KV_MOUNT, VaultStorage.DEFAULT_PATH, VaultStorage.DEFAULT_TRANSIT_MOUNT};
    boolean[] transit = {false};
    b.with("storage.vault.kvMount", s -> kv[0] = nonBlank(s));
    b.with("storage.vault.path", s -> kv[1] = nonBlank(s));
    b.with("storage.vault.transitMount", s -> kv[2] = nonBlank(s));
    b.with("storage.vault.transit", s -> transit[0] = bool(s));
    int before = problems.size();
    if (problems.isEmpty()) {
      try {
        v.vault = Optional.of(new VaultStorage(settings.build(), kv[0], kv[1], transit[0], kv[2]));
      } catch (RuntimeException e) {
        problems.add("storage.vault: " + e.getMessage());
      }
    }
    if (problems.size() > before) {
      v.vault = Optional.empty();
    }
  }

  private static boolean bool(String s) {
    switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "true": case "yes": case "on": return true;
      case "false": case "no": case "off": return false;
      default: throw new IllegalArgumentException("must be true or false");
    }
  }

  private static String nonBlank(String s) {
    if (s.isBlank()) {
      throw new IllegalArgumentException("must not be empty");
    }
    return s.trim();
  }

  private static String firstLine(@org.jspecify.annotations.Nullable String s) {
    if (s == null) {
      return "syntax error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** Applies one value and records a problem that names the key, its source and its env variable. */
  private static final class Binder {
    private final Map<String, String> values;
    private final Map<String, String> origin;
    private final List<String> problems;

    Binder(Map<String, String> values, Map<String, String> origin, List<String> problems) {
      this.values = values;
      this.origin = origin;
      this.problems = problems;
    }

    interface Setter {
      void set(String value) throws URISyntaxException;
    }

    void with(String key, Setter setter) {
      String value = values.get(key);
      if (value == null) {
        return;
      }
      try {
        setter.set(value);
      } catch (URISyntaxException | RuntimeException e) {
        // URISyntaxException's message quotes the whole input, which may hold user info or a token: say
        // only what is wrong and where
        String why = e instanceof NumberFormatException ? "not a number"
            : e instanceof URISyntaxException ? "not a valid URI (" + ((URISyntaxException) e).getReason()
                + " at index " + ((URISyntaxException) e).getIndex() + ")"
            : e.getMessage();
        if (e instanceof JwkitException && key.equals("rotation.algorithm")) {
          why = "unknown algorithm '" + value + "' (use ES256, ES384, ES512, RS256, PS256, EdDSA, ...)";
        }
        problems.add(key + " (from " + origin.get(key) + ", env " + envName(key) + "): " + why);
      }
    }

    void duration(String key, java.util.function.Consumer<Duration> setter) {
      with(key, s -> setter.accept(Durations.parse(s)));
    }
  }

}
