package dev.jwkit.app.cli;

import dev.jwkit.app.config.Durations;
import dev.jwkit.app.wiring.KeyRingAccess;
import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jose.jwk.PrivateJwk;
import dev.jwkit.jose.jws.CompactJws;
import dev.jwkit.jose.jws.JwsHeader;
import dev.jwkit.jose.jws.JwsSigner;
import dev.jwkit.jose.jwt.JwtClaims;
import dev.jwkit.jose.jwt.JwtVerifier;
import dev.jwkit.jose.jwt.VerifiedJwt;
import dev.jwkit.jwks.model.KeyRing;
import dev.jwkit.jwks.model.ManagedKey;
import dev.jwkit.jwks.port.KeyCustody;
import dev.jwkit.jwks.port.KeyRingEventListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jwkit token}: sign, verify and inspect JWTs. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Sign, verify and inspect JWTs.",
    subcommands = {TokenCommand.Sign.class, TokenCommand.Verify.class, TokenCommand.Inspect.class})
final class TokenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return JwkitCommand.EXIT_USAGE;
  }

  /** {@code token sign}. */
  @Command(name = "sign", mixinStandardHelpOptions = true,
      description = "Print a compact JWS of the claims, signed with a key file or the ring's active key.")
  static final class Sign implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ArgGroup(exclusive = true, multiplicity = "1") KeyChoice keyChoice = new KeyChoice();
    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (rotation policy, ring id) for --data-dir.")
    @Nullable Path configFile;
    @Option(names = "--claims", required = true, paramLabel = "JSON|@FILE", description = "Claims as JSON, @FILE, or @- for standard input.")
    String claims = "";
    @Option(names = "--alg", paramLabel = "ALG", description = "Algorithm (default: the key's alg; for the ring, its key's).")
    @Nullable String alg;
    @Option(names = "--typ", paramLabel = "TYP", description = "typ header (default JWT).") String typ = "JWT";
    @Option(names = "--header", paramLabel = "JSON", description = "Extra protected header parameters as a JSON object.")
    @Nullable String header;
    @Option(names = "--ttl", paramLabel = "DURATION",
        description = "When the claims have no exp: set iat now and exp now + DURATION (default 15m).")
    String ttl = "15m";
    @Option(names = "--no-exp", description = "Do not add iat/exp when the claims lack exp.") boolean noExp;

    static final class KeyChoice {
      @Option(names = "--key", paramLabel = "FILE", description = "Private JWK or PEM file.") @Nullable Path key;
      @Option(names = "--data-dir", paramLabel = "DIR", description = "Sign with the active key of the ring in DIR.")
      @Nullable Path dataDir;
    }

    @Override
    public Integer call() {
      Map<String, Object> claimsJson = Inputs.parseJson(Inputs.jsonArgument(claims), "--claims");
      JwtClaims jwtClaims;
      try {
        jwtClaims = JwtClaims.fromJsonObject(claimsJson);
      } catch (JwkitException e) {
        throw CliException.io("--claims are not valid JWT claims: " + e.getMessage());
      }
      if (!noExp && jwtClaims.expiration().isEmpty()) {
        Instant now = Clock.systemUTC().instant();
        Duration lifetime = Durations.parse(ttl);
        JwtClaims.Builder b = jwtClaims.toBuilder().expiration(now.plus(lifetime));
        if (jwtClaims.issuedAt().isEmpty()) {
          b.issuedAt(now);
        }
        jwtClaims = b.build();
      }
      Jwk key;
      JwsAlgorithm algorithm;
      Optional<String> kid;
      if (keyChoice.key != null) {
        key = Inputs.readKey(keyChoice.key);
        if (alg != null) {
          algorithm = Algorithms.parse(alg);
        } else if (key.alg().isPresent()) {
          algorithm = Algorithms.parse(key.alg().get());
        } else {
          throw CliException.usage("the key in " + keyChoice.key + " has no alg member; give --alg");
        }
        kid = key.kid();
      } else {
        KeyRingAccess access = ConfigOptions.of(keyChoice.dataDir, configFile).access(KeyRingEventListener.NONE);
        KeyRing ring = KeysCommand.requireRing(access);
        ManagedKey active = ring.active().orElseThrow(() -> CliException.io(
            "the ring in " + access.location() + " has no active key; run: jwkit keys rotate"));
        algorithm = active.algorithm();
        if (alg != null && Algorithms.parse(alg) != algorithm) {
          throw CliException.usage("the ring's active key " + active.kid() + " signs with " + algorithm.jwaName()
              + ", not " + alg + "; drop --alg");
        }
        if (active.material().privateJwk().isEmpty()) {
          // the key lives in external custody (Vault Transit): the custody signs
          KeyCustody custody = access.custody();
          JwsHeader h = header(algorithm, Optional.of(active.kid()));
          byte[] payload = jwtClaims.toJson().getBytes(StandardCharsets.UTF_8);
          String signingInput = Base64Url.encodeUtf8(h.toJson()) + "." + Base64Url.encode(payload);
          byte[] signature = custody.sign(active.material(), signingInput.getBytes(StandardCharsets.US_ASCII));
          Console.of(spec).out(signingInput + "." + Base64Url.encode(signature));
          return JwkitCommand.EXIT_OK;
        }
        PrivateJwk privateKey = active.material().privateJwk().get();
        key = privateKey;
        kid = Optional.of(active.kid());
      }
      JwsSigner signer;
      try {
        signer = JwsSigner.of(key, algorithm);
      } catch (JwkitException e) {
        throw CliException.io("the key cannot sign " + algorithm.jwaName() + ": " + e.code().id() + ": " + e.getMessage());
      }
      String token = signer.signCompact(header(algorithm, kid), jwtClaims.toJson().getBytes(StandardCharsets.UTF_8));
      Console.of(spec).out(token);
      return JwkitCommand.EXIT_OK;
    }

    private JwsHeader header(JwsAlgorithm algorithm, Optional<String> kid) {
      JwsHeader.Builder hb = JwsHeader.builder().alg(algorithm);
      kid.ifPresent(hb::kid);
      if (!typ.isEmpty()) {
        hb.typ(typ);
      }
      if (header != null) {
        for (Map.Entry<String, Object> e : Inputs.parseJson(Inputs.jsonArgument(header), "--header").entrySet()) {
          switch (e.getKey()) {
            case "alg":
              if (!algorithm.jwaName().equals(e.getValue())) {
                throw CliException.usage("--header alg " + e.getValue() + " differs from the signing algorithm " + algorithm.jwaName());
              }
              break;
            case "kid": hb.kid(String.valueOf(e.getValue())); break;
            case "typ": hb.typ(String.valueOf(e.getValue())); break;
            case "cty": hb.cty(String.valueOf(e.getValue())); break;
            default: hb.parameter(e.getKey(), e.getValue());
          }
        }
      }
      return hb.build();
    }
  }

  /** {@code token verify}. */
  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = {"Verify a JWT and print its claims.",
          "Exit 0 and print the claims when the token is valid; exit 1 and print",
          "'invalid: REASON_CODE: message' on standard error when not."})
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ArgGroup(exclusive = true, multiplicity = "1") KeysChoice keysChoice = new KeysChoice();
    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (rotation policy, ring id) for --data-dir.")
    @Nullable Path configFile;
    @Option(names = "--alg", split = ",", paramLabel = "ALG", description = "Allowed algorithms (default: what the selected key allows: its alg, or its type's family).")
    List<String> algs = List.of();
    @Option(names = "--iss", paramLabel = "ISS", description = "Required issuer (default: not checked).") @Nullable String iss;
    @Option(names = "--aud", paramLabel = "AUD", description = "Required audience (default: not checked).") @Nullable String aud;
    @Option(names = "--typ", paramLabel = "TYP", description = "Required typ header (default: not checked).") @Nullable String typ;
    @Option(names = "--skew", paramLabel = "DURATION", description = "Clock skew allowed for exp/nbf (default 60s).") String skew = "60s";
    @Option(names = "--allow-http", description = "Allow a plain-http --jwks URL on a non-loopback host.") boolean allowHttp;
    @Option(names = "--json", description = "Print {\"valid\":true,\"kid\":…,\"alg\":…,\"header\":…,\"claims\":…}.") boolean json;
    @Parameters(paramLabel = "TOKEN|-", description = "The token, or - to read it from standard input.") String token = "";

    static final class KeysChoice {
      @Option(names = "--jwks", paramLabel = "FILE|URL", description = "JWKS file or http(s) URL.") @Nullable String jwks;
      @Option(names = "--data-dir", paramLabel = "DIR", description = "Verify with the published keys of the ring in DIR.")
      @Nullable Path dataDir;
    }

    @Override
    public Integer call() {
      Duration clockSkew = Durations.parse(skew);
      String compact = ("-".equals(token) ? Inputs.readStdin() : token).trim();
      JwkSet keys;
      Set<String> revoked = Set.of();
      if (keysChoice.jwks != null) {
        keys = KeySets.load(keysChoice.jwks, allowHttp);
      } else {
        KeyRingAccess access = ConfigOptions.of(keysChoice.dataDir, configFile).access(KeyRingEventListener.NONE);
        KeyRing ring = KeysCommand.requireRing(access);
        keys = JwkSet.of(access.publication(ring).keys());
        revoked = ring.revokedKids();
      }
      Console console = Console.of(spec);
      try {
        CompactJws parsed = CompactJws.parse(compact);
        Optional<String> kid = parsed.header().kid();
        if (kid.isPresent() && revoked.contains(kid.get())) {
          return invalid(console, "keyring.key_revoked", "the key " + kid.get() + " was revoked");
        }
        Set<JwsAlgorithm> allowed = EnumSet.noneOf(JwsAlgorithm.class);
        if (!algs.isEmpty()) {
          for (String a : algs) {
            allowed.add(Algorithms.parse(a));
          }
        } else {
          List<Jwk> selected = kid.isPresent() ? keys.findByKid(kid.get()) : keys.keys();
          if (selected.isEmpty()) {
            return invalid(console, "jwk.key_not_found", kid.map(k -> "no key with kid " + k).orElse("the key set is empty")
                + " in the key set" + keys.skippedFor(kid).map(s -> "; the key" + (kid.isPresent() ? " with this kid" : "")
                    + " was skipped: " + s.reason().id() + ": " + s.message()).orElse(""));
          }
          for (Jwk k : selected) {
            allowed.addAll(Algorithms.allowedFor(k));
          }
          if (allowed.isEmpty()) {
            return invalid(console, "jws.algorithm_not_allowed", "the selected key allows no algorithm jwkit supports");
          }
        }
        JwtVerifier.Builder vb = JwtVerifier.builder(keys).allowedAlgorithms(allowed).clockSkew(clockSkew);
        if (iss != null) {
          vb.expectedIssuer(iss);
        } else {
          vb.ignoreIssuer();
        }
        if (aud != null) {
          vb.expectedAudience(aud);
        } else {
          vb.ignoreAudience();
        }
        if (typ != null) {
          vb.expectedType(typ);
        } else {
          vb.ignoreType();
        }
        VerifiedJwt verified = vb.build().verify(compact);
        if (json) {
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("valid", Boolean.TRUE);
          verified.kid().ifPresent(k -> out.put("kid", k));
          out.put("alg", verified.algorithm().jwaName());
          out.put("header", verified.header().toJsonObject());
          out.put("claims", verified.claims().toJsonObject());
          console.json(out);
        } else {
          console.out(verified.claims().toJson());
        }
        return JwkitCommand.EXIT_OK;
      } catch (JwkitException e) {
        return invalid(console, e.code().id(), e.getMessage());
      }
    }

    private static int invalid(Console console, String code, @Nullable String message) {
      String m = message == null ? "" : message.replace('\n', ' ').replace('\r', ' ');
      if (m.startsWith(code + ": ")) {
        m = m.substring(code.length() + 2);
      }
      console.err("invalid: " + code + ": " + m);
      return JwkitCommand.EXIT_INVALID;
    }
  }

  /** {@code token inspect}. */
  @Command(name = "inspect", mixinStandardHelpOptions = true,
      description = "Decode a token's header and claims WITHOUT verifying its signature.")
  static final class Inspect implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "TOKEN|-", description = "The token, or - to read it from standard input.") String token = "";

    @Override
    public Integer call() {
      String compact = ("-".equals(token) ? Inputs.readStdin() : token).trim();
      CompactJws jws;
      try {
        jws = CompactJws.parse(compact);
      } catch (JwkitException e) {
        throw CliException.io("not a compact JWS: " + e.code().id() + ": " + e.getMessage());
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("verified", Boolean.FALSE);
      out.put("header", jws.header().toJsonObject());
      try {
        out.put("claims", Json.parseObject(jws.payload()));
      } catch (JwkitException e) {
        out.put("payload", new String(jws.payload(), StandardCharsets.UTF_8));
      }
      Console console = Console.of(spec);
      console.err("NOT VERIFIED: the signature and claims were not checked; use 'jwkit token verify' to trust them.");
      console.json(out);
      return JwkitCommand.EXIT_OK;
    }
  }
}
