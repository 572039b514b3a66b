package dev.campaignkeeper.bot.command;

import static dev.campaignkeeper.bot.command.BotFixture.ALICE;
import static dev.campaignkeeper.bot.command.BotFixture.BOB;
import static dev.campaignkeeper.bot.command.BotFixture.GM;
import static dev.campaignkeeper.bot.command.BotFixture.TAVERN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.port.Upload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandsTest {

    @TempDir
    Path dataDir;

    private BotFixture bot;

    @BeforeEach
    void setUp() {
        bot = new BotFixture(dataDir);
        bot.campaignWithCharacters();
    }

    @AfterEach
    void tearDown() {
        bot.close();
    }

    private static Upload resource(String name) {
        try (InputStream in = ImportCommandsTest.class.getResourceAsStream("/exports/" + name)) {
            return new Upload(name, "application/json", in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Upload file(String name, String text) {
        return new Upload(name, "application/json", text.getBytes(StandardCharsets.UTF_8));
    }

    private PlayerCharacter character(dev.campaignkeeper.core.model.UserId user) {
        return bot.state().character(TAVERN, user).orElseThrow();
    }

    @Test
    void aPlayerImportsTheOnlyTupperAndReplacesTheirCharacter() {
        Reply reply = bot.run(ALICE, TAVERN, "character import", "file",
                file("tuppers.json", "{\"tuppers\":[{\"name\":\"Zoë 🌸\",\"avatar_url\":null,\"brackets\":[\"z:\",\"\"]}]}"));

        assertThat(reply.error()).isFalse();
        assertThat(reply.isPublic()).isFalse();
        assertThat(reply.text()).contains("Imported **Zoë 🌸** from your Tupperbox file", "replaces the earlier character \"Brynn\"");
        assertThat(character(ALICE).name()).isEqualTo("Zoë 🌸");
        assertThat(character(ALICE).avatarUrl()).isEmpty();
        assertThat(character(ALICE).proxyTags()).containsExactly(dev.campaignkeeper.core.model.ProxyTag.prefix("z:"));
        assertThat(reply.text()).contains("Proxy tags: `z:text`.");
    }

    @Test
    void severalEntriesWithoutANameGetAReplyListingThemAndNothingChanges() {
        GuildState before = bot.state();

        Reply reply = bot.run(ALICE, TAVERN, "character import", "file", resource("system-v2.json"));

        assertThat(reply.error()).isTrue();
        assertThat(reply.text()).contains("PluralKit (version 2) file has 2 characters: **ari**, **Ωmega**",
                "`name:`", "`/character import`", "the `name` option now suggests them as you type");
        assertThat(bot.state()).isEqualTo(before);
    }

    private static final String THREE_MEMBERS = "{\"version\":2,\"members\":[{\"name\":\"ari\",\"display_name\":"
            + "\"Ariadne\"},{\"name\":\"Ωmega\"},{\"name\":\"nyx\",\"display_name\":\"Nyx of the Lamp\"}]}";

    private java.util.List<String> suggested(dev.campaignkeeper.core.model.UserId user,
                                             dev.campaignkeeper.core.model.ChannelId channel, String path,
                                             String option, String typed) {
        return bot.handlers.autocomplete(bot.actor(user), BotFixture.GUILD, channel, path, option, typed).stream()
                .map(Choice::value).toList();
    }

    @Test
    void afterAFirstTryTheNameOptionSuggestsTheFilesEntriesToThatUserInThatCampaignOnly() {
        assertThat(suggested(ALICE, TAVERN, "character import", "name", "")).as("no file sent yet").isEmpty();

        Reply list = bot.run(ALICE, TAVERN, "character import", "file", file("system.json", THREE_MEMBERS));

        assertThat(list.text()).contains("file has 3 characters: **ari**, **Ωmega**, **nyx**");
        assertThat(suggested(ALICE, TAVERN, "character import", "name", "")).containsExactly("ari", "Ωmega", "nyx");
        assertThat(suggested(ALICE, TAVERN, "character import", "name", "NY")).containsExactly("nyx");
        assertThat(suggested(ALICE, TAVERN, "character import", "name", "lamp")).as("by display name")
                .containsExactly("nyx");
        assertThat(bot.handlers.autocomplete(bot.actor(ALICE), BotFixture.GUILD, TAVERN, "character import", "name",
                "ari")).containsExactly(new Choice("ari (Ariadne)", "ari"));
        assertThat(suggested(BOB, TAVERN, "character import", "name", "")).as("another user").isEmpty();
        assertThat(suggested(ALICE, BotFixture.MARKET, "character import", "name", "")).as("another channel").isEmpty();
        assertThat(suggested(ALICE, TAVERN, "character create", "name", "")).as("another command").isEmpty();

        Reply imported = bot.run(ALICE, TAVERN, "character import", "file", file("system.json", THREE_MEMBERS),
                "name", suggested(ALICE, TAVERN, "character import", "name", "ny").get(0));

        assertThat(imported.error()).isFalse();
        assertThat(character(ALICE).name()).isEqualTo("Nyx of the Lamp");
    }

    @Test
    void aFileWithOneEntryIsNotRemembered() {
        bot.run(BOB, TAVERN, "character import", "file", file("tuppers.json", "{\"tuppers\":[{\"name\":\"Tobin\"}]}"));

        assertThat(suggested(BOB, TAVERN, "character import", "name", "")).isEmpty();
    }

    @Test
    void theGmsNpcImportRemembersTheFileForTheNameOptionOfBothImports() {
        bot.run(GM, TAVERN, "npc import", "file", resource("tuppers-full.json"));

        assertThat(suggested(GM, TAVERN, "npc import", "name", "李")).containsExactly("李白");
        assertThat(suggested(GM, TAVERN, "character import", "name", "zo")).containsExactly("Zoë 🌸 Hartley");
        assertThat(suggested(ALICE, TAVERN, "npc import", "name", "")).isEmpty();
    }

    @Test
    void nameImportsOneMemberUnderItsDisplayNameWithItsProxyAvatar() {
        Reply reply = bot.run(ALICE, TAVERN, "character import", "file", resource("system-v2.json"), "name", "ari");

        assertThat(reply.error()).isFalse();
        assertThat(character(ALICE).name()).isEqualTo("Ariadne ✨");
        assertThat(character(ALICE).avatarUrl()).contains("https://files.pluralkit.me/member/aaaaa-proxy.png");
        assertThat(character(ALICE).description()).isEqualTo("Keeper of the lamp room.");
        assertThat(character(ALICE).proxyTags()).extracting(dev.campaignkeeper.core.model.ProxyTag::display)
                .containsExactly("a:text", "{text}");
    }

    @Test
    void badFilesGetOneClearMessageEachAndChangeNothing() {
        GuildState before = bot.state();

        assertThat(bot.run(BOB, TAVERN, "character import", "file", file("notes.txt", "just some notes")).text())
                .contains("\"notes.txt\" is not valid JSON");
        assertThat(bot.run(BOB, TAVERN, "character import", "file", file("export.json", "{\"campaign\":{}}")).text())
                .contains("neither a Tupperbox export");
        assertThat(bot.run(BOB, TAVERN, "character import", "file",
                file("tuppers.json", "{\"tuppers\":[{\"name\":\"Discord Mod\"}]}")).text())
                .contains("\"Discord Mod\" cannot be imported", "Nothing was imported");
        assertThat(bot.run(BOB, TAVERN, "character import", "file",
                new Upload("system.json", "application/json", new byte[8 * 1024 * 1024 + 1])).text())
                .contains("up to 8 MB");
        assertThat(bot.state()).isEqualTo(before);
    }

    @Test
    void aRefusedAvatarIsLeftOutAndTheReplySaysSo() {
        Reply reply = bot.run(BOB, TAVERN, "character import", "file",
                file("tuppers.json", "{\"tuppers\":[{\"name\":\"Tobin\",\"avatar_url\":\"javascript:alert(1)\"}]}"));

        assertThat(reply.error()).isFalse();
        assertThat(reply.text()).contains("avatar link of \"Tobin\" was not accepted", "without an avatar");
        assertThat(character(BOB).avatarUrl()).isEmpty();
    }

    @Test
    void theGmImportsEveryTupperAsNpcs() {
        Reply reply = bot.run(GM, TAVERN, "npc import", "file", resource("tuppers-full.json"));

        assertThat(reply.error()).isFalse();
        assertThat(reply.text()).contains("Imported 2 NPCs **Zoë 🌸 Hartley**, **李白** from the Tupperbox file",
                "description of \"Zoë 🌸 Hartley\" was left out");
        assertThat(bot.state().npcsIn(TAVERN)).extracting(Npc::name).containsExactlyInAnyOrder("Zoë 🌸 Hartley", "李白");
    }

    @Test
    void aPlayerCannotImportNpcs() {
        Reply reply = bot.run(ALICE, TAVERN, "npc import", "file", resource("tuppers-full.json"));

        assertThat(reply.error()).isTrue();
        assertThat(reply.text()).contains("import NPCs");
        assertThat(bot.state().npcsIn(TAVERN)).isEmpty();
    }
}
