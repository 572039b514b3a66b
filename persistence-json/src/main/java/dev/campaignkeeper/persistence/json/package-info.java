/**
 * A crash-safe {@link dev.campaignkeeper.core.port.CampaignStore} on the seed's three JSON files.
 *
 * <p>Public entry points: {@link dev.campaignkeeper.persistence.json.JsonCampaignStore} (the store),
 * {@link dev.campaignkeeper.persistence.json.JsonStoreConfig} (its settings),
 * {@link dev.campaignkeeper.persistence.json.JsonPersistenceModule} (Guice wiring),
 * {@link dev.campaignkeeper.persistence.json.ExportJson} (portable campaign export documents) and
 * {@link dev.campaignkeeper.persistence.json.DataDirectory} (the offline admin API used by the CLI).
 * Everything else is package-private.
 *
 * <p>On disk: {@code campaigns.json}, {@code characters.json}, {@code npcs.json} in the seed's exact
 * nested layout (the snapshot); {@code manifest.json} (snapshot sequence number, per-file CRC32C,
 * first journal generation to replay, the backup taken with the snapshot); {@code journal-NNN.log}
 * (one JSON line per mutation with its sequence number and CRC32C); {@code backups/} (gzip-compressed
 * consistent sets, one directory each); {@code .lock} (the writer's PID, held with a
 * {@link java.nio.channels.FileLock}).
 */
package dev.campaignkeeper.persistence.json;
