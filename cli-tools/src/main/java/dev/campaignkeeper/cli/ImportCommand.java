package dev.campaignkeeper.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.campaignkeeper.core.error.InvalidInputException;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.CampaignExport;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.port.Update;
import dev.campaignkeeper.core.rules.InputRules;
import dev.campaignkeeper.core.rules.Limits;
import dev.campaignkeeper.core.rules.RecordReferences;
import dev.campaignkeeper.persistence.json.ExportJson;
import dev.campaignkeeper.persistence.json.JsonCampaignStore;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code campaign-admin import FILE [--replace]}: loads exported campaigns back. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = CampaignAdmin.Version.class, sortOptions = false,
        description = {"Loads a campaign export (or a guild export document) back into the data directory."
                + " Every value is cleaned and validated like bot input (names, avatar URLs, descriptions,"
                + " unique NPC names, limits); a campaign whose channel already holds a campaign, characters"
                + " or NPCs is refused unless --replace. Each guild's records are written in one atomic update.",
                "Refused with exit 3 while a bot holds the directory; exit 1 if the file is invalid or conflicts."})
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    private CampaignAdmin admin;

    @picocli.CommandLine.Mixin
    private DatabaseOption database = new DatabaseOption();

    @Parameters(paramLabel = "FILE", description = "an export written by `campaign-admin export` or the bot")
    private Path file;

    @Option(names = "--replace", description = "overwrite campaigns (and their characters and NPCs) that exist;"
            + " a safety backup of the current state is taken first")
    private boolean replace;

    @Option(names = "--json", description = "print one JSON document")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        Path dir = database.isSet() ? null : admin.existingDataDir();
        try (Progress progress = admin.progress("import")) {
            return importInto(dir, progress);
        }
    }

    private int importInto(Path dir, Progress progress) throws IOException {
        progress.phase("reading " + file);
        List<CampaignExport> exports = readFile();
        Limits limits = Limits.defaults();
        progress.phase("checking every value", exports.size());
        List<CampaignExport> cleaned = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CampaignExport export : exports) {
            Campaign campaign = export.campaign();
            if (!seen.add(campaign.guild() + "/" + campaign.channel())) {
                throw invalid("lists the campaign of guild " + campaign.guild() + " channel " + campaign.channel()
                        + " twice");
            }
            cleaned.add(validate(export, limits));
            progress.update(cleaned.size());
        }
        if (dir != null) {
            admin.requireUnlocked(dir, "import");
        }
        Map<GuildId, List<CampaignExport>> byGuild = new LinkedHashMap<>();
        cleaned.forEach(e -> byGuild.computeIfAbsent(e.campaign().guild(), g -> new ArrayList<>()).add(e));

        List<Map<String, Object>> imported = new ArrayList<>();
        Optional<String> safetyBackup = Optional.empty();
        progress.phase("opening the data directory");
        JsonCampaignStore jsonStore = dir == null ? null : openJson(dir, byGuild.keySet());
        CampaignStore store = jsonStore != null ? jsonStore : database.open(admin);
        try {
            progress.phase("checking for conflicts", byGuild.size());
            // check every guild before writing any, so a conflict leaves the directory untouched
            boolean overwrites = overwrites(store, byGuild, limits);
            if (overwrites && jsonStore != null && jsonStore.openGuilds().isPresent()) {
                // the safety backup is a checkpoint, written from every guild: open them all
                progress.phase("opening every guild for the safety backup");
                store.close();
                store = null;
                jsonStore = admin.openForWrite(dir);
                store = jsonStore;
                progress.phase("checking for conflicts", byGuild.size());
                overwrites = overwrites(store, byGuild, limits);
            }
            if (overwrites) {
                progress.phase("taking a safety backup");
                // like restore: what --replace overwrites stays restorable
                safetyBackup = jsonStore == null ? Optional.empty() : Optional.of(jsonStore.writeCheckpoint().backupId());
                if (dir == null) {
                    admin.err().println("campaign-admin: warning: no safety backup on a database; the records"
                            + " --replace overwrites can be recovered only from a pg_dump or point-in-time recovery");
                    admin.err().flush();
                } else if (safetyBackup.isEmpty()) {
                    admin.err().println("campaign-admin: warning: no backup of the current state was found; the"
                            + " records --replace overwrites can only be recovered from older backups");
                    admin.err().flush();
                }
            }
            int done = 0;
            progress.phase("writing guilds", byGuild.size());
            for (Map.Entry<GuildId, List<CampaignExport>> entry : byGuild.entrySet()) {
                store.update(entry.getKey(), state -> new Update<>(changesFor(state, entry.getValue(), limits), null));
                for (CampaignExport export : entry.getValue()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("guild", export.campaign().guild().value());
                    row.put("channel", export.campaign().channel().value());
                    row.put("name", export.campaign().name());
                    row.put("characters", export.characters().size());
                    row.put("npcs", export.npcs().size());
                    imported.add(row);
                }
                progress.update(++done);
            }
            progress.phase(jsonStore != null && jsonStore.openGuilds().isPresent()
                    ? "closing the data directory" : "closing the data directory (checkpoint)");
        } finally {
            if (store != null) {
                store.close();
            }
        }
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("file", file.toString());
            document.put("replace", replace);
            document.put("imported", imported);
            document.put("safety_backup", safetyBackup.orElse(null));
            admin.printJson(document);
        } else {
            Table table = new Table("guild", "channel", "campaign", "characters", "npcs");
            imported.forEach(row -> table.row(row.get("guild"), row.get("channel"), row.get("name"),
                    row.get("characters"), row.get("npcs")));
            admin.out().println("Imported " + imported.size() + (imported.size() == 1 ? " campaign" : " campaigns")
                    + " from " + file + ":");
            table.print(admin.out());
            safetyBackup.ifPresent(id -> admin.out().println("The records it replaced are kept in safety backup "
                    + id + " (see `campaign-admin restore`)."));
            admin.out().flush();
        }
        return ExitCodes.OK;
    }

    /**
     * Opens the data directory for the file's guilds only (no other guild is parsed), or whole when
     * the file names none or the directory needs a repair, which only a full open makes.
     */
    private JsonCampaignStore openJson(Path dir, Set<GuildId> guilds) {
        if (guilds.isEmpty()) {
            return admin.openForWrite(dir);
        }
        return admin.openGuildsForWrite(dir, guilds).orElseGet(() -> admin.openForWrite(dir));
    }

    /** Whether importing overwrites any record (only with --replace); throws on a conflict. */
    private boolean overwrites(CampaignStore store, Map<GuildId, List<CampaignExport>> byGuild, Limits limits) {
        boolean overwrites = false;
        for (Map.Entry<GuildId, List<CampaignExport>> entry : byGuild.entrySet()) {
            overwrites |= changesFor(store.guild(entry.getKey()), entry.getValue(), limits).stream()
                    .anyMatch(change -> change instanceof RecordChange.RemoveCampaign
                            || change instanceof RecordChange.RemoveCharacter
                            || change instanceof RecordChange.RemoveNpc);
        }
        return overwrites;
    }

    private List<RecordChange> changesFor(GuildState state, List<CampaignExport> exports, Limits limits) {
        List<RecordChange> changes = new ArrayList<>();
        int campaigns = state.campaigns().size();
        for (CampaignExport export : exports) {
            Campaign campaign = export.campaign();
            ChannelId channel = campaign.channel();
            boolean occupied = state.campaign(channel).isPresent() || !state.charactersIn(channel).isEmpty()
                    || !state.npcsIn(channel).isEmpty();
            if (occupied && !replace) {
                throw new CliException(ExitCodes.PROBLEMS, "guild " + campaign.guild() + " channel " + channel
                        + " already holds " + state.campaign(channel).map(c -> "campaign \"" + c.name() + "\"")
                        .orElse("characters or NPCs") + "; nothing imported (use --replace to overwrite it)");
            }
            if (state.campaign(channel).isEmpty()) {
                campaigns++;
            }
            if (occupied) {
                changes.add(new RecordChange.RemoveCampaign(campaign.guild(), channel));
                state.charactersIn(channel).forEach(c ->
                        changes.add(new RecordChange.RemoveCharacter(c.guild(), c.user(), c.channel())));
                state.npcsIn(channel).forEach(n ->
                        changes.add(new RecordChange.RemoveNpc(n.guild(), n.channel(), n.id())));
            }
            changes.add(new RecordChange.PutCampaign(campaign));
            export.characters().forEach(c -> changes.add(new RecordChange.PutCharacter(c)));
            export.npcs().forEach(n -> changes.add(new RecordChange.PutNpc(n)));
        }
        if (campaigns > limits.campaignsPerGuild()) {
            throw new CliException(ExitCodes.PROBLEMS, "guild " + state.guild() + " would have " + campaigns
                    + " campaigns, more than the limit of " + limits.campaignsPerGuild() + "; nothing imported");
        }
        return changes;
    }

    /** Cleans and checks every value as the bot does for user input. */
    private CampaignExport validate(CampaignExport export, Limits limits) {
        Campaign c = export.campaign();
        String where = "campaign of guild " + c.guild() + " channel " + c.channel();
        String name = check(where, () -> InputRules.name(c.name(), "campaign name"));
        if (c.players().size() > limits.playersPerCampaign()) {
            throw invalid(where + " has " + c.players().size() + " players, more than the limit of "
                    + limits.playersPerCampaign());
        }
        checkReferences(export, where);
        Campaign campaign = c.withName(name);
        List<PlayerCharacter> characters = new ArrayList<>();
        for (PlayerCharacter pc : export.characters()) {
            String at = where + ", character of user " + pc.user();
            characters.add(pc.withName(check(at, () -> InputRules.name(pc.name(), "character name")))
                    .withAvatarUrl(check(at, () -> InputRules.avatarUrl(pc.avatarUrl().orElse(""))))
                    .withDescription(check(at, () -> InputRules.description(pc.description())))
                    .withProxyTags(check(at, () -> InputRules.proxyTags(pc.proxyTags()))));
        }
        if (export.npcs().size() > limits.npcsPerCampaign()) {
            throw invalid(where + " has " + export.npcs().size() + " NPCs, more than the limit of "
                    + limits.npcsPerCampaign());
        }
        List<Npc> npcs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Npc npc : export.npcs()) {
            String at = where + ", NPC " + npc.id();
            String npcName = check(at, () -> InputRules.name(npc.name(), "NPC name"));
            if (!names.add(npcName.toLowerCase(Locale.ROOT))) {
                throw invalid(at + ": another NPC of the campaign is already named \"" + npcName + "\"");
            }
            npcs.add(npc.withName(npcName)
                    .withAvatarUrl(check(at, () -> InputRules.avatarUrl(npc.avatarUrl().orElse(""))))
                    .withProxyTags(check(at, () -> InputRules.proxyTags(npc.proxyTags()))));
        }
        return new CampaignExport(export.formatVersion(), export.exportedAt(), campaign, characters, npcs);
    }

    /**
     * The core's reference checks on the export's records (as verify runs them on a data
     * directory): a GM listed as a player, characters outside the campaign's channel or of users
     * who are not its players, NPCs outside it.
     */
    private void checkReferences(CampaignExport export, String where) {
        Campaign c = export.campaign();
        List<RecordChange> puts = new ArrayList<>();
        puts.add(new RecordChange.PutCampaign(c));
        export.characters().forEach(pc -> puts.add(new RecordChange.PutCharacter(pc)));
        export.npcs().forEach(npc -> puts.add(new RecordChange.PutNpc(npc)));
        GuildState records;
        try {
            records = GuildState.empty(c.guild()).apply(puts);
        } catch (RuntimeException e) {
            throw invalid(where + ": " + Table.oneLine(String.valueOf(e.getMessage())));
        }
        List<RecordReferences.Problem> problems = RecordReferences.check(records);
        if (!problems.isEmpty()) {
            throw invalid((problems.get(0) instanceof RecordReferences.GmListedAsPlayer gm
                ? where + " lists its GM " + gm.campaign().gm()
                        + " as a player"
                : problems.get(0) instanceof RecordReferences.CharacterOfNonPlayer stranger
                ? where + ", character of user "
                        + stranger.character().user() + ": the user is not a player of the campaign"
                : problems.get(0) instanceof RecordReferences.CharacterWithoutCampaign orphan
                ? where + ", character of user "
                        + orphan.character().user() + ": it is in channel " + orphan.character().channel()
                        + ", not in the campaign's"
                : problems.get(0) instanceof RecordReferences.NpcsWithoutCampaign npcs
                ? where + ": " + npcs.npcs().size()
                        + " NPC(s) are in channel " + npcs.channel() + ", not in the campaign's"
                : RecordReferences.unexpected(problems.get(0))));
        }
    }

    private <T> T check(String where, java.util.function.Supplier<T> rule) {
        try {
            return rule.get();
        } catch (InvalidInputException e) {
            throw invalid(where + ": " + e.getMessage());
        }
    }

    private CliException invalid(String message) {
        return new CliException(ExitCodes.PROBLEMS, file + ": " + Messages.clause(message) + "; nothing imported");
    }

    private List<CampaignExport> readFile() throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.USAGE, "import file " + file + " does not exist");
        } catch (MalformedInputException e) {
            throw invalid("not UTF-8 text");
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot read import file " + file + ": "
                    + (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : Messages.ioReason(e)), e);
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw invalid("not valid JSON (" + Table.oneLine(String.valueOf(e.getMessage())) + ")");
        }
        List<CampaignExport> exports = new ArrayList<>();
        if (root.isJsonObject() && root.getAsJsonObject().has("format")
                && ExportCommand.GUILD_FORMAT.equals(asString(root.getAsJsonObject().get("format")))) {
            JsonObject guild = root.getAsJsonObject();
            JsonElement version = guild.get("format_version");
            if (version == null || !version.isJsonPrimitive() || !version.getAsJsonPrimitive().isNumber()
                    || version.getAsDouble() != ExportCommand.GUILD_FORMAT_VERSION) {
                throw invalid("guild export format_version " + version + " is not supported (this tool reads "
                        + ExportCommand.GUILD_FORMAT_VERSION + ")");
            }
            JsonElement campaigns = guild.get("campaigns");
            if (campaigns == null || !campaigns.isJsonArray()) {
                throw invalid("guild export has no \"campaigns\" array");
            }
            String guildId = asString(guild.get("guild_id"));
            int index = 0;
            for (JsonElement campaign : campaigns.getAsJsonArray()) {
                CampaignExport export = readOne(campaign.toString(), "campaigns[" + index + "]");
                if (guildId != null && !export.campaign().guild().value().equals(guildId)) {
                    throw invalid("campaigns[" + index + "] belongs to guild " + export.campaign().guild()
                            + ", not to the document's guild " + guildId);
                }
                exports.add(export);
                index++;
            }
        } else {
            exports.add(readOne(text, "document"));
        }
        return exports;
    }

    private static String asString(JsonElement element) {
        return element != null && element.isJsonPrimitive() ? element.getAsString() : null;
    }

    private CampaignExport readOne(String json, String where) {
        try {
            return ExportJson.read(json);
        } catch (RuntimeException e) {
            if (e instanceof CliException cli) {
                throw cli;
            }
            throw invalid(where + " is not a campaign export: " + Table.oneLine(String.valueOf(e.getMessage())));
        }
    }
}
