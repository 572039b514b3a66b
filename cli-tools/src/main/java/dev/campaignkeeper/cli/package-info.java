/**
 * {@code campaign-admin}, the offline admin CLI for Campaign Keeper data directories: inspection,
 * verification, backups, restore, prune, checkpoint, export/import and the store benchmark.
 * Entry point: {@link dev.campaignkeeper.cli.CampaignAdmin}.
 */
package dev.campaignkeeper.cli;
