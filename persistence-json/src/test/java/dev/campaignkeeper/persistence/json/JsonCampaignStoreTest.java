package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.DataDirectoryLockedException;
import dev.campaignkeeper.core.error.NotFoundException;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.Update;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonCampaignStoreTest {

    @TempDir
    Path dir;

    @Test
    void acknowledgedChangesSurviveReopenWithoutCheckpoint() {
        GuildId guild = Fixtures.guild(1);
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir).withCheckpointOnClose(false))) {
            store.update(guild, state -> Update.of("ok", new RecordChange.PutCampaign(
                    Fixtures.campaign(guild, 10, "Dragons ✨", 7, List.of(UserId.of(8))))));
            store.update(guild, state -> Update.of("ok", new RecordChange.PutCharacter(
                    Fixtures.character(guild, 8, 10, "Aéla"))));
            assertThat(store.sequence()).isEqualTo(2);
        }
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir))) {
            GuildState state = store.guild(guild);
            assertThat(state.campaign(ChannelId.of(10))).get().extracting(c -> c.name()).isEqualTo("Dragons ✨");
            assertThat(state.character(ChannelId.of(10), UserId.of(8))).isPresent();
            assertThat(store.sequence()).isEqualTo(2);
            assertThat(store.recoveryReport().dataLost()).isFalse();
        }
    }

    @Test
    void checkpointWritesSeedShapedFilesAndAManifest() throws Exception {
        GuildId guild = Fixtures.guild(1);
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir))) {
            store.update(guild, state -> Update.of("ok", new RecordChange.PutCampaign(
                    Fixtures.campaign(guild, 10, "Über Quest", 7, List.of(UserId.of(8))))));
            assertThat(store.checkpoint()).isEqualTo(1);
        }
        String campaigns = Files.readString(dir.resolve("campaigns.json"));
        assertThat(campaigns).isEqualTo("""
                {
                  "1001": {
                    "10": {
                      "name": "Über Quest",
                      "gm_id": "7",
                      "player_role_id": "11",
                      "gm_role_id": "12",
                      "players": [
                        "8"
                      ]
                    }
                  }
                }""");
        assertThat(dir.resolve("manifest.json")).exists();
        assertThat(Files.getPosixFilePermissions(dir.resolve("campaigns.json")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.list(dir.resolve("backups")).count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void failingTransactionStoresNothing() {
        GuildId guild = Fixtures.guild(1);
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir))) {
            assertThatThrownBy(() -> store.update(guild, state -> {
                throw new NotFoundException("no campaign");
            })).isInstanceOf(NotFoundException.class);
            assertThat(store.guilds()).isEmpty();
            assertThat(store.sequence()).isZero();
        }
    }

    @Test
    void secondOpenInSameJvmFailsWithPid() {
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir))) {
            assertThatThrownBy(() -> JsonCampaignStore.open(Fixtures.config(dir)))
                    .isInstanceOf(DataDirectoryLockedException.class)
                    .hasMessageContaining("is in use by PID " + ProcessHandle.current().pid());
            assertThat(DataDirectory.at(dir).lockHolder()).hasValue(ProcessHandle.current().pid());
        }
        assertThat(DataDirectory.at(dir).lockHolder()).isEmpty();
        JsonCampaignStore.open(Fixtures.config(dir)).close();
    }

    @Test
    void randomMutationsEqualModelAfterReopenAndCheckpoints() {
        Random random = new Random(42);
        Map<GuildId, GuildState> model = new HashMap<>();
        JsonStoreConfig config = Fixtures.config(dir).withCheckpointOnClose(false);
        JsonCampaignStore store = JsonCampaignStore.open(config);
        try {
            for (int i = 0; i < 600; i++) {
                GuildId guild = Fixtures.guild(random.nextInt(5));
                List<RecordChange> changes = Fixtures.randomChanges(random, store.guild(guild));
                store.update(guild, state -> new Update<>(changes, null));
                GuildState next = model.getOrDefault(guild, GuildState.empty(guild)).apply(changes);
                model.put(guild, next);
                if (i % 150 == 149) {
                    store.checkpoint();
                }
                if (i % 200 == 199) {
                    store.close();
                    store = JsonCampaignStore.open(config);
                }
            }
            model.values().removeIf(GuildState::isEmpty);
            for (GuildId guild : model.keySet()) {
                assertThat(store.guild(guild)).isEqualTo(model.get(guild));
            }
            assertThat(store.guilds()).isEqualTo(model.keySet());
        } finally {
            store.close();
        }
        DataDirectory.Contents contents = DataDirectory.at(dir).read();
        assertThat(contents.guilds()).isEqualTo(model);
        assertThat(DataDirectory.at(dir).verify().problems()).filteredOn(p -> p.severity() == DataDirectory.Severity.ERROR)
                .isEmpty();
    }

    @Test
    void openRemovesOrphanedTempFilesLeftByACrash() throws Exception {
        JsonCampaignStore.open(Fixtures.config(dir)).close();
        Files.writeString(dir.resolve(".campaigns.json.tmp"), "{\"half");
        Path orphanBackup = Files.createDirectories(dir.resolve("backups").resolve(".backup-20260101000000000-3.tmp"));
        Files.writeString(orphanBackup.resolve("campaigns.json.gz"), "x");
        JsonCampaignStore.open(Fixtures.config(dir)).close();
        assertThat(dir.resolve(".campaigns.json.tmp")).doesNotExist();
        assertThat(orphanBackup).doesNotExist();
    }

    @Test
    void processCrashBetweenTheRenamesOfACheckpointRecoversExactly() {
        FakeFileSystem fs = new FakeFileSystem(dir);
        JsonStoreConfig config = Fixtures.config(dir).withCheckpointOnClose(false);
        GuildId guild = Fixtures.guild(1);
        Map<GuildId, GuildState> expected = new HashMap<>();
        JsonCampaignStore store = JsonCampaignStore.open(config, fs);
        try {
            store.update(guild, state -> Update.of(null, new RecordChange.PutCampaign(
                    Fixtures.campaign(guild, 10, "Before", 7, List.of(UserId.of(8))))));
            store.checkpoint();
            store.update(guild, state -> Update.of(null, new RecordChange.PutCampaign(
                    Fixtures.campaign(guild, 10, "After", 7, List.of(UserId.of(8))))));
            store.update(guild, state -> Update.of(null, new RecordChange.PutCharacter(
                    Fixtures.character(guild, 8, 10, "Kept"))));
            expected.put(guild, store.guild(guild));
            // the process dies after campaigns.json was renamed but before characters.json and npcs.json
            fs.setFault((op, path) -> op == FakeFileSystem.Op.MOVE
                    && path.getFileName().toString().equals(".characters.json.tmp")
                    ? new java.io.IOException("killed") : null);
            assertThatThrownBy(store::checkpoint).isInstanceOf(dev.campaignkeeper.core.error.StoreException.class);
        } finally {
            store.close();
        }
        fs.setFault((op, path) -> null);
        try (JsonCampaignStore reopened = JsonCampaignStore.open(config, fs)) {
            assertThat(reopened.guild(guild)).isEqualTo(expected.get(guild));
            assertThat(reopened.sequence()).isEqualTo(3);
            assertThat(reopened.recoveryReport().dataLost()).isFalse();
            assertThat(reopened.recoveryReport().events()).anyMatch(e -> e.contains("interrupted checkpoint"));
        }
        try (JsonCampaignStore again = JsonCampaignStore.open(config, fs)) {
            assertThat(again.recoveryReport().clean()).isTrue();
            assertThat(again.guild(guild)).isEqualTo(expected.get(guild));
        }
    }
}
