package dev.jwkit.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Raw {@code Signature} sign and verify of a typical JWS signing input, the JDK's provider (SunEC)
 * against Bouncy Castle's, so that jose-core can pick the fastest correct provider per algorithm.
 *
 * <p>ECDSA uses the fixed-length R‖S form on both sides ({@code SHA256withECDSAinP1363Format} in
 * SunEC, {@code SHA256withPLAIN-ECDSA} in Bouncy Castle); each provider gets keys made by its own
 * {@code KeyFactory} from the same encodings. Bouncy Castle is passed as an instance and never
 * registered. Setup checks that each provider's signature verifies with the other provider.
 * Run the same jar on JDK 17 and JDK 25 ({@code benchmarks/run --jvm ...}) to compare JDKs.
 */
@Fork(jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"}) // see README: fixed, pre-touched heap
public class ProviderBench {

  private static final Provider BC = new BouncyCastleProvider();

  /** The prepared engines of one provider and algorithm. */
  @State(Scope.Thread)
  public static class Engines {
    @Param({"ES256", "ES384", "ES512", "EdDSA"})
    public Alg alg;

    @Param({"JDK", "BC"})
    public String provider;

    byte[] message;
    byte[] signature;
    Signature signer;
    Signature verifier;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
      Fixture fixture = Fixture.of(alg, 1);
      message = fixture.signingInput().getBytes(StandardCharsets.US_ASCII);
      Engine jdk = new Engine(alg, Optional.empty(), fixture.publicKey(), fixture.privateKey());
      Engine bc = new Engine(alg, Optional.of(BC), fixture.publicKey(), fixture.privateKey());
      Engine mine = "BC".equals(provider) ? bc : jdk;
      Engine other = "BC".equals(provider) ? jdk : bc;
      signer = mine.signer();
      verifier = mine.verifier();
      signer.update(message);
      signature = signer.sign();
      Checks.require(verifyOnce(verifier, message, signature), provider, "verify", alg);
      Checks.require(verifyOnce(other.verifier(), message, signature), provider, "cross-verify", alg);
      Signature otherSigner = other.signer();
      otherSigner.update(message);
      Checks.require(verifyOnce(verifier, message, otherSigner.sign()), provider, "verify other's", alg);
    }
  }

  /** {@code Signature.update} + {@code sign} with a ready private key. */
  @Benchmark
  public byte[] sign(Engines s) throws GeneralSecurityException {
    s.signer.update(s.message);
    return s.signer.sign();
  }

  /** {@code Signature.update} + {@code verify} with a ready public key. */
  @Benchmark
  public boolean verify(Engines s) throws GeneralSecurityException {
    s.verifier.update(s.message);
    return s.verifier.verify(s.signature);
  }

  private static boolean verifyOnce(Signature verifier, byte[] message, byte[] signature)
      throws GeneralSecurityException {
    verifier.update(message);
    return verifier.verify(signature);
  }

  /** One provider's keys and engine names. */
  private static final class Engine {
    private final Alg alg;
    private final Optional<Provider> provider;
    private final PublicKey publicKey;
    private final PrivateKey privateKey;

    Engine(Alg alg, Optional<Provider> provider, PublicKey publicKey, PrivateKey privateKey)
        throws GeneralSecurityException {
      this.alg = alg;
      this.provider = provider;
      if (provider.isPresent()) {
        KeyFactory factory = KeyFactory.getInstance(alg.keyAlgorithm(), provider.get());
        this.publicKey = factory.generatePublic(new X509EncodedKeySpec(publicKey.getEncoded()));
        this.privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey.getEncoded()));
      } else {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
      }
    }

    Signature signer() throws GeneralSecurityException {
      Signature signature = newSignature();
      signature.initSign(privateKey, new SecureRandom());
      return signature;
    }

    Signature verifier() throws GeneralSecurityException {
      Signature signature = newSignature();
      signature.initVerify(publicKey);
      return signature;
    }

    private Signature newSignature() throws GeneralSecurityException {
      if (provider.isEmpty()) {
        return Signature.getInstance(alg.jcaName());
      }
      String name = alg == Alg.EdDSA ? "Ed25519" : alg.jcaName().replace("withECDSAinP1363Format", "withPLAIN-ECDSA");
      return Signature.getInstance(name, provider.get());
    }
  }
}
