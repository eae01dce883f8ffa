package dev.jwkit.jose.jwk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwkit.jose.Json;
import dev.jwkit.jose.JwkitException;
import dev.jwkit.jose.jwa.Curve;
import dev.jwkit.jose.jwa.JwsAlgorithm;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzz-style property test: random mutations of valid JWK JSON end in success or a {@link JwkitException},
 * never another exception type (the Wycheproof harness rule; CVE-2019-17195 class). Seeded, so a failure
 * is reproducible; the seed and the mutated input are in the assertion message.
 */
class JwkFuzzTest {

  private static final long SEED = 0x6a776b6974L;
  private static final int TEXT_ROUNDS = 2000;
  private static final int TREE_ROUNDS = 800;

  private static List<String> seeds() {
    List<String> seeds = new ArrayList<>();
    seeds.add(Resources.read("vectors/jwk/rfc7517/c1-private-key.json"));
    seeds.add(Resources.read("vectors/jwk/rfc7517/b-x5c.json"));
    seeds.add(Resources.read("vectors/jwk/rfc7520/3_2.ec_private_key.json"));
    seeds.add(Resources.read("vectors/jwk/rfc8037/a1-ed25519-private.json"));
    seeds.add(Resources.read("vectors/jwk/rfc8037/a7-x448-public.json"));
    seeds.add(Resources.read("vectors/jwk/rfc7520/3_5.symmetric_key_mac_computation.json"));
    seeds.add(JwkGenerator.generate(JwsAlgorithm.ES256K).toJson());
    seeds.add(JwkGenerator.generateOkp(Curve.ED448).toJson());
    seeds.add(JwkGenerator.generate(JwsAlgorithm.ES384).toJson());
    return seeds;
  }

  @Test
  void textMutations_endInSuccessOrJwkitException() {
    Random random = new Random(SEED);
    List<String> seeds = seeds();
    for (int i = 0; i < TEXT_ROUNDS; i++) {
      String input = mutateText(seeds.get(random.nextInt(seeds.size())), random);
      exercise(input, i);
      exercise("{\"keys\":[" + input + "]}", i);
    }
  }

  @Test
  void treeMutations_endInSuccessOrJwkitException() {
    Random random = new Random(SEED + 1);
    List<String> seeds = seeds();
    for (int i = 0; i < TREE_ROUNDS; i++) {
      Map<String, Object> tree = new LinkedHashMap<>(Json.parseObject(seeds.get(random.nextInt(seeds.size()))));
      int mutations = 1 + random.nextInt(3);
      for (int m = 0; m < mutations; m++) {
        mutateTree(tree, random);
      }
      exercise(Json.write(tree), i);
    }
  }

  private static void exercise(String input, int round) {
    try {
      Jwk key = input.startsWith("{\"keys\"") ? firstKey(input) : Jwk.parse(input);
      if (key == null) {
        return;
      }
      key.toJson();
      key.thumbprint();
      key.toString();
      if (key instanceof PublicJwk) {
        ((PublicJwk) key).toPublicKey();
      } else if (key instanceof PrivateJwk) {
        ((PrivateJwk) key).toPrivateKey();
        ((PrivateJwk) key).toPublicJwk().toPublicKey();
      } else {
        ((OctJwk) key).toSecretKey();
      }
      for (JwsAlgorithm alg : JwsAlgorithm.values()) {
        JwkAlgorithmBinding.isUsableFor(key, alg, KeyUsage.VERIFY);
      }
      assertThat(Jwk.parse(key.toJson()).thumbprint()).isEqualTo(key.thumbprint());
    } catch (JwkitException expected) {
      assertThat(expected.code()).isNotNull();
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError("seed " + SEED + ", round " + round + ": " + e + " for input " + input, e);
    }
  }

  private static Jwk firstKey(String input) {
    JwkSet set = JwkSet.parse(input);
    return set.keys().isEmpty() ? null : set.keys().get(0);
  }

  private static final String ALPHABET = "{}[]\":,=+/-_.0123456789AQazZ \\\u00e9\u0000nulltruefalse";

  private static String mutateText(String s, Random random) {
    StringBuilder sb = new StringBuilder(s);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && sb.length() > 0; e++) {
      int at = random.nextInt(sb.length());
      switch (random.nextInt(6)) {
        case 0: sb.deleteCharAt(at); break;
        case 1: sb.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length()))); break;
        case 2: sb.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length()))); break;
        case 3: sb.setLength(at); break;
        case 4: {
          int end = Math.min(sb.length(), at + random.nextInt(40));
          sb.insert(at, sb.substring(at, end));
          break;
        }
        default: {
          char c = sb.charAt(at);
          sb.setCharAt(at, (char) (c ^ (1 << random.nextInt(7))));
        }
      }
    }
    return sb.toString();
  }

  private static final String[] NAMES = {"kty", "crv", "x", "y", "d", "n", "e", "p", "q", "dp", "dq", "qi", "oth",
      "k", "kid", "use", "key_ops", "alg", "x5c", "x5t", "x5t#S256", "x5u", "ext"};

  private static void mutateTree(Map<String, Object> tree, Random random) {
    String name = NAMES[random.nextInt(NAMES.length)];
    switch (random.nextInt(4)) {
      case 0:
        tree.remove(name);
        break;
      case 1:
        tree.put(name, randomValue(tree, random));
        break;
      case 2: {
        // move a value to another member
        List<Object> values = new ArrayList<>(tree.values());
        if (!values.isEmpty()) {
          tree.put(name, values.get(random.nextInt(values.size())));
        }
        break;
      }
      default: {
        Object v = tree.get(name);
        if (v instanceof String && !((String) v).isEmpty()) {
          String s = (String) v;
          tree.put(name, mutateText(s, random));
        }
      }
    }
  }

  private static Object randomValue(Map<String, Object> tree, Random random) {
    switch (random.nextInt(12)) {
      case 0: return Json.NULL;
      case 1: return random.nextLong();
      case 2: return new BigInteger(200, random);
      case 3: return Boolean.TRUE;
      case 4: return List.of("sign", "verify", "sign");
      case 5: return Map.of("a", List.of());
      case 6: return "";
      case 7: return List.of(random.nextInt(), "x");
      case 8: return "A".repeat(random.nextInt(3000));
      case 9: return new String[] {"RSA", "EC", "OKP", "oct", "P-256", "P-521", "secp256k1", "Ed25519", "X448",
          "ES256", "HS256", "EdDSA", "sig", "enc", "ES521"}[random.nextInt(15)];
      case 10: return dev.jwkit.jose.Base64Url.encode(new BigInteger(8 * (1 + random.nextInt(80)), random).toByteArray());
      default: return List.of("MIIB");
    }
  }
}
