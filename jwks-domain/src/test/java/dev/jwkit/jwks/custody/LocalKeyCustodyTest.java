package dev.jwkit.jwks.custody;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jwks.model.KeyMaterial;
import dev.jwkit.jwks.port.KeyCustody;
import dev.jwkit.jwks.port.KeyCustodyContract;
import org.junit.jupiter.api.Test;

class LocalKeyCustodyTest extends KeyCustodyContract {

  @Override
  protected KeyCustody newCustody() {
    return new LocalKeyCustody();
  }

  @Test
  void generate_kidIsThumbprint_andPrivateKeyIsKeptInMaterial() {
    KeyMaterial key = new LocalKeyCustody().generate(JwsAlgorithm.ES256);
    assertThat(key.kid()).isEqualTo(key.publicJwk().thumbprint().toBase64Url());
    assertThat(key.hasPrivateKey()).isTrue();
    assertThat(key.toString()).doesNotContain(key.privateJwk().orElseThrow().toJson());
  }
}
