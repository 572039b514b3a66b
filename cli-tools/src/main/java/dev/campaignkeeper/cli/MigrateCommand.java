package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.PostRecord;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.port.PostLog;
import dev.campaignkeeper.core.port.Update;
import dev.campaignkeeper.persistence.json.JsonCampaignStore;
import dev.campaignkeeper.persistence.json.JsonStoreConfig;
import dev.campaignkeeper.persistence.postgres.PostgresCampaignStore;
import dev.campaignkeeper.persistence.postgres.PostgresStoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code campaign-admin migrate}: copies a JSON data directory into an empty PostgreSQL schema
 * ({@code --to URL}), or a database back into a new data directory ({@code --from URL --to-dir DIR}).
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, versionProvider = CampaignAdmin.Version.class,
        sortOptions = false,
        description = {
            "--to URL: copies the data directory (--data; seed directories included) and its post log into an"
                    + " empty PostgreSQL schema in one transaction, and checks the counts before committing."
                    + " Refused while a bot holds the directory; the directory is left as it was.",
            "--from URL --to-dir DIR: copies the database back into a new data directory in the seed format"
                    + " (written by the JSON store itself), and checks the counts."})
final class MigrateCommand implements Callable<Integer> {

    @ParentCommand
    private CampaignAdmin admin;

    @Option(names = "--to", paramLabel = "URL",
            description = "copy --data into this database: postgresql://user@host:5432/database (password from"
                    + " the URL or $PGPASSWORD)")
    private String to;

    @Option(names = "--from", paramLabel = "URL", description = "copy this database into --to-dir")
    private String from;

    @Option(names = "--to-dir", paramLabel = "DIR", description = "with --from: a new or empty directory")
    private Path toDir;

    @Option(names = "--schema", paramLabel = "NAME", defaultValue = PostgresStoreConfig.DEFAULT_SCHEMA,
            description = "the schema in the database (default ${DEFAULT-VALUE})")
    private String schema;

    @Option(names = "--json", description = "print one JSON document")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        if ((to == null) == (from == null)) {
            throw new CliException(ExitCodes.USAGE, "give either --to URL (data directory into the database) or"
                    + " --from URL --to-dir DIR (database into a data directory)");
        }
        if (to != null && toDir != null) {
            throw new CliException(ExitCodes.USAGE, "--to-dir goes with --from, not --to");
        }
        if (from != null && toDir == null) {
            throw new CliException(ExitCodes.USAGE, "--from needs --to-dir DIR, a new or empty directory");
        }
        PostgresStoreConfig config;
        try {
            config = admin.databaseConfig(to != null ? to : from).withSchema(schema);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "--schema: " + e.getMessage());
        }
        return to != null ? intoDatabase(config) : intoDirectory(config);
    }

    private int intoDatabase(PostgresStoreConfig config) {
        Path dir = admin.existingDataDir();
        admin.requireUnlocked(dir, "migrate");
        List<GuildState> guilds = new ArrayList<>();
        List<PostRecord> posts = new ArrayList<>();
        try (JsonCampaignStore source = JsonCampaignStore.open(JsonStoreConfig.defaults(dir)
                .withCheckpointOnClose(false))) {
            PostLog log = source.postLog();
            for (GuildId guild : source.guilds()) {
                GuildState state = source.guild(guild);
                guilds.add(state);
                for (Campaign campaign : state.campaigns()) {
                    List<PostRecord> newestFirst = new ArrayList<>(log.recent(guild, campaign.channel(),
                            Integer.MAX_VALUE));
                    Collections.reverse(newestFirst);
                    posts.addAll(newestFirst);
                }
            }
        }
        PostgresCampaignStore.Counts counts;
        try (PostgresCampaignStore target = PostgresCampaignStore.open(config)) {
            counts = target.copyIntoEmpty(guilds, posts);
        }
        report("Copied " + dir.toAbsolutePath() + " into " + config.describe(), counts);
        return ExitCodes.OK;
    }

    private int intoDirectory(PostgresStoreConfig config) throws IOException {
        if (Files.exists(toDir)) {
            try (var entries = Files.list(toDir)) {
                if (entries.findAny().isPresent()) {
                    throw new CliException(ExitCodes.USAGE, "--to-dir " + toDir.toAbsolutePath()
                            + " is not empty; give a new or empty directory");
                }
            }
        }
        List<GuildState> guilds = new ArrayList<>();
        List<PostRecord> posts;
        PostgresCampaignStore.Counts expected;
        try (PostgresCampaignStore source = PostgresCampaignStore.open(config)) {
            expected = source.counts();
            for (GuildId guild : source.guilds()) {
                guilds.add(source.guild(guild));
            }
            posts = source.allPosts();
        }
        JsonStoreConfig target = JsonStoreConfig.defaults(toDir);
        try (JsonCampaignStore store = JsonCampaignStore.open(target)) {
            for (GuildState state : guilds) {
                List<RecordChange> records = new ArrayList<>();
                state.campaigns().forEach(c -> records.add(new RecordChange.PutCampaign(c)));
                state.charactersByUser().values().forEach(byChannel -> byChannel.values().forEach(
                        c -> records.add(new RecordChange.PutCharacter(c))));
                state.npcsByChannel().values().forEach(byId -> byId.values().forEach(
                        n -> records.add(new RecordChange.PutNpc(n))));
                store.update(state.guild(), current -> new Update<>(records, null));
            }
            for (PostRecord post : posts) {
                store.postLog().append(post);
            }
            store.checkpoint();
        }
        List<GuildState> written = new ArrayList<>();
        long writtenPosts = 0;
        try (JsonCampaignStore check = JsonCampaignStore.open(target.withCheckpointOnClose(false))) {
            for (GuildId guild : check.guilds()) {
                GuildState state = check.guild(guild);
                written.add(state);
                for (Campaign campaign : state.campaigns()) {
                    writtenPosts += check.postLog().recent(guild, campaign.channel(), Integer.MAX_VALUE).size();
                }
            }
        }
        PostgresCampaignStore.Counts counts = PostgresCampaignStore.Counts.of(written, List.of());
        counts = new PostgresCampaignStore.Counts(counts.guilds(), counts.campaigns(), counts.characters(),
                counts.npcs(), writtenPosts);
        Map<GuildId, GuildState> byId = new LinkedHashMap<>();
        written.forEach(state -> byId.put(state.guild(), state));
        Map<GuildId, GuildState> sourceById = new LinkedHashMap<>();
        guilds.forEach(state -> sourceById.put(state.guild(), state));
        if (!counts.equals(expected) || !byId.equals(sourceById)) {
            throw new CliException(ExitCodes.PROBLEMS, "the data directory " + toDir.toAbsolutePath() + " holds "
                    + counts + " but the database holds " + expected + " (posts beyond the JSON store's "
                    + target.postRetentionPerCampaign() + " per campaign, or of campaigns that ended, are not kept)");
        }
        report("Copied " + config.describe() + " into " + toDir.toAbsolutePath(), counts);
        return ExitCodes.OK;
    }

    private void report(String what, PostgresCampaignStore.Counts counts) {
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("guilds", counts.guilds());
            document.put("campaigns", counts.campaigns());
            document.put("characters", counts.characters());
            document.put("npcs", counts.npcs());
            document.put("posts", counts.posts());
            admin.printJson(document);
        } else {
            admin.out().println(what + ": " + counts.guilds() + " guilds, " + counts.campaigns() + " campaigns, "
                    + counts.characters() + " characters, " + counts.npcs() + " NPCs, " + counts.posts()
                    + " posts; counts checked.");
            admin.out().flush();
        }
    }
}
