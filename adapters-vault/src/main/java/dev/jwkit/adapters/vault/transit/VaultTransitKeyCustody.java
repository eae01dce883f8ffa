package dev.jwkit.adapters.vault.transit;

import dev.jwkit.adapters.vault.VaultError;
import dev.jwkit.adapters.vault.VaultPaths;
import dev.jwkit.adapters.vault.VaultSettings;
import dev.jwkit.adapters.vault.internal.VaultClient;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.PublicJwk;
import dev.jwkit.jwks.model.KeyMaterial;
import dev.jwkit.jwks.model.KeyRingError;
import dev.jwkit.jwks.port.KeyCustody;
import java.lang.System.Logger.Level;
import dev.jwkit.jose.jws.CompactJws;
import dev.jwkit.jose.jws.JwsVerifier;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link KeyCustody} in HashiCorp Vault's Transit engine: private keys are generated inside Vault,
 * created non-exportable, and never leave it; signatures are made by Transit's sign endpoint in JWS form.
 *
 * <pre>{@code
 * KeyCustody custody = VaultTransitKeyCustody.builder()
 *     .settings(vaultSettings)
 *     .mount("transit")          // default
 *     .keyNamePrefix("jwkit")    // Transit keys "jwkit-es256", "jwkit-rs256-2048", ...
 *     .build();
 * }</pre>
 *
 * <h2>Mapping (ROTATION.md, "Mapping onto Vault Transit")</h2>
 * One Transit key per algorithm (and RSA size), named {@code <prefix>-<alg>[-<bits>]}; each JOSE key is
 * one <em>version</em> of it, referenced as {@code <name>:<version>} in the ring. {@link #generate}
 * creates the Transit key (version 1) or rotates it (a new version), reads the version's public key (PEM
 * for RSA and EC, raw base64 for Ed25519) and returns it as a JWK whose {@code kid} is its RFC 7638
 * thumbprint. {@link #sign} always passes that explicit {@code key_version} (never "latest": Transit has
 * no pending state), with {@code marshaling_algorithm=jws}, the algorithm's hash,
 * {@code signature_algorithm=pkcs1v15} for RS* and {@code pss} with {@code salt_length=hash} for PS*.
 * {@link #retire} raises {@code min_encryption_version} above the version (Transit then refuses to sign
 * with it); {@link #destroy} of an expired key raises {@code min_decryption_version} too. A revoked
 * version with newer versions still in use cannot be expressed by Transit's floors: the ring's
 * {@code REVOKED} state is its deny-list (it is unpublished and never signs), and Transit is left as is.
 *
 * <h2>Security</h2>
 * No private key material exists outside Vault. Keys are created with {@code exportable=false},
 * {@code allow_plaintext_backup=false} and without auto-rotation; an existing key that is exportable or
 * of another type is refused. A material of another custody, or whose Transit key name is not under this
 * custody's prefix, is refused, so a tampered ring cannot make it sign with other Transit keys.
 *
 * <h2>Thread safety</h2>
 * Instances are immutable and safe for concurrent use, also by several processes sharing one Vault.
 * Two replicas generating at the same instant may get the same new version; only one ring save wins
 * (check-and-set), and the other re-plans with a fresh version.
 */
public final class VaultTransitKeyCustody implements KeyCustody {

  /** The custody name written into the ring for keys held here. */
  public static final String NAME = "vault-transit";
  /** The mount of the Transit engine. */
  public static final String DEFAULT_MOUNT = "transit";
  /** The prefix of the Transit key names. */
  public static final String DEFAULT_KEY_NAME_PREFIX = "jwkit";
  /** RSA modulus for RS and PS keys; 2048 is the floor of RFC 7518 §3.3 and what Vault's own OIDC provider uses. */
  public static final int DEFAULT_RSA_KEY_BITS = 2048;

  private static final System.Logger LOG = System.getLogger("dev.jwkit.adapters.vault");
  private static final Pattern REFERENCE = Pattern.compile("([A-Za-z0-9._-]+):([1-9][0-9]{0,9})");

  private final TransitApi transit;
  private final String keyNamePrefix;
  private final int rsaKeyBits;

  private VaultTransitKeyCustody(Builder b) {
    this.transit = new TransitApi(VaultClient.create(b.settings), b.mount);
    this.keyNamePrefix = b.keyNamePrefix;
    this.rsaKeyBits = b.rsaKeyBits;
  }

  /** Returns a new builder; {@link Builder#settings(VaultSettings)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Creates the algorithm's Transit key, or adds a version to it, signs a probe with the new version and
   * verifies it locally with the version's public key, and returns that key as material of this custody.
   * A version whose probe does not verify is refused (it stays in Transit, unused and unpublished).
   *
   * @throws JwkitException {@link KeyRingError#CUSTODY_FAILED} (with the Vault failure as cause and its
   *     code in the message) if Vault refuses or cannot be reached, ignores a parameter ({@code
   *     vault.ignored_parameters}) or signs a probe that does not verify ({@code
   *     vault.signature_probe_failed}); {@code jose.unsupported_algorithm}
   *     for an algorithm Transit cannot sign
   */
  @Override
  public KeyMaterial generate(JwsAlgorithm algorithm) {
    Objects.requireNonNull(algorithm, "algorithm");
    String type = TransitAlgorithms.keyType(algorithm, rsaKeyBits);
    String name = keyName(algorithm);
    try {
      TransitKeyInfo info;
      var existing = transit.read(name);
      if (existing.isEmpty()) {
        TransitApi.Created created = transit.create(name, type);
        info = created.existed() ? transit.rotate(name) : created.info();
      } else {
        transit.checkUsable(existing.get(), type);
        info = transit.rotate(name);
      }
      long version = info.latestVersion();
      String pem = info.publicKeys().get(version);
      if (pem == null) {
        throw new JwkitException(VaultError.UNEXPECTED_RESPONSE, where(name) + ": no public key for version " + version);
      }
      PublicKey publicKey = TransitAlgorithms.publicKey(type, pem, where(name));
      PublicJwk jwk = PublicJwk.of(publicKey);
      probe(name, version, algorithm, jwk);
      KeyMaterial material = KeyMaterial.external(jwk, algorithm, NAME, name + ":" + version);
      LOG.log(Level.INFO, "generated {0} key {1} as {2} version {3}", algorithm.jwaName(), material.kid(), where(name),
          String.valueOf(version));
      return material;
    } catch (JwkitException e) {
      throw custodyFailed("generate " + algorithm.jwaName() + " in " + where(name), e);
    }
  }

  /**
   * Signs a probe with the new version through Transit and verifies it here with the published public
   * key (jose-core's {@link JwsVerifier}), so that a Vault that signs otherwise than JOSE expects (an old
   * release ignoring {@code salt_length}, a proxy dropping its warning) is found before the key is used.
   */
  private void probe(String name, long version, JwsAlgorithm algorithm, PublicJwk jwk) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String signingInput = b64.encodeToString(("{\"alg\":\"" + algorithm.jwaName() + "\"}").getBytes(StandardCharsets.UTF_8))
        + "." + b64.encodeToString("jwkit transit probe".getBytes(StandardCharsets.UTF_8));
    byte[] signature = transit.sign(name, version, algorithm, signingInput.getBytes(StandardCharsets.US_ASCII));
    try {
      JwsVerifier.of(jwk, algorithm).verify(CompactJws.parse(signingInput + "." + b64.encodeToString(signature)));
    } catch (JwkitException e) {
      throw new JwkitException(VaultError.SIGNATURE_PROBE_FAILED, where(name) + " version " + version + ": a probe "
          + algorithm.jwaName() + " signature made by Transit does not verify with the version's public key ("
          + e.code().id() + "); the key is refused", e);
    }
  }

  /**
   * Signs with the material's Transit key version.
   *
   * @throws JwkitException {@link KeyRingError#CUSTODY_FAILED} if the material is not held here, the
   *     version was retired ({@code vault.key_version_disallowed} in the message), or Vault fails
   */
  @Override
  public byte[] sign(KeyMaterial key, byte[] signingInput) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(signingInput, "signingInput");
    Reference ref = reference(key);
    try {
      return transit.sign(ref.name(), ref.version(), key.algorithm(), signingInput);
    } catch (JwkitException e) {
      throw custodyFailed("sign with kid " + key.kid() + " (" + where(ref.name()) + " version " + ref.version() + ")", e);
    }
  }

  /**
   * Denies the version further signatures by raising {@code min_encryption_version} above it (adding an
   * unused version first when it is the latest, as Transit's floor cannot pass the latest version).
   * Idempotent: floors are only raised.
   */
  @Override
  public void retire(KeyMaterial key) {
    Objects.requireNonNull(key, "key");
    Reference ref = reference(key);
    try {
      TransitKeyInfo info = transit.read(ref.name()).orElseThrow(() -> new JwkitException(VaultError.NOT_FOUND,
          where(ref.name()) + ": no such Transit key"));
      if (info.minEncryptionVersion() > ref.version()) {
        return;
      }
      if (info.latestVersion() <= ref.version()) {
        transit.rotate(ref.name());
      }
      transit.raiseFloors(ref.name(), ref.version() + 1, 0);
      LOG.log(Level.INFO, "retired kid {0}: {1} min_encryption_version is now {2}", key.kid(), where(ref.name()),
          String.valueOf(ref.version() + 1));
    } catch (JwkitException e) {
      throw custodyFailed("retire kid " + key.kid(), e);
    }
  }

  /**
   * Disables the version for good where Transit's floors can say so: a version that is already retired
   * and is the oldest still verifiable gets {@code min_decryption_version} raised above it; a version
   * with no newer one is retired first. A revoked version with newer versions that may still sign is left
   * to the ring's deny-list (see the class documentation). Idempotent.
   */
  @Override
  public void destroy(KeyMaterial key) {
    Objects.requireNonNull(key, "key");
    Reference ref = reference(key);
    try {
      var found = transit.read(ref.name());
      if (found.isEmpty()) {
        return; // deleted by an operator: nothing left to disable
      }
      TransitKeyInfo info = found.get();
      long v = ref.version();
      if (info.minDecryptionVersion() > v) {
        return;
      }
      if (info.latestVersion() <= v) {
        transit.rotate(ref.name());
        transit.raiseFloors(ref.name(), v + 1, v + 1);
      } else if (info.minEncryptionVersion() > v && info.minDecryptionVersion() == v) {
        transit.raiseFloors(ref.name(), v + 1, v + 1);
      } else {
        LOG.log(Level.INFO, "kid {0} ({1} version {2}) stays in Transit: newer versions may still sign, "
            + "so the ring''s deny-list keeps it out", key.kid(), where(ref.name()), String.valueOf(v));
        return;
      }
      LOG.log(Level.INFO, "destroyed kid {0}: {1} min_decryption_version is now {2}", key.kid(), where(ref.name()),
          String.valueOf(v + 1));
    } catch (JwkitException e) {
      throw custodyFailed("destroy kid " + key.kid(), e);
    }
  }

  private record Reference(String name, long version) {}

  private Reference reference(KeyMaterial key) {
    if (!NAME.equals(key.custody())) {
      throw new JwkitException(KeyRingError.CUSTODY_FAILED,
          "kid " + key.kid() + " is held by custody '" + key.custody() + "', not " + NAME);
    }
    Matcher m = REFERENCE.matcher(key.reference());
    if (!m.matches() || !m.group(1).startsWith(keyNamePrefix + "-")) {
      throw new JwkitException(KeyRingError.CUSTODY_FAILED,
          "kid " + key.kid() + " does not reference a Transit key of this custody (prefix " + keyNamePrefix + ")");
    }
    if (!m.group(1).equals(keyName(key.algorithm()))) {
      throw new JwkitException(KeyRingError.CUSTODY_FAILED,
          "kid " + key.kid() + " references Transit key " + m.group(1) + ", which does not hold " + key.algorithm().jwaName() + " keys");
    }
    return new Reference(m.group(1), Long.parseLong(m.group(2)));
  }

  private String keyName(JwsAlgorithm alg) {
    String base = keyNamePrefix + "-" + alg.jwaName().toLowerCase(Locale.ROOT);
    return alg.keyType() == dev.jwkit.jose.jwa.KeyType.RSA ? base + "-" + rsaKeyBits : base;
  }

  private String where(String name) {
    return transit.mount() + "/keys/" + name;
  }

  private static JwkitException custodyFailed(String what, JwkitException cause) {
    if (cause.code() == KeyRingError.CUSTODY_FAILED) {
      return cause;
    }
    return new JwkitException(KeyRingError.CUSTODY_FAILED, what + " failed: " + cause.getMessage(), cause);
  }

  @Override
  public String toString() {
    return "VaultTransitKeyCustody[" + transit.mount() + "/keys/" + keyNamePrefix + "-*]";
  }

  /** The builder of {@link VaultTransitKeyCustody}. Not safe for concurrent use. */
  public static final class Builder {
    private VaultSettings settings;
    private String mount = DEFAULT_MOUNT;
    private String keyNamePrefix = DEFAULT_KEY_NAME_PREFIX;
    private int rsaKeyBits = DEFAULT_RSA_KEY_BITS;

    private Builder() {}

    /**
     * How to reach Vault. Required.
     *
     * @return this builder
     */
    public Builder settings(VaultSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * The mount of the Transit engine. Default {@link #DEFAULT_MOUNT}.
     *
     * @return this builder
     * @throws IllegalArgumentException if it is not a safe Vault path
     */
    public Builder mount(String mount) {
      this.mount = VaultPaths.checkMount(Objects.requireNonNull(mount, "mount"));
      return this;
    }

    /**
     * The prefix of Transit key names; use one per key ring (e.g. {@code jwkit-default}) so that rings
     * do not share Transit keys. Default {@link #DEFAULT_KEY_NAME_PREFIX}.
     *
     * @return this builder
     * @throws IllegalArgumentException if it is not letters, digits, {@code . _ -}
     */
    public Builder keyNamePrefix(String prefix) {
      Objects.requireNonNull(prefix, "prefix");
      if (!prefix.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
        throw new IllegalArgumentException("keyNamePrefix must be 1-64 letters, digits, '.', '_' or '-'");
      }
      this.keyNamePrefix = prefix;
      return this;
    }

    /**
     * The RSA modulus for RS* and PS* keys: 2048, 3072 or 4096 (Transit's RSA types). Default {@link
     * #DEFAULT_RSA_KEY_BITS}.
     *
     * @return this builder
     * @throws IllegalArgumentException for another size
     */
    public Builder rsaKeyBits(int bits) {
      if (bits != 2048 && bits != 3072 && bits != 4096) {
        throw new IllegalArgumentException("rsaKeyBits must be 2048, 3072 or 4096");
      }
      this.rsaKeyBits = bits;
      return this;
    }

    /**
     * Builds the custody; no request is sent until the first call.
     *
     * @throws IllegalStateException if the settings are missing
     */
    public VaultTransitKeyCustody build() {
      if (settings == null) {
        throw new IllegalStateException("settings are required");
      }
      return new VaultTransitKeyCustody(this);
    }
  }
}
