package dev.campaignkeeper.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpcIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "npc_1", "Old Gus", "f47ac10b-58cc-4372-a567-0e02b2c3d479", "gus\u00E9"})
    void acceptsAnyPrintableSeedId(String value) {
        assertThat(NpcId.of(value).value()).isEqualTo(value);
    }

    @Test
    void accepts64CharactersAndRejects65() {
        assertThat(NpcId.of("n".repeat(64)).value()).hasSize(64);
        assertThatThrownBy(() -> NpcId.of("n".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 64");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a\nb", "\u0000", "tab\there", "\u0085"})
    void rejectsEmptyOrControlCharacters(String value) {
        assertThatThrownBy(() -> NpcId.of(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatesShortUrlSafeIds() {
        Set<NpcId> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            NpcId id = NpcId.generate();
            assertThat(id.value()).matches("[A-Za-z0-9_-]{10}");
            seen.add(id);
        }
        assertThat(seen).hasSize(1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "npc0", "Zz09-_abcd", "Zz09-_abcde", "npc 0", "caf\u00e9", "__________", "a-"})
    void everyIdKeepsItsExactTextAndEquality(String value) {
        NpcId id = NpcId.of(value);
        assertThat(id.value()).isEqualTo(value);
        assertThat(id).hasToString(value).isEqualTo(NpcId.of(value)).hasSameHashCodeAs(NpcId.of(value));
    }

    @Test
    void idsThatDifferOnlyInLengthOrCaseDiffer() {
        assertThat(NpcId.of("a")).isNotEqualTo(NpcId.of("aa"));
        assertThat(NpcId.of("npcA")).isNotEqualTo(NpcId.of("npca"));
        assertThat(NpcId.of("aaaaaaaaaa")).isNotEqualTo(NpcId.of("aaaaaaaaaaa"));
    }
}
