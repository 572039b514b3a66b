/**
 * Off-site copies of the JSON store's backup sets on S3-compatible storage (AWS S3, MinIO, Ceph,
 * Backblaze B2, ...).
 *
 * <p>{@link dev.campaignkeeper.backup.s3.OffsiteBackups} is the whole API: {@code sync} copies every
 * complete local backup set ({@code DATA_DIR/backups/backup-<time>-<seq>/}) that the bucket lacks
 * and removes remote sets that the local retention has pruned; {@code list} shows what the bucket
 * holds; {@code download} brings one set back into the data directory so the ordinary local restore
 * can use it. It reads the backup directory as the data-format documentation describes it and never
 * writes to the data directory except for a download.
 */
package dev.campaignkeeper.backup.s3;
