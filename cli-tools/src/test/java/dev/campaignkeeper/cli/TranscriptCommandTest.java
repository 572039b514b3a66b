package dev.campaignkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.PostRecord;
import dev.campaignkeeper.core.model.WebhookId;
import dev.campaignkeeper.persistence.json.JsonCampaignStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code campaign-admin transcript}: a campaign's transcript from the post log, offline and read-only. */
class TranscriptCommandTest {

    private static final ChannelId THREAD = ChannelId.of("900000000000000777");

    @TempDir
    Path tmp;

    private static PostRecord post(long message, Optional<ChannelId> thread, Optional<NpcId> npc, String speaker,
                                   String text) {
        return new PostRecord(NativeDirs.GUILD, NativeDirs.CHANNEL, WebhookId.of(5), thread,
                List.of(MessageId.of(message)), npc.isPresent() ? NativeDirs.GM : NativeDirs.PLAYER, npc, speaker,
                Instant.parse("2026-12-01T20:00:00Z").plusSeconds(message), text);
    }

    /** A campaign with three posts (one in a thread, one by an NPC) and one deleted. */
    private Path scene() {
        Path dir = NativeDirs.healthy(tmp.resolve("native"));
        try (JsonCampaignStore store = JsonCampaignStore.open(NativeDirs.config(dir))) {
            store.postLog().append(post(101, Optional.empty(), Optional.empty(), "Hero", "We set out."));
            store.postLog().append(post(102, Optional.empty(), Optional.of(NpcId.of("npc1")), "Innkeeper",
                    "Safe travels!"));
            store.postLog().append(post(103, Optional.of(THREAD), Optional.empty(), "Hero", "In the woods."));
            store.postLog().append(post(104, Optional.empty(), Optional.empty(), "Hero", "Deleted words."));
            store.postLog().remove(NativeDirs.GUILD, MessageId.of(104));
        }
        return dir;
    }

    @Test
    void writesTheCampaignsPostsAsMarkdownOnStdoutEvenWhileTheBotRuns() {
        Path dir = scene();
        try (var running = NativeDirs.hold(dir)) {
            Run run = Run.of("--data", dir.toString(), "transcript", "--guild", NativeDirs.GUILD.value(),
                    "--channel", NativeDirs.CHANNEL.value());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).startsWith("# Transcript: Dragons of Autumn")
                    .containsSubsequence("## Campaign channel", "### Hero", "played by user "
                            + NativeDirs.PLAYER.value(), "> We set out.", "### Innkeeper", "NPC, played by user "
                            + NativeDirs.GM.value(), "> Safe travels!", "## Thread " + THREAD.value(),
                            "> In the woods.")
                    .contains("[message](<https://discord.com/channels/" + NativeDirs.GUILD.value() + "/"
                            + THREAD.value() + "/103>)")
                    .doesNotContain("Deleted words.");
        }
    }

    @Test
    void aThreadAndHtmlIntoAFile() throws Exception {
        Path dir = scene();
        Path out = tmp.resolve("out").resolve("woods.html");

        Run run = Run.of("--data", dir.toString(), "transcript", "--guild", NativeDirs.GUILD.value(),
                "--channel", NativeDirs.CHANNEL.value(), "--thread", THREAD.value(), "--format", "html",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("wrote 1 posts to");
        String html = Files.readString(out);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("In the woods.").doesNotContain("We set out.");
    }

    @Test
    void noSuchCampaignNoPostsAndABadFormatAreOneLineEach() {
        Path dir = scene();

        Run missing = Run.of("--data", dir.toString(), "transcript", "--guild", NativeDirs.GUILD.value(),
                "--channel", "123");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(missing.err()).contains("no campaign in channel 123");

        Run empty = Run.of("--data", dir.toString(), "transcript", "--guild", NativeDirs.GUILD.value(),
                "--channel", NativeDirs.CHANNEL.value(), "--thread", "42");
        assertThat(empty.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(empty.err()).contains("only thread 42");

        Run format = Run.of("--data", dir.toString(), "transcript", "--guild", NativeDirs.GUILD.value(),
                "--channel", NativeDirs.CHANNEL.value(), "--format", "pdf");
        assertThat(format.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(format.err()).contains("--format is markdown or html");
    }
}
