package dev.jwkit.jose.jws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.InvalidTokenException;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.JwkGenerator;
import dev.jwkit.jose.jwk.OctJwk;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CompactJwsTest {

  private static final OctJwk KEY = JwkGenerator.generateOct(256);

  @Test
  void parse_validToken_exposesPartsAsCopies() {
    byte[] payload = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    String token = JwsSigner.of(KEY, JwsAlgorithm.HS256)
        .signCompact(JwsHeader.builder().alg(JwsAlgorithm.HS256).kid("k").build(), payload);
    CompactJws jws = CompactJws.parse(token);
    assertThat(jws.payload()).isEqualTo(payload);
    assertThat(new String(jws.signingInput(), StandardCharsets.US_ASCII)).isEqualTo(token.substring(0, token.lastIndexOf('.')));
    assertThat(jws.signature()).hasSize(32);
    assertThat(jws.serialize()).isEqualTo(token);
    assertThat(jws.isDetached()).isFalse();
    jws.payload()[0] = 'X';
    assertThat(jws.payload()).isEqualTo(payload);
    assertThat(jws.toString()).isEqualTo("CompactJws[alg=HS256, detached=false]");
  }

  @Test
  void parse_emptyPayload_isAllowed() {
    String token = JwsSigner.of(KEY, JwsAlgorithm.HS256).signCompact(JwsHeader.builder().alg(JwsAlgorithm.HS256).build(), new byte[0]);
    JwsVerifier.of(KEY, JwsAlgorithm.HS256).verify(CompactJws.parse(token));
  }

  @Test
  void parse_sameHeaderTwice_givesTheSameHeaderAndDifferentHeadersDoNotMix() {
    JwsSigner signer = JwsSigner.of(KEY, JwsAlgorithm.HS256);
    String a = signer.signCompact(JwsHeader.builder().alg(JwsAlgorithm.HS256).kid("a").build(), new byte[] {1});
    String b = signer.signCompact(JwsHeader.builder().alg(JwsAlgorithm.HS256).kid("b").build(), new byte[] {2});
    assertThat(CompactJws.parse(a).header()).isSameAs(CompactJws.parse(a).header());
    assertThat(CompactJws.parse(b).header().kid()).contains("b");
    assertThat(CompactJws.parse(a).header().kid()).contains("a");
  }

  @Test
  void headerCache_sameHashDifferentText_isAMiss() {
    HeaderCache cache = new HeaderCache();
    JwsHeader header = JwsHeader.builder().alg(JwsAlgorithm.HS256).build();
    cache.put(ascii("abcd.x"), 0, 4, 42, header);
    assertThat(cache.get(ascii("abcd.y"), 0, 4, 42)).isSameAs(header);
    assertThat(cache.get(ascii("abce.y"), 0, 4, 42)).isNull();
    assertThat(cache.get(ascii("abcde"), 0, 5, 42)).isNull();
    assertThat(cache.get(ascii("xabcd"), 1, 5, 42)).isSameAs(header);
    byte[] long_ = ascii("x".repeat(HeaderCache.MAX_SEGMENT + 1));
    cache.put(long_, 0, HeaderCache.MAX_SEGMENT + 1, 7, header);
    assertThat(cache.get(long_, 0, HeaderCache.MAX_SEGMENT + 1, 7)).isNull();
  }

  @Test
  void parse_characterOutsideTheAlphabetInAnySegment_namesItsOffset_evenWhenTheHeaderIsCached() {
    String token = JwsSigner.of(KEY, JwsAlgorithm.HS256).signCompact(JwsHeader.builder().alg(JwsAlgorithm.HS256).kid("k").build(), new byte[30]);
    CompactJws.parse(token); // caches the header
    int firstDot = token.indexOf('.');
    int secondDot = token.lastIndexOf('.');
    for (int offset : new int[] {0, firstDot - 1, firstDot + 1, secondDot - 1, secondDot + 1, token.length() - 1}) {
      for (char bad : new char[] {'\u00e9', '\u0100', '\uffff', '?', '+', '/', '=', ' ', '\u0000'}) {
        String mutated = token.substring(0, offset) + bad + token.substring(offset + 1);
        assertThatThrownBy(() -> CompactJws.parse(mutated))
            .as("char U+%04X at offset %d", (int) bad, offset)
            .isInstanceOfSatisfying(InvalidTokenException.class, e -> {
              assertThat(e.code()).isEqualTo(JoseError.MALFORMED_INPUT);
              assertThat(e.getMessage()).contains("character outside [A-Za-z0-9_.-] at offset " + offset);
            });
      }
    }
  }

  @Test
  void parse_signingInput_isTheTokenUpToTheSecondDot() {
    String token = JwsSigner.of(KEY, JwsAlgorithm.HS256).signCompact(JwsHeader.builder().alg(JwsAlgorithm.HS256).build(), new byte[7]);
    byte[] expected = token.substring(0, token.lastIndexOf('.')).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThat(CompactJws.parse(token).signingInput()).isEqualTo(expected);
  }

  @Test
  void parse_maxLength_isEnforcedExactly() {
    String token = JwsSigner.of(KEY, JwsAlgorithm.HS256).signCompact(JwsHeader.builder().alg(JwsAlgorithm.HS256).build(), new byte[10]);
    CompactJws.parse(token, token.length());
    assertThatThrownBy(() -> CompactJws.parse(token, token.length() - 1))
        .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.code()).isEqualTo(JoseError.INPUT_TOO_LARGE));
    assertThatThrownBy(() -> CompactJws.parse(token, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parseDetached_nonEmptyPayloadSegment_isRejected() {
    String token = JwsSigner.of(KEY, JwsAlgorithm.HS256).signCompact(JwsHeader.builder().alg(JwsAlgorithm.HS256).build(), new byte[] {1});
    assertThatThrownBy(() -> CompactJws.parseDetached(token, new byte[] {1}))
        .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.code()).isEqualTo(JoseError.MALFORMED_INPUT));
  }

  @Test
  void verify_fromManyThreads_isConsistent() throws Exception {
    JwsVerifier verifier = JwsVerifier.of(KEY, JwsAlgorithm.HS256);
    JwsSigner signer = JwsSigner.of(KEY, JwsAlgorithm.HS256);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        int n = i;
        results.add(pool.submit(() -> {
          String token = signer.signCompact(JwsHeader.builder().alg(JwsAlgorithm.HS256).kid("k" + (n % 7)).build(),
              Base64Url.encodeUtf8("payload " + n).getBytes(StandardCharsets.US_ASCII));
          if (n % 5 == 0) {
            token = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "Q" : "A");
          }
          try {
            verifier.verify(CompactJws.parse(token));
            return n % 5 != 0;
          } catch (InvalidTokenException e) {
            return n % 5 == 0;
          }
        }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
