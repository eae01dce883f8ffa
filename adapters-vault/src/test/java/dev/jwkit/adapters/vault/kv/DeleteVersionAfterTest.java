package dev.jwkit.adapters.vault.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.JwkitException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Go duration strings as KV writes them, and the KV plugin's rule for when versions expire. */
class DeleteVersionAfterTest {

  @Test
  void seconds_goDurationStrings() {
    assertThat(DeleteVersionAfter.seconds("0s", "x")).isEqualByComparingTo("0");
    assertThat(DeleteVersionAfter.seconds("768h0m0s", "x")).isEqualByComparingTo(BigDecimal.valueOf(768 * 3600));
    assertThat(DeleteVersionAfter.seconds("1m30.5s", "x")).isEqualByComparingTo("90.5");
    assertThat(DeleteVersionAfter.seconds("-1s", "x")).isEqualByComparingTo("-1");
    assertThat(DeleteVersionAfter.seconds("500ms", "x")).isEqualByComparingTo("0.5");
    assertThatThrownBy(() -> DeleteVersionAfter.seconds("3 days", "secret/config")).isInstanceOf(JwkitException.class)
        .hasMessageContaining("secret/config");
  }

  @Test
  void expires_smallestNonZeroUnlessDisabledOnTheMount() {
    assertThat(DeleteVersionAfter.expires(BigDecimal.ZERO, BigDecimal.ZERO)).isFalse();
    assertThat(DeleteVersionAfter.expires(BigDecimal.valueOf(-1), BigDecimal.valueOf(3600))).isFalse();
    assertThat(DeleteVersionAfter.expires(BigDecimal.ZERO, BigDecimal.valueOf(3600))).isTrue();
    assertThat(DeleteVersionAfter.expires(BigDecimal.valueOf(60), BigDecimal.ZERO)).isTrue();
  }
}
