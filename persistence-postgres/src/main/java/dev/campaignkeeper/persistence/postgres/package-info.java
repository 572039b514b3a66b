/**
 * A {@link dev.campaignkeeper.core.port.CampaignStore} and post log on PostgreSQL 15+, for bots that
 * run several processes against one database.
 *
 * <p>Public entry points: {@link dev.campaignkeeper.persistence.postgres.PostgresCampaignStore} (the
 * store and its post log), {@link dev.campaignkeeper.persistence.postgres.PostgresStoreConfig} (its
 * settings, parsed from a database URL) and
 * {@link dev.campaignkeeper.persistence.postgres.PostgresPersistenceModule} (Guice wiring). Everything
 * else is package-private.
 *
 * <p>In the database: one schema (default {@code campaign_keeper}) holding {@code guilds} (one row per
 * guild: its lock, epoch and owner), {@code campaigns}, {@code campaign_players}, {@code characters},
 * {@code npcs}, {@code posts} and {@code post_messages}, created and migrated by Flyway
 * ({@code flyway_schema_history}). Snowflakes are text, exactly the decimal digits the JSON files hold.
 */
package dev.campaignkeeper.persistence.postgres;
