package dev.jwkit.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmallJsonObjectTest {

  private static Map<String, Object> parse(String json) {
    return Json.parseObject(json.getBytes(StandardCharsets.UTF_8), JsonLimits.TOKEN);
  }

  private static String object(int members) {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < members; i++) {
      json.append(i == 0 ? "" : ",").append("\"m").append(i).append("\":").append(i);
    }
    return json.append('}').toString();
  }

  private static Map<String, Object> expected(int members) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < members; i++) {
      map.put("m" + i, (long) i);
    }
    return map;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 8, 9, 15, 16, 17, 40})
  void parse_anySize_isAnOrderedMapEqualToALinkedHashMap(int members) {
    Map<String, Object> parsed = parse(object(members));
    Map<String, Object> expected = expected(members);

    assertThat(parsed instanceof SmallJsonObject).isEqualTo(members <= SmallJsonObject.MAX_MEMBERS);
    assertThat(parsed).isEqualTo(expected);
    assertThat(expected).isEqualTo(parsed);
    assertThat(parsed.hashCode()).isEqualTo(expected.hashCode());
    assertThat(parsed.toString()).isEqualTo(expected.toString());
    assertThat(List.copyOf(parsed.keySet())).isEqualTo(List.copyOf(expected.keySet()));
    assertThat(List.copyOf(parsed.values())).isEqualTo(List.copyOf(expected.values()));
    for (int i = 0; i < members; i++) {
      assertThat(parsed.get("m" + i)).isEqualTo((long) i);
      assertThat(parsed.containsKey("m" + i)).isTrue();
    }
    assertThat(parsed.get("m" + members)).isNull();
    assertThat(parsed.containsKey(null)).isFalse();
    assertThat(parsed.get(42)).isNull();
    assertThat(parsed.size()).isEqualTo(members);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 8, 15, 16, 17, 30})
  void parse_duplicateAtAnyPosition_isDuplicateMember(int position) {
    String json = object(32).replace("\"m" + position + "\":", "\"m0\":");
    assertThatThrownBy(() -> parse(json))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(JoseError.DUPLICATE_MEMBER));
  }

  @Test
  void parse_namesWithEqualHashes_areDistinct() {
    // "Aa" and "BB" have the same String.hashCode.
    Map<String, Object> parsed = parse("{\"Aa\":1,\"BB\":2}");
    assertThat(parsed.get("Aa")).isEqualTo(1L);
    assertThat(parsed.get("BB")).isEqualTo(2L);
    assertThatThrownBy(() -> parse("{\"Aa\":1,\"BB\":2,\"Aa\":3}"))
        .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(JoseError.DUPLICATE_MEMBER));
  }

  @Test
  void everyMutator_throws() {
    Map<String, Object> parsed = parse("{\"a\":1,\"b\":[2]}");
    assertThatThrownBy(() -> parsed.put("c", 3L)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> parsed.putIfAbsent("c", 3L)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> parsed.remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(parsed::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> parsed.putAll(Map.of("c", 3L))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> parsed.replaceAll((k, v) -> v)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> parsed.compute("a", (k, v) -> v)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> parsed.merge("a", 1L, (x, y) -> x)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> parsed.keySet().remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> parsed.values().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> parsed.entrySet().iterator().next().setValue(5L)).isInstanceOf(UnsupportedOperationException.class);
    Iterator<String> names = parsed.keySet().iterator();
    names.next();
    assertThatThrownBy(names::remove).isInstanceOf(UnsupportedOperationException.class);
    assertThat(parsed).containsExactly(Map.entry("a", 1L), Map.entry("b", List.of(2L)));
  }
}
