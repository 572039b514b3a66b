package dev.campaignkeeper.bot;

import dev.campaignkeeper.backup.s3.OffsiteBackups;
import dev.campaignkeeper.backup.s3.OffsiteConfig;
import dev.campaignkeeper.backup.s3.OffsiteSchedule;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Off-site backups for the bot, from the environment: {@code CAMPAIGN_OFFSITE=s3://BUCKET/PREFIX},
 * optionally {@code CAMPAIGN_S3_ENDPOINT}, {@code CAMPAIGN_S3_REGION}, {@code CAMPAIGN_OFFSITE_INTERVAL}
 * (an ISO-8601 duration such as {@code PT10M}) and {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}
 * (else the AWS default chain). Read and checked before anything starts.
 */
final class OffsiteSetup {

    static final String LOCATION = "CAMPAIGN_OFFSITE";
    static final String ENDPOINT = "CAMPAIGN_S3_ENDPOINT";
    static final String REGION = "CAMPAIGN_S3_REGION";
    static final String INTERVAL = "CAMPAIGN_OFFSITE_INTERVAL";

    /** Checked settings, ready to start once the store is open. */
    record Settings(OffsiteConfig config, Duration interval, Map<String, String> env) {
        Settings {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(interval, "interval");
            env = Map.copyOf(env);
        }

        /** Never shows the credentials. */
        @Override
        public String toString() {
            return "Settings[" + config.location() + ", every " + interval + "]";
        }

        OffsiteSchedule start(Path dataDir) {
            return OffsiteSchedule.start(OffsiteBackups.open(config, env), dataDir, interval);
        }
    }

    private OffsiteSetup() {
    }

    /**
     * Reads the settings.
     *
     * @param env      the environment
     * @param database whether the bot runs on PostgreSQL (off-site copies are for the JSON store)
     * @return the settings, or empty if {@code CAMPAIGN_OFFSITE} is not set
     * @throws IllegalArgumentException with a message saying which variable is wrong and how
     */
    static Optional<Settings> fromEnvironment(Map<String, String> env, boolean database) {
        Optional<String> location = value(env, LOCATION);
        if (location.isEmpty()) {
            return Optional.empty();
        }
        if (database) {
            throw new IllegalArgumentException(LOCATION + " copies the JSON store's backups; on PostgreSQL use its"
                    + " own tools (pg_dump, or base backups with WAL archiving) and unset " + LOCATION);
        }
        OffsiteConfig config = OffsiteConfig.parse(location.get(), value(env, ENDPOINT), value(env, REGION));
        Duration interval = OffsiteSchedule.DEFAULT_INTERVAL;
        Optional<String> every = value(env, INTERVAL);
        if (every.isPresent()) {
            try {
                interval = Duration.parse(every.get());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(INTERVAL + " must be an ISO-8601 duration such as PT10M, not '"
                        + every.get() + "'", e);
            }
            if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException(INTERVAL + " must be at least PT1S, not " + every.get());
            }
        }
        if (value(env, "AWS_ACCESS_KEY_ID").isPresent() != value(env, "AWS_SECRET_ACCESS_KEY").isPresent()) {
            throw new IllegalArgumentException("set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither");
        }
        // only the keys the S3 client needs: the environment also holds the Discord token
        Map<String, String> keys = new java.util.HashMap<>();
        value(env, "AWS_ACCESS_KEY_ID").ifPresent(v -> keys.put("AWS_ACCESS_KEY_ID", v));
        value(env, "AWS_SECRET_ACCESS_KEY").ifPresent(v -> keys.put("AWS_SECRET_ACCESS_KEY", v));
        return Optional.of(new Settings(config, interval, keys));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
