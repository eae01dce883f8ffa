package dev.jwkit.jwks.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.jose.ErrorCode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ErrorCodesTest {

  @Test
  void ids_areLowercaseDotted_andUnique() {
    Set<String> ids = new HashSet<>();
    Stream.concat(Stream.of(KeyRingError.values()), Stream.of(KeySourceError.values())).map(ErrorCode::id)
        .forEach(id -> {
          assertThat(id).matches("(keyring|keysource)\\.[a-z_]+");
          assertThat(ids.add(id)).as("unique %s", id).isTrue();
        });
  }

  @Test
  void ids_areStable() {
    assertThat(KeyRingError.CONFLICT.id()).isEqualTo("keyring.conflict");
    assertThat(KeyRingError.NOT_FOUND.id()).isEqualTo("keyring.not_found");
    assertThat(KeyRingError.POLICY_INVALID.id()).isEqualTo("keyring.policy_invalid");
    assertThat(KeyRingError.KEY_REVOKED.id()).isEqualTo("keyring.key_revoked");
    assertThat(KeySourceError.FETCH_FAILED.id()).isEqualTo("keysource.fetch_failed");
    assertThat(KeySourceError.STALE_BEYOND_LIMIT.id()).isEqualTo("keysource.stale_beyond_limit");
    assertThat(KeySourceError.UNKNOWN_KID.id()).isEqualTo("keysource.unknown_kid");
  }

  @Test
  void keyRingConflictException_messageHasCodeRingAndVersionOnly() {
    KeyRingConflictException e = new KeyRingConflictException(KeyRingId.of("issuer-a"), 7);
    assertThat(e.code()).isEqualTo(KeyRingError.CONFLICT);
    assertThat(e.getMessage()).isEqualTo("keyring.conflict: ring issuer-a changed since version 7");
  }

  @Test
  void keySourceUnavailableException_carriesCodeAndCause() {
    IllegalStateException cause = new IllegalStateException("io");
    KeySourceUnavailableException e = new KeySourceUnavailableException(KeySourceError.FETCH_FAILED,
        "GET https://issuer.example/jwks.json timed out", cause);
    assertThat(e.getMessage()).startsWith("keysource.fetch_failed: ");
    assertThat(e.getCause()).isSameAs(cause);
  }

  @Test
  void invalidConfigurationException_listsProblems() {
    InvalidConfigurationException e = new InvalidConfigurationException(KeyRingError.POLICY_INVALID, "rotation policy",
        List.of("a must be >= b", "c must be <= d"));
    assertThat(e.getMessage()).isEqualTo("keyring.policy_invalid: rotation policy is invalid: a must be >= b; c must be <= d");
    assertThat(e.problems()).containsExactly("a must be >= b", "c must be <= d");
  }

  @Test
  void keyMaterial_andManagedKey_andRing_neverPrintPrivateKeys() {
    KeyMaterial m = TestKeys.material("kid-1", dev.jwkit.jose.jwa.JwsAlgorithm.ES256);
    String d = (String) m.privateJwk().orElseThrow().toJsonObject().get("d");
    KeyRing ring = RotationPlanner.apply(KeyRing.empty(KeyRingId.DEFAULT), ImportKey.of(m), RotationPolicy.defaults(),
        java.time.Instant.EPOCH, new TestKeys()).ring();
    assertThat(m.toString()).contains("kid-1").doesNotContain(d);
    assertThat(ring.toString()).doesNotContain(d);
    assertThat(ring.activeKey().toString()).doesNotContain(d);
    assertThat(ImportKey.of(m).toString()).doesNotContain(d);
  }
}
