package dev.campaignkeeper.backup.s3;

import java.util.List;

/**
 * What one {@link OffsiteBackups#sync} did.
 *
 * @param uploaded sets copied to the bucket
 * @param removed  remote sets removed because the local retention pruned them
 * @param skipped  local sets not copied this time, each with the reason (e.g. pruned while copying)
 * @param bytes    bytes uploaded
 */
public record SyncResult(List<String> uploaded, List<String> removed, List<String> skipped, long bytes) {

    public SyncResult {
        uploaded = List.copyOf(uploaded);
        removed = List.copyOf(removed);
        skipped = List.copyOf(skipped);
    }
}
