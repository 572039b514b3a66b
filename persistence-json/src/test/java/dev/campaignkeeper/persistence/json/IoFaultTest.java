package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.Update;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Disk full and EIO on write and on fsync: the mutation fails, memory and disk keep the previous state. */
class IoFaultTest {

    @TempDir
    Path dir;

    private final GuildId guild = Fixtures.guild(1);

    private void put(JsonCampaignStore store, String name) {
        store.update(guild, state -> Update.of(null, new RecordChange.PutCampaign(
                Fixtures.campaign(guild, 10, name, 7, List.of(UserId.of(8))))));
    }

    private void failingMutationKeepsPreviousState(FakeFileSystem.Op op, String error) {
        FakeFileSystem fs = new FakeFileSystem(dir);
        JsonStoreConfig config = Fixtures.config(dir).withJournalPreallocateBytes(0).withCheckpointOnClose(false);
        GuildState before;
        try (JsonCampaignStore store = JsonCampaignStore.open(config, fs)) {
            put(store, "First");
            before = store.guild(guild);
            fs.setFault((kind, path) -> kind == op && path.getFileName().toString().startsWith("journal-")
                    ? new IOException(error) : null);
            assertThatThrownBy(() -> put(store, "Second"))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining(error)
                    .hasMessageContaining("nothing was changed");
            assertThat(store.guild(guild)).isEqualTo(before);
            fs.setFault((kind, path) -> null);
            assertThatThrownBy(() -> put(store, "Third"))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("refuses writes");
            assertThat(store.failed()).isTrue();
        }
        // what is durable: the failed write may have reached the page cache but was never acknowledged;
        // after power loss the disk holds the previous state
        try (JsonCampaignStore reopened = JsonCampaignStore.open(config, fs.crashImage())) {
            assertThat(reopened.guild(guild)).isEqualTo(before);
            assertThat(reopened.guild(guild).campaign(ChannelId.of(10)).orElseThrow().name()).isEqualTo("First");
        }
    }

    @Test
    void diskFullOnJournalWriteFailsTheMutationAndRefusesFurtherWrites() {
        failingMutationKeepsPreviousState(FakeFileSystem.Op.WRITE, "No space left on device");
    }

    @Test
    void eioOnJournalFsyncFailsTheMutationAndRefusesFurtherWrites() {
        failingMutationKeepsPreviousState(FakeFileSystem.Op.FORCE, "Input/output error");
    }

    @Test
    void diskFullDuringCheckpointLosesNothingAndTheStoreKeepsWorking() {
        FakeFileSystem fs = new FakeFileSystem(dir);
        JsonStoreConfig config = Fixtures.config(dir).withCheckpointOnClose(false);
        try (JsonCampaignStore store = JsonCampaignStore.open(config, fs)) {
            put(store, "First");
            fs.setFault((kind, path) -> kind == FakeFileSystem.Op.WRITE
                    && path.getFileName().toString().contains("campaigns") ? new IOException("No space left on device")
                    : null);
            assertThatThrownBy(store::checkpoint).isInstanceOf(StoreException.class)
                    .hasMessageContaining("No space left on device");
            fs.setFault((kind, path) -> null);
            put(store, "Second");
        }
        try (JsonCampaignStore reopened = JsonCampaignStore.open(config, fs.crashImage())) {
            assertThat(reopened.guild(guild).campaign(ChannelId.of(10)).orElseThrow().name()).isEqualTo("Second");
            assertThat(reopened.recoveryReport().dataLost()).isFalse();
        }
    }
}
