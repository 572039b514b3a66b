package dev.campaignkeeper.persistence.json;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One backup in {@code DATA_DIR/backups}.
 *
 * @param id stable identifier: the directory name ({@code backup-<yyyyMMddHHmmssSSS>-<seq>}) or,
 *           for the seed's per-file copies, {@code seed-<yyyyMMddHHmmss>}
 * @param time when it was taken (UTC for native backups; the seed's local time read in the system zone)
 * @param seq sequence number of the state it holds, or -1 for seed-style backups
 * @param sizeBytes bytes on disk
 * @param valid whether every file parsed and matched its checksum ({@link #problem} says why not)
 * @param seedStyle whether it is one of the seed's {@code campaigns.json.YYYYMMDDHHMMSS} copies
 * @param problem why it is not valid
 */
public record BackupInfo(String id, Instant time, long seq, long sizeBytes, boolean valid, boolean seedStyle,
                         Optional<String> problem) {

    /**
     * Validates the fields.
     *
     * @param id stable identifier: the directory name ({@code backup-<yyyyMMddHHmmssSSS>-<seq>}) or, for the seed's per-file copies, {@code seed-<yyyyMMddHHmmss>}
     * @param time when it was taken (UTC for native backups; the seed's local time read in the system zone)
     * @param seq sequence number of the state it holds, or -1 for seed-style backups
     * @param sizeBytes bytes on disk
     * @param valid whether every file parsed and matched its checksum ({@link #problem} says why not)
     * @param seedStyle whether it is one of the seed's {@code campaigns.json.YYYYMMDDHHMMSS} copies
     * @param problem why it is not valid
     */
    public BackupInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(problem, "problem");
    }

    /**
     * The sequence number, when it is known.
     *
     * @return the sequence number, or empty for a seed-style backup (whose sequence is unknown)
     */
    public java.util.OptionalLong sequence() {
        return seq < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(seq);
    }

    /**
     * Which writer made it, for display: {@code "seed"} for the seed bot's backup files,
     * {@code "native"} for this store's backup sets.
     *
     * @return {@code "seed"} or {@code "native"}
     */
    public String kind() {
        return seedStyle ? "seed" : "native";
    }
}
