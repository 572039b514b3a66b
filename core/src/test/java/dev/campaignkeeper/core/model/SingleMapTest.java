package dev.campaignkeeper.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SingleMapTest {

    @Test
    void behavesLikeTheJdksOneEntryMap() {
        Map<String, Integer> single = SingleMap.of("a", 1);
        Map<String, Integer> jdk = Map.of("a", 1);
        assertThat(single).isEqualTo(jdk).hasSameHashCodeAs(jdk).hasToString(jdk.toString());
        assertThat(jdk).isEqualTo(single);
        assertThat(new LinkedHashMap<>(single)).isEqualTo(jdk);
        assertThat(single.get("a")).isEqualTo(1);
        assertThat(single.get("b")).isNull();
        assertThat(single.getOrDefault("b", 7)).isEqualTo(7);
        assertThat(single.containsKey("a")).isTrue();
        assertThat(single.containsValue(1)).isTrue();
        assertThat(single.keySet()).containsExactly("a");
        assertThat(single.values()).containsExactly(1);
        assertThat(single.entrySet()).containsExactly(Map.entry("a", 1));
        assertThat(single).isNotEqualTo(Map.of("a", 2)).isNotEqualTo(Map.of("a", 1, "b", 2));
    }

    @Test
    void cannotBeChanged() {
        Map<String, Integer> single = SingleMap.of("a", 1);
        assertThatThrownBy(() -> single.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> single.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(single::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> single.merge("a", 1, Integer::sum)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(single).containsExactly(Map.entry("a", 1));
    }
}
