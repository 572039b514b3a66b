package dev.campaignkeeper.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.CampaignExport;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.persistence.json.ExportJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code campaign-admin export --guild G [--campaign C] [--out FILE]}. Read-only.
 *
 * <p>One campaign is written in the store's portable export format (the document the bot's
 * "end campaign" hands the GM). A whole guild is written as a guild export document:
 * <pre>
 * {
 *   "format": "campaign-keeper-guild-export",
 *   "format_version": 1,
 *   "guild_id": "G",
 *   "exported_at": "2026-11-25T20:00:00Z",
 *   "campaigns": [ campaign export document, ... ]
 * }
 * </pre>
 * each element of {@code campaigns} being exactly the single-campaign document. {@code import}
 * accepts both.
 */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = CampaignAdmin.Version.class, sortOptions = false,
        description = {"Writes a portable, versioned JSON copy of one campaign (with its characters and NPCs) in"
                + " the format the bot's \"end campaign\" hands the GM, or of every campaign of a guild as a"
                + " guild export document (\"format\": \"campaign-keeper-guild-export\", \"campaigns\": [...]).",
                "Read-only: works while the bot runs."})
final class ExportCommand implements Callable<Integer> {

    /** The value of {@code format} in a guild export document. */
    static final String GUILD_FORMAT = "campaign-keeper-guild-export";
    /** The guild export document's version. */
    static final int GUILD_FORMAT_VERSION = 1;

    @ParentCommand
    private CampaignAdmin admin;

    @picocli.CommandLine.Mixin
    private DatabaseOption database = new DatabaseOption();

    @Spec
    private CommandSpec spec;

    @Option(names = "--guild", paramLabel = "G", required = true, description = "guild id")
    private String guildId;

    @Option(names = "--campaign", paramLabel = "C", description = "channel id of one campaign (default: all)")
    private String channelId;

    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE (default: stdout)")
    private Path out;

    @Override
    public Integer call() throws IOException {
        GuildId guild = ShowCommand.guild(spec, guildId);
        Path dataDir = database.isSet() ? null : admin.existingDataDir();
        if (dataDir != null && out != null && inside(out, dataDir)) {
            throw new CliException(ExitCodes.USAGE, "--out " + out + " is inside the data directory " + dataDir
                    + "; write the export somewhere else (it would replace or clutter the store's files)");
        }
        GuildState state;
        try (Progress progress = admin.progress("export")) {
            progress.phase("reading the state");
            state = dataDir == null ? database.read(admin, guild) : admin.dataDirectory(dataDir).readGuild(guild).state();
        }
        Instant now = Instant.now();
        String document;
        if (channelId != null) {
            ChannelId channel = ShowCommand.channel(spec, channelId);
            Campaign campaign = state.campaign(channel).orElseThrow(() -> new CliException(ExitCodes.PROBLEMS,
                    "no campaign in channel " + channel + " of guild " + guild));
            document = ExportJson.write(CampaignExport.of(state, campaign, now));
        } else {
            if (state.campaigns().isEmpty()) {
                throw new CliException(ExitCodes.PROBLEMS, "guild " + guild + " has no campaigns to export");
            }
            JsonObject json = new JsonObject();
            json.addProperty("format", GUILD_FORMAT);
            json.addProperty("format_version", GUILD_FORMAT_VERSION);
            json.addProperty("guild_id", guild.value());
            json.addProperty("exported_at", now.toString());
            JsonArray campaigns = new JsonArray();
            for (Campaign campaign : state.campaigns()) {
                campaigns.add(JsonParser.parseString(ExportJson.write(CampaignExport.of(state, campaign, now))));
            }
            json.add("campaigns", campaigns);
            document = CampaignAdmin.GSON.toJson(json);
        }
        if (out == null) {
            admin.out().println(document);
            admin.out().flush();
        } else {
            writeAtomically(out, document.endsWith("\n") ? document : document + "\n");
            admin.err().println("campaign-admin: wrote " + out.toAbsolutePath());
            admin.err().flush();
        }
        return ExitCodes.OK;
    }

    static boolean inside(Path file, Path dir) throws IOException {
        Path parent = file.toAbsolutePath().normalize().getParent();
        Path realParent = parent != null && Files.isDirectory(parent) ? parent.toRealPath() : parent;
        return realParent != null && realParent.startsWith(dir.toRealPath());
    }

    static void writeAtomically(Path file, String text) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path temp = Files.createTempFile(parent, "." + absolute.getFileName(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
