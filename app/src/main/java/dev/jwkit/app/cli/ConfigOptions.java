package dev.jwkit.app.cli;

import dev.jwkit.app.config.ConfigLoader;
import dev.jwkit.app.config.JwkitConfig;
import dev.jwkit.app.wiring.KeyRingAccess;
import dev.jwkit.jwks.port.KeyRingEventListener;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options every command on the key ring shares: {@code --data-dir} and {@code --config}. */
final class ConfigOptions {

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Directory of the key ring (default: storage.file.dataDir, JWKIT_STORAGE_FILE_DATA_DIR, or ./jwkit-data).")
  @Nullable Path dataDir;

  @Option(names = "--config", paramLabel = "FILE",
      description = "YAML configuration file (default: JWKIT_CONFIG if set). Environment variables JWKIT_* override it; flags override both.")
  @Nullable Path configFile;

  static ConfigOptions of(@Nullable Path dataDir, @Nullable Path configFile) {
    ConfigOptions o = new ConfigOptions();
    o.dataDir = dataDir;
    o.configFile = configFile;
    return o;
  }

  /** Loads the configuration with the given extra flag values. */
  JwkitConfig load(Map<String, String> extraFlags) {
    Map<String, String> flags = new LinkedHashMap<>(extraFlags);
    if (dataDir != null) {
      flags.put("storage.file.dataDir", dataDir.toString());
    }
    Map<String, String> env = JwkitCommand.environment();
    Optional<Path> file = Optional.ofNullable(configFile);
    if (file.isEmpty() && env.containsKey("JWKIT_CONFIG")) {
      file = Optional.of(Path.of(env.get("JWKIT_CONFIG")));
    }
    return ConfigLoader.of(env).load(file, flags);
  }

  /** The key ring of the configuration. */
  KeyRingAccess access(KeyRingEventListener listener) {
    return access(listener, false);
  }

  KeyRingAccess access(KeyRingEventListener listener, boolean replaceDeletedRing) {
    return KeyRingAccess.of(load(Map.of()), Clock.systemUTC(), listener, replaceDeletedRing);
  }
}
