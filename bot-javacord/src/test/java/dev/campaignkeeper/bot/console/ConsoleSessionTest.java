package dev.campaignkeeper.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.bot.command.CommandHandlers;
import dev.campaignkeeper.core.memory.InMemoryCampaignStore;
import dev.campaignkeeper.core.memory.InMemoryChatPlatform;
import dev.campaignkeeper.core.rules.Limits;
import dev.campaignkeeper.core.usecase.CampaignKeeper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleSessionTest {

    @TempDir
    Path exports;

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    private final java.util.List<InMemoryChatPlatform.Post> platformPosts = new java.util.ArrayList<>();

    private String play(String script) {
        ConsoleNames names = new ConsoleNames();
        InMemoryChatPlatform platform = new InMemoryChatPlatform(post -> {
            platformPosts.add(post);
            out.println(ConsoleSession.formatPost(post));
        });
        CampaignKeeper keeper = CampaignKeeper.create(new InMemoryCampaignStore(), platform, Limits.defaults(),
                Clock.systemUTC());
        CommandHandlers handlers = new CommandHandlers(keeper, export -> "{\"name\":\"" + export.campaign().name()
                + "\"}", names::show, ConsoleModule.transcriptStyle(names));
        new ConsoleSession(handlers, platform, names, out, exports)
                .run(new BufferedReader(new StringReader(script)), true);
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void campaignLogSavesTheTranscriptIntoTheExportsFolderNamingPlayersByTheirConsoleNames() throws Exception {
        String transcript = play("""
                /as Gwen
                /in #tavern
                /campaign create name:"The Lost Mine"
                /as Alice
                /campaign join
                /character create name:Tilda
                /say Hello there.
                /in #tavern/quest
                /say Into the quest.
                /campaign log
                /as Gwen
                /campaign log
                /campaign log format:html
                /campaign log
                """);

        assertThat(transcript).contains("Only the campaign's GM")
                .contains("(attached the-lost-mine-transcript.md, saved as")
                .contains("(attached the-lost-mine-transcript.html, saved as");
        String markdown = Files.readString(exports.resolve("the-lost-mine-transcript.md"));
        assertThat(markdown).containsSubsequence("## Campaign channel", "### Tilda", "played by Alice",
                "> Hello there.", "## Thread ", "### Tilda", "> Into the quest.");
        assertThat(Files.readString(exports.resolve("the-lost-mine-transcript-2.md"))).as("a second one is kept too")
                .contains("> Hello there.", "> Into the quest.");
        assertThat(Files.readString(exports.resolve("the-lost-mine-transcript.html"))).startsWith("<!DOCTYPE html>")
                .contains("Into the quest.");
    }

    @Test
    void switchingUsersAndChannelsChangesWhoActsWhere() {
        String transcript = play("""
                /as Gwen
                /in #tavern
                /campaign create
                /as Alice
                /campaign join
                /whoami
                """);

        assertThat(transcript)
                .contains("Gwen #tavern> /campaign create")
                .contains("[Campaign Keeper] The campaign tavern begins in this channel, run by @Gwen")
                .contains("[Campaign Keeper] @Alice joined tavern as a player.")
                .contains("You are Alice in #tavern.");
    }

    @Test
    void postsGoIntoThreadsSpanLinesAndTheLatestCanBeEditedAndDeleted() {
        String transcript = play("""
                /as Gwen
                /in #tavern
                /campaign create
                /as Alice
                /campaign join
                /character create name:Tilda
                /in #tavern/quest
                /say First line, \\
                second line.
                /campaign info
                /edit Better words.
                /delete
                /delete
                /in #market/side-quest
                /say Hello?
                """);

        assertThat(transcript)
                .contains("Alice #tavern/quest> /say First line, \\")
                .contains("[Tilda] First line,\n    second line.")
                .contains("[Campaign Keeper, to Alice only] tavern")
                .contains("Edited your post as Tilda.")
                .contains("Deleted your post as Tilda.")
                .contains("Error: You have no post in this campaign that the bot remembers.")
                .contains("Error: This thread's channel has no campaign.");
    }

    @Test
    void aForumChannelHoldsACampaignItsPostsAreSpokenInAndATitleStartsANewPost() {
        String transcript = play("""
                /forum lore
                /in #lore
                /as Gwen
                /in #lore/session-1
                /campaign create name:"Lore Keepers"
                /as Alice
                /campaign join
                /character create name:Tilda
                /say In the first post.
                /say title:"Chapter 2" text:"A new chapter begins."
                /in #lore/Chapter-2
                /say Still in chapter two.
                /edit Still in chapter 2.
                /say title:Interlude text:Meanwhile.
                """);

        assertThat(transcript)
                .contains("#lore is a forum channel: its threads are forum posts.")
                .contains("#lore is a forum channel: nothing is posted in the forum itself.")
                .contains("You are now in #lore/session-1, a post of the forum #lore.")
                .contains("[Campaign Keeper] The campaign Lore Keepers begins")
                .contains("[Tilda] In the first post.")
                .contains("[Tilda] A new chapter begins.")
                .contains("starting the forum post #lore/Chapter 2")
                .contains("(started the forum post #lore/Chapter 2; go there with /in #lore/Chapter-2)")
                .contains("Alice #lore/Chapter-2> /say Still in chapter two.")
                .contains("Edited your post as Tilda.")
                .contains("(started the forum post #lore/Interlude; go there with /in #lore/Interlude)");
        assertThat(platformPosts).extracting(post -> post.thread().orElseThrow().value() + ":" + post.text())
                .as("the second chapter's posts are in the post the title started")
                .satisfies(posts -> {
                    assertThat(posts).hasSize(4);
                    String chapterTwo = posts.get(1).split(":")[0];
                    assertThat(posts.get(2)).startsWith(chapterTwo + ":").endsWith("Still in chapter two.");
                    assertThat(posts.get(0)).doesNotStartWith(chapterTwo + ":");
                });
    }

    @Test
    void anAvatarFileFromTheDiskIsKeptAndANonImageIsRefused() throws Exception {
        Path portrait = exports.resolve("tilda.png");
        Files.write(portrait, java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="));
        Path notes = exports.resolve("notes.png");
        Files.writeString(notes, "not an image");

        String transcript = play("""
                /as Gwen
                /campaign create
                /as Alice
                /campaign join
                /character create name:Tilda avatar_file:%s
                /character show
                /say Hello.
                /character edit avatar_file:%s
                """.formatted(portrait, notes));

        assertThat(transcript).contains("Created your character Tilda. The uploaded image is the avatar now")
                .contains("Avatar: " + InMemoryChatPlatform.KEPT_IMAGE_LINKS + "1.png")
                .contains("is not a PNG, JPEG, GIF or WebP image");
        assertThat(platformPosts).singleElement().satisfies(post -> assertThat(post.avatarUrl())
                .hasValue(InMemoryChatPlatform.KEPT_IMAGE_LINKS + "1.png"));
    }

    @Test
    void aForumNameNeedsNoSlashAndAnEmptyOneIsAskedFor() {
        String transcript = play("""
                /forum
                /forum lore/x
                """);

        assertThat(transcript).contains("Give the forum's name: /forum NAME")
                .contains("A forum's name has no /");
    }

    @Test
    void webhookPostsPrintAsDisplayNameAndRefusalsAsPrivateErrors() {
        String transcript = play("""
                /as Gwen
                /campaign create name:"The Lost Mine"
                /npc create name:Grik
                /npc say npc:Grik You shall not pass!
                /as Bob
                /npc say npc:Grik I am Grik now
                """);

        assertThat(transcript)
                .contains("[Grik] You shall not pass!")
                .contains("[Campaign Keeper, to Bob only] Error: Only the campaign's GM")
                .doesNotContain("[Grik] I am Grik now");
    }

    @Test
    void plainLinesWithAProxyTagArePostedInCharacterOnceTheGmTurnsProxyTagsOn() {
        String transcript = play("""
                /as Gwen
                /in #tavern
                /campaign create name:"The Lost Mine"
                /npc create name:Grik
                /npc edit npc:Grik tags:"G:text | G::text"
                /as Alice
                /campaign join
                /character create name:Tilda
                /character edit tags:"T:text | [text]"
                T: too early
                /as Gwen
                /campaign settings proxy_tags:true
                /as Alice
                T: Hello there.
                [Ready when you are]
                \\T: not in character
                just me talking
                /character autoproxy enabled:true
                just me talking now
                \\out of character
                G: not my NPC
                /as Gwen
                G: You shall not pass!
                G:: The longest tag wins.
                an ordinary GM line
                """);

        assertThat(transcript)
                .contains("Proxy tags: G:text | G::text")
                .contains("Proxy tags: T:text | [text]")
                .contains("/campaign settings proxy_tags:true")
                .contains("<Alice> T: too early")
                .contains("[Tilda] Hello there.")
                .contains("[Tilda] Ready when you are")
                .contains("<Alice> \\T: not in character")
                .contains("<Alice> just me talking")
                .contains("Autoproxy is on")
                .contains("[Tilda] just me talking now")
                .contains("<Alice> \\out of character")
                .contains("[Tilda] G: not my NPC")
                .contains("[Grik] You shall not pass!")
                .contains("[Grik] The longest tag wins.")
                .contains("<Gwen> an ordinary GM line")
                .doesNotContain("[Tilda] T: too early")
                .doesNotContain("[Grik] : The longest");
        assertThat(platformPosts).extracting(InMemoryChatPlatform.Post::text).containsExactly(
                "Hello there.", "Ready when you are", "just me talking now", "G: not my NPC",
                "You shall not pass!", "The longest tag wins.");
    }

    @Test
    void helpListsEveryCommandAndMistakesAreExplained() {
        String transcript = play("""
                /help
                /dance
                campaign create
                """);

        assertThat(transcript)
                .contains("/campaign create [name:<text>]")
                .contains("/npc say npc:<text> [text:<text>] [title:<text>] [image:<file>]")
                .contains("/as NAME")
                .contains("Unknown command /dance")
                .contains("<you> campaign create")
                .contains("commands start with a slash, e.g. /campaign");
    }

    @Test
    void theExportDirectoryIsCreatedPrivateWithPrivateFiles() throws Exception {
        exports = exports.resolve("new").resolve("exports");

        play("""
                /campaign create name:"The Lost Mine"
                /campaign export
                """);

        assertThat(Files.getPosixFilePermissions(exports))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(exports.getParent()))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(exports.resolve("the-lost-mine-export.json")))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void everyCommandExampleOfTheUserGuideIsUnderstoodWhenPastedIntoTheConsole() throws Exception {
        java.util.List<String> examples = Files.readAllLines(Path.of("..", "docs", "user-guide.md")).stream()
                .filter(line -> line.matches("/(campaign|character|say|npc|roll)\\b.*"))
                .toList();

        assertThat(examples).hasSizeGreaterThan(15);
        for (String example : examples) {
            assertThat(ConsoleLine.parse(example, new ConsoleNames())).as(example)
                    .isInstanceOf(ConsoleLine.Command.class);
        }
    }

    @Test
    void theConsoleShowsNamesExactlyAsStored() {
        String transcript = play("""
                /campaign create name:"**x** ||y|| [l](https://example.com)"
                """);

        assertThat(transcript).contains("The campaign **x** ||y|| [l](https://example.com) begins in this channel");
    }

    @Test
    void anAttachedExportIsSavedToTheExportDirectory() throws Exception {
        String transcript = play("""
                /campaign create name:"The Lost Mine"
                /campaign export
                /quit
                /campaign info
                """);

        assertThat(transcript).contains("(attached the-lost-mine-export.json, saved as");
        assertThat(Files.readString(exports.resolve("the-lost-mine-export.json"))).contains("The Lost Mine");
        assertThat(transcript).endsWith("Bye." + System.lineSeparator());
        assertThat(transcript).doesNotContain("/campaign info");
    }
    @Test
    void characterImportReadsALocalExportFileAndAMissingOneIsExplained(@TempDir Path files) throws Exception {
        Path tuppers = files.resolve("tuppers.json");
        Files.writeString(tuppers, "{\"tuppers\":[{\"name\":\"Tilda 🌿\",\"avatar_url\":null,\"brackets\":[\"t:\",\"\"]},"
                + "{\"name\":\"Moss\",\"brackets\":[]}]}", StandardCharsets.UTF_8);

        String transcript = play("/as Gwen\n/in #tavern\n/campaign create\n/as Alice\n/campaign join\n"
                + "/character import file:" + tuppers + "\n"
                + "/character import file:" + tuppers + " name:\"tilda 🌿\"\n"
                + "/character import file:" + files.resolve("nope.json") + "\n"
                + "/character show\n");

        assertThat(transcript)
                .contains("Your Tupperbox file has 2 characters: Tilda 🌿, Moss.")
                .contains("Imported Tilda 🌿 from your Tupperbox file as your character")
                .contains("There is no file " + files.resolve("nope.json"))
                .contains("Tilda 🌿, played by @Alice");
    }
}
