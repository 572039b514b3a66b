package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.DataDamagedException;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.Update;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DataDirectory#readGuild}: one guild's state, as the full read finds it, every file still checked. */
class DataDirectoryReadGuildTest {

    @TempDir
    Path root;

    private Path dir;

    @org.junit.jupiter.api.BeforeEach
    void createDataDirectory() throws Exception {
        dir = Files.createDirectories(root.resolve("data"));
    }

    private static void put(JsonCampaignStore store, GuildId guild, long channel, String name) {
        store.update(guild, state -> Update.of(null, new RecordChange.PutCampaign(
                Fixtures.campaign(guild, channel, name, 7, List.of(UserId.of(8))))));
    }

    /** Five guilds in the snapshot, more changes in the journal after it, random changes to all. */
    private void build() {
        Random random = new Random(12);
        try (JsonCampaignStore store = JsonCampaignStore.open(Fixtures.config(dir).withCheckpointOnClose(false))) {
            for (int g = 1; g <= 5; g++) {
                GuildId guild = Fixtures.guild(g);
                for (int i = 0; i < 20; i++) {
                    store.update(guild, state -> new Update<>(Fixtures.randomChanges(random, state), null));
                }
                put(store, guild, 10, "Base " + g);
            }
            store.checkpoint();
            for (int g = 1; g <= 5; g++) {
                GuildId guild = Fixtures.guild(g);
                put(store, guild, 11, "After " + g);
                store.update(guild, state -> new Update<>(Fixtures.randomChanges(random, state), null));
            }
        }
    }

    @Test
    void eachGuildReadsAsTheFullReadFindsItWithTheJournalReplayed() {
        build();
        DataDirectory data = DataDirectory.at(dir);
        DataDirectory.Contents all = data.read();

        for (int g = 1; g <= 5; g++) {
            GuildId guild = Fixtures.guild(g);
            DataDirectory.GuildContents one = data.readGuild(guild);
            assertThat(one.state()).isEqualTo(all.guilds().get(guild));
            assertThat(one.state().campaign(ChannelId.of(11)).orElseThrow().name()).isEqualTo("After " + g);
            assertThat(one.sequence()).isEqualTo(all.sequence());
            assertThat(one.report().events()).isEmpty();
        }
    }

    @Test
    void aGuildWithoutRecordsReadsAsEmpty() {
        build();

        DataDirectory.GuildContents none = DataDirectory.at(dir).readGuild(Fixtures.guild(99));

        assertThat(none.state()).isEqualTo(GuildState.empty(Fixtures.guild(99)));
    }

    @Test
    void aDamagedSnapshotFileIsReportedAndNotTrustedAlthoughOnlyAnotherGuildChanged() throws Exception {
        build();
        Path campaigns = dir.resolve("campaigns.json");
        String text = Files.readString(campaigns, StandardCharsets.UTF_8);
        // same size, same shape, another guild's name changed: only the checksum can tell
        Files.writeString(campaigns, text.replace("Base 5", "Bxse 5"), StandardCharsets.UTF_8);
        DataDirectory data = DataDirectory.at(dir);

        DataDirectory.GuildContents one = data.readGuild(Fixtures.guild(1));

        assertThat(one.report().events()).anySatisfy(event -> assertThat(event)
                .contains("campaigns.json").contains("does not match"));
        assertThat(one.report().source()).isEqualTo(RecoveryReport.Source.BACKUP);
        assertThat(one.state()).isEqualTo(data.read().guilds().get(Fixtures.guild(1)));
    }

    @Test
    void brokenJsonInAnotherGuildIsDamageLikeInTheFullRead() throws Exception {
        build();
        for (Path backup : Files.list(dir.resolve("backups")).toList()) {
            try (var files = Files.walk(backup)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.writeString(dir.resolve("npcs.json"), "{\"1\": {}, \"2\": {", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> DataDirectory.at(dir).readGuild(Fixtures.guild(1)))
                .isInstanceOf(DataDamagedException.class).hasMessageContaining("npcs.json");
        assertThatThrownBy(() -> DataDirectory.at(dir).read()).isInstanceOf(DataDamagedException.class);
    }

    @Test
    void aSymbolicLinkInPlaceOfASnapshotFileIsNeverFollowed() throws Exception {
        build();
        Path characters = dir.resolve("characters.json");
        Path elsewhere = dir.resolveSibling("elsewhere.json");
        Files.move(characters, elsewhere);
        Files.createSymbolicLink(characters, elsewhere);

        DataDirectory.GuildContents one = DataDirectory.at(dir).readGuild(Fixtures.guild(2));

        assertThat(one.report().events()).anySatisfy(event -> assertThat(event)
                .contains("characters.json").contains("not read"));
        assertThat(one.report().source()).isEqualTo(RecoveryReport.Source.BACKUP);
    }
}
