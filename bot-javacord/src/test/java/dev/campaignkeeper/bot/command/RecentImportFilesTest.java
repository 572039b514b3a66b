package dev.campaignkeeper.bot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.imports.ImportedCharacter;
import dev.campaignkeeper.core.imports.ImportedFile;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecentImportFilesTest {

    private static final GuildId GUILD = GuildId.of(900_000_000_000_000_001L);
    private static final GuildId OTHER_GUILD = GuildId.of(900_000_000_000_000_002L);
    private static final ChannelId TAVERN = ChannelId.of(800_000_000_000_000_001L);
    private static final ChannelId MARKET = ChannelId.of(800_000_000_000_000_002L);
    private static final UserId ALICE = UserId.of(700_000_000_000_000_002L);
    private static final UserId BOB = UserId.of(700_000_000_000_000_003L);
    private static final AttachedFile SYSTEM = new AttachedFile("system.json", 2_000);
    private static final AttachedFile TUPPERS = new AttachedFile("tuppers.json", 1_000);

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-12-02T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final RecentImportFiles recent = new RecentImportFiles(clock);

    private static ImportedCharacter entry(String name) {
        return new ImportedCharacter(name, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    private static ImportedCharacter entry(String name, String displayName) {
        return new ImportedCharacter(name, Optional.of(displayName), Optional.empty(), Optional.empty(), List.of());
    }

    private static ImportedFile pluralKit(ImportedCharacter... entries) {
        return new ImportedFile("PluralKit (version 2)", List.of(entries));
    }

    private static final ImportedFile LIGHTHOUSE = pluralKit(entry("ari", "Ariadne ✨"), entry("Ωmega"),
            entry("nyx", "Nyx of the Lamp"));

    private List<String> values(UserId user, ChannelId channel, String typed) {
        return recent.suggest(GUILD, channel, user, Optional.empty(), typed).stream().map(Choice::value).toList();
    }

    @Test
    void suggestsTheEntriesOfTheFileTheUserSentInThatChannelOnly() {
        recent.remember(GUILD, TAVERN, ALICE, SYSTEM, LIGHTHOUSE);

        assertThat(values(ALICE, TAVERN, "")).containsExactly("ari", "Ωmega", "nyx");
        assertThat(values(BOB, TAVERN, "")).as("another user").isEmpty();
        assertThat(values(ALICE, MARKET, "")).as("another channel").isEmpty();
        assertThat(recent.suggest(OTHER_GUILD, TAVERN, ALICE, Optional.empty(), "")).as("another guild").isEmpty();
    }

    @Test
    void labelsShowTheDisplayNameAndValuesAreWhatNamePicksBy() {
        recent.remember(GUILD, TAVERN, ALICE, SYSTEM, LIGHTHOUSE);

        assertThat(recent.suggest(GUILD, TAVERN, ALICE, Optional.empty(), "")).containsExactly(
                new Choice("ari (Ariadne ✨)", "ari"), new Choice("Ωmega", "Ωmega"),
                new Choice("nyx (Nyx of the Lamp)", "nyx"));
    }

    @Test
    void filtersByNameOrDisplayNameIgnoringCaseWithThoseStartingWithTheTextFirst() {
        recent.remember(GUILD, TAVERN, ALICE, SYSTEM, pluralKit(entry("Lampwick"), entry("ari", "Ariadne"),
                entry("Ωmega"), entry("CAMPER")));

        assertThat(values(ALICE, TAVERN, "AMP")).as("contains, ignoring case").containsExactly("Lampwick", "CAMPER");
        assertThat(values(ALICE, TAVERN, "ariad")).as("by display name").containsExactly("ari");
        assertThat(values(ALICE, TAVERN, "ωME")).as("beyond ASCII").containsExactly("Ωmega");
        assertThat(values(ALICE, TAVERN, "a")).as("starting with it first, then file order")
                .containsExactly("ari", "Lampwick", "Ωmega", "CAMPER");
        assertThat(values(ALICE, TAVERN, "zz")).isEmpty();
    }

    @Test
    void atMostTwentyFiveSuggestions() {
        List<ImportedCharacter> many = new ArrayList<>();
        IntStream.rangeClosed(1, 40).forEach(i -> many.add(entry("Member " + i)));
        recent.remember(GUILD, TAVERN, ALICE, SYSTEM, new ImportedFile("Tupperbox", many));

        assertThat(values(ALICE, TAVERN, "")).hasSize(RecentImportFiles.MAX_SUGGESTIONS).startsWith("Member 1")
                .endsWith("Member 25");
        assertThat(values(ALICE, TAVERN, "member 3")).containsExactly("Member 3", "Member 30", "Member 31",
                "Member 32", "Member 33", "Member 34", "Member 35", "Member 36", "Member 37", "Member 38",
                "Member 39");
    }

    @Test
    void aFileIsForgottenFifteenMinutesAfterItWasRead() {
        recent.remember(GUILD, TAVERN, ALICE, SYSTEM, LIGHTHOUSE);

        clock.advance(RecentImportFiles.LIFETIME.minusSeconds(1));
        assertThat(values(ALICE, TAVERN, "")).hasSize(3);

        clock.advance(Duration.ofSeconds(1));
        assertThat(values(ALICE, TAVERN, "")).isEmpty();
        assertThat(recent.file(GUILD, TAVERN, ALICE, Optional.empty())).isEmpty();
    }

    @Test
    void readingTheFileAgainStartsItsFifteenMinutesAnew() {
        recent.remember(GUILD, TAVERN, ALICE, SYSTEM, LIGHTHOUSE);
        clock.advance(Duration.ofMinutes(10));
        recent.remember(GUILD, TAVERN, ALICE, SYSTEM, LIGHTHOUSE);

        clock.advance(Duration.ofMinutes(10));

        assertThat(values(ALICE, TAVERN, "")).hasSize(3);
    }

    @Test
    void expiredFilesAreDroppedWhenTheNextFileIsRemembered() {
        recent.remember(GUILD, TAVERN, ALICE, SYSTEM, LIGHTHOUSE);
        recent.remember(GUILD, TAVERN, BOB, SYSTEM, LIGHTHOUSE);
        clock.advance(RecentImportFiles.LIFETIME);

        recent.remember(GUILD, MARKET, ALICE, SYSTEM, LIGHTHOUSE);

        assertThat(recent.size()).isEqualTo(1);
    }

    @Test
    void holdsAtMostSoManyUsersAndChannelsDroppingTheOneRememberedLongestAgo() {
        RecentImportFiles small = new RecentImportFiles(clock, 2);
        small.remember(GUILD, TAVERN, ALICE, SYSTEM, LIGHTHOUSE);
        small.remember(GUILD, TAVERN, BOB, SYSTEM, LIGHTHOUSE);
        small.remember(GUILD, TAVERN, ALICE, TUPPERS, LIGHTHOUSE); // Alice's now the most recent
        small.remember(GUILD, MARKET, BOB, SYSTEM, LIGHTHOUSE);

        assertThat(small.size()).isEqualTo(2);
        assertThat(small.file(GUILD, TAVERN, BOB, Optional.empty())).as("remembered longest ago").isEmpty();
        assertThat(small.file(GUILD, TAVERN, ALICE, Optional.empty())).isPresent();
        assertThat(small.file(GUILD, MARKET, BOB, Optional.empty())).isPresent();
    }

    @Test
    void theDefaultBoundIsAFewHundredUsers() {
        for (int i = 0; i <= RecentImportFiles.MAX_PLACES; i++) {
            recent.remember(GUILD, TAVERN, UserId.of(600_000_000_000_000_000L + i), SYSTEM, LIGHTHOUSE);
        }

        assertThat(recent.size()).isEqualTo(RecentImportFiles.MAX_PLACES);
        assertThat(recent.file(GUILD, TAVERN, UserId.of(600_000_000_000_000_000L), Optional.empty())).isEmpty();
        assertThat(recent.file(GUILD, TAVERN, UserId.of(600_000_000_000_000_001L), Optional.empty())).isPresent();
    }

    @Test
    void theFileAttachedAgainIsUsedWhenTheBotReadItElseTheLatest() {
        ImportedFile tuppers = new ImportedFile("Tupperbox", List.of(entry("Zoë"), entry("Zed")));
        recent.remember(GUILD, TAVERN, ALICE, TUPPERS, tuppers);
        recent.remember(GUILD, TAVERN, ALICE, SYSTEM, LIGHTHOUSE);

        assertThat(recent.file(GUILD, TAVERN, ALICE, Optional.empty())).contains(LIGHTHOUSE);
        assertThat(recent.file(GUILD, TAVERN, ALICE, Optional.of(TUPPERS))).contains(tuppers);
        assertThat(recent.suggest(GUILD, TAVERN, ALICE, Optional.of(TUPPERS), "z")).extracting(Choice::value)
                .containsExactly("Zoë", "Zed");
        assertThat(recent.file(GUILD, TAVERN, ALICE, Optional.of(new AttachedFile("tuppers.json", 1_001))))
                .as("same name, other size: not read yet").contains(LIGHTHOUSE);
    }

    @Test
    void keepsAFewFilesPerUserAndChannelAndTheSameFileOnlyOnce() {
        ImportedFile updated = pluralKit(entry("ari"), entry("Ωmega"), entry("nyx"), entry("Sol"));
        recent.remember(GUILD, TAVERN, ALICE, new AttachedFile("a.json", 1), LIGHTHOUSE);
        recent.remember(GUILD, TAVERN, ALICE, new AttachedFile("b.json", 1), LIGHTHOUSE);
        recent.remember(GUILD, TAVERN, ALICE, new AttachedFile("c.json", 1), LIGHTHOUSE);
        recent.remember(GUILD, TAVERN, ALICE, new AttachedFile("d.json", 1), LIGHTHOUSE);
        recent.remember(GUILD, TAVERN, ALICE, new AttachedFile("c.json", 1), updated);

        assertThat(recent.file(GUILD, TAVERN, ALICE, Optional.of(new AttachedFile("c.json", 1)))).contains(updated);
        assertThat(recent.file(GUILD, TAVERN, ALICE, Optional.of(new AttachedFile("d.json", 1))))
                .contains(LIGHTHOUSE);
        assertThat(recent.file(GUILD, TAVERN, ALICE, Optional.of(new AttachedFile("b.json", 1))))
                .as("the fourth file pushed the first out, and c only counts once").contains(LIGHTHOUSE);
        assertThat(recent.file(GUILD, TAVERN, ALICE, Optional.of(new AttachedFile("a.json", 1))))
                .as("forgotten: the latest instead").contains(updated);
    }

    @Test
    void longNamesAreSuggestedByADisplayNameThatFitsAndLabelsAreShortened() {
        String longName = "x".repeat(90);
        String longDisplay = "Y".repeat(120);
        recent.remember(GUILD, TAVERN, ALICE, SYSTEM, pluralKit(entry(longName, "Short"), entry("tiny", longDisplay),
                entry("y".repeat(85)), entry("  "), entry("ari"), entry("ARI")));

        List<Choice> choices = recent.suggest(GUILD, TAVERN, ALICE, Optional.empty(), "");

        assertThat(choices).extracting(Choice::value).as("a name too long to type in name: is left out, and "
                + "blank or twice the same name appear once").containsExactly("Short", "tiny", "ari");
        assertThat(choices.get(1).name()).hasSize(100).startsWith("tiny (YYY").endsWith("…");
    }

    @Test
    void rejectsABoundBelowOne() {
        assertThatThrownBy(() -> new RecentImportFiles(clock, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
