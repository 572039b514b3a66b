package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.GuildState;
import dev.campaignkeeper.core.model.RecordChange;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints that copy unchanged guilds from the last checkpoint's files write the bytes a full write would. */
class CheckpointCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-25T20:30:00Z");

    @TempDir
    Path dir;

    private final CheckpointCache cache = new CheckpointCache();

    private static byte[] full(String file, Map<GuildId, GuildState> states) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SeedFormat.write(file, StateWriter.ordered(states.values()), out);
        return out.toByteArray();
    }

    private static byte[] gunzip(Path path) throws Exception {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
            return in.readAllBytes();
        }
    }

    private Manifest write(Map<GuildId, GuildState> states, long seq) throws Exception {
        return StateWriter.write(NioFileSystemOps.INSTANCE, dir, states.values(), seq, seq + 1,
                NOW.plusSeconds(seq), cache);
    }

    private void assertMatchesFullWrite(Map<GuildId, GuildState> states, Manifest manifest) throws Exception {
        for (String file : SeedFormat.FILES) {
            byte[] expected = full(file, states);
            assertThat(Files.readAllBytes(dir.resolve(file))).as(file).isEqualTo(expected);
            assertThat(gunzip(Backups.dir(dir).resolve(manifest.backupId()).resolve(Backups.gzName(file))))
                    .as(file + ".gz").isEqualTo(expected);
            assertThat(manifest.files().get(file).size()).isEqualTo(expected.length);
        }
    }

    private static GuildState change(Random random, GuildState state) {
        List<RecordChange> changes = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        GuildState current = state;
        for (int i = 0; i < n; i++) {
            List<RecordChange> some = Fixtures.randomChanges(random, current);
            current = current.apply(some);
            changes.addAll(some);
        }
        return state.apply(changes);
    }

    @Test
    void splicedFilesAreByteIdenticalToAFullWriteAfterRandomChanges() throws Exception {
        Random random = new Random(12);
        Map<GuildId, GuildState> states = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            GuildId guild = Fixtures.guild(random.nextInt(400));
            states.put(guild, change(random, states.getOrDefault(guild, GuildState.empty(guild))));
        }
        long reused = 0;
        long written = 0;
        for (int round = 0; round < 40; round++) {
            Manifest manifest = write(states, round);
            assertMatchesFullWrite(states, manifest);
            if (round > 0) {
                reused += cache.reused();
                written += cache.written();
            }
            int changed = random.nextInt(6);
            for (int i = 0; i < changed; i++) {
                // a new guild anywhere in the order, an existing one changed, emptied or left as it is
                GuildId guild = Fixtures.guild(random.nextInt(400));
                GuildState before = states.getOrDefault(guild, GuildState.empty(guild));
                states.put(guild, random.nextInt(8) == 0 ? GuildState.empty(guild) : change(random, before));
            }
        }
        assertThat(reused).as("entries copied from the previous checkpoint").isGreaterThan(10 * written);
    }

    @Test
    void anEntryChangedOnDiskSinceTheLastCheckpointIsSerialisedAgain() throws Exception {
        Random random = new Random(3);
        Map<GuildId, GuildState> states = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            GuildId guild = Fixtures.guild(i);
            states.put(guild, change(random, GuildState.empty(guild)));
        }
        write(states, 1);
        Path characters = dir.resolve(SeedFormat.CHARACTERS);
        byte[] bytes = Files.readAllBytes(characters);
        int at = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("\"name\": \"") + 9;
        bytes[at] = (byte) (bytes[at] == 'X' ? 'Y' : 'X');
        Files.write(characters, bytes);

        Manifest manifest = write(states, 2);

        assertMatchesFullWrite(states, manifest);
        assertThat(cache.written()).isEqualTo(1);
    }

    @Test
    void aMissingBackupIsCompressedAgainFromTheLiveFiles() throws Exception {
        Random random = new Random(5);
        Map<GuildId, GuildState> states = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            GuildId guild = Fixtures.guild(i);
            states.put(guild, change(random, GuildState.empty(guild)));
        }
        Manifest first = write(states, 1);
        StateWriter.removeTree(NioFileSystemOps.INSTANCE, Backups.dir(dir).resolve(first.backupId()));

        Manifest manifest = write(states, 2);

        assertMatchesFullWrite(states, manifest);
        assertThat(cache.written()).as("live entries are still copied").isZero();
    }

    @Test
    void afterAFailedWriteTheNextWriteSerialisesEverything() throws Exception {
        Random random = new Random(7);
        Map<GuildId, GuildState> states = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            GuildId guild = Fixtures.guild(i);
            states.put(guild, change(random, GuildState.empty(guild)));
        }
        write(states, 1);
        Path backups = Backups.dir(dir);
        Path moved = dir.resolve("elsewhere");
        Files.move(backups, moved);
        Files.writeString(backups, "a file where the backups directory belongs");
        try {
            write(states, 2);
        } catch (java.io.IOException expected) {
            // the backups path is not a directory
        }
        Files.delete(backups);
        Files.move(moved, backups);

        Manifest manifest = write(states, 3);

        assertMatchesFullWrite(states, manifest);
        assertThat(cache.reused()).isZero();
        assertThat(cache.written()).isGreaterThan(0);
    }
}
