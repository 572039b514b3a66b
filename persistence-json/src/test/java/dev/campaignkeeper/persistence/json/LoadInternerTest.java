package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.model.NpcId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoadInternerTest {

    /** A fresh copy of the text, equal but not the same object, as a parser returns it. */
    private static String read(String text) {
        return new String(text.toCharArray());
    }

    @Test
    void repeatedValuesAreKeptOnce() {
        LoadInterner interner = new LoadInterner();

        String first = interner.text(read("A sellsword from the north."));
        Optional<String> avatar = interner.avatar(read("https://cdn.example/default.png"));
        NpcId npc = interner.npcId(read("npc1"));

        assertThat(interner.text(read("A sellsword from the north."))).isSameAs(first);
        assertThat(interner.avatar(read("https://cdn.example/default.png"))).isSameAs(avatar);
        assertThat(interner.npcId(read("npc1"))).isSameAs(npc);
    }

    @Test
    void textsLongerThanAnEntryIsWorthAreKeptAsRead() {
        LoadInterner interner = new LoadInterner();
        String longText = "x".repeat(257);

        interner.text(read(longText));
        String again = read(longText);

        assertThat(interner.text(again)).isSameAs(again);
        String longUrl = "https://cdn.example/" + "a".repeat(250);
        assertThat(interner.avatar(read(longUrl))).isNotSameAs(interner.avatar(read(longUrl)))
                .isEqualTo(interner.avatar(read(longUrl)));
    }

    @Test
    void aFullTableOfUniqueValuesStopsBeingLookedIn() {
        LoadInterner interner = new LoadInterner();
        for (int i = 0; i < LoadInterner.LIMIT + LoadInterner.PROBE; i++) {
            interner.avatar("https://cdn.example/a/" + i + ".png");
        }

        assertThat(interner.inUse()).containsExactly(true, false, true);
        // values first seen before it gave up are no longer shared either: the table is gone
        Optional<String> early = interner.avatar(read("https://cdn.example/a/1.png"));
        assertThat(interner.avatar(read("https://cdn.example/a/1.png"))).isNotSameAs(early).isEqualTo(early);
    }

    @Test
    void aFullTableWhoseValuesRepeatStaysInUse() {
        LoadInterner interner = new LoadInterner();
        Optional<String> shared = interner.avatar(read("https://cdn.example/default.png"));
        for (int i = 0; i < LoadInterner.LIMIT + LoadInterner.PROBE; i++) {
            // one record in eight has the default avatar: enough to be worth the lookups
            String url = i % 8 == 0 ? "https://cdn.example/default.png" : "https://cdn.example/a/" + i + ".png";
            interner.avatar(read(url));
        }

        assertThat(interner.inUse()).containsExactly(true, true, true);
        assertThat(interner.avatar(read("https://cdn.example/default.png"))).isSameAs(shared);
    }

    @Test
    void aTableGivesUpOnlyAfterWatchingAWholeProbe() {
        LoadInterner interner = new LoadInterner();
        for (int i = 0; i < LoadInterner.LIMIT + LoadInterner.PROBE - 1; i++) {
            interner.text("unique " + i);
        }

        assertThat(interner.inUse()).containsExactly(true, true, true);
        interner.text("unique last");
        assertThat(interner.inUse()).containsExactly(false, true, true);
    }

    @Test
    void anInvalidNpcIdFailsAsNpcIdOfDoes() {
        LoadInterner interner = new LoadInterner();

        assertThatThrownBy(() -> interner.npcId("bad\u0001id")).isInstanceOf(IllegalArgumentException.class);
    }
}
