package dev.campaignkeeper.backup.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.Update;
import dev.campaignkeeper.persistence.json.JsonCampaignStore;
import dev.campaignkeeper.persistence.json.JsonStoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsiteScheduleTest {

    @TempDir
    Path dir;

    @Test
    void theFinalSyncOnCloseCopiesTheBackupOfTheStoresLastCheckpoint() throws Exception {
        try (InProcessS3 server = InProcessS3.start("schedule")) {
            OffsiteSchedule schedule = OffsiteSchedule.start(
                    OffsiteBackups.open(server.config("schedule", ""), InProcessS3.credentials()), dir, Duration.ofHours(1));
            GuildId guild = GuildId.of(77);
            try (JsonCampaignStore store = JsonCampaignStore.open(JsonStoreConfig.defaults(dir))) {
                store.update(guild, state -> new Update<>(List.of(new RecordChange.PutCampaign(new Campaign(guild,
                        ChannelId.of(5), "Last words", UserId.of(6), RoleId.of(7), RoleId.of(8), Optional.empty(),
                        List.of()))), null));
            } // the final checkpoint writes a new backup set
            schedule.close();

            List<String> local;
            try (Stream<Path> sets = Files.list(dir.resolve("backups"))) {
                local = sets.map(p -> p.getFileName().toString()).sorted().toList();
            }
            try (OffsiteBackups check = OffsiteBackups.open(server.config("schedule", ""), InProcessS3.credentials())) {
                assertThat(check.list()).extracting(RemoteBackup::id).containsExactlyElementsOf(local);
            }
            assertThat(schedule.lastFailure()).isNull();
        }
    }

    @Test
    void anUnreachableBucketIsRememberedAsTheLastFailureAndNothingLocalChanges() throws Exception {
        OffsiteConfig nowhere = new OffsiteConfig("nowhere", "", Optional.of(java.net.URI.create("http://127.0.0.1:9")),
                OffsiteConfig.DEFAULT_REGION);
        Files.createDirectories(dir.resolve("backups"));
        OffsiteSchedule schedule = OffsiteSchedule.start(OffsiteBackups.open(nowhere, InProcessS3.credentials()), dir,
                Duration.ofHours(1));
        schedule.close();
        assertThat(schedule.lastFailure()).startsWith("cannot list s3://nowhere");
        assertThat(dir.resolve("backups")).isEmptyDirectory();
    }

    @Test
    void refusesAnIntervalBelowOneSecond() throws Exception {
        try (OffsiteBackups offsite = OffsiteBackups.open(new OffsiteConfig("bucket", "", Optional.empty(), "us-east-1"),
                InProcessS3.credentials())) {
            assertThatThrownBy(() -> OffsiteSchedule.start(offsite, dir, Duration.ofMillis(10)))
                    .hasMessageContaining("at least 1 second");
        }
    }
}
