package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.error.CampaignKeeperException;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.PostRecord;
import dev.campaignkeeper.core.port.PostLog;
import dev.campaignkeeper.core.transcript.Transcript;
import dev.campaignkeeper.core.transcript.TranscriptFormat;
import dev.campaignkeeper.core.transcript.TranscriptStyle;
import dev.campaignkeeper.core.usecase.TranscriptService;
import dev.campaignkeeper.persistence.json.DataDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code campaign-admin transcript --guild G --channel C [--thread T] [--format markdown|html]
 * [--out FILE]}: a campaign's scene transcript from the post log, offline. Read-only.
 */
@Command(name = "transcript", mixinStandardHelpOptions = true, versionProvider = CampaignAdmin.Version.class,
        sortOptions = false,
        description = {"Writes a campaign's in-character posts from the post log, in the order they were posted"
                + " and as they are now (deleted posts left out), each with its character, avatar, the user who"
                + " posted it, time, text, rolls and image links; each thread or forum post is a section.",
                "Markdown reads well on GitHub; html is one self-contained page that prints well.",
                "Read-only: works while the bot runs."})
final class TranscriptCommand implements Callable<Integer> {

    @ParentCommand
    private CampaignAdmin admin;

    @Spec
    private CommandSpec spec;

    @Option(names = "--guild", paramLabel = "G", required = true, description = "guild id")
    private String guildId;

    @Option(names = "--channel", paramLabel = "C", required = true, description = "the campaign's channel id")
    private String channelId;

    @Option(names = "--thread", paramLabel = "T",
            description = "only the posts of this thread or forum post (the channel id itself: only the channel's own)")
    private String threadId;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
            description = "markdown (default) or html")
    private String format;

    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE (default: stdout)")
    private Path out;

    @Override
    public Integer call() throws IOException {
        GuildId guild = ShowCommand.guild(spec, guildId);
        ChannelId channel = ShowCommand.channel(spec, channelId);
        Optional<ChannelId> thread = threadId == null ? Optional.empty()
                : Optional.of(ShowCommand.channel(spec, threadId));
        TranscriptFormat chosen = TranscriptFormat.named(format).orElseThrow(() -> new CliException(ExitCodes.USAGE,
                "--format is markdown or html, not \"" + format + "\""));
        Path dataDir = admin.existingDataDir();
        if (out != null && ExportCommand.inside(out, dataDir)) {
            throw new CliException(ExitCodes.USAGE, "--out " + out + " is inside the data directory " + dataDir
                    + "; write the transcript somewhere else");
        }
        DataDirectory store = admin.dataDirectory(dataDir);
        GuildState state;
        PostLog posts;
        try (Progress progress = admin.progress("transcript")) {
            progress.phase("reading the state");
            state = store.readGuild(guild).state();
            progress.phase("reading the post log");
            posts = store.readPostLog();
        }
        Campaign campaign = state.campaign(channel).orElseThrow(() -> new CliException(ExitCodes.PROBLEMS,
                "no campaign in channel " + channel + " of guild " + guild));
        Transcript transcript;
        try {
            transcript = TranscriptService.transcriptOf(campaign, posts,
                    new TranscriptService.Range(Optional.empty(), Optional.empty(), thread), Instant.now());
        } catch (CampaignKeeperException e) {
            throw new CliException(ExitCodes.PROBLEMS, e.getMessage()
                    + (thread.isPresent() ? " (only thread " + thread.get() + " was asked for)" : ""));
        }
        String text = chosen.render(transcript, style());
        if (out == null) {
            admin.out().print(text);
            admin.out().flush();
        } else {
            ExportCommand.writeAtomically(out, text);
            admin.err().println("campaign-admin: wrote " + transcript.postCount() + " posts to "
                    + out.toAbsolutePath());
            admin.err().flush();
        }
        return ExitCodes.OK;
    }

    /** Users by id (the CLI knows no names), each post linked to its Discord message. */
    static TranscriptStyle style() {
        TranscriptStyle plain = TranscriptStyle.plain();
        return new TranscriptStyle(plain.authorName(), TranscriptCommand::link, plain.threadName());
    }

    private static Optional<String> link(PostRecord post) {
        return Optional.of("https://discord.com/channels/" + post.guild().value() + "/" + post.channel().value()
                + "/" + post.id().value());
    }
}
