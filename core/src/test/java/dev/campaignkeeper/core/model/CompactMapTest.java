package dev.campaignkeeper.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompactMapTest {

    @Test
    void behavesLikeALinkedHashMapWithTheSameEntries() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            Map<String, Integer> expected = new LinkedHashMap<>();
            int size = random.nextInt(round % 3 == 0 ? 200 : 12);
            for (int i = 0; i < size; i++) {
                expected.put("k" + random.nextInt(500), i);
            }
            CompactMap<String, Integer> map = CompactMap.copyOf(expected);

            assertThat(map).isEqualTo(expected);
            assertThat(map.hashCode()).isEqualTo(expected.hashCode());
            assertThat(new ArrayList<>(map.keySet())).containsExactlyElementsOf(expected.keySet());
            assertThat(new ArrayList<>(map.values())).containsExactlyElementsOf(expected.values());
            assertThat(map.size()).isEqualTo(expected.size());
            for (int probe = 0; probe < 50; probe++) {
                String key = "k" + random.nextInt(600);
                assertThat(map.get(key)).as(key).isEqualTo(expected.get(key));
                assertThat(map.containsKey(key)).isEqualTo(expected.containsKey(key));
            }
        }
    }

    @Test
    void withValueReplacesOneValueInItsPlaceAndLeavesTheOriginal() {
        for (int size : new int[] {1, 2, 8, 9, 40}) {
            Map<String, Integer> entries = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                entries.put("k" + i, i);
            }
            CompactMap<String, Integer> map = CompactMap.copyOf(entries);
            String key = "k" + (size / 2);

            CompactMap<String, Integer> replaced = map.withValue(key, -1);

            Map<String, Integer> expected = new LinkedHashMap<>(entries);
            expected.put(key, -1);
            assertThat(replaced).isEqualTo(expected);
            assertThat(new ArrayList<>(replaced.keySet())).containsExactlyElementsOf(expected.keySet());
            assertThat(replaced.get(key)).isEqualTo(-1);
            assertThat(map).isEqualTo(entries);
            assertThat(map.withValue("absent", 1)).isNull();
            assertThatThrownBy(() -> map.withValue(key, null)).isInstanceOf(NullPointerException.class);
        }
    }

    @Test
    void refusesChangesAndNulls() {
        CompactMap<String, Integer> map = CompactMap.copyOf(Map.of("a", 1, "b", 2));

        assertThatThrownBy(() -> map.put("c", 3)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.entrySet().iterator().next().setValue(5))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(map.get(null)).isNull();
        Map<String, Integer> withNull = new LinkedHashMap<>();
        withNull.put("a", null);
        assertThatThrownBy(() -> CompactMap.copyOf(withNull)).isInstanceOf(NullPointerException.class);
        List<String> keys = new ArrayList<>(map.keySet());
        assertThat(keys).containsExactlyInAnyOrder("a", "b");
    }
}
