package dev.jwkit.jwks.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jwkit.jose.jwa.JwsAlgorithm;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RotationPolicyTest {

  @Test
  void defaults_matchRotationMd() {
    RotationPolicy p = RotationPolicy.defaults();
    assertThat(p.maxTokenLifetime()).isEqualTo(Duration.ofMinutes(15));
    assertThat(p.clockSkew()).isEqualTo(Duration.ofMinutes(2));
    assertThat(p.propagationDelay()).isEqualTo(Duration.ofMinutes(1));
    assertThat(p.maxAge()).isEqualTo(Duration.ofMinutes(5));
    assertThat(p.clientCacheAge()).isEqualTo(Duration.ofMinutes(15));
    assertThat(p.publishLead()).isEqualTo(Duration.ofHours(1));
    assertThat(p.rotationPeriod()).isEqualTo(Duration.ofDays(30));
    assertThat(p.retirementWindow()).isEqualTo(Duration.ofHours(1));
    assertThat(p.algorithm()).isEqualTo(JwsAlgorithm.ES256);
  }

  @Test
  void build_everyRuleBroken_listsEveryRuleAtOnce() {
    InvalidConfigurationException e = catchThrowableOfType(InvalidConfigurationException.class,
        () -> RotationPolicy.builder()
            .publishLead(Duration.ofMinutes(10))        // < C + P = 16m, and R < L below
            .maxAge(Duration.ofMinutes(20))             // > L - P, > C, M + P > E
            .retirementWindow(Duration.ofMinutes(10))   // < T + S + tick
            .rotationPeriod(Duration.ofSeconds(30))     // < L, < 1 minute
            .tick(Duration.ofMinutes(6))                // 2 tick > min(L, W)
            .build());
    assertThat(e.code()).isEqualTo(KeyRingError.POLICY_INVALID);
    assertThat(e.getMessage()).startsWith("keyring.policy_invalid: rotation policy is invalid");
    assertThat(e.problems()).hasSize(9);
    assertThat(String.join("\n", e.problems()))
        .contains("publishLead (L=PT10M) must be >= clientCacheAge + propagationDelay")
        .contains("maxAge (M=PT20M) must be <= publishLead - propagationDelay")
        .contains("must be <= clientCacheAge")
        .contains("must be <= revocationExposure")
        .contains("retirementWindow (W=PT10M) must be >= maxTokenLifetime + clockSkew + tick")
        .contains("rotationPeriod (R=PT30S) must be >= publishLead")
        .contains("must be at least PT1M")
        .contains("to bound the published set")
        .contains("tick (PT6M) must be <= half");
  }

  @Test
  void build_retirementWindowShorterThanTokenLifetimePlusSkew_isRefused() {
    assertThatThrownBy(() -> RotationPolicy.builder().maxTokenLifetime(Duration.ofHours(1)).build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("retirementWindow (W=PT1H)");
  }

  @Test
  void builder_symmetricAlgorithm_isRefusedEagerly() {
    assertThatThrownBy(() -> RotationPolicy.builder().algorithm(JwsAlgorithm.HS256))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("asymmetric");
  }

  @Test
  void builder_negativeOrZeroDurations_areRefusedEagerly() {
    assertThatThrownBy(() -> RotationPolicy.builder().publishLead(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("publishLead must be positive");
    assertThatThrownBy(() -> RotationPolicy.builder().clockSkew(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clockSkew must not be negative");
    assertThatThrownBy(() -> RotationPolicy.builder().tick(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void toBuilder_roundTrips_andDerivesCopies() {
    RotationPolicy p = RotationPolicy.builder().rotationPeriod(Duration.ofDays(7)).build();
    assertThat(p.toBuilder().build()).isEqualTo(p).hasSameHashCodeAs(p);
    assertThat(p.toBuilder().algorithm(JwsAlgorithm.RS256).build().algorithm()).isEqualTo(JwsAlgorithm.RS256);
    assertThat(p.rotationPeriod()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void clampTokenLifetime_longerThanT_isClampedToT() {
    RotationPolicy p = RotationPolicy.defaults();
    assertThat(p.clampTokenLifetime(Duration.ofHours(5))).isEqualTo(Duration.ofMinutes(15));
    assertThat(p.clampTokenLifetime(Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
    assertThatThrownBy(() -> p.clampTokenLifetime(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exposureOfPromotionAt_youngKey_isCacheAgePlusPropagationMinusAge() {
    RotationPolicy p = RotationPolicy.defaults();
    assertThat(p.exposureOfPromotionAt(Duration.ZERO)).isEqualTo(Duration.ofMinutes(16));
    assertThat(p.exposureOfPromotionAt(Duration.ofMinutes(6))).isEqualTo(Duration.ofMinutes(10));
    assertThat(p.exposureOfPromotionAt(Duration.ofHours(1))).isZero();
  }
}
