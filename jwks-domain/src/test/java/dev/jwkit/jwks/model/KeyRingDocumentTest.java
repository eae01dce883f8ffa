package dev.jwkit.jwks.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.Json;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jwks.custody.LocalKeyCustody;
import dev.jwkit.jwks.model.KeyRingCommand.RevokeKey;
import dev.jwkit.jwks.model.KeyRingCommand.StartRing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyRingDocumentTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  final RotationPolicy policy = RotationPolicy.builder().rotationPeriod(Duration.ofDays(1)).build();

  KeyRing ringInEveryState() {
    LocalKeyCustody custody = new LocalKeyCustody();
    KeyRing ring = RotationPlanner.apply(KeyRing.empty(KeyRingId.of("issuer-a")), new StartRing(), policy, T0,
        custody::generate).ring();
    ring = RotationPlanner.plan(ring, policy, T0.plus(Duration.ofDays(1)), custody::generate).ring();
    ring = RotationPlanner.plan(ring, policy, T0.plus(Duration.ofDays(2)), custody::generate).ring();
    String pending = ring.keys(KeyState.PENDING).get(0).kid();
    ring = RotationPlanner.apply(ring, new RevokeKey(pending, "rotated after an incident"), policy,
        T0.plus(Duration.ofDays(2)).plusSeconds(1), custody::generate).ring();
    return ring.withVersion(42);
  }

  @Test
  void toJson_thenParse_roundTripsEveryStateInstantAndKey() {
    KeyRing ring = ringInEveryState();
    assertThat(ring.keys()).extracting(ManagedKey::state).contains(KeyState.EXPIRED, KeyState.RETIRED,
        KeyState.ACTIVE, KeyState.REVOKED, KeyState.PENDING);
    KeyRing parsed = KeyRingDocument.parse(KeyRingDocument.toJson(ring));
    assertThat(parsed).isEqualTo(ring);
    assertThat(parsed.version()).isEqualTo(42);
    for (ManagedKey k : ring.keys()) {
      ManagedKey p = parsed.key(k.kid()).orElseThrow();
      assertThat(p.material().publicJwk().thumbprint().matches(k.material().publicJwk().thumbprint())).isTrue();
      assertThat(p.material().hasPrivateKey()).isEqualTo(k.material().hasPrivateKey());
      k.material().privateJwk().ifPresent(priv -> assertThat(p.material().privateJwk().orElseThrow().equalsKey(priv)).isTrue());
    }
  }

  @Test
  void toMap_hasDocumentedShape_andPrivateKeysOnlyForSigningStates() {
    Map<String, Object> doc = KeyRingDocument.toMap(ringInEveryState());
    assertThat(doc).containsEntry("format", "jwkit.keyring").containsEntry("formatVersion", 1L)
        .containsEntry("ring", "issuer-a").containsEntry("version", 42L);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> keys = (List<Map<String, Object>>) doc.get("keys");
    for (Map<String, Object> k : keys) {
      assertThat(k).containsKeys("kid", "alg", "state", "custody", "custodyRef", "publishedAt", "publicJwk");
      boolean signing = k.get("state").equals("ACTIVE") || k.get("state").equals("PENDING");
      assertThat(k.containsKey("privateJwk")).as("private key of a %s key", k.get("state")).isEqualTo(signing);
      @SuppressWarnings("unchecked")
      Map<String, Object> publicJwk = (Map<String, Object>) k.get("publicJwk");
      assertThat(publicJwk).doesNotContainKey("d");
    }
  }

  @Test
  void parse_newerFormatVersion_isRefusedWithUpgradeHint() {
    Map<String, Object> doc = new LinkedHashMap<>(KeyRingDocument.toMap(ringInEveryState()));
    doc.put("formatVersion", 2L);
    assertThatThrownBy(() -> KeyRingDocument.fromMap(doc))
        .isInstanceOf(JwkitException.class).hasMessageStartingWith("keyring.document_invalid")
        .hasMessageContaining("format version 2 is newer").hasMessageContaining("upgrade jwkit");
  }

  @Test
  void parse_versionThatWouldOverflowOnTheNextSave_isDocumentInvalid() {
    // issue 14: a hand-edited Long.MAX_VALUE overflowed on save and surfaced as a usage error
    for (long version : new long[] {Long.MAX_VALUE, KeyRingDocument.MAX_VERSION, -1}) {
      Map<String, Object> doc = new LinkedHashMap<>(KeyRingDocument.toMap(ringInEveryState()));
      doc.put("version", version);
      assertThatThrownBy(() -> KeyRingDocument.fromMap(doc)).as("version %d", version)
          .hasMessageStartingWith("keyring.document_invalid").hasMessageContaining("version");
    }
    Map<String, Object> highest = new LinkedHashMap<>(KeyRingDocument.toMap(ringInEveryState()));
    highest.put("version", KeyRingDocument.MAX_VERSION - 1);
    assertThat(KeyRingDocument.fromMap(highest).version()).isEqualTo(KeyRingDocument.MAX_VERSION - 1);
  }

  @Test
  void parse_truncatedJson_isDocumentInvalid() {
    byte[] json = KeyRingDocument.toJson(ringInEveryState());
    byte[] truncated = java.util.Arrays.copyOf(json, json.length / 2);
    assertThatThrownBy(() -> KeyRingDocument.parse(truncated))
        .isInstanceOf(JwkitException.class)
        .satisfies(e -> assertThat(((JwkitException) e).code()).isEqualTo(KeyRingError.DOCUMENT_INVALID));
  }

  @Test
  void parse_wrongFormatOrMissingMembers_isDocumentInvalid_withoutQuotingValues() {
    assertThatThrownBy(() -> KeyRingDocument.parse("{\"format\":\"other\"}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageStartingWith("keyring.document_invalid");
    Map<String, Object> doc = new LinkedHashMap<>(KeyRingDocument.toMap(ringInEveryState()));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> keys = (List<Map<String, Object>>) doc.get("keys");
    Map<String, Object> broken = new LinkedHashMap<>(keys.get(0));
    broken.put("publishedAt", "yesterday-secret");
    doc.put("keys", List.of(broken));
    assertThatThrownBy(() -> KeyRingDocument.fromMap(doc))
        .hasMessageContaining("key 0: member 'publishedAt' is not an ISO-8601 instant")
        .hasMessageNotContaining("yesterday-secret");
  }

  @Test
  void parse_privateKeyOnRetiredKey_isRefused() {
    Map<String, Object> doc = new LinkedHashMap<>(KeyRingDocument.toMap(ringInEveryState()));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> keys = new java.util.ArrayList<>((List<Map<String, Object>>) doc.get("keys"));
    Map<String, Object> active = keys.stream().filter(k -> k.get("state").equals("ACTIVE")).findFirst().orElseThrow();
    int retiredIndex = 0;
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).get("state").equals("RETIRED")) {
        retiredIndex = i;
      }
    }
    Map<String, Object> retired = new LinkedHashMap<>(keys.get(retiredIndex));
    retired.put("privateJwk", active.get("privateJwk"));
    keys.set(retiredIndex, retired);
    doc.put("keys", keys);
    assertThatThrownBy(() -> KeyRingDocument.fromMap(doc)).hasMessageStartingWith("keyring.document_invalid");
  }

  @Test
  void json_isWrittenWithJoseCoreJson_andParsesBackAsAMap() {
    String json = new String(KeyRingDocument.toJson(ringInEveryState()), StandardCharsets.UTF_8);
    assertThat(Json.parseObject(json, KeyRingDocument.LIMITS)).containsKey("keys");
  }
}
