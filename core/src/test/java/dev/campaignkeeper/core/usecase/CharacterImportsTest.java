package dev.campaignkeeper.core.usecase;

import static dev.campaignkeeper.core.usecase.Fixture.ALICE;
import static dev.campaignkeeper.core.usecase.Fixture.CAROL;
import static dev.campaignkeeper.core.usecase.Fixture.CHANNEL;
import static dev.campaignkeeper.core.usecase.Fixture.GM;
import static dev.campaignkeeper.core.usecase.Fixture.GUILD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.ConflictException;
import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.error.LimitReachedException;
import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.error.NotPermittedException;
import dev.campaignkeeper.core.imports.ImportedCharacter;
import dev.campaignkeeper.core.imports.ImportedFile;
import dev.campaignkeeper.core.imports.ImportedTag;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.ProxyTag;
import dev.campaignkeeper.core.rules.InputRules;
import dev.campaignkeeper.core.rules.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CharacterImportsTest {

    private final Fixture world = new Fixture(new Limits(50, 25, 5));

    @BeforeEach
    void startCampaignWithAlice() {
        world.createCampaign();
        world.campaigns().join(ALICE, GUILD, CHANNEL);
    }

    private static ImportedCharacter entry(String name) {
        return new ImportedCharacter(name, Optional.empty(), Optional.of("https://example.com/" + name.length() + ".png"),
                Optional.of("About " + name), List.of(new ImportedTag(name.substring(0, 1) + ":", "")));
    }

    private static ImportedFile file(ImportedCharacter... entries) {
        return new ImportedFile("Tupperbox", List.of(entries));
    }

    private CharacterImports imports() {
        return world.keeper.imports();
    }

    @Test
    void playerImportsTheOnlyEntryAsTheirCharacter() {
        ImportOutcome<PlayerCharacter> outcome = imports().importCharacter(ALICE, GUILD, CHANNEL,
                file(entry("Aria")), Optional.empty());

        PlayerCharacter aria = world.character(ALICE).orElseThrow();
        assertThat(outcome.imported()).isEqualTo(aria);
        assertThat(aria.name()).isEqualTo("Aria");
        assertThat(aria.avatarUrl()).contains("https://example.com/4.png");
        assertThat(aria.description()).isEqualTo("About Aria");
        assertThat(outcome.notes()).isEmpty();
    }

    @Test
    void importReplacesThePlayersCharacter() {
        world.characters().create(ALICE, GUILD, CHANNEL, "Old", Optional.empty(), Optional.of("old text"));

        ImportOutcome<PlayerCharacter> outcome = imports().importCharacter(ALICE, GUILD, CHANNEL,
                file(entry("Aria")), Optional.empty());

        assertThat(world.memoryStore.guild(GUILD).charactersIn(CHANNEL)).extracting(PlayerCharacter::name)
                .containsExactly("Aria");
        assertThat(world.character(ALICE).orElseThrow().description()).isEqualTo("About Aria");
        assertThat(outcome.notes()).containsExactly("It replaces the earlier character \"Old\".");
    }

    @Test
    void displayNameIsTheCharactersNameAndEitherNamePicksTheEntry() {
        ImportedCharacter member = new ImportedCharacter("ari", Optional.of("Ariadne the Bold"), Optional.empty(),
                Optional.empty(), List.of());

        imports().importCharacter(ALICE, GUILD, CHANNEL, file(entry("Brom"), member), Optional.of("ARIADNE the bold"));
        assertThat(world.character(ALICE).orElseThrow().name()).isEqualTo("Ariadne the Bold");

        imports().importCharacter(ALICE, GUILD, CHANNEL, file(entry("Brom"), member), Optional.of(" Ari "));
        assertThat(world.character(ALICE).orElseThrow().avatarUrl()).isEmpty();
    }

    @Test
    void severalEntriesWithoutANameListTheNamesAndImportNothing() {
        assertThatThrownBy(() -> imports().importCharacter(ALICE, GUILD, CHANNEL,
                file(entry("Aria"), entry("Brom"), entry("Ćira 🐉")), Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("3 characters: \"Aria\", \"Brom\", \"Ćira 🐉\"")
                .hasMessageContaining("by its name")
                .hasMessageNotContaining("/");
        assertThat(world.character(ALICE)).isEmpty();
    }

    @Test
    void aLongListIsCutAndCountsTheRest() {
        List<ImportedCharacter> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(entry("Member " + i));
        }
        assertThatThrownBy(() -> imports().importCharacter(ALICE, GUILD, CHANNEL,
                new ImportedFile("PluralKit (version 2)", many), Optional.empty()))
                .hasMessageContaining("PluralKit (version 2) file has 30 characters")
                .hasMessageContaining("\"Member 24\" and 5 more")
                .hasMessageNotContaining("Member 25");
    }

    @Test
    void aNameMatchingNoEntryIsNotFoundAndListsTheNames() {
        assertThatThrownBy(() -> imports().importCharacter(ALICE, GUILD, CHANNEL,
                file(entry("Aria"), entry("Brom")), Optional.of("Cora")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no character named \"Cora\"")
                .hasMessageContaining("\"Aria\", \"Brom\"");
    }

    @Test
    void anEmptyFileImportsNothing() {
        assertThatThrownBy(() -> imports().importCharacter(ALICE, GUILD, CHANNEL, file(), Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no characters");
    }

    @Test
    void aNameTheRulesRefuseRefusesTheImportAndSaysWhy() {
        assertThatThrownBy(() -> imports().importCharacter(ALICE, GUILD, CHANNEL,
                file(entry("Clyde the Bot")), Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("\"Clyde the Bot\" cannot be imported")
                .hasMessageContaining("clyde")
                .hasMessageContaining("Nothing was imported");
        assertThat(world.character(ALICE)).isEmpty();
    }

    @Test
    void anAvatarTheRulesRefuseIsLeftOutAndSaidSo() {
        ImportedCharacter bad = new ImportedCharacter("Aria", Optional.empty(), Optional.of("ftp://example.com/a.png"),
                Optional.empty(), List.of());

        ImportOutcome<PlayerCharacter> outcome = imports().importCharacter(ALICE, GUILD, CHANNEL, file(bad),
                Optional.empty());

        assertThat(outcome.imported().avatarUrl()).isEmpty();
        assertThat(outcome.notes()).singleElement().asString()
                .contains("avatar link of \"Aria\" was not accepted", "without an avatar", "http://");
    }

    @Test
    void aLongDescriptionIsCutToTheLongestAllowedAndSaidSo() {
        String text = "🐉".repeat(InputRules.MAX_DESCRIPTION_LENGTH + 7);
        ImportedCharacter wordy = new ImportedCharacter("Aria", Optional.empty(), Optional.empty(), Optional.of(text),
                List.of());

        ImportOutcome<PlayerCharacter> outcome = imports().importCharacter(ALICE, GUILD, CHANNEL, file(wordy),
                Optional.empty());

        String kept = outcome.imported().description();
        assertThat(kept.codePointCount(0, kept.length())).isEqualTo(InputRules.MAX_DESCRIPTION_LENGTH);
        assertThat(outcome.notes()).singleElement().asString().contains("1007 characters", "first 1000");
    }

    @Test
    void onlyPlayersImportACharacter() {
        assertThatThrownBy(() -> imports().importCharacter(CAROL, GUILD, CHANNEL, file(entry("Cora")), Optional.empty()))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("Only players");
        assertThatThrownBy(() -> imports().importCharacter(GM, GUILD, CHANNEL, file(entry("Cora")), Optional.empty()))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("as NPCs");
        assertThat(world.memoryStore.guild(GUILD).charactersIn(CHANNEL)).isEmpty();
    }

    @Test
    void gmImportsEveryEntryAsNpcsInFileOrder() {
        ImportOutcome<List<Npc>> outcome = imports().importNpcs(GM, GUILD, CHANNEL,
                file(entry("Gus"), entry("Mira"), entry("Łucja")), Optional.empty());

        assertThat(outcome.imported()).extracting(Npc::name).containsExactly("Gus", "Mira", "Łucja");
        assertThat(outcome.imported()).extracting(Npc::creator).containsOnly(GM.user());
        assertThat(outcome.imported()).extracting(Npc::id).doesNotHaveDuplicates();
        assertThat(world.memoryStore.guild(GUILD).npcsIn(CHANNEL)).containsExactlyInAnyOrderElementsOf(outcome.imported());
        assertThat(outcome.notes()).hasSize(3).allMatch(note -> note.contains("NPCs have no description"));
    }

    @Test
    void aNamePicksOneNpc() {
        ImportOutcome<List<Npc>> outcome = imports().importNpcs(GM, GUILD, CHANNEL,
                file(entry("Gus"), entry("Mira")), Optional.of("mira"));

        assertThat(outcome.imported()).extracting(Npc::name).containsExactly("Mira");
        assertThat(world.memoryStore.guild(GUILD).npcsIn(CHANNEL)).hasSize(1);
    }

    @Test
    void moreNpcsThanTheLimitAllowsImportsNone() {
        world.npcs().create(GM, GUILD, CHANNEL, "Already here", Optional.empty());
        GuildState before = world.memoryStore.guild(GUILD);

        assertThatThrownBy(() -> imports().importNpcs(GM, GUILD, CHANNEL,
                file(entry("A1"), entry("A2"), entry("A3"), entry("A4"), entry("A5")), Optional.empty()))
                .isInstanceOf(LimitReachedException.class)
                .hasMessageContaining("5 entries")
                .hasMessageContaining("1 of at most 5")
                .hasMessageContaining("only 4 more fit")
                .hasMessageContaining("Nothing was imported");
        assertThat(world.memoryStore.guild(GUILD)).isEqualTo(before);
    }

    @Test
    void oneBadNameAmongNpcsImportsNone() {
        assertThatThrownBy(() -> imports().importNpcs(GM, GUILD, CHANNEL,
                file(entry("Gus"), entry("Discord Dan")), Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("\"Discord Dan\" cannot be imported");
        assertThat(world.memoryStore.guild(GUILD).npcsIn(CHANNEL)).isEmpty();
    }

    @Test
    void npcNamesClashingWithTheCampaignsOrEachOtherImportNone() {
        world.npcs().create(GM, GUILD, CHANNEL, "Gus", Optional.empty());

        assertThatThrownBy(() -> imports().importNpcs(GM, GUILD, CHANNEL, file(entry("Mira"), entry("GUS")),
                Optional.empty()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("an NPC named \"Gus\"");
        assertThatThrownBy(() -> imports().importNpcs(GM, GUILD, CHANNEL, file(entry("Mira"), entry("mira")),
                Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("two entries named");
        assertThat(world.memoryStore.guild(GUILD).npcsIn(CHANNEL)).extracting(Npc::name).containsExactly("Gus");
    }

    @Test
    void onlyTheGmImportsNpcs() {
        assertThatThrownBy(() -> imports().importNpcs(ALICE, GUILD, CHANNEL, file(entry("Gus")), Optional.empty()))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("import NPCs");
    }

    @Test
    void whoMayNotImportIsToldSoBeforeAnythingAboutTheFile() {
        ImportedFile ambiguous = file(entry("Aria"), entry("Brom"));
        ImportedFile badName = file(entry("x".repeat(500)));

        assertThatThrownBy(() -> imports().importCharacter(CAROL, GUILD, CHANNEL, ambiguous, Optional.empty()))
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("Only players");
        assertThatThrownBy(() -> imports().importCharacter(CAROL, GUILD, CHANNEL, badName, Optional.empty()))
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("Only players");
        assertThatThrownBy(() -> imports().importNpcs(ALICE, GUILD, CHANNEL, badName, Optional.empty()))
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("import NPCs");
        assertThatThrownBy(() -> imports().importNpcs(ALICE, GUILD, CHANNEL, ambiguous, Optional.of("Nobody")))
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("import NPCs");
        assertThat(world.memoryStore.guild(GUILD).npcsIn(CHANNEL)).isEmpty();
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedWithTheLimit() {
        CharacterImports.checkFileSize("tuppers.json", CharacterImports.MAX_FILE_BYTES);
        assertThatThrownBy(() -> CharacterImports.checkFileSize("tuppers.json", CharacterImports.MAX_FILE_BYTES + 1L))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("\"tuppers.json\" is 9 MB")
                .hasMessageContaining("up to 8 MB");
    }

    @Test
    void proxyTagsComeAlongAndRefusedOrExtraOnesAreLeftOutAndSaidSo() {
        List<ImportedTag> tags = new ArrayList<>();
        tags.add(new ImportedTag("\\bad", ""));
        tags.add(new ImportedTag("a:", ""));
        tags.add(new ImportedTag("a:", ""));
        for (int i = 0; i < 10; i++) {
            tags.add(new ImportedTag("[" + i, "]"));
        }
        ImportedCharacter tagged = new ImportedCharacter("Aria", Optional.empty(), Optional.empty(), Optional.empty(),
                tags);

        ImportOutcome<PlayerCharacter> outcome = imports().importCharacter(ALICE, GUILD, CHANNEL, file(tagged),
                Optional.empty());

        assertThat(outcome.imported().proxyTags()).hasSize(InputRules.MAX_PROXY_TAGS)
                .startsWith(dev.campaignkeeper.core.model.ProxyTag.prefix("a:"));
        assertThat(world.character(ALICE).orElseThrow().proxyTags()).isEqualTo(outcome.imported().proxyTags());
        assertThat(outcome.notes()).anyMatch(note -> note.contains("A proxy tag of \"Aria\" was left out"))
                .anyMatch(note -> note.contains("only the first 10 were kept (1 left out)"));
    }

    @Test
    void npcsGetTheirProxyTags() {
        ImportOutcome<List<Npc>> outcome = imports().importNpcs(GM, GUILD, CHANNEL, file(entry("Gus")), Optional.empty());

        assertThat(outcome.imported().get(0).proxyTags())
                .containsExactly(dev.campaignkeeper.core.model.ProxyTag.prefix("G:"));
    }

    @Test
    void aTagAnotherCharacterOrNpcOfTheCampaignHasIsLeftOutWithANote() {
        ImportOutcome<List<Npc>> npcs = imports().importNpcs(GM, GUILD, CHANNEL, file(entry("Gus"), entry("Grik"),
                entry("Ann")), Optional.empty());

        assertThat(npcs.imported()).extracting(Npc::proxyTags).containsExactly(
                List.of(ProxyTag.prefix("G:")), List.of(), List.of(ProxyTag.prefix("A:")));
        assertThat(npcs.notes()).filteredOn(note -> note.contains("proxy tag")).containsExactly("The proxy tag G:text of \"Grik\" was left out: it already belongs"
                + " to the NPC \"Gus\" in this campaign.");

        ImportOutcome<PlayerCharacter> aria = imports().importCharacter(ALICE, GUILD, CHANNEL, file(entry("Aria")),
                Optional.empty());

        assertThat(aria.imported().proxyTags()).isEmpty();
        assertThat(aria.notes()).containsExactly("The proxy tag A:text of \"Aria\" was left out: it already belongs"
                + " to the NPC \"Ann\" in this campaign.");
    }
}
