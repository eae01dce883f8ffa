package dev.jwkit.adapters.file.keysource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.ErrorCode;
import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkGenerator;
import dev.jwkit.jose.jwk.JwkSet;
import dev.jwkit.jose.jwk.OctJwk;
import dev.jwkit.jose.jwk.PrivateJwk;
import dev.jwkit.jose.jwk.PublicJwk;
import dev.jwkit.jose.jwt.JwtClaims;
import dev.jwkit.jose.jwt.JwtSigner;
import dev.jwkit.jose.jwt.JwtVerifier;
import dev.jwkit.jwks.model.KeySourceError;
import dev.jwkit.jwks.model.KeySourceUnavailableException;
import dev.jwkit.jwks.port.KeySourceEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileKeySourceTest {

  @TempDir Path directory;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final List<KeySourceEvent> outcomes = new ArrayList<>();

  @Test
  void keys_fileChanges_reloadsAfterTheCheckInterval() throws IOException {
    Path file = directory.resolve("jwks.json");
    PrivateJwk first = (PrivateJwk) JwkGenerator.generate(JwsAlgorithm.ES256);
    PrivateJwk second = (PrivateJwk) JwkGenerator.generate(JwsAlgorithm.ES256);
    write(file, JwkSet.of(List.of(first.toPublicJwk())), 1);
    FileKeySource source = source(file);

    assertThat(kids(source.keys())).containsExactly(first.kid().orElseThrow());
    write(file, JwkSet.of(List.of(first.toPublicJwk(), second.toPublicJwk())), 2);
    assertThat(kids(source.keys())).as("within the check interval").containsExactly(first.kid().orElseThrow());

    clock.advance(Duration.ofSeconds(1));
    assertThat(kids(source.keys())).containsExactly(first.kid().orElseThrow(), second.kid().orElseThrow());
    assertThat(outcomes).extracting(e -> e.getClass().getSimpleName()).containsExactly("Fetched", "Fetched");
    assertThat(((KeySourceEvent.Fetched) outcomes.get(1)).keys()).isEqualTo(2);
  }

  @Test
  void keys_brokenNewFile_keepsTheLastGoodSetAndReportsIt() throws IOException {
    Path file = directory.resolve("jwks.json");
    PrivateJwk key = (PrivateJwk) JwkGenerator.generate(JwsAlgorithm.ES256);
    write(file, JwkSet.of(List.of(key.toPublicJwk())), 1);
    FileKeySource source = source(file);
    source.keys();

    Files.writeString(file, "{\"keys\":[{\"kty\":");
    Files.setLastModifiedTime(file, FileTime.fromMillis(2_000));
    clock.advance(Duration.ofSeconds(5));

    assertThat(kids(source.keys())).containsExactly(key.kid().orElseThrow());
    assertThat(outcomes).extracting(e -> e.getClass().getSimpleName()).containsExactly("Fetched", "FetchFailed");
    assertThat(((KeySourceEvent.FetchFailed) outcomes.get(1)).consecutiveFailures()).isEqualTo(1);
  }

  @Test
  void keys_neverLoaded_failsClosedWithNotLoaded() throws IOException {
    Path file = directory.resolve("missing.json");
    FileKeySource source = source(file);

    assertThatThrownBy(source::keys)
        .isInstanceOfSatisfying(KeySourceUnavailableException.class,
            e -> assertThat(e.code()).isEqualTo(KeySourceError.NOT_LOADED))
        .hasMessageContaining(file.toString());
  }

  @Test
  void keys_privateKeysInTheFile_areSkippedAndReported() throws IOException {
    // issue 14: a public key set never yields a secret key; a private key in it is skipped, not projected
    Path file = directory.resolve("jwks.json");
    Jwk privateKey = JwkGenerator.generateEc(Curve.P_256);
    Jwk publicKey = JwkGenerator.generateEc(Curve.P_256).toPublicJwk();
    write(file, JwkSet.of(List.of(privateKey, publicKey)), 1);

    List<Jwk> keys = source(file).keys().keys();

    assertThat(keys).containsExactly(publicKey);
    assertThat(skippedReasons()).containsExactly(JoseError.NOT_PUBLIC);
  }

  @Test
  void keys_octKeysInTheFile_areDropped_soAVerifierNeverAcceptsHmac() throws IOException {
    Path file = directory.resolve("jwks.json");
    Jwk ec = JwkGenerator.generateEc(Curve.P_256).toPublicJwk();
    OctJwk secret = (OctJwk) JwkGenerator.generate(JwsAlgorithm.HS256);
    write(file, JwkSet.of(List.of(ec, secret)), 1);
    FileKeySource source = source(file);

    assertThat(source.keys().keys()).singleElement().isInstanceOf(PublicJwk.class);
    Instant now = clock.instant();
    String hmacToken = JwtSigner.of(secret, JwsAlgorithm.HS256).sign(JwtClaims.builder().issuer("i").audience("a")
        .issuedAt(now).expiration(now.plusSeconds(60)).build());
    JwtVerifier verifier = JwtVerifier.builder(source).expectedIssuer("i").expectedAudience("a").clock(clock).build();
    assertThatThrownBy(() -> verifier.verify(hmacToken)).isInstanceOf(InvalidTokenException.class)
        .satisfies(e -> assertThat(((InvalidTokenException) e).code()).isEqualTo(JoseError.KEY_NOT_FOUND))
        .hasMessageContaining(JoseError.NOT_PUBLIC.id());
    assertThat(skippedReasons()).containsExactly(JoseError.NOT_PUBLIC);
  }

  private List<ErrorCode> skippedReasons() {
    List<ErrorCode> reasons = new ArrayList<>();
    for (KeySourceEvent event : outcomes) {
      if (event instanceof KeySourceEvent.KeysSkipped) {
        ((KeySourceEvent.KeysSkipped) event).skipped().forEach(s -> reasons.add(s.reason()));
      }
    }
    return reasons;
  }

  private FileKeySource source(Path file) {
    return FileKeySource.builder().file(file).clock(clock).checkInterval(Duration.ofSeconds(1))
        .listener(outcomes::add).build();
  }

  private static void write(Path file, JwkSet set, long modifiedSeconds) throws IOException {
    Files.writeString(file, set.toJson());
    Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedSeconds * 1000));
  }

  private static List<String> kids(JwkSet set) {
    List<String> kids = new ArrayList<>();
    set.keys().forEach(k -> kids.add(k.kid().orElseThrow()));
    return kids;
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
