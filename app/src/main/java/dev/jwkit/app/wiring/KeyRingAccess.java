package dev.jwkit.app.wiring;

import dev.jwkit.adapters.file.keyring.FileKeyRingRepository;
import dev.jwkit.adapters.vault.kv.VaultKvKeyRingRepository;
import dev.jwkit.adapters.vault.transit.VaultTransitKeyCustody;
import dev.jwkit.app.config.JwkitConfig;
import dev.jwkit.app.config.VaultStorage;
import dev.jwkit.jwks.application.KeyRotationService;
import dev.jwkit.jwks.custody.LocalKeyCustody;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.Publication;
import dev.jwkit.jwks.port.KeyCustody;
import dev.jwkit.jwks.port.KeyRingEventListener;
import dev.jwkit.jwks.port.KeyRingRepository;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The key ring of a configuration: its repository (the file adapter, or Vault KV v2), its custody (local,
 * or Vault Transit), and the domain's {@link KeyRotationService} over them. The one place where storage
 * is chosen.
 *
 * <p>Instances are immutable and safe for concurrent use.
 */
public final class KeyRingAccess {
  private final JwkitConfig config;
  private final KeyRingRepository repository;
  private final KeyCustody custody;
  private final KeyRotationService rotation;
  private final Clock clock;
  private final String location;

  private KeyRingAccess(JwkitConfig config, Clock clock, KeyRingEventListener listener, boolean replaceDeletedRing) {
    this.config = config;
    this.clock = clock;
    Optional<VaultStorage> vault = config.storage() == JwkitConfig.Storage.VAULT ? config.vault() : Optional.empty();
    if (vault.isPresent()) {
      VaultStorage v = vault.get();
      this.repository = VaultKvKeyRingRepository.builder().settings(v.settings()).mount(v.kvMount())
          .pathPrefix(v.path()).replaceDeletedRing(replaceDeletedRing).build();
      this.custody = v.transit()
          ? VaultTransitKeyCustody.builder().settings(v.settings()).mount(v.transitMount())
              .keyNamePrefix("jwkit-" + config.ringId().value()).build()
          : new LocalKeyCustody();
      this.location = "Vault " + v.settings().address() + " " + v.kvMount() + "/" + v.path() + "/" + config.ringId().value();
    } else {
      this.repository = FileKeyRingRepository.of(config.dataDir());
      this.custody = new LocalKeyCustody();
      this.location = config.dataDir().toAbsolutePath().normalize().toString();
    }
    this.rotation = KeyRotationService.builder(repository, custody).policy(config.policy()).clock(clock)
        .ringId(config.ringId()).listener(listener).build();
  }

  /**
   * The ring of a configuration.
   *
   * @param config the configuration (file storage; Vault is refused by the loader in this build)
   * @param clock the clock (the only ambient time, read here in the app)
   * @param listener receives every rotation event
   * @return the access
   */
  public static KeyRingAccess of(JwkitConfig config, Clock clock, KeyRingEventListener listener) {
    return of(config, clock, listener, false);
  }

  /**
   * The ring of a configuration, where a Vault ring whose latest version was deleted may be replaced by
   * a new one ({@code keys init --force}).
   *
   * @param config the configuration
   * @param clock the clock
   * @param listener receives every rotation event
   * @param replaceDeletedRing whether a deleted Vault ring loads as missing instead of being refused
   * @return the access
   */
  public static KeyRingAccess of(JwkitConfig config, Clock clock, KeyRingEventListener listener, boolean replaceDeletedRing) {
    Objects.requireNonNull(config, "config");
    return new KeyRingAccess(config, clock, listener, replaceDeletedRing);
  }

  /** The configuration. */
  public JwkitConfig config() {
    return config;
  }

  /** The repository. */
  public KeyRingRepository repository() {
    return repository;
  }

  /** The custody that holds private keys. */
  public KeyCustody custody() {
    return custody;
  }

  /** The rotation service. */
  public KeyRotationService rotation() {
    return rotation;
  }

  /** The clock. */
  public Clock clock() {
    return clock;
  }

  /** The stored ring, if there is one. */
  public Optional<KeyRing> load() {
    return repository.load(config.ringId());
  }

  /** The public JWKS of a ring now, under the configured policy. */
  public Publication publication(KeyRing ring) {
    return Publication.of(ring, config.policy(), clock.instant());
  }

  /** Where the ring is stored, for messages. */
  public String location() {
    return location;
  }
}
