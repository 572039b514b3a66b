package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class JsonStoreConfigTest {

    private static final Path DIR = Path.of("data");

    @Test
    void defaultsCheckpointEvery100000EntriesOr64MiBOr15MinutesAndPreallocate8MiB() {
        JsonStoreConfig config = JsonStoreConfig.defaults(DIR);

        assertThat(config.dataDir()).isEqualTo(DIR);
        assertThat(config.retention()).isEqualTo(RetentionPolicy.defaults());
        assertThat(config.checkpointAfterEntries()).isEqualTo(100_000);
        assertThat(config.checkpointAfterBytes()).isEqualTo(64L << 20);
        assertThat(config.checkpointInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.journalPreallocateBytes()).isEqualTo(8L << 20);
        assertThat(config.checkpointOnClose()).isTrue();
        assertThat(config.clock().getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void everyWitherChangesOnlyItsOwnSetting() {
        JsonStoreConfig base = JsonStoreConfig.defaults(DIR);
        Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        RetentionPolicy retention = new RetentionPolicy(1, 2, 3, 4);

        assertThat(base.withRetention(retention)).isEqualTo(new JsonStoreConfig(DIR, retention, 100_000, 64L << 20,
                Duration.ofMinutes(15), 8L << 20, true, base.clock(), 10_000));
        assertThat(base.withCheckpointTriggers(5, 6, Duration.ofSeconds(7))).isEqualTo(new JsonStoreConfig(DIR,
                RetentionPolicy.defaults(), 5, 6, Duration.ofSeconds(7), 8L << 20, true, base.clock(), 10_000));
        assertThat(base.withJournalPreallocateBytes(0)).isEqualTo(new JsonStoreConfig(DIR, RetentionPolicy.defaults(),
                100_000, 64L << 20, Duration.ofMinutes(15), 0, true, base.clock(), 10_000));
        assertThat(base.withCheckpointOnClose(false)).isEqualTo(new JsonStoreConfig(DIR, RetentionPolicy.defaults(),
                100_000, 64L << 20, Duration.ofMinutes(15), 8L << 20, false, base.clock(), 10_000));
        assertThat(base.withClock(clock)).isEqualTo(new JsonStoreConfig(DIR, RetentionPolicy.defaults(),
                100_000, 64L << 20, Duration.ofMinutes(15), 8L << 20, true, clock, 10_000));
    }

    @Test
    void triggersMustBePositiveAndPreallocationNotNegative() {
        JsonStoreConfig base = JsonStoreConfig.defaults(DIR);

        assertThat(base.withCheckpointTriggers(1, 1, Duration.ofNanos(1)).checkpointAfterEntries()).isEqualTo(1);
        assertThatThrownBy(() -> base.withCheckpointTriggers(0, 1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.withCheckpointTriggers(1, 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.withCheckpointTriggers(1, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.withCheckpointTriggers(1, 1, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.withJournalPreallocateBytes(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retentionCountsMustNotBeNegative() {
        assertThat(new RetentionPolicy(0, 0, 0, 0).last()).isZero();
        assertThatThrownBy(() -> new RetentionPolicy(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetentionPolicy(0, -1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetentionPolicy(0, 0, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetentionPolicy(0, 0, 0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(RetentionPolicy.defaults()).isEqualTo(new RetentionPolicy(10, 24, 7, 4));
    }

    @Test
    void loadWarningReadsAsFileLocationAndMessage() {
        assertThat(new LoadWarning("campaigns.json", "$.1.2.name", "too long"))
                .hasToString("campaigns.json $.1.2.name: too long");
    }

    @Test
    void aRecoveryReportIsCleanWithoutEvents() {
        RecoveryReport clean = new RecoveryReport(3, RecoveryReport.Source.SNAPSHOT, java.util.Optional.empty(),
                java.util.List.of(), false, java.util.List.of(), java.util.List.of());
        RecoveryReport eventful = new RecoveryReport(3, RecoveryReport.Source.BACKUP, java.util.Optional.of("b"),
                java.util.List.of("recovered from backup b"), false, java.util.List.of(), java.util.List.of());

        assertThat(clean.clean()).isTrue();
        assertThat(eventful.clean()).isFalse();
    }
}
