package dev.campaignkeeper.cli;

import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.persistence.postgres.PostgresCampaignStore;
import dev.campaignkeeper.persistence.postgres.PostgresStoreConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --database-url URL [--schema NAME]} options of the commands that also work on a
 * PostgreSQL store ({@code inspect}, {@code show}, {@code verify}, {@code export}, {@code import}),
 * and the refusal of {@code backups}/{@code restore} on one. Without {@code --database-url} the
 * command works on the data directory as before. The database is read and written through the
 * store port ({@link dev.campaignkeeper.core.port.CampaignStore}).
 */
final class DatabaseOption {

    @Option(names = "--database-url", paramLabel = "URL",
            description = "work on this PostgreSQL store instead of --data: postgresql://user@host:5432/database"
                    + " (password from the URL or $PGPASSWORD; never shown)")
    private String url;

    @Option(names = "--schema", paramLabel = "NAME",
            description = "with --database-url: the schema (default " + PostgresStoreConfig.DEFAULT_SCHEMA + ")")
    private String schema;

    /**
     * Whether {@code --database-url} was given.
     *
     * @return whether the command works on a database
     */
    boolean isSet() {
        return url != null;
    }

    /**
     * The store settings.
     *
     * @param admin the CLI, for the environment ({@code PGPASSWORD})
     * @return the settings
     * @throws CliException with the usage exit code for a bad URL or schema, or {@code --schema} alone
     */
    PostgresStoreConfig config(CampaignAdmin admin) {
        if (url == null) {
            throw new CliException(ExitCodes.USAGE, "--schema goes with --database-url");
        }
        PostgresStoreConfig config = admin.databaseConfig(url);
        try {
            return schema == null ? config : config.withSchema(schema);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "--schema: " + e.getMessage());
        }
    }

    /**
     * Opens the database's store (creating or migrating its tables if needed).
     *
     * @param admin the CLI
     * @return the open store; the caller closes it
     */
    PostgresCampaignStore open(CampaignAdmin admin) {
        return PostgresCampaignStore.open(config(admin));
    }

    /**
     * Every guild in the database, read through the store port.
     *
     * @param admin the CLI
     * @return the guilds' states, by guild id
     */
    Map<GuildId, GuildState> readAll(CampaignAdmin admin) {
        try (PostgresCampaignStore store = open(admin)) {
            Map<GuildId, GuildState> guilds = new LinkedHashMap<>();
            store.guilds().stream().sorted(Records.GUILD_ORDER).forEach(guild -> guilds.put(guild, store.guild(guild)));
            return guilds;
        }
    }

    /**
     * One guild's state in the database.
     *
     * @param admin the CLI
     * @param guild the guild
     * @return its state (empty if it has none)
     */
    GuildState read(CampaignAdmin admin, GuildId guild) {
        try (PostgresCampaignStore store = open(admin)) {
            return store.guild(guild);
        }
    }

    /**
     * The refusal of {@code backups} and {@code restore} on a database.
     *
     * @param command the command
     * @return the exception to throw (exit 1)
     */
    static CliException useDatabaseTools(String command) {
        return new CliException(ExitCodes.PROBLEMS, command + " works on a data directory's backups; a PostgreSQL "
                + "store is backed up and restored with PostgreSQL's own tools: pg_dump -Fc (and pg_restore) for "
                + "copies, continuous WAL archiving for point-in-time recovery (see the admin guide, \"Backups of a "
                + "database\")");
    }
}
