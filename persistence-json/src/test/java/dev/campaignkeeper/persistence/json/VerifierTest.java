package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.error.StoreException;
import dev.campaignkeeper.core.model.ChannelId;
import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.MessageId;
import dev.campaignkeeper.core.model.PostRecord;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.model.WebhookId;
import dev.campaignkeeper.core.port.Update;
import dev.campaignkeeper.persistence.json.DataDirectory.Problem;
import dev.campaignkeeper.persistence.json.DataDirectory.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link DataDirectory#verify(ProgressListener)} reports: each file check, the grace it gives a
 * running bot's checkpoint (and only then), the order of its problems and its progress events.
 */
class VerifierTest {

    @TempDir
    Path dir;

    private record Report(String phase, long done, long total) {
    }

    private JsonStoreConfig config() {
        return Fixtures.config(dir).withCheckpointOnClose(true);
    }

    /** A directory the store wrote and checkpointed on close: manifest, snapshot files, backups. */
    private void fill(int guilds) {
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            for (int i = 1; i <= guilds; i++) {
                GuildId guild = Fixtures.guild(i);
                RecordChange change = new RecordChange.PutCampaign(
                        Fixtures.campaign(guild, 10, "Campaign " + i, 7, List.of(UserId.of(8))));
                store.update(guild, state -> new Update<>(List.of(change), null));
            }
        }
    }

    private DataDirectory data() {
        return DataDirectory.at(config());
    }

    private static List<Report> phase(List<Report> reports, String phase) {
        return reports.stream().filter(report -> report.phase().equals(phase)).toList();
    }

    private static List<Problem> about(DataDirectory.Verification verification, String file) {
        return verification.problems().stream().filter(problem -> problem.file().equals(file)).toList();
    }

    /** The file check's finding that a snapshot file does not match the manifest (not the load's). */
    private static List<Problem> mismatch(DataDirectory.Verification verification, String file) {
        return about(verification, file).stream()
                .filter(problem -> problem.message().contains("a checkpoint is in progress")).toList();
    }

    private Path someNativeBackup() throws IOException {
        try (Stream<Path> backups = Files.list(dir.resolve(Backups.DIR))) {
            return backups.filter(p -> Backups.NATIVE.matcher(p.getFileName().toString()).matches())
                    .findFirst().orElseThrow();
        }
    }

    private void seedDirectory(String campaigns, String characters, String npcs) throws IOException {
        Files.writeString(dir.resolve(SeedFormat.CAMPAIGNS), campaigns, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(SeedFormat.CHARACTERS), characters, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(SeedFormat.NPCS), npcs, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ file checks

    @Test
    void anEmptyDirectoryIsHealthy() {
        DataDirectory.Verification verification = data().verify();

        assertThat(verification.problems()).isEmpty();
        assertThat(verification.loadable()).isTrue();
    }

    @Test
    void aSeedDirectoryWithoutManifestIsOnlyWarnedAbout() throws IOException {
        seedDirectory("{}", "{}", "{}");

        DataDirectory.Verification verification = data().verify();

        assertThat(verification.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.WARNING);
            assertThat(problem.file()).isEqualTo(Manifest.FILE);
            assertThat(problem.message()).contains("seed-format directory").contains("not opened yet");
        });
    }

    @Test
    void aSnapshotFileTheManifestListsButThatIsGoneIsAnError() throws IOException {
        fill(1);
        Files.delete(dir.resolve(SeedFormat.NPCS));

        DataDirectory.Verification verification = data().verify();

        assertThat(about(verification, SeedFormat.NPCS)).contains(new Problem(Severity.ERROR, SeedFormat.NPCS, "", "missing"));
    }

    @Test
    void aSnapshotFileOfTheWrongSizeIsReportedWithBothSizes() throws IOException {
        fill(1);
        long listed = Files.size(dir.resolve(SeedFormat.CAMPAIGNS));
        Files.write(dir.resolve(SeedFormat.CAMPAIGNS), new byte[0]);

        DataDirectory.Verification verification = data().verify();

        assertThat(mismatch(verification, SeedFormat.CAMPAIGNS)).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.ERROR);
            assertThat(problem.message()).isEqualTo("is 0 bytes, " + Manifest.FILE + " lists " + listed
                    + " (damaged, or a checkpoint is in progress)");
        });
    }

    @Test
    void aSnapshotFileOfTheRightSizeButOtherContentDoesNotMatchItsChecksum() throws IOException {
        fill(1);
        Path campaigns = dir.resolve(SeedFormat.CAMPAIGNS);
        String text = Files.readString(campaigns);
        Files.writeString(campaigns, text.replace("Campaign 1", "Campaign 2"));
        assertThat(Files.size(campaigns)).isEqualTo(text.length());

        DataDirectory.Verification verification = data().verify();

        assertThat(mismatch(verification, SeedFormat.CAMPAIGNS)).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.ERROR);
            assertThat(problem.message()).startsWith("does not match the checksum in " + Manifest.FILE);
        });
    }

    @Test
    void aDamagedBackupIsAnErrorNamingIt() throws IOException {
        fill(1);
        Path backup = someNativeBackup();
        Files.delete(backup.resolve(Backups.gzName(SeedFormat.CHARACTERS)));

        DataDirectory.Verification verification = data().verify();

        assertThat(about(verification, Backups.DIR + "/" + backup.getFileName())).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.ERROR);
            assertThat(problem.message()).contains(Backups.gzName(SeedFormat.CHARACTERS));
        });
    }

    // ------------------------------------------------------------------ records and post log

    @Test
    void aCharacterOfTheGmWhoIsNotAPlayerIsToldApartFromAStrangersCharacter() throws IOException {
        seedDirectory("""
                {"1": {"10": {"name": "Game", "gm_id": "7", "player_role_id": "3", "gm_role_id": "4",
                "players": ["8"]}}}""", """
                {"1": {"7": {"10": {"name": "Gm Pc", "avatar_url": "", "description": ""}},
                       "9": {"10": {"name": "Stranger", "avatar_url": "", "description": ""}}}}""", "{}");

        DataDirectory.Verification verification = data().verify();

        assertThat(about(verification, SeedFormat.CHARACTERS)).extracting(Problem::where, Problem::message)
                .contains(Tuple.tuple("$.1.7.10",
                                "character \"Gm Pc\" belongs to user 7, who is not a player of the campaign (they are its GM)"),
                        Tuple.tuple("$.1.9.10",
                                "character \"Stranger\" belongs to user 9, who is not a player of the campaign"));
    }

    @Test
    void referenceProblemsAreListedGuildByGuildInNumericOrder() throws IOException {
        List<String> guilds = List.of("9", "10", "200", "3000", "40000", "500000", "6000000");
        StringBuilder characters = new StringBuilder("{");
        for (String guild : guilds) {
            characters.append(characters.length() > 1 ? "," : "").append('"').append(guild)
                    .append("\": {\"8\": {\"11\": {\"name\": \"Lost\", \"avatar_url\": \"\", \"description\": \"\"}}}");
        }
        seedDirectory("{}", characters.append('}').toString(), "{}");

        DataDirectory.Verification verification = data().verify();

        assertThat(about(verification, SeedFormat.CHARACTERS)).extracting(Problem::where)
                .containsExactlyElementsOf(guilds.stream().map(guild -> "$." + guild + ".8.11").toList());
    }

    @Test
    void errorsComeBeforeWarnings() throws IOException {
        // the missing manifest is found (a warning) before the broken file (an error)
        seedDirectory("{}", "{not json", "{}");

        DataDirectory.Verification verification = data().verify();

        assertThat(verification.problems()).extracting(Problem::severity).contains(Severity.ERROR, Severity.WARNING)
                .isSortedAccordingTo(Comparator.naturalOrder());
    }

    private void writePosts() {
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            GuildId guild = Fixtures.guild(1);
            for (int i = 1; i <= 3; i++) {
                store.postLog().append(new PostRecord(guild, ChannelId.of(10), WebhookId.of(77), Optional.empty(),
                        List.of(MessageId.of(100 + i)), UserId.of(8), Optional.empty(), "Aria",
                        Instant.parse("2026-12-01T20:00:00Z").plusSeconds(i), "post " + i));
            }
        }
    }

    @Test
    void aPostLogSegmentThatCannotBeReadLosesPostsAndIsAnError() throws IOException {
        writePosts();
        Path segment = Journal.list(NioFileSystemOps.INSTANCE, JsonPostLog.dir(dir)).get(0);
        Path elsewhere = Files.move(segment, dir.resolve("elsewhere"));
        Files.createSymbolicLink(segment, elsewhere);

        DataDirectory.Verification verification = data().verify();

        assertThat(about(verification, JsonPostLog.DIR)).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.ERROR);
            assertThat(problem.message()).contains(segment.getFileName().toString()).contains("posts are lost");
        });
    }

    @Test
    void aPostLogDirectoryThatIsALinkIsNotReadAndOnlyWarnedAbout() throws IOException {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Files.createSymbolicLink(JsonPostLog.dir(dir), elsewhere);

        DataDirectory.Verification verification = data().verify();

        assertThat(about(verification, JsonPostLog.DIR)).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.WARNING);
            assertThat(problem.message()).contains("not read");
        });
    }

    // ------------------------------------------------------------------ a running bot

    @Test
    void aSnapshotFileNotMatchingTheManifestWhileNoBotRunsIsAnError() throws IOException {
        fill(1);
        Files.write(dir.resolve(SeedFormat.NPCS), new byte[0]);
        List<Report> reports = new ArrayList<>();

        DataDirectory.Verification verification = data().verify((phase, done, total) ->
                reports.add(new Report(phase, done, total)));

        assertThat(mismatch(verification, SeedFormat.NPCS)).singleElement().extracting(Problem::severity)
                .isEqualTo(Severity.ERROR);
        assertThat(phase(reports, Verifier.FILES)).filteredOn(report -> report.done() == 0).hasSize(1);
    }

    @Test
    void aSnapshotFileNotMatchingTheManifestWhileABotRunsIsTakenForItsCheckpointAfterSomeRetries() throws IOException {
        fill(1);
        Path backup = someNativeBackup();
        Files.delete(backup.resolve(Backups.gzName(SeedFormat.CHARACTERS)));
        Files.write(dir.resolve(SeedFormat.NPCS), new byte[0]);
        Path campaigns = dir.resolve(SeedFormat.CAMPAIGNS);
        byte[] broken = Files.readAllBytes(campaigns);
        broken[0] = 'x';
        Files.write(campaigns, broken);
        List<Report> reports = new ArrayList<>();

        DataDirectory.Verification verification;
        try (DirectoryLock bot = DirectoryLock.acquire(dir)) {
            verification = data().verify((phase, done, total) -> reports.add(new Report(phase, done, total)));
        }

        assertThat(phase(reports, Verifier.FILES)).as("file checks started")
                .filteredOn(report -> report.done() == 0).hasSize(ConsistentRead.READ_ATTEMPTS);
        assertThat(mismatch(verification, SeedFormat.NPCS)).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.WARNING);
            assertThat(problem.message()).startsWith("is 0 bytes").endsWith(
                    "; the directory kept changing while verify read it (a running bot checkpointing)");
        });
        assertThat(about(verification, SeedFormat.CAMPAIGNS)).as("a file that cannot be parsed is damage, checkpoint or not")
                .filteredOn(problem -> problem.message().startsWith("not valid JSON")).singleElement()
                .extracting(Problem::severity).isEqualTo(Severity.ERROR);
        assertThat(about(verification, Backups.DIR + "/" + backup.getFileName())).as("a backup is never mid-checkpoint")
                .singleElement().extracting(Problem::severity).isEqualTo(Severity.ERROR);
    }

    @Test
    void aLockFileThatCannotBeProbedDoesNotExcuseAMismatch() throws IOException {
        fill(1);
        Files.write(dir.resolve(SeedFormat.NPCS), new byte[0]);
        Files.deleteIfExists(dir.resolve(DirectoryLock.LOCK_FILE));
        Files.createSymbolicLink(dir.resolve(DirectoryLock.LOCK_FILE), dir.resolve(SeedFormat.CAMPAIGNS));

        DataDirectory.Verification verification = data().verify();

        assertThat(mismatch(verification, SeedFormat.NPCS)).singleElement().extracting(Problem::severity)
                .isEqualTo(Severity.ERROR);
    }

    @Test
    void anInterruptedVerifyStopsWaitingForACheckpointAndKeepsTheInterrupt() throws IOException {
        fill(1);
        Files.write(dir.resolve(SeedFormat.NPCS), new byte[0]);
        List<Report> reports = new ArrayList<>();

        boolean interrupted;
        try (DirectoryLock bot = DirectoryLock.acquire(dir)) {
            Thread.currentThread().interrupt();
            try {
                data().verify((phase, done, total) -> reports.add(new Report(phase, done, total)));
            } catch (StoreException e) {
                // an interrupted thread may also fail to read a file; the interrupt must survive either way
            } finally {
                interrupted = Thread.interrupted();
            }
        }

        assertThat(interrupted).isTrue();
        assertThat(phase(reports, Verifier.FILES)).filteredOn(report -> report.done() == 0).hasSize(1);
    }

    // ------------------------------------------------------------------ progress

    @Test
    void aHealthyDirectoryIsCheckedOnceWithOneReportPerFileAndBackup() {
        fill(2);
        List<Report> reports = new ArrayList<>();
        DataDirectory data = data();
        long total = 1 + SeedFormat.FILES.size() + data.backups(false).size();

        DataDirectory.Verification verification;
        try (DirectoryLock bot = DirectoryLock.acquire(dir)) {
            verification = data.verify((phase, done, total1) -> reports.add(new Report(phase, done, total1)));
        }

        assertThat(verification.healthy()).isTrue();
        assertThat(phase(reports, Verifier.FILES)).allSatisfy(report -> assertThat(report.total()).isEqualTo(total))
                .extracting(Report::done).containsExactlyElementsOf(LongStream.rangeClosed(0, total).boxed().toList());
    }

    @Test
    void checkingManyGuildsReportsFromTheStartAndNowAndThenButNotForEachGuild() {
        int guilds = 600;
        fill(guilds);
        List<Report> reports = new ArrayList<>();

        data().verify((phase, done, total) -> reports.add(new Report(phase, done, total)));

        List<Report> records = phase(reports, Verifier.RECORDS);
        assertThat(records).allSatisfy(report -> assertThat(report.total()).isEqualTo(guilds));
        assertThat(records.get(0).done()).isZero();
        assertThat(records.get(records.size() - 1).done()).isEqualTo(guilds);
        assertThat(records).extracting(Report::done).isSorted()
                .anyMatch(done -> done > 0 && done < guilds);
        assertThat(records.size()).as("reports").isLessThan(guilds / 20);
    }
}
