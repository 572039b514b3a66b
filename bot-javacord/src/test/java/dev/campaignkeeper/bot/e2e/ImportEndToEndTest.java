package dev.campaignkeeper.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /character import} and {@code /npc import} end to end through the production wiring: a
 * first try with a file of several entries lists them, after which the {@code name} option
 * autocompletes them for that user in that campaign, without downloading anything during
 * autocomplete.
 */
@ExtendWith(NoThreadLeftRunning.class)
class ImportEndToEndTest {

    private static final FakeAttachment SYSTEM = json("system.json", "{\"version\":2,\"members\":["
            + "{\"name\":\"ari\",\"display_name\":\"Ariadne\",\"proxy_tags\":[{\"prefix\":\"a:\",\"suffix\":null}]},"
            + "{\"name\":\"Ωmega\"},"
            + "{\"name\":\"nyx\",\"display_name\":\"Nyx of the Lamp\"}]}");
    private static final FakeAttachment TUPPERS = json("tuppers.json",
            "{\"tuppers\":[{\"name\":\"Zoë\"},{\"name\":\"Zed\"}]}");

    @TempDir
    Path dataDir;

    private FakeDiscord discord;
    private BotUnderTest bot;
    private FakeUser gm;
    private FakeUser alice;
    private FakeUser bob;
    private FakeChannel table;

    private static FakeAttachment json(String name, String text) {
        return new FakeAttachment(name, "application/json", text.getBytes(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void startFakeDiscordAndBot() throws Exception {
        discord = FakeDiscord.start();
        gm = discord.addMember("gwen-the-gm");
        alice = discord.addMember("alice");
        bob = discord.addMember("bob");
        table = discord.addTextChannel("the-lost-mine");
        bot = BotUnderTest.start(discord, dataDir);
        discord.slash(gm, table, "campaign", Option.sub("create", Option.string("name", "The Lost Mine")))
                .awaitAnnouncement();
        discord.slash(alice, table, "campaign", Option.sub("join")).awaitReply();
        discord.slash(bob, table, "campaign", Option.sub("join")).awaitReply();
    }

    @AfterEach
    void stopEverything() {
        try {
            assertThat(discord.unhandledCalls()).as("calls the fake does not implement").isEmpty();
            assertThat(discord.problems()).as("problems inside the fake").isEmpty();
        } finally {
            try {
                bot.close();
            } finally {
                discord.close();
            }
        }
    }

    private Reply run(FakeUser user, String command, Option... options) {
        return discord.slash(user, table, command, options).awaitReply();
    }

    private Map<String, String> nameChoices(FakeUser user, String command, String typed, Option... others) {
        Option[] options = new Option[others.length + 1];
        System.arraycopy(others, 0, options, 0, others.length);
        options[others.length] = Option.focused("name", typed);
        return discord.autocomplete(user, table, command, Option.sub("import", options)).awaitChoices();
    }

    @Test
    void aFirstTryListsTheMembersAndThenTheNameOptionSuggestsThemToThatUserOnly() {
        assertThat(nameChoices(alice, "character", "", Option.attachment("file", SYSTEM)))
                .as("nothing read yet: nothing to suggest").isEmpty();

        Reply list = run(alice, "character", Option.sub("import", Option.attachment("file", SYSTEM)));

        assertThat(list.ephemeral()).isTrue();
        assertThat(list.content()).contains("PluralKit (version 2) file has 3 characters: **ari**, **Ωmega**, **nyx**",
                "the `name` option now suggests them as you type");
        int downloads = discord.calls(Endpoint.CDN_ATTACHMENT).size();
        assertThat(downloads).as("the bot read the file once").isEqualTo(1);

        Map<String, String> n = nameChoices(alice, "character", "NY", Option.attachment("file", SYSTEM));
        Map<String, String> all = nameChoices(alice, "character", "");

        assertThat(n).containsExactly(Map.entry("nyx (Nyx of the Lamp)", "nyx"));
        assertThat(all.values()).as("without the file attached: the file read last").containsExactly("ari", "Ωmega",
                "nyx");
        assertThat(nameChoices(bob, "character", "", Option.attachment("file", SYSTEM))).as("another user").isEmpty();
        assertThat(discord.calls(Endpoint.CDN_ATTACHMENT)).as("autocomplete downloads nothing").hasSize(downloads);

        Reply imported = run(alice, "character", Option.sub("import", Option.attachment("file", SYSTEM),
                Option.string("name", n.get("nyx (Nyx of the Lamp)"))));

        assertThat(imported.content()).contains("Imported **Nyx of the Lamp** from your PluralKit (version 2) file");
    }

    @Test
    void theFileAttachedAgainPicksWhichReadFileIsSuggested() {
        run(alice, "character", Option.sub("import", Option.attachment("file", TUPPERS)));
        run(alice, "character", Option.sub("import", Option.attachment("file", SYSTEM)));

        assertThat(nameChoices(alice, "character", "", Option.attachment("file", TUPPERS)).values())
                .containsExactly("Zoë", "Zed");
        assertThat(nameChoices(alice, "character", "", Option.attachment("file", SYSTEM)).values())
                .containsExactly("ari", "Ωmega", "nyx");
    }

    @Test
    void theGmsNpcImportNameOptionSuggestsTheFileTheGmSent() {
        Reply imported = run(gm, "npc", Option.sub("import", Option.attachment("file", SYSTEM)));
        assertThat(imported.content()).contains("Imported 3 NPCs");

        assertThat(nameChoices(gm, "npc", "ωM", Option.attachment("file", SYSTEM)).values())
                .containsExactly("Ωmega");
        assertThat(nameChoices(alice, "npc", "", Option.attachment("file", SYSTEM))).isEmpty();
    }
}
