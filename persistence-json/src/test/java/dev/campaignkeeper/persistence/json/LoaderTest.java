package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.campaignkeeper.core.error.DataDamagedException;
import dev.campaignkeeper.core.model.Campaign;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.Npc;
import dev.campaignkeeper.core.model.NpcId;
import dev.campaignkeeper.core.model.PlayerCharacter;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.Update;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the loader concludes from the files, read field by field: where the base came from, how
 * many journal entries and bytes it replayed, which files it distrusts, and whether the writer must
 * checkpoint before trusting the state. The store's tests see only the end result; these pin down
 * each decision on the way.
 */
class LoaderTest {

    private static final long PREALLOCATED = 64 << 10;

    @TempDir
    Path dir;

    private final List<List<RecordChange>> mutations = new ArrayList<>();

    private JsonStoreConfig config() {
        return Fixtures.config(dir).withCheckpointOnClose(false);
    }

    /** Writes {@code count} random mutations over two guilds and closes without a checkpoint. */
    private Map<GuildId, GuildState> write(int count) throws IOException {
        Random random = new Random(11);
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            for (int i = 0; i < count; i++) {
                GuildId guild = Fixtures.guild(random.nextInt(2));
                List<RecordChange> changes = Fixtures.randomChanges(random, store.guild(guild));
                mutations.add(changes);
                store.update(guild, state -> new Update<>(changes, null));
            }
            Map<GuildId, GuildState> state = new HashMap<>();
            store.guilds().forEach(g -> state.put(g, store.guild(g)));
            return state;
        }
    }

    private Loader.Loaded load() throws IOException {
        return Loader.load(NioFileSystemOps.INSTANCE, dir, PREALLOCATED);
    }

    private Path newestJournal() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> Journal.generation(p) >= 0)
                    .max(Comparator.comparingLong(Journal::generation)).orElseThrow();
        }
    }

    /** The bytes of the journal's lines, without the zero fill. */
    private static long lineBytes(Path journal) throws IOException {
        byte[] whole = Files.readAllBytes(journal);
        int end = 0;
        while (end < whole.length && whole[end] != 0) {
            end++;
        }
        return end;
    }

    /** Removes the backups every checkpoint writes, so only the files a test leaves can be the base. */
    private void removeBackups() throws IOException {
        Path backups = dir.resolve(Backups.DIR);
        if (Files.exists(backups)) {
            try (Stream<Path> all = Files.walk(backups)) {
                for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private void removeSnapshot() throws IOException {
        removeBackups();
        for (String file : SeedFormat.FILES) {
            Files.deleteIfExists(dir.resolve(file));
        }
        Files.deleteIfExists(dir.resolve(Manifest.FILE));
    }

    @Test
    void emptyDirectoryIsANewStoreThatNeedsNoCheckpoint() throws IOException {
        Loader.Loaded loaded = load();

        assertThat(loaded.source()).isEqualTo(RecoveryReport.Source.NEW);
        assertThat(loaded.seq()).isZero();
        assertThat(loaded.guilds()).isEmpty();
        assertThat(loaded.events()).isEmpty();
        assertThat(loaded.damaged()).isEmpty();
        assertThat(loaded.damagedJournals()).isEmpty();
        assertThat(loaded.needsCheckpoint()).isFalse();
        assertThat(loaded.dataLost()).isFalse();
        assertThat(loaded.maxGeneration()).isZero();
        assertThat(loaded.journalEntries()).isZero();
        assertThat(loaded.backupId()).isEmpty();
        assertThat(loaded.manifest()).isEmpty();
    }

    @Test
    void snapshotAndJournalAreReplayedAndCountedWithoutAskingForACheckpoint() throws IOException {
        Map<GuildId, GuildState> expected = write(7);
        Path journal = newestJournal();

        Loader.Loaded loaded = load();

        assertThat(loaded.source()).isEqualTo(RecoveryReport.Source.SNAPSHOT);
        assertThat(loaded.seq()).isEqualTo(7);
        assertThat(loaded.guilds()).isEqualTo(expected);
        assertThat(loaded.journalEntries()).isEqualTo(7);
        assertThat(loaded.journalBytes()).isEqualTo(lineBytes(journal));
        assertThat(loaded.maxGeneration()).isEqualTo(Journal.generation(journal));
        assertThat(loaded.manifest()).isPresent();
        assertThat(loaded.events()).isEmpty();
        assertThat(loaded.damaged()).isEmpty();
        assertThat(loaded.damagedJournals()).isEmpty();
        assertThat(loaded.needsCheckpoint()).isFalse();
        assertThat(loaded.dataLost()).isFalse();
        assertThat(loaded.located()).isEmpty();
    }

    @Test
    void theHighestGenerationCountsEvenWhenItIsOnlyNamedByTheManifest() throws IOException {
        write(3);
        Path journal = newestJournal();
        long generation = Journal.generation(journal);
        Files.move(journal, dir.resolve(Journal.name(generation + 5)));

        Loader.Loaded loaded = load();

        assertThat(loaded.maxGeneration()).isEqualTo(generation + 5);
        assertThat(loaded.seq()).isEqualTo(3);
    }

    @Test
    void journalAloneRebuildsTheStateAndAsksForACheckpoint() throws IOException {
        Map<GuildId, GuildState> expected = write(5);
        removeSnapshot();

        Loader.Loaded loaded = load();

        assertThat(loaded.source()).isEqualTo(RecoveryReport.Source.NEW);
        assertThat(loaded.guilds()).isEqualTo(expected);
        assertThat(loaded.seq()).isEqualTo(5);
        assertThat(loaded.needsCheckpoint()).isTrue();
        assertThat(loaded.events()).containsExactly("no snapshot files; state rebuilt from the journal alone");
        assertThat(loaded.dataLost()).isFalse();
    }

    @Test
    void seedFilesWithoutAManifestAreImportedAndCheckpointed() throws IOException {
        write(4);
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            store.checkpoint();
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path journal : files.filter(p -> Journal.generation(p) >= 0).toList()) {
                Files.delete(journal);
            }
        }
        Files.delete(dir.resolve(Manifest.FILE));

        Loader.Loaded loaded = load();

        assertThat(loaded.source()).isEqualTo(RecoveryReport.Source.SEED_IMPORT);
        assertThat(loaded.seq()).isZero();
        assertThat(loaded.needsCheckpoint()).isTrue();
        assertThat(loaded.guilds()).isEqualTo(PowerLossTest.model(mutations, 4));
        assertThat(loaded.events()).isEmpty();
    }

    @Test
    void seedFilesWithAJournalOfUnknownStartReplayTheWholeJournal() throws IOException {
        Map<GuildId, GuildState> expected = write(6);
        // the snapshot written at open is empty; without its manifest the journal's start is unknown
        Files.delete(dir.resolve(Manifest.FILE));

        Loader.Loaded loaded = load();

        assertThat(loaded.source()).isEqualTo(RecoveryReport.Source.SEED_IMPORT);
        assertThat(loaded.guilds()).isEqualTo(expected);
        assertThat(loaded.seq()).isEqualTo(6);
        assertThat(loaded.journalEntries()).isEqualTo(6);
        assertThat(loaded.needsCheckpoint()).isTrue();
    }

    @Test
    void aDamagedManifestIsDistrustedButTheSnapshotFilesAreStillLoaded() throws IOException {
        Map<GuildId, GuildState> expected = write(3);
        Files.writeString(dir.resolve(Manifest.FILE), "{\"format\": 12");

        Loader.Loaded loaded = load();

        assertThat(loaded.damaged()).containsExactly(dir.resolve(Manifest.FILE));
        assertThat(loaded.source()).isEqualTo(RecoveryReport.Source.SNAPSHOT);
        assertThat(loaded.manifest()).isEmpty();
        assertThat(loaded.needsCheckpoint()).isTrue();
        assertThat(loaded.guilds()).isEqualTo(expected);
        assertThat(loaded.events()).anyMatch(e -> e.startsWith(Manifest.FILE + ": "))
                .anyMatch(e -> e.contains("without checksum verification"));
        assertThat(loaded.located()).containsKey(loaded.events().get(0));
        assertThat(loaded.located().get(loaded.events().get(0)).file()).isEqualTo(Manifest.FILE);
    }

    @Test
    void aBackupManifestInTheLivePlaceIsDamage() throws IOException {
        write(2);
        Path manifest = dir.resolve(Manifest.FILE);
        Manifest live;
        try (java.io.InputStream in = Files.newInputStream(manifest)) {
            live = Manifest.decode(in);
        } catch (FormatException e) {
            throw new AssertionError(e);
        }
        Files.write(manifest, new Manifest(Manifest.BACKUP, live.seq(), live.journalFrom(), live.files(),
                live.backupId(), live.writtenAt()).encode());

        Loader.Loaded loaded = load();

        assertThat(loaded.damaged()).containsExactly(manifest);
        assertThat(loaded.events()).anyMatch(e -> e.contains("not a live manifest"));
    }

    @Test
    void aSnapshotFileThatDoesNotMatchTheManifestFallsBackToTheBackupAndIsKept() throws IOException {
        write(20);
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            store.checkpoint(); // a backup of sequence 20 and a new base
        }
        Path campaigns = dir.resolve(SeedFormat.CAMPAIGNS);
        String text = Files.readString(campaigns);
        assertThat(text).contains("Name");
        Files.writeString(campaigns, text.replaceFirst("Name", "Nbme")); // same size, still valid JSON

        Loader.Loaded loaded = load();

        assertThat(loaded.source()).as("%s", loaded.events()).isEqualTo(RecoveryReport.Source.BACKUP);
        assertThat(loaded.backupId()).isPresent();
        assertThat(loaded.damaged()).contains(campaigns);
        assertThat(loaded.needsCheckpoint()).isTrue();
        assertThat(loaded.seq()).isEqualTo(20);
        assertThat(loaded.guilds()).isEqualTo(PowerLossTest.model(mutations, 20));
        assertThat(loaded.dataLost()).isFalse();
        String mismatch = loaded.events().stream().filter(e -> e.startsWith(SeedFormat.CAMPAIGNS)).findFirst()
                .orElseThrow();
        assertThat(mismatch).contains("does not match")
                .contains("found " + text.getBytes(StandardCharsets.UTF_8).length + " bytes, crc32c");
        assertThat(loaded.located().get(mismatch).file()).isEqualTo(SeedFormat.CAMPAIGNS);
        assertThat(loaded.events()).anyMatch(e -> e.startsWith("recovered from backup " + loaded.backupId().get()));
    }

    @Test
    void aSnapshotFileOfTheWrongSizeIsNotEvenRead() throws IOException {
        write(2);
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            store.checkpoint();
        }
        Path characters = dir.resolve(SeedFormat.CHARACTERS);
        Files.write(characters, new byte[3000]); // zeros: would fail to parse if it were read

        Loader.Loaded loaded = load();

        assertThat(loaded.damaged()).contains(characters);
        assertThat(loaded.events()).anyMatch(e -> e.contains("found 3000 bytes, not read"));
        assertThat(loaded.source()).isEqualTo(RecoveryReport.Source.BACKUP);
    }

    @Test
    void aMissingSnapshotFileTheManifestListsIsDamageWithoutAPathToMoveAside() throws IOException {
        write(2);
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            store.checkpoint();
        }
        Files.delete(dir.resolve(SeedFormat.NPCS));

        Loader.Loaded loaded = load();

        assertThat(loaded.events()).anyMatch(e -> e.equals(SeedFormat.NPCS + " is missing although "
                + Manifest.FILE + " lists it"));
        assertThat(loaded.source()).isEqualTo(RecoveryReport.Source.BACKUP);
        assertThat(loaded.damaged()).doesNotContain(dir.resolve(SeedFormat.NPCS));
    }

    @Test
    void nothingRecoverableNamesTheFirstDamageAndTouchesNothing() throws IOException {
        write(2);
        removeBackups();
        Files.writeString(dir.resolve(SeedFormat.CAMPAIGNS), "[[[");
        Files.delete(dir.resolve(Manifest.FILE));

        assertThatThrownBy(this::load).isInstanceOf(DataDamagedException.class)
                .hasMessageContaining(SeedFormat.CAMPAIGNS + ": ")
                .hasMessageContaining("left untouched");
        assertThat(Files.readString(dir.resolve(SeedFormat.CAMPAIGNS))).isEqualTo("[[[");
    }

    @Test
    void aJournalTheManifestNamesThatIsMissingIsReportedAsLoss() throws IOException {
        write(4);
        Path journal = newestJournal();
        Files.delete(journal);

        Loader.Loaded loaded = load();

        assertThat(loaded.dataLost()).isTrue();
        assertThat(loaded.seq()).isZero();
        String event = loaded.events().get(0);
        assertThat(event).startsWith(journal.getFileName() + ", which " + Manifest.FILE + " names, is missing");
        assertThat(loaded.located().get(event).file()).isEqualTo(journal.getFileName().toString());
    }

    @Test
    void replayOnASeedStyleBackupCountsTheEntriesItCannotApply() throws IOException {
        write(3);
        removeBackups();
        Path backups = Files.createDirectories(dir.resolve(Backups.DIR));
        for (String file : SeedFormat.FILES) {
            Files.copy(dir.resolve(file), backups.resolve(file + ".20260101120000"));
        }
        Files.writeString(dir.resolve(SeedFormat.CAMPAIGNS), "not json");

        Loader.Loaded loaded = load();

        assertThat(loaded.source()).isEqualTo(RecoveryReport.Source.BACKUP);
        assertThat(loaded.seq()).isZero();
        assertThat(loaded.dataLost()).isTrue();
        assertThat(loaded.events()).contains("3 journal entries could not be replayed on a seed-style backup");
        assertThat(loaded.journalEntries()).isZero();
    }

    @Test
    void aGapInTheJournalStopsReplayAndKeepsTheJournal() throws IOException {
        write(5);
        Path journal = newestJournal();
        byte[] whole = Files.readAllBytes(journal);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0, start = 0; i < whole.length && whole[i] != 0; i++) {
            if (i == start) {
                starts.add(start);
            }
            if (whole[i] == '\n') {
                start = i + 1;
            }
        }
        // drop the third entry: entry 4 then follows entry 2
        byte[] gapped = new byte[whole.length];
        int cut = starts.get(2);
        int next = starts.get(3);
        System.arraycopy(whole, 0, gapped, 0, cut);
        System.arraycopy(whole, next, gapped, cut, whole.length - next);

        Files.write(journal, gapped);
        Loader.Loaded loaded = load();

        assertThat(loaded.seq()).isEqualTo(2);
        assertThat(loaded.journalEntries()).isEqualTo(2);
        assertThat(loaded.dataLost()).isTrue();
        assertThat(loaded.damagedJournals()).containsExactly(journal);
        assertThat(loaded.needsCheckpoint()).isTrue();
        String event = loaded.events().stream().filter(e -> e.contains("mutations in between are missing"))
                .findFirst().orElseThrow();
        assertThat(event).contains("entry 4 at byte offset " + cut + " follows 2")
                .contains("2 later journal entries were not replayed");
        assertThat(loaded.located().get(event)).isEqualTo(
                new Loader.Located(journal.getFileName().toString(), "byte " + cut));
    }

    @Test
    void aTornLastLineIsDroppedQuietly() throws IOException {
        write(3);
        Path journal = newestJournal();
        long end = lineBytes(journal);
        byte[] whole = Files.readAllBytes(journal);
        whole[(int) end - 1] = 0; // the last newline never reached the disk
        Files.write(journal, whole);

        Loader.Loaded loaded = load();

        assertThat(loaded.seq()).isEqualTo(2);
        assertThat(loaded.dataLost()).isFalse();
        assertThat(loaded.events()).isEmpty();
        assertThat(loaded.damagedJournals()).isEmpty();
        assertThat(loaded.needsCheckpoint()).isFalse();
    }

    @Test
    void locateTurnsLineAndColumnIntoAByteOffsetCountingMultiByteCharacters() throws IOException {
        Path file = dir.resolve("x.json");
        // line 1: 3 bytes + newline; line 2: "é" (2 bytes), "✨" (3 bytes), "😀" (4 bytes, 2 UTF-16 units), "x"
        Files.write(file, ("abc\n" + "é✨😀x").getBytes(StandardCharsets.UTF_8));

        String at = Loader.locate(NioFileSystemOps.INSTANCE, file, new FormatException("bad", 2, 5, null));

        // column 5 (UTF-16 units, from 1) is "x": after é, ✨ and 😀 (two units), at byte 4 + 2 + 3 + 4
        assertThat(at).isEqualTo(" (byte offset 13)");
        assertThat(Loader.locate(NioFileSystemOps.INSTANCE, file, new FormatException("bad", 2, 2, null)))
                .as("✨ starts after the two bytes of é").isEqualTo(" (byte offset 6)");
        assertThat(Loader.locate(NioFileSystemOps.INSTANCE, file, new FormatException("bad", 2, 3, null)))
                .isEqualTo(" (byte offset 9)");
        assertThat(Loader.locate(NioFileSystemOps.INSTANCE, file, new FormatException("bad", 1, 1, null)))
                .isEqualTo(" (byte offset 0)");
        assertThat(Loader.locate(NioFileSystemOps.INSTANCE, file, new FormatException("bad", 0, 0, null)))
                .isEmpty();
        assertThat(Loader.locate(NioFileSystemOps.INSTANCE, file, new FormatException("bad", 2, 0, null)))
                .isEmpty();
    }

    @Test
    void locateFindsTheFirstMalformedByteOfInvalidUtf8() throws IOException {
        Path file = dir.resolve("y.json");
        byte[] bytes = "{\"name\": \"ab".getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(bytes, bytes.length + 2);
        bad[bytes.length] = (byte) 0xC3;
        bad[bytes.length + 1] = (byte) 0x28;
        Files.write(file, bad);

        String at = Loader.locate(NioFileSystemOps.INSTANCE, file,
                new FormatException("bad", 1, 1, new java.nio.charset.MalformedInputException(1)));

        assertThat(at).isEqualTo(" (byte offset " + bytes.length + ")");
    }

    /** Replaces the journal's lines (the bytes before the zero fill) by {@code lines}, keeping the fill. */
    private static void rewriteLines(Path journal, byte[] lines) throws IOException {
        byte[] whole = Files.readAllBytes(journal);
        byte[] out = new byte[Math.max(whole.length, lines.length)];
        System.arraycopy(lines, 0, out, 0, lines.length);
        Files.write(journal, out);
    }

    /** The journal's lines, without the zero fill. */
    private static byte[] lines(Path journal) throws IOException {
        return java.util.Arrays.copyOf(Files.readAllBytes(journal), (int) lineBytes(journal));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String event(Loader.Loaded loaded, String containing) {
        return loaded.events().stream().filter(e -> e.contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no event containing " + containing + " in " + loaded.events()));
    }

    @Test
    void aBackupsDirectoryThatIsAFileIsReportedKeptAndNotUsed() throws IOException {
        Map<GuildId, GuildState> expected = write(3);
        removeBackups();
        Path backups = dir.resolve(Backups.DIR);
        Files.writeString(backups, "not a directory");

        Loader.Loaded loaded = load();

        assertThat(loaded.source()).isEqualTo(RecoveryReport.Source.SNAPSHOT);
        assertThat(loaded.guilds()).isEqualTo(expected);
        assertThat(loaded.damaged()).containsExactly(backups);
        String event = event(loaded, "is a file, not a directory");
        assertThat(event).startsWith(Backups.DIR + " is a file, not a directory: its contents are not used")
                .contains("never overwritten");
        assertThat(loaded.located().get(event)).isEqualTo(new Loader.Located(Backups.DIR, ""));
    }

    @Test
    void aDamagedNewlineAfterAnIntactEntryIsReportedButEveryEntryIsReplayed() throws IOException {
        Map<GuildId, GuildState> expected = write(3);
        Path journal = newestJournal();
        byte[] lines = lines(journal);
        int lastStart = lines.length - 1;
        while (lastStart > 0 && lines[lastStart - 1] != '\n') {
            lastStart--;
        }
        lines[lines.length - 1] = 'X'; // the last newline, damaged on disk
        rewriteLines(journal, lines);

        Loader.Loaded loaded = load();

        assertThat(loaded.seq()).isEqualTo(3);
        assertThat(loaded.guilds()).isEqualTo(expected);
        assertThat(loaded.journalEntries()).isEqualTo(3);
        assertThat(loaded.dataLost()).isFalse();
        assertThat(loaded.damagedJournals()).containsExactly(journal);
        assertThat(loaded.needsCheckpoint()).isTrue();
        String name = journal.getFileName().toString();
        assertThat(loaded.events()).containsExactly(name + ": the newline ending the entry at byte " + lastStart
                + " is damaged; every entry in it was replayed"
                + "; opening the store keeps it as <name>.corrupt-<time>, never overwritten");
        assertThat(loaded.located().get(loaded.events().get(0)))
                .isEqualTo(new Loader.Located(name, "byte " + lastStart));
    }

    @Test
    void crlfLineEndingsAreReplayedReportedAndTheJournalKept() throws IOException {
        Map<GuildId, GuildState> expected = write(4);
        Path journal = newestJournal();
        String text = new String(lines(journal), StandardCharsets.UTF_8);
        byte[] converted = text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        rewriteLines(journal, converted);

        Loader.Loaded loaded = load();

        assertThat(loaded.seq()).isEqualTo(4);
        assertThat(loaded.guilds()).isEqualTo(expected);
        assertThat(loaded.journalBytes()).isEqualTo(converted.length);
        assertThat(loaded.dataLost()).isFalse();
        assertThat(loaded.damagedJournals()).containsExactly(journal);
        assertThat(loaded.needsCheckpoint()).isTrue();
        String name = journal.getFileName().toString();
        String event = event(loaded, "CRLF");
        assertThat(event).startsWith(name + ": 4 lines end in CRLF").contains("so they were replayed");
        assertThat(loaded.events()).hasSize(1);
        assertThat(loaded.located().get(event)).isEqualTo(new Loader.Located(name, ""));
    }

    @Test
    void aChecksumMismatchStopsReplayAtItsOffsetAndCountsEveryLaterEntry() throws IOException {
        write(5);
        Path journal = newestJournal();
        byte[] lines = lines(journal);
        int second = 0;
        while (lines[second] != '\n') {
            second++;
        }
        second++;
        lines[second + 3] ^= 0x01; // inside the second entry's text
        rewriteLines(journal, lines);

        Loader.Loaded loaded = load();

        assertThat(loaded.seq()).isEqualTo(1);
        assertThat(loaded.journalEntries()).isEqualTo(1);
        assertThat(loaded.guilds()).isEqualTo(PowerLossTest.model(mutations, 1));
        assertThat(loaded.dataLost()).isTrue();
        assertThat(loaded.damagedJournals()).containsExactly(journal);
        assertThat(loaded.needsCheckpoint()).isTrue();
        String name = journal.getFileName().toString();
        String event = event(loaded, "checksum mismatch");
        assertThat(event).isEqualTo(name + ": checksum mismatch in a complete line at byte offset " + second
                + "; replay stopped after sequence 1: 4 later journal entries were not replayed"
                + "; opening the store keeps it as <name>.corrupt-<time>, never overwritten");
        assertThat(loaded.located().get(event)).isEqualTo(new Loader.Located(name, "byte " + second));
    }

    @Test
    void aTruncatedJournalSaysAnUnknownNumberOfEntriesAreGone() throws IOException {
        write(3);
        Path journal = newestJournal();
        byte[] lines = lines(journal);
        int third = lines.length - 2;
        while (lines[third - 1] != '\n') {
            third--;
        }
        Files.write(journal, java.util.Arrays.copyOf(lines, third + 5)); // ends inside the third entry

        Loader.Loaded loaded = load();

        assertThat(loaded.seq()).isEqualTo(2);
        assertThat(loaded.dataLost()).isTrue();
        assertThat(loaded.damagedJournals()).containsExactly(journal);
        String event = event(loaded, "truncated");
        assertThat(event).contains("replay stopped after sequence 2: 0 later journal entries were not replayed"
                + " (and an unknown number are gone)");
    }

    @Test
    void aChecksumValidLineThatCannotBeDecodedStopsReplayAndCountsTheRest() throws IOException {
        write(2);
        Path journal = newestJournal();
        byte[] bad = JournalCodec.line(3, "\"guild\":\"1\",\"changes\":[{\"nonsense\":true}]"
                .getBytes(StandardCharsets.UTF_8));
        byte[] lines = lines(journal);
        int offset = lines.length;
        byte[] after = JournalCodec.line(4, JournalCodec.encodeBody(Fixtures.guild(0), List.of()));
        rewriteLines(journal, concat(concat(lines, bad), after));

        Loader.Loaded loaded = load();

        assertThat(loaded.seq()).isEqualTo(2);
        assertThat(loaded.journalEntries()).isEqualTo(2);
        assertThat(loaded.dataLost()).isTrue();
        assertThat(loaded.damagedJournals()).containsExactly(journal);
        String name = journal.getFileName().toString();
        String event = event(loaded, "cannot be decoded");
        assertThat(event).startsWith(name + ": entry at byte offset " + offset
                + " has a valid checksum but cannot be decoded (")
                .contains("replay stopped after sequence 2: 2 later journal entries were not replayed");
        assertThat(loaded.located().get(event)).isEqualTo(new Loader.Located(name, "byte " + offset));
    }

    /**
     * Writes one mutation through the store, then appends {@code count} more journal lines directly
     * (sequence 2 on), the one at sequence {@code badSeq} (if any) checksum-valid but undecodable.
     *
     * @return the expected state after every line before the bad one, and that line's byte offset
     */
    private Map.Entry<Map<GuildId, GuildState>, Integer> longJournal(int count, long badSeq) throws IOException {
        Map<GuildId, GuildState> expected = new HashMap<>(write(1));
        Path journal = newestJournal();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(lines(journal));
        Random random = new Random(5);
        int badOffset = -1;
        for (long seq = 2; seq < 2 + count; seq++) {
            GuildId guild = Fixtures.guild(random.nextInt(2));
            GuildState state = expected.getOrDefault(guild, GuildState.empty(guild));
            List<RecordChange> changes = Fixtures.randomChanges(random, state);
            if (seq == badSeq) {
                badOffset = out.size();
                out.write(JournalCodec.line(seq, "\"guild\":\"1\",\"changes\":[{\"nonsense\":true}]"
                        .getBytes(StandardCharsets.UTF_8)));
                badSeq = -2; // later states are not expected any more
                continue;
            }
            out.write(JournalCodec.line(seq, JournalCodec.encodeBody(guild, changes)));
            if (badSeq != -2) {
                expected.put(guild, state.apply(changes));
            }
        }
        rewriteLines(journal, out.toByteArray());
        expected.values().removeIf(GuildState::isEmpty);
        return Map.entry(expected, badOffset);
    }

    @Test
    void aJournalOfManyDecodeBatchesIsReplayedWholeAndInOrder() throws IOException {
        int count = 9 * 2048 + 17; // more batches than are decoded ahead, and a part batch at the end
        Map<GuildId, GuildState> expected = longJournal(count, -1).getKey();

        Loader.Loaded loaded = load();

        assertThat(loaded.seq()).isEqualTo(1 + count);
        assertThat(loaded.journalEntries()).isEqualTo(1 + count);
        assertThat(loaded.dataLost()).isFalse();
        assertThat(loaded.events()).isEmpty();
        assertThat(loaded.guilds()).isEqualTo(expected);
    }

    @Test
    void theSnapshotFilesShareEachIdWithinAGuildButNotAcrossGuilds() throws IOException {
        GuildId first = Fixtures.guild(0);
        GuildId second = Fixtures.guild(1);
        UserId gm = UserId.of(7); // the fixtures' NPC creator
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            for (GuildId guild : List.of(first, second)) {
                store.update(guild, state -> Update.of(null,
                        new RecordChange.PutCampaign(Fixtures.campaign(guild, 100, "Keep", 7, List.of(UserId.of(2001)))),
                        new RecordChange.PutCharacter(Fixtures.character(guild, 2001, 100, "Aldric")),
                        new RecordChange.PutNpc(Fixtures.npc(guild, 100, "npc1", "Innkeeper"))));
            }
            store.checkpoint();
        }

        Loader.Loaded loaded = load();

        assertThat(loaded.journalEntries()).isZero();
        GuildState state = loaded.guilds().get(first);
        Campaign campaign = state.campaign(ChannelId.of("100")).orElseThrow();
        PlayerCharacter character = state.character(ChannelId.of("100"), UserId.of(2001)).orElseThrow();
        Npc npc = state.npc(ChannelId.of("100"), NpcId.of("npc1")).orElseThrow();
        // campaigns.json, characters.json and npcs.json each read the ids on their own
        assertThat(character.user()).isSameAs(campaign.players().get(0));
        assertThat(character.channel()).isSameAs(campaign.channel()).isSameAs(npc.channel());
        assertThat(npc.creator()).isEqualTo(gm).isSameAs(campaign.gm());
        assertThat(character.guild()).isSameAs(campaign.guild()).isSameAs(npc.guild());
        Campaign other = loaded.guilds().get(second).campaign(ChannelId.of("100")).orElseThrow();
        assertThat(other.gm()).isEqualTo(campaign.gm()).isNotSameAs(campaign.gm());
    }

    @Test
    void aReplayedEditSharesWhatItDidNotChangeWithTheSnapshotsRecord() throws IOException {
        GuildId guild = Fixtures.guild(0);
        UserId player = UserId.of("2001");
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            store.update(guild, state -> Update.of(null,
                    new RecordChange.PutCampaign(Fixtures.campaign(guild, 100, "Keep", 1, List.of(player))),
                    new RecordChange.PutCharacter(Fixtures.character(guild, 2001, 100, "Aldric"))));
            store.checkpoint();
            store.update(guild, state -> Update.of(null, new RecordChange.PutCharacter(
                    state.character(ChannelId.of("100"), player).orElseThrow().withDescription("Edited."))));
        }

        Loader.Loaded loaded = load();

        GuildState state = loaded.guilds().get(guild);
        assertThat(loaded.journalEntries()).isEqualTo(1);
        PlayerCharacter edited = state.character(ChannelId.of("100"), player).orElseThrow();
        assertThat(edited.description()).isEqualTo("Edited.");
        // the journal line brought its own copy of the user id; the replay keeps the snapshot's, which
        // the campaign's player list shares
        assertThat(edited.user()).isSameAs(state.campaign(ChannelId.of("100")).orElseThrow().players().get(0));
    }

    @Test
    void inParallelRunsEveryIndexOnceAndReturnsOnlyWhenEveryRangeHasEnded() throws Exception {
        int count = 10_000;
        java.util.concurrent.atomic.AtomicIntegerArray runs = new java.util.concurrent.atomic.AtomicIntegerArray(count);
        Loader.inParallel(count, runs::incrementAndGet);
        for (int i = 0; i < count; i++) {
            assertThat(runs.get(i)).as("index %s", i).isEqualTo(1);
        }

        java.util.concurrent.atomic.AtomicInteger ran = new java.util.concurrent.atomic.AtomicInteger();
        IllegalStateException bug = new IllegalStateException("bug at index 10");
        assertThatThrownBy(() -> Loader.inParallel(count, i -> {
            if (i == 10) {
                throw bug;
            }
            if (i >= count / 2 && i < count / 2 + 100) {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // the other range is still running
            }
            ran.incrementAndGet();
        })).isSameAs(bug);
        int atReturn = ran.get();
        Thread.sleep(50);
        assertThat(ran.get()).as("no range runs on after the call returned").isEqualTo(atReturn);
    }

    @Test
    void anUndecodableLineDeepInALongJournalStopsReplayRightBeforeIt() throws IOException {
        int count = 9 * 2048 + 17;
        long bad = 6 * 2048 + 5; // in a batch decoded while earlier ones are replayed
        Map.Entry<Map<GuildId, GuildState>, Integer> journal = longJournal(count, bad);

        Loader.Loaded loaded = load();

        assertThat(loaded.seq()).isEqualTo(bad - 1);
        assertThat(loaded.journalEntries()).isEqualTo(bad - 1);
        assertThat(loaded.dataLost()).isTrue();
        assertThat(loaded.guilds()).isEqualTo(journal.getKey());
        assertThat(event(loaded, "cannot be decoded"))
                .contains("entry at byte offset " + journal.getValue() + " has a valid checksum")
                .contains("replay stopped after sequence " + (bad - 1) + ": " + (count + 2 - bad)
                        + " later journal entries were not replayed");
    }


    /** Checkpoints (a native backup of the state at that point and a new base). */
    private void checkpoint() throws IOException {
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            store.checkpoint();
        }
    }

    private Backups.Ref backupAt(long seq) throws IOException {
        return Backups.list(NioFileSystemOps.INSTANCE, dir).stream().filter(ref -> !ref.seedStyle() && ref.seq() == seq)
                .findFirst().orElseThrow(() -> new AssertionError("no backup of sequence " + seq));
    }

    /** Makes the live snapshot untrustworthy without changing its size (so it is read and rejected). */
    private void damageLiveCampaigns() throws IOException {
        Path campaigns = dir.resolve(SeedFormat.CAMPAIGNS);
        String text = Files.readString(campaigns);
        Files.writeString(campaigns, text.replaceFirst("Name", "Nbme"));
    }

    @Test
    void anUnusableNewestBackupIsReportedAndTheOlderOneUsedWithTheLossAgainstTheManifestNamed() throws IOException {
        write(20);
        checkpoint();
        Backups.Ref older = backupAt(20);
        write(3);
        checkpoint();
        Backups.Ref newer = backupAt(23);
        for (Path path : newer.paths()) {
            try (Stream<Path> all = Files.walk(path)) {
                for (Path file : all.filter(Files::isRegularFile).toList()) {
                    Files.writeString(file, "[[[");
                }
            }
        }
        damageLiveCampaigns();

        Loader.Loaded loaded = load();

        assertThat(loaded.source()).isEqualTo(RecoveryReport.Source.BACKUP);
        assertThat(loaded.backupId()).contains(older.id());
        assertThat(loaded.events()).anyMatch(e -> e.startsWith("backup " + newer.id() + " is not usable: "));
        // the journal of 21 to 23 was retired by the second checkpoint: only the damaged snapshot held them
        assertThat(loaded.seq()).isEqualTo(20);
        assertThat(loaded.guilds()).isEqualTo(PowerLossTest.model(mutations, 20));
        assertThat(loaded.dataLost()).isTrue();
        assertThat(loaded.needsCheckpoint()).isTrue();
        assertThat(loaded.events()).endsWith("mutations 21 to 23 (in the damaged snapshot) could not be recovered");
    }

    @Test
    void loadingOneGuildFromABackupKeepsOnlyThatGuild() throws IOException {
        write(20);
        checkpoint();
        damageLiveCampaigns();
        GuildId wanted = Fixtures.guild(0);
        Map<GuildId, GuildState> all = PowerLossTest.model(mutations, 20);
        assertThat(all).containsKeys(wanted, Fixtures.guild(1));

        Loader.Loaded loaded = Loader.load(NioFileSystemOps.INSTANCE, dir, PREALLOCATED, wanted);

        assertThat(loaded.source()).isEqualTo(RecoveryReport.Source.BACKUP);
        assertThat(loaded.guilds()).containsOnlyKeys(wanted);
        assertThat(loaded.guilds().get(wanted)).isEqualTo(all.get(wanted));
        assertThat(loaded.seq()).isEqualTo(20);
    }

    @Test
    void loadingOneGuildFromSnapshotAndJournalMatchesTheFullLoadForThatGuild() throws IOException {
        write(12);
        checkpoint();
        write(9); // entries 13 to 21 in the journal, over both guilds
        GuildId wanted = Fixtures.guild(1);

        Loader.Loaded full = load();
        Loader.Loaded one = Loader.load(NioFileSystemOps.INSTANCE, dir, PREALLOCATED, wanted);

        assertThat(one.source()).isEqualTo(RecoveryReport.Source.SNAPSHOT);
        assertThat(one.guilds()).containsOnlyKeys(wanted);
        assertThat(one.guilds().get(wanted)).isEqualTo(full.guilds().get(wanted))
                .isEqualTo(PowerLossTest.model(mutations, 21).get(wanted));
        assertThat(one.seq()).isEqualTo(full.seq()).isEqualTo(21);
        assertThat(one.journalEntries()).isEqualTo(full.journalEntries()).isEqualTo(9);
        assertThat(one.journalBytes()).isEqualTo(full.journalBytes());
        assertThat(one.needsCheckpoint()).isFalse();
    }

    @Test
    void aSeedStyleBackupWithAnEmptyJournalLosesNothing() throws IOException {
        Map<GuildId, GuildState> expected = write(4);
        checkpoint(); // the seed files now hold all four mutations; the new journal is empty
        removeBackups();
        Path backups = Files.createDirectories(dir.resolve(Backups.DIR));
        for (String file : SeedFormat.FILES) {
            Files.copy(dir.resolve(file), backups.resolve(file + ".20260101120000"));
        }
        Files.writeString(dir.resolve(SeedFormat.CAMPAIGNS), "not json");
        Files.delete(dir.resolve(Manifest.FILE)); // a seed directory: no manifest to compare sequence numbers with

        Loader.Loaded loaded = load();

        assertThat(loaded.source()).isEqualTo(RecoveryReport.Source.BACKUP);
        assertThat(loaded.guilds()).isEqualTo(expected);
        assertThat(loaded.dataLost()).isFalse();
        assertThat(loaded.needsCheckpoint()).isTrue();
        assertThat(loaded.events()).contains("recovered from seed-style backup " + loaded.backupId().orElseThrow()
                + " (its sequence number is unknown, so no journal was replayed on it)");
        assertThat(loaded.events()).noneMatch(e -> e.contains("could not be replayed"));
    }

    @Test
    void theJournalTheManifestNamesIsNotMissedWhenABackupIsTheBase() throws IOException {
        write(20);
        checkpoint();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path journal : files.filter(p -> Journal.generation(p) >= 0).toList()) {
                Files.delete(journal);
            }
        }
        damageLiveCampaigns();

        Loader.Loaded loaded = load();

        // the backup holds everything up to the manifest's sequence: the named journal held nothing after it
        assertThat(loaded.source()).isEqualTo(RecoveryReport.Source.BACKUP);
        assertThat(loaded.seq()).isEqualTo(20);
        assertThat(loaded.dataLost()).isFalse();
        assertThat(loaded.events()).noneMatch(e -> e.contains("is missing"));
    }

    @Test
    void loadingASetOfGuildsBuildsExactlyThoseGuilds() throws IOException {
        write(12);
        checkpoint();
        write(6);
        GuildId absent = Fixtures.guild(9);

        Loader.Loaded full = load();
        Loader.Loaded some = Loader.load(NioFileSystemOps.INSTANCE, dir, PREALLOCATED,
                java.util.Set.of(Fixtures.guild(0), absent));

        assertThat(some.guilds()).containsOnlyKeys(Fixtures.guild(0));
        assertThat(some.guilds().get(Fixtures.guild(0))).isEqualTo(full.guilds().get(Fixtures.guild(0)));
        assertThat(some.seq()).isEqualTo(full.seq()).isEqualTo(18);
        assertThat(some.events()).isEmpty();
    }

    @Test
    void seedFilesWithAJournalThatStartsAfterThemReplayItOnTop() throws IOException {
        write(20);
        checkpoint(); // the seed files hold 1 to 20
        Map<GuildId, GuildState> expected = write(3); // entries 21 to 23 in the journal
        Files.delete(dir.resolve(Manifest.FILE));

        Loader.Loaded loaded = load();

        assertThat(loaded.source()).isEqualTo(RecoveryReport.Source.SEED_IMPORT);
        assertThat(loaded.seq()).isEqualTo(23);
        assertThat(loaded.guilds()).isEqualTo(expected);
        assertThat(loaded.dataLost()).isFalse();
        assertThat(loaded.events()).isEmpty();
    }

    @Test
    void aSeedImportWithoutSomeSeedFilesIsNotDamage() throws IOException {
        write(0);
        Files.delete(dir.resolve(Manifest.FILE));
        Files.delete(dir.resolve(SeedFormat.NPCS));

        Loader.Loaded loaded = load();

        assertThat(loaded.source()).isEqualTo(RecoveryReport.Source.SEED_IMPORT);
        assertThat(loaded.events()).isEmpty();
        assertThat(loaded.damaged()).isEmpty();
        assertThat(loaded.dataLost()).isFalse();
    }

    @Test
    void aBackupBaseSkipsTheEntriesItAlreadyHoldsInAnOlderJournal() throws IOException {
        write(5);
        Path old = newestJournal();
        byte[] oldBytes = Files.readAllBytes(old);
        checkpoint(); // backup of 5; the journal of 1 to 5 is retired
        Files.write(old, oldBytes); // an older journal, still present (say, a retirement a crash interrupted)
        flipAByteOfTheLiveCampaigns();

        Loader.Loaded loaded = load();

        assertThat(loaded.source()).isEqualTo(RecoveryReport.Source.BACKUP);
        assertThat(loaded.seq()).isEqualTo(5);
        assertThat(loaded.guilds()).isEqualTo(PowerLossTest.model(mutations, 5));
        assertThat(loaded.journalEntries()).isZero();
        assertThat(loaded.dataLost()).isFalse();
        assertThat(loaded.damagedJournals()).isEmpty();
    }

    private void flipAByteOfTheLiveCampaigns() throws IOException {
        Path campaigns = dir.resolve(SeedFormat.CAMPAIGNS);
        byte[] bytes = Files.readAllBytes(campaigns);
        bytes[bytes.length / 2] ^= 0x20; // same size: read, and rejected by its checksum
        Files.write(campaigns, bytes);
    }

    @Test
    void locateCountsZeroBytesAndFindsMalformedUtf8AtTheVeryStart() throws IOException {
        Path file = dir.resolve("z.json");
        // zero bytes (a crash's fill) are ordinary bytes for the offset: line 1 is "{", NUL, NUL, newline
        Files.write(file, new byte[] {'{', 0, 0, '\n', 0, 0, 'x'});
        assertThat(Loader.locate(NioFileSystemOps.INSTANCE, file, new FormatException("bad", 2, 3, null)))
                .isEqualTo(" (byte offset 6)");

        Path bad = dir.resolve("w.json");
        Files.write(bad, new byte[] {(byte) 0xC3, 0x28});
        assertThat(Loader.locate(NioFileSystemOps.INSTANCE, bad,
                new FormatException("bad", 1, 1, new java.nio.charset.MalformedInputException(1))))
                .isEqualTo(" (byte offset 0)");
    }
}
