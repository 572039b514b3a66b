package dev.campaignkeeper.backup.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.RoleId;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.Update;
import dev.campaignkeeper.persistence.json.DataDirectory;
import dev.campaignkeeper.persistence.json.JsonCampaignStore;
import dev.campaignkeeper.persistence.json.JsonStoreConfig;
import dev.campaignkeeper.persistence.json.RetentionPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsiteBackupsTest {

    private static final GuildId GUILD = GuildId.of(4242);
    private static InProcessS3 server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        server = InProcessS3.start("keeper-a", "keeper-b", "keeper-c", "keeper-d", "keeper-e", "keeper-f", "keeper-g", "keeper-h");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static JsonStoreConfig config(Path dataDir, RetentionPolicy retention) {
        return JsonStoreConfig.defaults(dataDir).withRetention(retention)
                .withCheckpointTriggers(1_000_000, 1L << 40, Duration.ofHours(1));
    }

    /** Writes {@code campaigns} campaigns, checkpointing after each: one backup set per checkpoint. */
    private static void writeCampaigns(Path dataDir, RetentionPolicy retention, int from, int campaigns) {
        try (JsonCampaignStore store = JsonCampaignStore.open(config(dataDir, retention))) {
            for (int i = from; i < from + campaigns; i++) {
                Campaign campaign = new Campaign(GUILD, ChannelId.of(100 + i), "Quest " + i, UserId.of(7),
                        RoleId.of(500 + i), RoleId.of(600 + i), Optional.empty(), List.of());
                store.update(GUILD, state -> new Update<>(List.of(new RecordChange.PutCampaign(campaign)), null));
                store.checkpoint();
            }
        }
    }

    private static List<String> localSets(Path dataDir) throws IOException {
        try (Stream<Path> sets = Files.list(dataDir.resolve("backups"))) {
            return sets.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("backup-")).sorted().toList();
        }
    }

    @Test
    void syncCopiesEveryLocalSetAndASecondSyncCopiesNothing() throws Exception {
        writeCampaigns(dir, RetentionPolicy.defaults(), 0, 3);
        try (OffsiteBackups offsite = OffsiteBackups.open(server.config("keeper-a", "bot/one"), InProcessS3.credentials())) {
            SyncResult first = offsite.sync(dir);
            assertThat(first.uploaded()).containsExactlyElementsOf(localSets(dir));
            assertThat(first.bytes()).isPositive();
            assertThat(offsite.list()).extracting(RemoteBackup::id).containsExactlyElementsOf(localSets(dir));
            assertThat(offsite.list()).allSatisfy(set -> {
                assertThat(set.complete()).isTrue();
                assertThat(set.files()).contains("backup.json", "campaigns.json.gz", "characters.json.gz", "npcs.json.gz");
            });
            assertThat(server.blobs().blobExists("keeper-a", "bot/one/" + localSets(dir).get(0) + "/backup.json")).isTrue();

            SyncResult second = offsite.sync(dir);
            assertThat(second.uploaded()).isEmpty();
            assertThat(second.removed()).isEmpty();
        }
    }

    @Test
    void remoteSetsFollowTheLocalRetentionButAreNeverRemovedWhenTheLocalBackupsAreGone() throws Exception {
        RetentionPolicy keepTwo = new RetentionPolicy(2, 0, 0, 0);
        writeCampaigns(dir, keepTwo, 0, 2);
        try (OffsiteBackups offsite = OffsiteBackups.open(server.config("keeper-b", ""), InProcessS3.credentials())) {
            List<String> before = localSets(dir);
            offsite.sync(dir);
            writeCampaigns(dir, keepTwo, 2, 2); // prunes the first two sets locally
            List<String> after = localSets(dir);
            assertThat(after).doesNotContainAnyElementsOf(before);

            SyncResult sync = offsite.sync(dir);
            assertThat(sync.removed()).containsExactlyInAnyOrderElementsOf(before);
            assertThat(offsite.list()).extracting(RemoteBackup::id).containsExactlyElementsOf(after);

            // the machine loses its disk: the bucket keeps everything it has
            Path lost = dir.resolve("backups");
            try (Stream<Path> files = Files.walk(lost)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            SyncResult afterLoss = offsite.sync(dir);
            assertThat(afterLoss.removed()).isEmpty();
            assertThat(offsite.list()).extracting(RemoteBackup::id).containsExactlyElementsOf(after);
        }
    }

    @Test
    void aDownloadedSetRestoresIntoAnEmptyDataDirectory() throws Exception {
        Path original = dir.resolve("original");
        writeCampaigns(original, RetentionPolicy.defaults(), 0, 2);
        Path fresh = dir.resolve("fresh");
        Files.createDirectory(fresh);
        try (OffsiteBackups offsite = OffsiteBackups.open(server.config("keeper-c", "p"), InProcessS3.credentials())) {
            offsite.sync(original);
            String newest = offsite.list().get(offsite.list().size() - 1).id();

            Path set = offsite.download(newest, fresh);

            assertThat(set).isEqualTo(fresh.resolve("backups").resolve(newest));
            assertThat(Files.getPosixFilePermissions(set.resolve("backup.json")))
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            assertThat(fresh.resolve("backups").toFile().list()).containsExactly(newest);
            DataDirectory.at(fresh).restore(newest, false);
            try (JsonCampaignStore store = JsonCampaignStore.open(config(fresh, RetentionPolicy.defaults()))) {
                assertThat(store.guild(GUILD).campaigns()).hasSize(2);
            }
        }
    }

    @Test
    void anIncompleteUploadIsNeitherRestorableNorKeptOnceTheSetIsCopiedAgain() throws Exception {
        writeCampaigns(dir, RetentionPolicy.defaults(), 0, 1);
        String id = localSets(dir).get(localSets(dir).size() - 1);
        try (OffsiteBackups offsite = OffsiteBackups.open(server.config("keeper-d", ""), InProcessS3.credentials())) {
            offsite.sync(dir);
            server.blobs().removeBlob("keeper-d", id + "/backup.json"); // as if the upload was cut short

            assertThat(offsite.list()).filteredOn(RemoteBackup::id, id).singleElement()
                    .satisfies(set -> assertThat(set.complete()).isFalse());
            Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
            assertThatThrownBy(() -> offsite.download(id, elsewhere))
                    .isInstanceOf(StoreException.class).hasMessageContaining("incomplete");
            assertThat(elsewhere.resolve("backups")).doesNotExist();

            SyncResult again = offsite.sync(dir);
            assertThat(again.uploaded()).containsExactly(id);
            assertThat(offsite.list()).allSatisfy(set -> assertThat(set.complete()).isTrue());
        }
    }

    @Test
    void setsThatAreLinksOrLackTheirManifestAreNotCopied() throws Exception {
        writeCampaigns(dir, RetentionPolicy.defaults(), 0, 1);
        List<String> real = localSets(dir);
        Path backups = dir.resolve("backups");
        Path outside = Files.createDirectory(dir.resolve("outside"));
        Files.writeString(outside.resolve("backup.json"), "{\"secret\": true}");
        Files.createSymbolicLink(backups.resolve("backup-20991231235959999-99"), outside);
        Files.createDirectory(backups.resolve("backup-20991231235959998-98"));
        try (OffsiteBackups offsite = OffsiteBackups.open(server.config("keeper-e", ""), InProcessS3.credentials())) {
            SyncResult sync = offsite.sync(dir);
            assertThat(sync.uploaded()).containsExactlyElementsOf(real);
            assertThat(offsite.list()).extracting(RemoteBackup::id).containsExactlyElementsOf(real);
        }
    }

    @Test
    void directoryMarkersAndStrayObjectsInTheBucketAreNotTakenForBackupFiles() throws Exception {
        writeCampaigns(dir, RetentionPolicy.defaults(), 0, 1);
        String id = localSets(dir).get(localSets(dir).size() - 1);
        try (OffsiteBackups offsite = OffsiteBackups.open(server.config("keeper-h", "p"), InProcessS3.credentials())) {
            offsite.sync(dir);
            var blobs = server.blobs();
            blobs.putBlob("keeper-h", blobs.blobBuilder("p/" + id + "/").payload(new byte[4096]).build());
            blobs.putBlob("keeper-h", blobs.blobBuilder("p/" + id + "/deeper/x").payload(new byte[1]).build());
            blobs.putBlob("keeper-h", blobs.blobBuilder("p/notes.txt").payload(new byte[1]).build());

            RemoteBackup set = offsite.list().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
            assertThat(set.files()).containsExactly("backup.json", "campaigns.json.gz", "characters.json.gz", "npcs.json.gz");
            Path fresh = Files.createDirectory(dir.resolve("fresh"));
            offsite.download(id, fresh);
            assertThat(fresh.resolve("backups").resolve(id).toFile().list())
                    .containsExactlyInAnyOrder("backup.json", "campaigns.json.gz", "characters.json.gz", "npcs.json.gz");
        }
    }

    @Test
    void downloadRefusesASetAlreadyHereAndAnUnknownSet() throws Exception {
        writeCampaigns(dir, RetentionPolicy.defaults(), 0, 1);
        String id = localSets(dir).get(0);
        try (OffsiteBackups offsite = OffsiteBackups.open(server.config("keeper-f", ""), InProcessS3.credentials())) {
            offsite.sync(dir);
            assertThatThrownBy(() -> offsite.download(id, dir))
                    .isInstanceOf(StoreException.class).hasMessageContaining("already in");
            assertThatThrownBy(() -> offsite.download("backup-20000101000000000-1", dir))
                    .isInstanceOf(StoreException.class).hasMessageContaining("no backup set");
        }
    }

    @Test
    void wrongCredentialsAreReportedWithTheLocation() throws Exception {
        writeCampaigns(dir, RetentionPolicy.defaults(), 0, 1);
        var wrong = software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("nobody", "wrong-secret"));
        try (OffsiteBackups offsite = OffsiteBackups.open(server.config("keeper-g", "x"), wrong)) {
            assertThatThrownBy(() -> offsite.sync(dir))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("cannot list s3://keeper-g/x")
                    .hasMessageNotContaining("wrong-secret");
        }
    }
}
