package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.imports.ImportedCharacter;
import dev.campaignkeeper.core.imports.ImportedFile;
import dev.campaignkeeper.core.model.Actor;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.CampaignStore;
import dev.campaignkeeper.core.rules.Limits;
import dev.campaignkeeper.core.rules.ProxyTagSyntax;
import dev.campaignkeeper.core.usecase.CharacterImports;
import dev.campaignkeeper.core.usecase.ImportOutcome;
import dev.campaignkeeper.imports.CharacterFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code campaign-admin import-characters FILE --guild G --channel C --user U [--name N]}: the
 * bot's character import, offline: a Tupperbox or PluralKit export becomes user U's character in
 * the campaign of channel C (created, or replacing theirs), with the bot's rules. With {@code --npcs}
 * (and no {@code --user}) the entries become NPCs of the campaign instead, as its GM's
 * {@code /npc import} makes them: all or nothing, within the NPC limit, no name taken twice.
 */
@Command(name = "import-characters", mixinStandardHelpOptions = true, versionProvider = CampaignAdmin.Version.class,
        sortOptions = false,
        description = {"Imports one character of a Tupperbox (tuppers.json) or PluralKit (system.json, version 1 or 2)"
                + " export as a player's character in a campaign: created, or replacing the one they have. The same"
                + " rules as the bot's character import: U must be a player of the campaign, a name the input rules"
                + " refuse refuses the import, an avatar link they refuse is left out (and said so).",
                "With --npcs (instead of --user) the entries become NPCs of the campaign, created as by its GM:"
                        + " all of them (or the one --name picks) or none, refused if one name is an existing NPC's or"
                        + " they would not fit in the NPC limit.",
                "Refused with exit 3 while a bot holds the directory; exit 1 if the file is invalid or refused."})
final class ImportCharactersCommand implements Callable<Integer> {

    @ParentCommand
    private CampaignAdmin admin;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the export file (tuppers.json or system.json)")
    private Path file;

    @Option(names = "--guild", paramLabel = "G", required = true, description = "guild id")
    private String guildId;

    @Option(names = "--channel", paramLabel = "C", required = true, description = "the campaign's channel id")
    private String channelId;

    @Option(names = "--user", paramLabel = "U", description = "the player's user id (for a player's character)")
    private String userId;

    @Option(names = "--npcs", description = "import the entries as NPCs of the campaign (as its GM), not as a"
            + " player's character")
    private boolean npcs;

    @Option(names = "--name", paramLabel = "N", description = "which character of the file (needed when it has several)")
    private String name;

    @Option(names = "--json", description = "print one JSON document")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        GuildId guild = ShowCommand.guild(spec, guildId);
        ChannelId channel = ShowCommand.channel(spec, channelId);
        if (npcs == (userId != null)) {
            throw new CliException(ExitCodes.USAGE, npcs
                    ? "--npcs imports NPCs as the campaign's GM; leave out --user"
                    : "Missing required option: '--user=U' (or --npcs to import NPCs)");
        }
        Path dir = admin.existingDataDir();
        CharacterImports.checkFileSize(file.toString(), Files.size(file));
        ImportedFile parsed = CharacterFiles.parse(file.getFileName().toString(), Files.readAllBytes(file));
        Optional<String> pick = Optional.ofNullable(name).filter(value -> !value.isBlank());
        if (npcs) {
            return importNpcs(dir, guild, channel, parsed, pick);
        }
        UserId user = ShowCommand.user(spec, userId);
        if (pick.isEmpty() && parsed.entries().size() > 1) {
            throw new CliException(ExitCodes.PROBLEMS, file + " is a " + parsed.format() + " file with "
                    + parsed.entries().size() + " characters (" + names(parsed.entries())
                    + "); say which one to import with --name; nothing imported");
        }
        ImportOutcome<PlayerCharacter> outcome = inStore(dir, "import characters", store -> new CharacterImports(
                store, Limits.defaults()).importCharacter(Actor.member(user), guild, channel, parsed, pick));
        PlayerCharacter character = outcome.imported();
        if (json) {
            Map<String, Object> document = header(parsed, guild, channel);
            document.put("user", user.value());
            document.put("name", character.name());
            document.put("avatar_url", character.avatarUrl().orElse(null));
            document.put("notes", outcome.notes());
            admin.printJson(document);
        } else {
            admin.out().println("Imported \"" + character.name() + "\" from the " + parsed.format() + " file " + file
                    + " as the character of user " + user + " in guild " + guild + " channel " + channel + ".");
            outcome.notes().forEach(note -> admin.out().println("  " + note));
            admin.out().flush();
        }
        return ExitCodes.OK;
    }

    private Integer importNpcs(Path dir, GuildId guild, ChannelId channel, ImportedFile parsed,
                               Optional<String> pick) {
        ImportOutcome<List<Npc>> outcome = inStore(dir, "import NPCs", store -> {
            Campaign campaign = store.guild(guild).campaign(channel).orElseThrow(() -> new CliException(
                    ExitCodes.PROBLEMS, "guild " + guild + " has no campaign in channel " + channel
                    + "; nothing imported"));
            return new CharacterImports(store, Limits.defaults())
                    .importNpcs(Actor.member(campaign.gm()), guild, channel, parsed, pick);
        });
        List<Npc> imported = outcome.imported();
        if (json) {
            Map<String, Object> document = header(parsed, guild, channel);
            document.put("npcs", imported.stream().map(npc -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", npc.id().value());
                entry.put("name", npc.name());
                entry.put("avatar_url", npc.avatarUrl().orElse(null));
                entry.put("proxy_tags", ProxyTagSyntax.format(npc.proxyTags()));
                return entry;
            }).toList());
            document.put("notes", outcome.notes());
            admin.printJson(document);
        } else {
            admin.out().println("Imported " + imported.size() + (imported.size() == 1 ? " NPC" : " NPCs") + " from the "
                    + parsed.format() + " file " + file + " into the campaign of guild " + guild + " channel " + channel
                    + ": " + imported.stream().map(npc -> "\"" + npc.name() + "\" (id " + npc.id().value() + ")")
                    .collect(Collectors.joining(", ")) + ".");
            outcome.notes().forEach(note -> admin.out().println("  " + note));
            admin.out().flush();
        }
        return ExitCodes.OK;
    }

    /** Runs one import on the data directory opened for writing (refused while a bot holds it). */
    private <T> T inStore(Path dir, String what, java.util.function.Function<CampaignStore, T> work) {
        admin.requireUnlocked(dir, what);
        try (Progress progress = admin.progress("import-characters")) {
            progress.phase("opening the data directory");
            try (CampaignStore store = admin.openForWrite(dir)) {
                progress.phase("importing");
                T result = work.apply(store);
                progress.phase("closing the data directory (checkpoint)");
                return result;
            }
        }
    }

    /** The fields every JSON answer starts with: what was read and where it went. */
    private Map<String, Object> header(ImportedFile parsed, GuildId guild, ChannelId channel) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("file", file.toString());
        document.put("format", parsed.format());
        document.put("guild", guild.value());
        document.put("channel", channel.value());
        return document;
    }

    private static String names(List<ImportedCharacter> entries) {
        String listed = entries.stream().limit(25).map(entry -> "\"" + entry.name() + "\"")
                .collect(Collectors.joining(", "));
        return entries.size() > 25 ? listed + " and " + (entries.size() - 25) + " more" : listed;
    }
}
