package dev.jwkit.jose.jws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import dev.jwkit.jose.jwk.Jwk;
import dev.jwkit.jose.jwk.JwkGenerator;
import dev.jwkit.jose.jwk.PrivateJwk;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random mutations of valid tokens (and of their decoded headers) end in success or a {@link
 * JwkitException}, never another exception type (the Wycheproof harness rule, CVE-2019-17195).
 */
class JwsFuzzTest {

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ {}\"\\:,[]\u00e9\u0000\n";
  private static final String[] HEADER_PIECES = {
      "{", "}", "[", "]", "\"", ":", ",", "null", "true", "false", "1e999", "-0", "\"alg\"", "\"crit\"",
      "\"b64\"", "\"jwk\"", "\"kid\"", "\"none\"", "\"HS256\"", "\\u0000", "\uD800", "\u00ff", "123456789012345678901234567890"};

  @ParameterizedTest
  @EnumSource(value = JwsAlgorithm.class, names = {"HS256", "RS256", "PS256", "ES256", "EdDSA"})
  void mutatedTokens_endInSuccessOrJwkitException(JwsAlgorithm alg) {
    Jwk signingKey = alg.isSymmetric() ? JwkGenerator.generateOct(256)
        : alg == JwsAlgorithm.EdDSA ? JwkGenerator.generateOkp(Curve.ED25519) : JwkGenerator.generate(alg);
    Jwk verifyingKey = signingKey instanceof PrivateJwk ? ((PrivateJwk) signingKey).toPublicJwk() : signingKey;
    JwsVerifier verifier = JwsVerifier.of(verifyingKey, alg);
    JwsHeader header = JwsHeader.builder().alg(alg).kid("k1").typ("JWT").build();
    String valid = JwsSigner.of(signingKey, alg).signCompact(header,
        "{\"sub\":\"alice\",\"exp\":1700000000}".getBytes(StandardCharsets.UTF_8));
    Random random = new Random(0x5EED + alg.ordinal());
    int iterations = alg.family() == JwsAlgorithm.Family.HMAC ? 5_000 : 300;
    int accepted = 0;
    for (int i = 0; i < iterations; i++) {
      String candidate = i % 4 == 3 ? mutateHeader(valid, random) : mutate(valid, random);
      if (attempt(candidate, verifier)) {
        accepted++;
      }
    }
    // Only mutations that leave the token unchanged (or re-encode the same header) may pass.
    assertThat(accepted).isLessThan(iterations / 10);
  }

  @org.junit.jupiter.api.Test
  void mutatedFlattenedJson_endsInSuccessOrJwkitException() {
    Jwk key = JwkGenerator.generateOct(256);
    JwsVerifier verifier = JwsVerifier.of(key, JwsAlgorithm.HS256);
    String valid = JwsSigner.of(key, JwsAlgorithm.HS256).signFlattened(
        JwsHeader.builder().alg(JwsAlgorithm.HS256).build(), java.util.Map.of("kid", "k1"),
        "payload".getBytes(StandardCharsets.UTF_8)).toJson();
    Random random = new Random(0xF1A7);
    List<String> pieces = List.of(HEADER_PIECES);
    for (int i = 0; i < 3_000; i++) {
      StringBuilder builder = new StringBuilder(valid);
      int position = random.nextInt(builder.length());
      if (random.nextBoolean()) {
        builder.deleteCharAt(position);
      }
      builder.insert(position, pieces.get(random.nextInt(pieces.size())));
      try {
        verifier.verify(FlattenedJws.parse(builder.toString()));
      } catch (JwkitException expected) {
        // refused with a code: fine
      }
    }
  }

  private static boolean attempt(String candidate, JwsVerifier verifier) {
    try {
      verifier.verify(CompactJws.parse(candidate));
      return true;
    } catch (JwkitException expected) {
      return false;
    }
    // Any other exception type escapes and fails the test.
  }

  private static String mutate(String token, Random random) {
    StringBuilder builder = new StringBuilder(token);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && builder.length() > 0; e++) {
      int position = random.nextInt(builder.length());
      switch (random.nextInt(6)) {
        case 0:
          builder.setCharAt(position, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
          break;
        case 1:
          builder.deleteCharAt(position);
          break;
        case 2:
          builder.insert(position, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
          break;
        case 3:
          builder.setLength(position);
          break;
        case 4:
          builder.append('.').append(builder, 0, Math.min(position + 1, builder.length()));
          break;
        default:
          builder.setCharAt(position, (char) (builder.charAt(position) ^ (1 << random.nextInt(7))));
          break;
      }
    }
    return builder.toString();
  }

  /** Re-encodes a mutated header JSON so that the JSON parser and the header checks see the damage. */
  private static String mutateHeader(String token, Random random) {
    int dot = token.indexOf('.');
    String json = new String(Base64Url.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
    StringBuilder builder = new StringBuilder(json);
    int position = random.nextInt(builder.length() + 1);
    List<String> pieces = List.of(HEADER_PIECES);
    if (random.nextBoolean() && builder.length() > 0) {
      builder.delete(position == builder.length() ? position - 1 : position,
          Math.min(builder.length(), position + 1 + random.nextInt(4)));
    }
    builder.insert(Math.min(position, builder.length()), pieces.get(random.nextInt(pieces.size())));
    return Base64Url.encode(builder.toString().getBytes(StandardCharsets.UTF_8)) + token.substring(dot);
  }
}
