package dev.jwkit.jose.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegisteredClaimsTest {

  @Test
  void indexOfAndByIndex_agreeForEveryRegisteredClaim_andOnlyForThose() {
    Map<String, Object> values = Map.of("iss", "i", "sub", "s", "aud", List.of("a"), "exp", 3L, "nbf", 4L,
        "iat", 5L, "jti", "j");
    for (Map.Entry<String, Object> claim : values.entrySet()) {
      RegisteredClaims alone = new RegisteredClaims(Map.of(claim.getKey(), claim.getValue()));
      int index = RegisteredClaims.indexOf(claim.getKey());
      assertThat(alone.byIndex(index)).as(claim.getKey()).isEqualTo(claim.getValue());
      for (int other = 0; other < values.size(); other++) {
        if (other != index) {
          assertThat(alone.byIndex(other)).as("%s at %d", claim.getKey(), other).isNull();
        }
      }
    }
    assertThat(RegisteredClaims.indexOf("scope")).isEqualTo(-1);
    assertThat(RegisteredClaims.indexOf("ISS")).isEqualTo(-1);
  }
}
