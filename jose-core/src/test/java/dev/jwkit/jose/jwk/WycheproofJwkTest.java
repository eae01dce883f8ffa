package dev.jwkit.jose.jwk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.jose.Base64Url;
import dev.jwkit.jose.JoseError;
import dev.jwkit.jose.Json;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.crypto.Mac;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Wycheproof {@code json_web_key_test.json}: each test is a key set (the group's {@code public} set when
 * there is one, else its {@code private} set — the set a verifier would hold) and a compact JWS.
 *
 * <p>Harness semantics: the set is parsed with {@link JwkSet#parse} (unusable keys are skipped), the JWS
 * header's {@code alg} and {@code kid} select keys with {@link JwkSet#candidatesFor}, and the test counts as
 * accepted when some candidate verifies the signature (the signature check is done here with plain JCA so
 * that this test does not depend on the jws package). A {@code valid} test must be accepted, an {@code
 * invalid} one must not.
 *
 * <p>Intentional deviations, both flagged {@code Ambiguous} ("not well defined by the RFCs") upstream:
 * <ul>
 *   <li>tcId 1 ({@code MixedKeySet}): a set holding an HMAC key and an EC key. jwkit accepts the HS256
 *       token signed by the HMAC key: the key/algorithm binding makes mixed sets safe (an EC key is never a
 *       candidate for HS256 and vice versa), and RFC 7517 §5 allows such sets.</li>
 *   <li>tcId 4 ({@code DuplicateKid}): two keys with the same {@code kid}. jwkit returns every key with the
 *       kid as a candidate and lets the signature decide; here the second key is also non-canonical
 *       base64url and is skipped.</li>
 * </ul>
 * Both are asserted inverted (accepted), so a change of behaviour is noticed.
 */
class WycheproofJwkTest {

  private static final Set<Integer> ACCEPTED_DEVIATIONS = Set.of(1, 4);

  static Stream<Arguments> tests() {
    Map<String, Object> file = Json.parseObject(Resources.read("vectors/jwk/wycheproof/json_web_key_test.json"));
    List<Arguments> out = new ArrayList<>();
    for (Object g : (List<?>) file.get("testGroups")) {
      Map<?, ?> group = (Map<?, ?>) g;
      @SuppressWarnings("unchecked")
      Map<String, Object> set = (Map<String, Object>) (group.containsKey("public") ? group.get("public") : group.get("private"));
      for (Object t : (List<?>) group.get("tests")) {
        Map<?, ?> test = (Map<?, ?>) t;
        out.add(Arguments.of(((Number) test.get("tcId")).intValue(), test.get("comment"), Json.write(set),
            test.get("jws"), test.get("result")));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "tcId {0}: {1}")
  @MethodSource("tests")
  void jsonWebKey_vector(int tcId, String comment, String setJson, String jws, String result) {
    boolean accepted = accepts(setJson, jws);

    boolean expected = result.equals("valid") || ACCEPTED_DEVIATIONS.contains(tcId);
    assertThat(accepted).as("tcId %d (%s)", tcId, comment).isEqualTo(expected);
  }

  /** The invalid tests whose key is already refused when the set is parsed, with the reason. */
  private static final Map<Integer, JoseError> SKIPPED_AT_PARSE = Map.ofEntries(
      Map.entry(9, JoseError.INVALID_KEY),       // e = 1
      Map.entry(10, JoseError.INVALID_KEY),      // HS256 key shorter than 256 bits
      Map.entry(11, JoseError.INVALID_KEY),
      Map.entry(12, JoseError.INVALID_KEY),
      Map.entry(16, JoseError.INVALID_KEY),      // empty oct key
      Map.entry(17, JoseError.INVALID_KEY),
      Map.entry(18, JoseError.INVALID_KEY),
      Map.entry(19, JoseError.UNSUPPORTED_KEY),  // alg ES521 is not registered
      Map.entry(20, JoseError.UNSUPPORTED_KEY),  // alg ES224 is not registered
      Map.entry(21, JoseError.INVALID_KEY),      // use enc with alg ES256
      Map.entry(22, JoseError.INVALID_KEY),      // point not on the curve
      Map.entry(23, JoseError.INVALID_KEY),      // P-256 coordinates labelled P-384
      Map.entry(24, JoseError.INVALID_KEY),      // EC members in an RSA key
      Map.entry(25, JoseError.INVALID_KEY),      // A256GCM key with use sig
      Map.entry(26, JoseError.INVALID_KEY));     // A256KW key with use sig

  @ParameterizedTest(name = "tcId {0}: {1}")
  @MethodSource("tests")
  void jsonWebKey_invalidKeysAreSkippedWithTheirCode(int tcId, String comment, String setJson, String jws, String result) {
    JoseError expected = SKIPPED_AT_PARSE.get(tcId);
    JwkSet set = JwkSet.parse(setJson);
    if (expected == null) {
      return;
    }
    assertThat(set.keys()).as("tcId %d", tcId).isEmpty();
    assertThat(set.skipped()).as("tcId %d", tcId).hasSize(1);
    assertThat(set.skipped().get(0).reason()).as("tcId %d", tcId).isEqualTo(expected);
  }

  private static boolean accepts(String setJson, String jws) {
    JwkSet set = JwkSet.parse(setJson);
    String[] parts = jws.split("\\.", -1);
    Map<String, Object> header = Json.parseObject(new String(Base64Url.decode(parts[0]), StandardCharsets.UTF_8));
    JwsAlgorithm alg;
    try {
      alg = JwsAlgorithm.fromJwaName((String) header.get("alg"));
    } catch (JwkitException e) {
      return false;
    }
    Optional<String> kid = Optional.ofNullable((String) header.get("kid"));
    byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    byte[] signature = Base64Url.decode(parts[2]);
    for (Jwk key : set.candidatesFor(kid, alg)) {
      if (verifies(key, alg, input, signature)) {
        return true;
      }
    }
    return false;
  }

  private static boolean verifies(Jwk key, JwsAlgorithm alg, byte[] input, byte[] signature) {
    try {
      switch (alg.family()) {
        case HMAC: {
          Mac mac = Mac.getInstance("HmacSHA" + alg.hashBits());
          mac.init(((OctJwk) key).toSecretKey());
          return MessageDigest.isEqual(mac.doFinal(input), signature);
        }
        case RSASSA_PKCS1_V1_5: {
          Signature s = Signature.getInstance("SHA" + alg.hashBits() + "withRSA");
          s.initVerify(((PublicJwk) key).toPublicKey());
          s.update(input);
          return s.verify(signature);
        }
        case ECDSA: {
          Signature s = Signature.getInstance("SHA" + alg.hashBits() + "withECDSAinP1363Format");
          s.initVerify(((PublicJwk) key).toPublicKey());
          s.update(input);
          return s.verify(signature);
        }
        default:
          throw new AssertionError("no such algorithm in this file: " + alg);
      }
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
