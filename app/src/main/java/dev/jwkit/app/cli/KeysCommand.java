package dev.jwkit.app.cli;

import dev.jwkit.adapters.file.keystore.KeyFiles;
import dev.jwkit.app.wiring.KeyRingAccess;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkGenerator;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jose.jwk.OctJwk;
import dev.jwkit.jose.jwk.PrivateJwk;
import dev.jwkit.jose.jwk.PublicJwk;
import dev.jwkit.jwks.application.RotationResult;
import dev.jwkit.jwks.model.KeyMaterial;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.KeyRingEvent;
import dev.jwkit.jwks.model.ManagedKey;
import dev.jwkit.jwks.port.KeyRingEventListener;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jwkit keys}: generate standalone keys, and manage the key ring in a data directory. */
@Command(name = "keys", mixinStandardHelpOptions = true,
    description = "Generate keys and manage the key ring (init, list, rotate, revoke, import, export).",
    subcommands = {KeysCommand.Generate.class, KeysCommand.Public.class, KeysCommand.Init.class,
        KeysCommand.ListKeys.class, KeysCommand.Rotate.class, KeysCommand.Revoke.class,
        KeysCommand.Import.class, KeysCommand.Export.class})
final class KeysCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return JwkitCommand.EXIT_USAGE;
  }

  static KeyRing requireRing(KeyRingAccess access) {
    return access.load().orElseThrow(() -> CliException.io("no key ring in " + access.location()
        + "; start one with: jwkit keys init --data-dir " + access.config().dataDir()
        + " (or run: jwkit serve, which starts it)"));
  }

  static String describe(KeyRingEvent e) {
    return e.getClass().getSimpleName() + " kid=" + e.kid();
  }

  /** {@code keys generate}. */
  @Command(name = "generate", mixinStandardHelpOptions = true,
      description = "Print a new private JWK (kid: its RFC 7638 thumbprint unless --kid is given).")
  static final class Generate implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--alg", required = true, paramLabel = "ALG",
        description = "JWS algorithm: ES256, ES384, ES512, ES256K, RS256..RS512, PS256..PS512, EdDSA, Ed25519, Ed448, HS256..HS512.")
    String alg = "";
    @Option(names = "--kid", paramLabel = "KID", description = "Key id (default: the RFC 7638 SHA-256 thumbprint).")
    @Nullable String kid;
    @Option(names = "--size", paramLabel = "BITS", description = "Key size for RSA (2048, 3072, 4096) or HMAC (at least the hash size).")
    @Nullable Integer size;

    @Override
    public Integer call() {
      JwsAlgorithm algorithm = Algorithms.parse(alg);
      Jwk key;
      if (size == null) {
        key = JwkGenerator.generate(algorithm);
      } else {
        switch (algorithm.family()) {
          case RSASSA_PKCS1_V1_5:
          case RSASSA_PSS:
            key = JwkGenerator.generateRsa(size);
            break;
          case HMAC:
            if (size < algorithm.hashBits()) {
              throw CliException.usage("--size " + size + " is too small for " + alg + ": use at least " + algorithm.hashBits());
            }
            key = JwkGenerator.generateOct(size);
            break;
          default:
            throw CliException.usage("--size applies only to RSA and HMAC keys; " + alg + " keys have a fixed size");
        }
        key = key.withMetadata(key.metadata().toBuilder().use("sig").alg(algorithm.jwaName()).build());
      }
      if (kid != null) {
        if (kid.isBlank()) {
          throw CliException.usage("--kid must not be empty");
        }
        key = key.withMetadata(key.metadata().toBuilder().kid(kid).build());
      }
      Console.of(spec).out(key.toJson());
      return JwkitCommand.EXIT_OK;
    }
  }

  /** {@code keys public}. */
  @Command(name = "public", mixinStandardHelpOptions = true,
      description = "Print the public form of a private JWK or JWKS (from FILE, or standard input with -).")
  static final class Public implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(arity = "0..1", paramLabel = "FILE|-", description = "JWK or JWKS file; - or nothing reads standard input.")
    @Nullable String file;

    @Override
    public Integer call() {
      String text = Inputs.readText(file == null ? "-" : file, spec);
      Map<String, Object> json = Inputs.parseJson(text, file == null ? "standard input" : file);
      Console console = Console.of(spec);
      if (json.containsKey("keys")) {
        JwkSet set = JwkSet.fromJsonObject(json);
        for (JwkSet.SkippedKey s : set.skipped()) {
          console.err("skipped key #" + s.index() + s.kid().map(k -> " (kid " + k + ")").orElse("") + ": "
              + s.reason().id() + ": " + s.message());
        }
        console.out(set.toPublicSet().toJson());
        return JwkitCommand.EXIT_OK;
      }
      Jwk key = Jwk.fromJsonObject(json);
      if (key instanceof PrivateJwk) {
        console.out(((PrivateJwk) key).toPublicJwk().toJson());
      } else if (key instanceof PublicJwk) {
        console.out(key.toJson());
      } else if (key instanceof OctJwk) {
        throw CliException.io("a symmetric (oct) key has no public form: it must stay secret");
      } else {
        throw new AssertionError(key);
      }
      return JwkitCommand.EXIT_OK;
    }
  }

  /** {@code keys init}. */
  @Command(name = "init", mixinStandardHelpOptions = true,
      description = "Start a key ring in the data directory: an active key and a published pending successor.")
  static final class Init implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOptions options;
    @Option(names = "--json", description = "Print the ring as JSON.") boolean json;
    @Option(names = "--force", description = "With Vault storage: start a new ring where the ring's latest version "
        + "was deleted or destroyed (every key is replaced).") boolean force;

    @Override
    public Integer call() {
      KeyRingAccess access = options.access(KeyRingEventListener.NONE, force);
      Console console = Console.of(spec);
      boolean existed = access.load().isPresent();
      RotationResult result = access.rotation().start();
      if (json) {
        console.json(ListKeys.toJson(result.ring()));
      } else if (existed) {
        console.out("key ring already started in " + access.location() + "; active key "
            + result.ring().activeKey().kid());
      } else {
        console.out("started key ring in " + access.location() + "; active key " + result.ring().activeKey().kid());
      }
      return JwkitCommand.EXIT_OK;
    }
  }

  /** {@code keys list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the keys of the ring and their states.")
  static final class ListKeys implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOptions options;
    @Option(names = "--json", description = "Print {\"keys\":[{\"kid\":…,\"state\":…,\"alg\":…,…}]}.") boolean json;

    @Override
    public Integer call() {
      KeyRing ring = requireRing(options.access(KeyRingEventListener.NONE));
      Console console = Console.of(spec);
      if (json) {
        console.json(toJson(ring));
      } else {
        console.out(String.format("%-44s %-8s %-6s %s", "KID", "STATE", "ALG", "PUBLISHED"));
        for (ManagedKey k : ring.keys()) {
          console.out(String.format("%-44s %-8s %-6s %s", k.kid(), k.state(), k.algorithm().jwaName(), k.publishedAt()));
        }
      }
      return JwkitCommand.EXIT_OK;
    }

    static Map<String, Object> toJson(KeyRing ring) {
      List<Object> keys = new ArrayList<>();
      for (ManagedKey k : ring.keys()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kid", k.kid());
        m.put("state", k.state().name());
        m.put("alg", k.algorithm().jwaName());
        m.put("kty", k.material().publicJwk().kty().toString());
        m.put("custody", k.material().custody());
        m.put("publishedAt", k.publishedAt().toString());
        put(m, "activatedAt", k.activatedAt());
        put(m, "retiredAt", k.retiredAt());
        put(m, "expiredAt", k.expiredAt());
        put(m, "revokedAt", k.revokedAt());
        k.revocationReason().ifPresent(r -> m.put("revocationReason", r));
        keys.add(m);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("ring", ring.id().value());
      out.put("version", ring.version());
      out.put("keys", keys);
      return out;
    }

    private static void put(Map<String, Object> m, String name, Optional<Instant> at) {
      at.ifPresent(a -> m.put(name, a.toString()));
    }
  }

  /** {@code keys rotate}. */
  @Command(name = "rotate", mixinStandardHelpOptions = true,
      description = "Promote the already-published pending key to active now (the previous active key retires).")
  static final class Rotate implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOptions options;
    @Option(names = "--json", description = "Print the ring as JSON.") boolean json;

    @Override
    public Integer call() {
      KeyRingAccess access = options.access(KeyRingEventListener.NONE);
      requireRing(access);
      RotationResult result = access.rotation().rotateNow();
      Console console = Console.of(spec);
      if (json) {
        console.json(ListKeys.toJson(result.ring()));
      } else {
        for (KeyRingEvent e : result.events()) {
          console.err(describe(e));
        }
        console.out("active key " + result.ring().activeKey().kid());
      }
      return JwkitCommand.EXIT_OK;
    }
  }

  /** {@code keys revoke}. */
  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Revoke a key: it is unpublished at once and tokens it signed fail (keyring.key_revoked).")
  static final class Revoke implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOptions options;
    @Parameters(paramLabel = "KID", description = "The key to revoke.") String kid = "";
    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (recorded in the ring; default: operator).")
    String reason = "operator";

    @Override
    public Integer call() {
      KeyRingAccess access = options.access(KeyRingEventListener.NONE);
      KeyRing ring = requireRing(access);
      if (ring.key(kid).isEmpty()) {
        throw CliException.io("the ring has no key " + kid + "; list them with: jwkit keys list");
      }
      RotationResult result = access.rotation().revoke(kid, reason);
      Console console = Console.of(spec);
      for (KeyRingEvent e : result.events()) {
        console.err(describe(e));
      }
      console.out("revoked " + kid + "; active key " + result.ring().active().map(ManagedKey::kid).orElse("<none>"));
      return JwkitCommand.EXIT_OK;
    }
  }

  /** {@code keys import}. */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Import a private key (JWK or PEM) into the ring: active in a new ring, pending otherwise.")
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOptions options;
    @Parameters(paramLabel = "FILE", description = "Private JWK or PEM file.") Path file = Path.of("");
    @Option(names = "--alg", paramLabel = "ALG", description = "Algorithm of the key (default: its alg member, else the policy's algorithm).")
    @Nullable String alg;

    @Override
    public Integer call() {
      KeyRingAccess access = options.access(KeyRingEventListener.NONE);
      Jwk key = Inputs.readKey(file);
      if (!(key instanceof PrivateJwk)) {
        throw CliException.io(file + " holds no private asymmetric key; the ring needs one to sign (public and oct keys cannot be imported)");
      }
      JwsAlgorithm algorithm = alg != null ? Algorithms.parse(alg)
          : key.alg().map(Algorithms::parse).orElse(access.config().policy().algorithm());
      KeyMaterial material;
      try {
        material = KeyMaterial.local((PrivateJwk) key, algorithm);
      } catch (JwkitException | IllegalArgumentException e) {
        throw CliException.io("the key in " + file + " cannot be used with " + algorithm.jwaName() + ": " + e.getMessage());
      }
      RotationResult result = access.rotation().importKey(material);
      Console.of(spec).out("imported " + material.kid() + " as "
          + result.ring().key(material.kid()).map(k -> k.state().name()).orElse("?"));
      return JwkitCommand.EXIT_OK;
    }
  }

  /** {@code keys export}. */
  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Print the ring's public JWKS (what serve publishes), or write it with --out.")
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOptions options;
    @Option(names = "--out", paramLabel = "FILE", description = "Write the JWKS to this file instead of standard output.")
    @Nullable Path out;

    @Override
    public Integer call() {
      KeyRingAccess access = options.access(KeyRingEventListener.NONE);
      KeyRing ring = requireRing(access);
      List<PublicJwk> keys = access.publication(ring).keys();
      if (out != null) {
        KeyFiles.writePublicJwkSet(out, JwkSet.of(keys));
        Console.of(spec).err("wrote " + keys.size() + " public keys to " + out);
      } else {
        Console.of(spec).out(access.publication(ring).toJson());
      }
      return JwkitCommand.EXIT_OK;
    }
  }
}
