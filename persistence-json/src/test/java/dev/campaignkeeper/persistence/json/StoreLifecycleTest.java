package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.Update;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JsonCampaignStore around its writes: opening, no-op updates and checkpoints, closing, moving aside. */
class StoreLifecycleTest {

    private static final GuildId GUILD = Fixtures.guild(1);

    @TempDir
    Path dir;

    private JsonStoreConfig config() {
        return Fixtures.config(dir).withCheckpointOnClose(false);
    }

    private static RecordChange.PutCampaign campaign(String name) {
        return new RecordChange.PutCampaign(Fixtures.campaign(GUILD, 10, name, 7, List.of(UserId.of(8))));
    }

    private static void put(JsonCampaignStore store, String name) {
        store.update(GUILD, state -> new Update<>(List.of(campaign(name)), null));
    }

    private Manifest manifest(FakeFileSystem fs) throws Exception {
        return Manifest.decode(new ByteArrayInputStream(fs.read(dir.resolve(Manifest.FILE))));
    }

    @Test
    void anUpdateWithoutChangesWritesNothingAndReturnsItsResult() throws Exception {
        FakeFileSystem fs = new FakeFileSystem(dir);
        try (JsonCampaignStore store = JsonCampaignStore.open(config(), fs)) {
            put(store, "Quest");
            long operations = fs.operations();

            String result = store.update(GUILD, state -> Update.none(state.campaigns().iterator().next().name()));

            assertThat(result).isEqualTo("Quest");
            assertThat(store.sequence()).isEqualTo(1);
            assertThat(fs.operations()).isEqualTo(operations);
        }
    }

    @Test
    void updatesAreNumberedInOrderAndVisibleOnceTheyReturn() {
        try (JsonCampaignStore store = JsonCampaignStore.open(config(), new FakeFileSystem(dir))) {
            put(store, "One");
            assertThat(store.sequence()).isEqualTo(1);
            put(store, "Two");
            assertThat(store.sequence()).isEqualTo(2);
            assertThat(store.guild(GUILD).campaigns()).extracting(c -> c.name()).containsExactly("Two");
            assertThat(store.guilds()).containsExactly(GUILD);
            assertThat(store.guild(Fixtures.guild(9))).isEqualTo(GuildState.empty(Fixtures.guild(9)));
            assertThat(store.dataDir()).isEqualTo(dir);
            assertThat(store.failed()).isFalse();
        }
    }

    @Test
    void removingAGuildsLastRecordUnlistsTheGuild() {
        try (JsonCampaignStore store = JsonCampaignStore.open(config(), new FakeFileSystem(dir))) {
            put(store, "One");
            store.update(GUILD, state -> new Update<>(List.of(new RecordChange.RemoveCampaign(GUILD,
                    dev.campaignkeeper.core.model.ChannelId.of(10))), null));

            assertThat(store.guilds()).isEmpty();
            assertThat(store.guild(GUILD).isEmpty()).isTrue();
        }
    }

    @Test
    void aCheckpointWithNothingNewWritesNoNewSnapshotOrBackup() throws Exception {
        FakeFileSystem fs = new FakeFileSystem(dir);
        try (JsonCampaignStore store = JsonCampaignStore.open(config(), fs)) {
            put(store, "Quest");
            assertThat(store.checkpoint()).isEqualTo(1);
            List<Backups.Ref> backups = Backups.list(fs, dir);
            List<Path> journals = Journal.list(fs, dir);

            assertThat(store.checkpoint()).isEqualTo(1);

            assertThat(Backups.list(fs, dir)).isEqualTo(backups);
            assertThat(Journal.list(fs, dir)).isEqualTo(journals);
            assertThat(manifest(fs).seq()).isEqualTo(1);
        }
    }

    @Test
    void aCheckpointFoldsTheJournalIntoANewGeneration() throws Exception {
        FakeFileSystem fs = new FakeFileSystem(dir);
        try (JsonCampaignStore store = JsonCampaignStore.open(config(), fs)) {
            long before = Journal.generation(Journal.list(fs, dir).get(0));
            put(store, "Quest");

            store.checkpoint();

            assertThat(Journal.list(fs, dir)).extracting(Journal::generation).containsExactly(before + 1);
            assertThat(manifest(fs).journalFrom()).isEqualTo(before + 1);
            put(store, "Later");
        }
        try (JsonCampaignStore reopened = JsonCampaignStore.open(config(), fs)) {
            assertThat(reopened.sequence()).isEqualTo(2);
            assertThat(reopened.guild(GUILD).campaigns()).extracting(c -> c.name()).containsExactly("Later");
        }
    }

    @Test
    void closingCheckpointsWhenConfiguredAndAnythingChanged() throws Exception {
        FakeFileSystem fs = new FakeFileSystem(dir);
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir), fs)) {
            put(store, "Quest");
            put(store, "Quest 2");
        }

        assertThat(manifest(fs).seq()).isEqualTo(2);
    }

    @Test
    void closingWithoutCheckpointLeavesTheJournalToReplay() throws Exception {
        FakeFileSystem fs = new FakeFileSystem(dir);
        try (JsonCampaignStore store = JsonCampaignStore.open(config(), fs)) {
            put(store, "Quest");
        }

        assertThat(manifest(fs).seq()).isZero();
        try (JsonCampaignStore reopened = JsonCampaignStore.open(config(), fs)) {
            assertThat(reopened.sequence()).isEqualTo(1);
            assertThat(reopened.recoveryReport().source()).isEqualTo(RecoveryReport.Source.SNAPSHOT);
        }
    }

    @Test
    void aClosedStoreRefusesEverythingButClosingAgain() {
        JsonCampaignStore store = JsonCampaignStore.open(config(), new FakeFileSystem(dir));
        store.close();

        assertThatThrownBy(() -> put(store, "x")).isInstanceOf(StoreException.class).hasMessageContaining("is closed");
        assertThatThrownBy(store::checkpoint).isInstanceOf(StoreException.class).hasMessageContaining("is closed");
        assertThatThrownBy(() -> store.guild(GUILD)).isInstanceOf(StoreException.class);
        assertThatThrownBy(store::guilds).isInstanceOf(StoreException.class);
        store.close();
        JsonCampaignStore.open(config(), new FakeFileSystem(dir)).close();
    }

    @Test
    void openingCreatesMissingParentDirectoriesDurably() throws Exception {
        Path nested = dir.resolve("a").resolve("b").resolve("data");
        FakeFileSystem fs = new FakeFileSystem(dir);
        java.nio.file.Files.createDirectories(nested); // only for the lock, which is always on the real disk

        JsonCampaignStore.open(Fixtures.config(nested).withCheckpointOnClose(false), fs).close();

        FakeFileSystem image = fs.crashImage();
        assertThat(image.isDirectory(nested)).isTrue();
        assertThat(image.exists(nested.resolve(Manifest.FILE))).isTrue();
    }

    @Test
    void aNewDirectoryIsReportedNewAndClean() {
        try (JsonCampaignStore store = JsonCampaignStore.open(config(), new FakeFileSystem(dir))) {
            RecoveryReport report = store.recoveryReport();

            assertThat(report.source()).isEqualTo(RecoveryReport.Source.NEW);
            assertThat(report.clean()).isTrue();
            assertThat(report.dataLost()).isFalse();
            assertThat(report.movedAside()).isEmpty();
            assertThat(report.sequence()).isZero();
        }
    }

    @Test
    void movingAsideNamesTheTimeAndNeverReplacesAnEarlierCopy() throws Exception {
        FakeFileSystem fs = new FakeFileSystem(dir);
        Path damaged = dir.resolve("campaigns.json");
        Instant now = Instant.parse("2026-11-25T20:30:45Z");

        fs.createNew(damaged).close();
        Path first = DirectoryState.moveAside(fs, damaged, now);
        fs.createNew(damaged).close();
        Path second = DirectoryState.moveAside(fs, damaged, now);
        fs.createNew(damaged).close();
        Path third = DirectoryState.moveAside(fs, damaged, now);

        assertThat(first).isEqualTo(dir.resolve("campaigns.json.corrupt-20261125203045"));
        assertThat(second).isEqualTo(dir.resolve("campaigns.json.corrupt-20261125203045-1"));
        assertThat(third).isEqualTo(dir.resolve("campaigns.json.corrupt-20261125203045-2"));
        assertThat(fs.exists(damaged)).isFalse();
        assertThat(fs.exists(first) && fs.exists(second) && fs.exists(third)).isTrue();
    }
}
