package dev.jwkit.adapters.vault.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.jose.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checks the double against VAULT-API.md's checklist (B5), with raw HTTP. */
class FakeVaultTest {

  private final FakeVault vault = FakeVault.start();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void close() {
    vault.close();
  }

  private HttpResponse<String> call(String method, String path, String body) throws Exception {
    return call(method, path, body, vault.rootToken());
  }

  private HttpResponse<String> call(String method, String path, String body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(vault.address() + "/v1/" + path));
    if (token != null) {
      b.header("X-Vault-Token", token);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, Object> json(HttpResponse<String> r) {
    return Json.parseObject(r.body());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(HttpResponse<String> r) {
    return (Map<String, Object>) json(r).get("data");
  }

  @Test
  void kvWrite_success_envelopeInGoOrderWithNewlineAndHeaders() throws Exception {
    HttpResponse<String> r = call("POST", "secret/data/a", "{\"options\":{\"cas\":0},\"data\":{\"foo\":\"bar\"}}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).endsWith("}\n");
    assertThat(List.copyOf(json(r).keySet())).containsExactly("request_id", "lease_id", "renewable", "lease_duration",
        "data", "wrap_info", "warnings", "auth", "mount_type");
    assertThat(json(r).get("mount_type")).isEqualTo("kv");
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(List.copyOf(data(r).keySet())).containsExactly("created_time", "custom_metadata", "deletion_time", "destroyed", "version");
    assertThat(data(r).get("version")).isEqualTo(1L);
  }

  @Test
  void kvCas_mismatchAndCreateOnly_exactMessages() throws Exception {
    call("POST", "secret/data/a", "{\"options\":{\"cas\":0},\"data\":{\"v\":1}}");
    HttpResponse<String> again = call("POST", "secret/data/a", "{\"options\":{\"cas\":0},\"data\":{\"v\":2}}");
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).isEqualTo("{\"errors\":[\"check-and-set parameter did not match the current version\"]}\n");
    assertThat(call("POST", "secret/data/a", "{\"options\":{\"cas\":1},\"data\":{\"v\":2}}").statusCode()).isEqualTo(200);
    vault.kv("secret").casRequired(true);
    assertThat(call("POST", "secret/data/a", "{\"data\":{\"v\":3}}").body()).contains("check-and-set parameter required for this call");
  }

  @Test
  void kvSoftDelete_keepsVersionAndReadGives404WithEnvelope() throws Exception {
    call("POST", "secret/data/a", "{\"data\":{\"v\":1}}");
    assertThat(call("DELETE", "secret/data/a", null).statusCode()).isEqualTo(204);
    HttpResponse<String> read = call("GET", "secret/data/a", null);
    assertThat(read.statusCode()).isEqualTo(404);
    assertThat(data(read).get("data")).isEqualTo(Json.NULL);
    assertThat(call("POST", "secret/data/a", "{\"options\":{\"cas\":0},\"data\":{}}").statusCode()).isEqualTo(400);
    assertThat(call("POST", "secret/data/a", "{\"options\":{\"cas\":1},\"data\":{}}").statusCode()).isEqualTo(200);
    assertThat(call("DELETE", "secret/metadata/a", null).statusCode()).isEqualTo(204);
    assertThat(call("POST", "secret/data/a", "{\"options\":{\"cas\":0},\"data\":{}}").statusCode()).isEqualTo(200);
  }

  @Test
  void missingKeyAndEmptyList_give404WithEmptyErrors() throws Exception {
    assertThat(call("GET", "secret/data/none", null).body()).isEqualTo("{\"errors\":[]}\n");
    assertThat(call("LIST", "secret/metadata/none", null).statusCode()).isEqualTo(404);
    assertThat(call("GET", "transit/keys/none", null).body()).isEqualTo("{\"errors\":[]}\n");
  }

  @Test
  void list_byVerbAndQuery_sameAnswer() throws Exception {
    call("POST", "secret/data/dir/a", "{\"data\":{}}");
    call("POST", "secret/data/dir/sub/b", "{\"data\":{}}");
    assertThat(data(call("LIST", "secret/metadata/dir", null)).get("keys")).isEqualTo(List.of("a", "sub/"));
    assertThat(data(call("GET", "secret/metadata/dir?list=true", null)).get("keys")).isEqualTo(List.of("a", "sub/"));
  }

  @Test
  void unknownParams_200WithWarning() throws Exception {
    HttpResponse<String> r = call("POST", "secret/config", "{\"max_versions\":5,\"foo\":1}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("warnings")).isEqualTo(List.of("Endpoint ignored these unrecognized parameters: [foo]"));
    assertThat(call("POST", "secret/config", "{\"max_versions\":5}").statusCode()).isEqualTo(204);
  }

  @Test
  void transitSignJws_es256_verifiesWithJcaAndPrefix() throws Exception {
    call("POST", "transit/keys/k", "{\"type\":\"ecdsa-p256\",\"exportable\":false}");
    String input = Base64.getEncoder().encodeToString("a.b".getBytes(StandardCharsets.US_ASCII));
    HttpResponse<String> r = call("POST", "transit/sign/k", "{\"input\":\"" + input
        + "\",\"key_version\":1,\"hash_algorithm\":\"sha2-256\",\"marshaling_algorithm\":\"jws\"}");
    assertThat(data(r).get("key_version")).isEqualTo(1L);
    String sig = (String) data(r).get("signature");
    assertThat(sig).startsWith("vault:v1:");
    byte[] rs = Base64.getUrlDecoder().decode(sig.substring(9));
    assertThat(rs).hasSize(64);
    Signature v = Signature.getInstance("SHA256withECDSAinP1363Format");
    v.initVerify(vault.transit("transit").publicKey("k", 1));
    v.update("a.b".getBytes(StandardCharsets.US_ASCII));
    assertThat(v.verify(rs)).isTrue();
    HttpResponse<String> ok = call("POST", "transit/verify/k", "{\"input\":\"" + input + "\",\"signature\":\"" + sig
        + "\",\"hash_algorithm\":\"sha2-256\",\"marshaling_algorithm\":\"jws\"}");
    assertThat(data(ok).get("valid")).isEqualTo(true);
    HttpResponse<String> bad = call("POST", "transit/verify/k", "{\"input\":\"eHg=\",\"signature\":\"" + sig
        + "\",\"marshaling_algorithm\":\"jws\"}");
    assertThat(bad.statusCode()).isEqualTo(200);
    assertThat(data(bad).get("valid")).isEqualTo(false);
  }

  @Test
  void transitFloors_signAndVerifyRefused() throws Exception {
    call("POST", "transit/keys/k", "{\"type\":\"ed25519\"}");
    call("POST", "transit/keys/k/rotate", null);
    HttpResponse<String> s1 = call("POST", "transit/sign/k", "{\"input\":\"eHg=\",\"key_version\":1}");
    String sig = (String) data(s1).get("signature");
    call("POST", "transit/keys/k/config", "{\"min_encryption_version\":2}");
    HttpResponse<String> refused = call("POST", "transit/sign/k", "{\"input\":\"eHg=\",\"key_version\":1}");
    assertThat(refused.statusCode()).isGreaterThanOrEqualTo(400);
    assertThat(refused.body()).contains("less than the minimum encryption key version");
    call("POST", "transit/keys/k/config", "{\"min_decryption_version\":2}");
    HttpResponse<String> old = call("POST", "transit/verify/k", "{\"input\":\"eHg=\",\"signature\":\"" + sig + "\"}");
    assertThat(old.statusCode()).isEqualTo(400);
    assertThat(old.body()).contains("disallowed by policy (too old)");
    HttpResponse<String> read = call("GET", "transit/keys/k", null);
    @SuppressWarnings("unchecked")
    Map<String, Object> keys = (Map<String, Object>) data(read).get("keys");
    assertThat(keys).containsOnlyKeys("1", "2");
    @SuppressWarnings("unchecked")
    String pub = (String) ((Map<String, Object>) keys.get("2")).get("public_key");
    assertThat(Base64.getDecoder().decode(pub)).hasSize(32);
  }

  @Test
  void transitCreate_existing_warnsAndKeepsType() throws Exception {
    call("POST", "transit/keys/k", "{\"type\":\"ecdsa-p384\"}");
    HttpResponse<String> r = call("POST", "transit/keys/k", "{\"type\":\"ed25519\"}");
    assertThat(json(r).get("warnings")).isEqualTo(List.of("key k already existed"));
    assertThat(data(r).get("type")).isEqualTo("ecdsa-p384");
    assertThat(call("POST", "transit/keys/x/rotate", null).body()).isEqualTo("{\"errors\":[\"key not found\"]}\n");
    assertThat(call("DELETE", "transit/keys/k", null).body()).contains("deletion is not allowed");
  }

  @Test
  void tokens_badTokenAndBearer_403AndAccepted() throws Exception {
    HttpResponse<String> r = call("GET", "secret/data/a", null, "bogus");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("permission denied").contains("invalid token");
    HttpResponse<String> bearer = http.send(HttpRequest.newBuilder(URI.create(vault.address() + "/v1/auth/token/lookup-self"))
        .header("Authorization", "Bearer " + vault.rootToken()).header("X-Vault-Namespace", "ns1/").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(bearer.statusCode()).isEqualTo(200);
    assertThat(bearer.headers().firstValue("X-Vault-Namespace")).hasValue("ns1/");
  }

  @Test
  void sealedAndHealth_matrix() throws Exception {
    vault.seal();
    HttpResponse<String> r = call("GET", "secret/data/a", null);
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body()).contains("Vault is sealed");
    HttpResponse<String> h = call("GET", "sys/health", null, null);
    assertThat(h.statusCode()).isEqualTo(503);
    assertThat(json(h).get("sealed")).isEqualTo(true);
    vault.unseal();
    vault.standby(true);
    assertThat(call("GET", "sys/health", null, null).statusCode()).isEqualTo(429);
    assertThat(call("GET", "sys/health?standbyok=true", null, null).statusCode()).isEqualTo(200);
  }

  @Test
  void unknownRoute_404NoHandler() throws Exception {
    HttpResponse<String> r = call("GET", "nomount/data/a", null);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("no handler for route");
  }
}
