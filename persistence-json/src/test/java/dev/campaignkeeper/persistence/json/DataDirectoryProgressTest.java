package dev.campaignkeeper.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignkeeper.core.model.GuildId;
import dev.campaignkeeper.core.model.RecordChange;
import dev.campaignkeeper.core.model.UserId;
import dev.campaignkeeper.core.port.Update;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verify, restore and read tell a listener real counts: files and backups checked, guilds checked, steps done. */
class DataDirectoryProgressTest {

    private static final int GUILDS = 5;

    @TempDir
    Path dir;

    private record Report(String phase, long done, long total) {
    }

    private JsonStoreConfig config() {
        return Fixtures.config(dir).withCheckpointOnClose(true);
    }

    private void fill() {
        try (JsonCampaignStore store = JsonCampaignStore.open(config())) {
            for (int i = 1; i <= GUILDS; i++) {
                GuildId guild = Fixtures.guild(i);
                RecordChange change = new RecordChange.PutCampaign(
                        Fixtures.campaign(guild, 10, "Campaign " + i, 7, List.of(UserId.of(8))));
                store.update(guild, state -> new Update<>(List.of(change), null));
            }
        }
    }

    private static List<Report> phase(List<Report> reports, String phase) {
        return reports.stream().filter(report -> report.phase().equals(phase)).toList();
    }

    @Test
    void verifyCountsTheFilesAndBackupsItChecksAndEveryGuildWhoseRecordsItChecks() {
        fill();
        List<Report> reports = new ArrayList<>();
        DataDirectory data = DataDirectory.at(config());
        int backups = data.backups(false).size();

        DataDirectory.Verification verification = data.verify((phase, done, total) ->
                reports.add(new Report(phase, done, total)));

        assertThat(verification.healthy()).isTrue();
        List<Report> files = phase(reports, Verifier.FILES);
        assertThat(files).isNotEmpty().allSatisfy(report -> assertThat(report.total()).isEqualTo(4 + backups));
        assertThat(files.get(files.size() - 1).done()).isEqualTo(4 + backups);
        assertThat(files).extracting(Report::done).isSorted();
        List<Report> records = phase(reports, Verifier.RECORDS);
        assertThat(records).isNotEmpty().allSatisfy(report -> assertThat(report.total()).isEqualTo(GUILDS));
        assertThat(records.get(records.size() - 1).done()).isEqualTo(GUILDS);
        assertThat(phase(reports, Verifier.LOADING)).extracting(Report::done).containsExactly(0L, 1L);
        assertThat(phase(reports, Verifier.POSTS)).extracting(Report::done).containsExactly(0L, 1L);
    }

    @Test
    void restoreReportsEachStepOfTheReplacementAndADryRunOnlyItsReads() {
        fill();
        DataDirectory data = DataDirectory.at(config());
        String backup = data.backups(false).get(0).id();
        List<Report> dryRun = new ArrayList<>();
        List<Report> real = new ArrayList<>();

        data.restore(backup, true, (phase, done, total) -> dryRun.add(new Report(phase, done, total)));
        data.restore(backup, false, (phase, done, total) -> real.add(new Report(phase, done, total)));

        assertThat(dryRun).containsExactly(new Report(Restorer.BACKUP, 0, 1), new Report(Restorer.BACKUP, 1, 1),
                new Report(Restorer.CURRENT, 0, 1), new Report(Restorer.CURRENT, 1, 1));
        assertThat(phase(real, Restorer.BACKUP)).extracting(Report::done).containsExactly(0L, 1L);
        assertThat(phase(real, Restorer.REPLACING)).extracting(Report::done).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(phase(real, Restorer.REPLACING)).allSatisfy(report -> assertThat(report.total()).isEqualTo(4));
    }

    @Test
    void readingOneGuildReportsTheLoadStartingAndEnding() {
        fill();
        List<Report> reports = new ArrayList<>();

        DataDirectory.GuildContents contents = DataDirectory.at(config()).readGuild(Fixtures.guild(2),
                (phase, done, total) -> reports.add(new Report(phase, done, total)));

        assertThat(contents.state().campaigns()).hasSize(1);
        assertThat(reports).containsExactly(new Report(Verifier.LOADING, 0, 1), new Report(Verifier.LOADING, 1, 1));
    }

    @Test
    void readReportsTheLoadStartingAndEnding() {
        fill();
        List<Report> reports = new ArrayList<>();

        DataDirectory.Contents contents = DataDirectory.at(config()).read((phase, done, total) ->
                reports.add(new Report(phase, done, total)));

        assertThat(contents.guilds()).hasSize(GUILDS);
        assertThat(reports).containsExactly(new Report(Verifier.LOADING, 0, 1), new Report(Verifier.LOADING, 1, 1));
    }
}
