package dev.jwkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The floor: what the JCA alone costs, with no JOSE work.
 *
 * <p>Verification base64url-decodes the signature and calls {@code Signature.verify} (or
 * {@code Mac.doFinal} and a constant-time compare) over the signing input with a ready key: no
 * header or claims parsing, no key lookup, no claim checks. Signing signs a ready signing input and
 * base64url-encodes the signature. No JOSE library can be faster than this on the same provider.
 * The JWKS floor only reads the JSON into a Jackson tree, without looking at any key.
 */
@Fork(jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"}) // see README: fixed, pre-touched heap
public class RawJcaBench {

  /** Per-thread JCA engines, initialised once per trial. */
  @State(Scope.Thread)
  public static class Tokens {
    @Param({"RS256", "PS256", "ES256", "EdDSA", "HS256"})
    public Alg alg;

    Fixture fixture;
    String token;
    byte[] signingInput;
    Signature verifier;
    Signature signer;
    Mac mac;
    final Base64.Decoder decoder = Base64.getUrlDecoder();
    final Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();

    @Setup(Level.Trial)
    public void setUp() throws SignatureException {
      fixture = Fixture.of(alg);
      token = fixture.token();
      signingInput = fixture.signingInput().getBytes(StandardCharsets.US_ASCII);
      if (alg.isHmac()) {
        mac = Jca.mac(alg, fixture.secret());
      } else {
        verifier = Jca.verifier(alg, fixture.publicKey(), Optional.empty());
        signer = Jca.signer(alg, fixture.privateKey(), Optional.empty(), new SecureRandom());
      }
      Checks.require(checkSignature(this), "raw JCA", "verify", alg);
      Checks.require(fixture.isValidSignature(signInput(this)), "raw JCA", "sign", alg);
    }
  }

  /** The JWKS floor's state. */
  @State(Scope.Thread)
  public static class Jwks {
    String json;
    ObjectMapper mapper;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      json = Fixture.mixedPublicJwks();
      mapper = new ObjectMapper();
      Checks.require(readTree(this) == 10, "raw JCA", "parseJwks", "JWKS");
    }
  }

  /** Signature check of the fixture token: decode, then {@code Signature.verify} or {@code Mac.doFinal}. */
  @Benchmark
  public boolean verify(Tokens s) throws SignatureException {
    return checkSignature(s);
  }

  /** Signs the ready signing input and appends the base64url signature. */
  @Benchmark
  public String sign(Tokens s) throws SignatureException {
    return signInput(s);
  }

  /** Reads the 10-key JWKS into a JSON tree and counts the keys. */
  @Benchmark
  public int parseJwks(Jwks s) throws IOException {
    return readTree(s);
  }

  static boolean checkSignature(Tokens s) throws SignatureException {
    String token = s.token;
    int dot = token.lastIndexOf('.');
    byte[] ascii = token.getBytes(StandardCharsets.ISO_8859_1);
    byte[] signature = s.decoder.decode(Arrays.copyOfRange(ascii, dot + 1, ascii.length));
    if (s.mac != null) {
      s.mac.update(ascii, 0, dot);
      return MessageDigest.isEqual(s.mac.doFinal(), signature);
    }
    s.verifier.update(ascii, 0, dot);
    return s.verifier.verify(signature);
  }

  static String signInput(Tokens s) throws SignatureException {
    byte[] signature;
    if (s.mac != null) {
      signature = s.mac.doFinal(s.signingInput);
    } else {
      s.signer.update(s.signingInput);
      signature = s.signer.sign();
    }
    return s.fixture.signingInput() + "." + s.encoder.encodeToString(signature);
  }

  static int readTree(Jwks s) throws IOException {
    JsonNode tree = s.mapper.readTree(s.json);
    return tree.get("keys").size();
  }
}
