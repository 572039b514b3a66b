package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.UserId;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing a complete state: live files, backup, manifest; and cleaning up after a crash. */
class StateWriterTest {

    private static final Instant NOW = Instant.parse("2026-11-25T20:30:00Z");

    @TempDir
    Path dir;

    private static GuildState state(GuildId guild) {
        return GuildState.empty(guild).apply(List.of(
                new RecordChange.PutCampaign(Fixtures.campaign(guild, 10, "Quest " + guild, 7, List.of(UserId.of(8)))),
                new RecordChange.PutCharacter(Fixtures.character(guild, 8, 10, "Aria")),
                new RecordChange.PutNpc(Fixtures.npc(guild, 10, "n1", "Tom"))));
    }

    private static long crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length);
        return crc.getValue();
    }

    private static byte[] gunzip(byte[] bytes) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    @Test
    void orderedSortsGuildsNumericallyAndDropsEmptyOnes() {
        GuildId nine = GuildId.of(9);
        GuildId ten = GuildId.of(10);
        GuildId hundred = GuildId.of(100);

        List<GuildState> ordered = StateWriter.ordered(List.of(state(hundred), GuildState.empty(GuildId.of(5)),
                state(ten), state(nine)));

        assertThat(ordered).extracting(GuildState::guild).containsExactly(nine, ten, hundred);
    }

    @Test
    void tempFilesAreHiddenBesideTheirTarget() {
        assertThat(StateWriter.temp(dir, "campaigns.json")).isEqualTo(dir.resolve(".campaigns.json.tmp"));
    }

    @Test
    void writeLeavesLiveFilesABackupWithTheSameContentAndAManifestDescribingBoth() throws Exception {
        FakeFileSystem fs = new FakeFileSystem(dir);
        List<GuildState> guilds = List.of(state(Fixtures.guild(2)), state(Fixtures.guild(1)));

        Manifest manifest = StateWriter.write(fs, dir, guilds, 17, 4, NOW);

        assertThat(manifest.kind()).isEqualTo(Manifest.LIVE);
        assertThat(manifest.seq()).isEqualTo(17);
        assertThat(manifest.journalFrom()).isEqualTo(4);
        assertThat(manifest.writtenAt()).isEqualTo(NOW);
        assertThat(manifest.backupId()).isEqualTo(Backups.newId(NOW, 17));
        assertThat(Manifest.decode(new ByteArrayInputStream(fs.read(dir.resolve(Manifest.FILE))))).isEqualTo(manifest);
        Path backup = Backups.dir(dir).resolve(manifest.backupId());
        Manifest backupManifest = Manifest.decode(new ByteArrayInputStream(fs.read(backup.resolve(Backups.MANIFEST))));
        assertThat(backupManifest.kind()).isEqualTo(Manifest.BACKUP);
        assertThat(backupManifest.backupId()).isEmpty();
        assertThat(backupManifest.files()).isEqualTo(manifest.files());
        for (String file : SeedFormat.FILES) {
            byte[] live = fs.read(dir.resolve(file));
            assertThat(manifest.files().get(file)).as(file).isEqualTo(new SeedFormat.FileSum(live.length, crc(live)));
            assertThat(gunzip(fs.read(backup.resolve(Backups.gzName(file))))).as(file).isEqualTo(live);
        }
        assertThat(new String(fs.read(dir.resolve("campaigns.json")), StandardCharsets.UTF_8).indexOf("\"1001\""))
                .isLessThan(new String(fs.read(dir.resolve("campaigns.json")), StandardCharsets.UTF_8).indexOf("\"1002\""));
        assertThat(fs.list(dir)).noneMatch(path -> path.getFileName().toString().endsWith(".tmp"));
        assertThat(fs.list(Backups.dir(dir))).containsExactly(backup);
    }

    @Test
    void aSecondWriteInTheSameMillisecondGetsTheNextFreeBackupId() throws Exception {
        FakeFileSystem fs = new FakeFileSystem(dir);

        Manifest first = StateWriter.write(fs, dir, List.of(state(Fixtures.guild(1))), 3, 1, NOW);
        Manifest second = StateWriter.write(fs, dir, List.of(state(Fixtures.guild(2))), 3, 2, NOW);

        assertThat(first.backupId()).isEqualTo(Backups.newId(NOW, 3));
        assertThat(second.backupId()).isEqualTo(Backups.newId(NOW.plusMillis(1), 3));
        assertThat(Backups.list(fs, dir)).extracting(Backups.Ref::id)
                .containsExactlyInAnyOrder(first.backupId(), second.backupId());
    }

    @Test
    void writeAtomicallyReplacesAFileWholeAndDurably() throws Exception {
        FakeFileSystem fs = new FakeFileSystem(dir);

        StateWriter.writeAtomically(fs, dir, "x.json", "old".getBytes(StandardCharsets.UTF_8));
        StateWriter.writeAtomically(fs, dir, "x.json", "new".getBytes(StandardCharsets.UTF_8));

        FakeFileSystem image = fs.crashImage();
        assertThat(image.read(dir.resolve("x.json"))).isEqualTo("new".getBytes(StandardCharsets.UTF_8));
        assertThat(image.exists(StateWriter.temp(dir, "x.json"))).isFalse();
    }

    @Test
    void orphanedTempFilesAndDirectoriesAreRemovedAndNothingElse() throws Exception {
        FakeFileSystem fs = new FakeFileSystem(dir);
        Path backups = Backups.dir(dir);
        fs.createDirectory(backups);
        fs.createNew(dir.resolve(".campaigns.json.tmp")).close();
        fs.createNew(dir.resolve("campaigns.json")).close();
        fs.createNew(dir.resolve(".hidden")).close();
        fs.createNew(dir.resolve("notes.tmp")).close();
        Path orphanBackup = backups.resolve(".backup-20261125203000000-3.tmp");
        fs.createDirectory(orphanBackup);
        fs.createDirectory(orphanBackup.resolve("inner"));
        fs.createNew(orphanBackup.resolve("inner").resolve("deep")).close();
        fs.createNew(orphanBackup.resolve("campaigns.json.gz")).close();

        List<Path> removed = StateWriter.removeOrphans(fs, dir);

        assertThat(removed).containsExactlyInAnyOrder(dir.resolve(".campaigns.json.tmp"), orphanBackup);
        assertThat(fs.exists(orphanBackup)).isFalse();
        assertThat(fs.list(dir)).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("campaigns.json", ".hidden", "notes.tmp", "backups");
    }

    @Test
    void removeTreeOfSomethingMissingDoesNothing() throws Exception {
        FakeFileSystem fs = new FakeFileSystem(dir);
        long before = fs.operations();

        StateWriter.removeTree(fs, dir.resolve("missing"));

        assertThat(fs.operations()).isEqualTo(before);
    }
}
