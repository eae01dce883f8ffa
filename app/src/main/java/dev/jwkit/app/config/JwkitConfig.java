package dev.jwkit.app.config;

import dev.jwkit.jwks.model.KeyRingId;
import dev.jwkit.jwks.model.RotationPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The validated configuration of a jwkit process: storage, key ring, rotation policy, server and issuer.
 * Built only by {@link ConfigLoader}.
 *
 * <p>Instances are immutable and safe for concurrent use.
 */
public final class JwkitConfig {

  /** Default data directory of the file storage, relative to the working directory. */
  public static final Path DEFAULT_DATA_DIR = Path.of("jwkit-data");
  /** Default bind address: loopback, so that exposing the server is an explicit choice. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** Default port. */
  public static final int DEFAULT_PORT = 8080;
  /**
   * Default interval at which {@code serve} re-reads the ring to pick up changes made by other processes
   * (a CLI {@code keys rotate}, another replica): a few seconds, as the issue asks.
   */
  public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(2);

  /** Where key rings are stored. */
  public enum Storage {
    /** A ring file in a data directory (the embedded default). */
    FILE,
    /** HashiCorp Vault (KV v2, optionally Transit). */
    VAULT
  }

  private final Storage storage;
  private final Path dataDir;
  private final KeyRingId ringId;
  private final RotationPolicy policy;
  private final String host;
  private final int port;
  private final Duration reloadInterval;
  private final Optional<URI> issuer;
  private final Optional<VaultStorage> vault;

  JwkitConfig(ConfigValues v) {
    this.storage = v.storage;
    this.dataDir = v.dataDir;
    this.ringId = v.ringId;
    this.policy = v.policy;
    this.host = v.host;
    this.port = v.port;
    this.reloadInterval = v.reloadInterval;
    this.issuer = v.issuer;
    this.vault = v.vault;
  }

  /** The Vault settings, present when {@link #storage()} is {@link Storage#VAULT}. */
  public Optional<VaultStorage> vault() {
    return vault;
  }

  /** The storage kind. */
  public Storage storage() {
    return storage;
  }

  /** The data directory of the file storage. */
  public Path dataDir() {
    return dataDir;
  }

  /** The ring id (default {@code default}). */
  public KeyRingId ringId() {
    return ringId;
  }

  /** The validated rotation policy. */
  public RotationPolicy policy() {
    return policy;
  }

  /** The server's bind address. */
  public String host() {
    return host;
  }

  /** The server's port (0: an ephemeral port). */
  public int port() {
    return port;
  }

  /** How often the server re-reads the ring. */
  public Duration reloadInterval() {
    return reloadInterval;
  }

  /** The issuer URL, when configured: enables {@code /.well-known/openid-configuration} and {@code iss}. */
  public Optional<URI> issuer() {
    return issuer;
  }

  @Override
  public String toString() {
    return "JwkitConfig[storage=" + storage + vault.map(x -> " " + x).orElse("") + ", dataDir=" + dataDir + ", ring=" + ringId + ", host=" + host
        + ", port=" + port + ", issuer=" + issuer.map(URI::toString).orElse("-") + ", policy=" + policy + "]";
  }

  /** Mutable holder used while loading. */
  static final class ConfigValues {
    Storage storage = Storage.FILE;
    Path dataDir = DEFAULT_DATA_DIR;
    KeyRingId ringId = KeyRingId.DEFAULT;
    RotationPolicy policy = RotationPolicy.defaults();
    String host = DEFAULT_HOST;
    int port = DEFAULT_PORT;
    Duration reloadInterval = DEFAULT_RELOAD_INTERVAL;
    Optional<URI> issuer = Optional.empty();
    Optional<VaultStorage> vault = Optional.empty();
  }
}
