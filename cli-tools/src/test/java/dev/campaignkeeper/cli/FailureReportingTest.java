package dev.campaignkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit code 4, one-line errors, stack traces only with --verbose, clean stdout. */
class FailureReportingTest {

    @TempDir
    Path tmp;

    /** A seed directory whose campaigns.json is torn and which has no backup to recover from. */
    private Path damagedBeyondRecovery() {
        Path dir = SeedDirs.torn(tmp.resolve("lost"));
        for (String file : new String[] {"campaigns.json", "characters.json", "npcs.json"}) {
            try {
                java.nio.file.Files.delete(dir.resolve("backups").resolve(file + "." + SeedDirs.BACKUP_STAMP));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return dir;
    }

    @Test
    void damagedBeyondRecoveryExitsFourWithOneLineNamingTheFile() {
        Path dir = damagedBeyondRecovery();

        Run inspect = Run.of("--data", dir.toString(), "inspect");

        assertThat(inspect.exitCode()).isEqualTo(4);
        assertThat(inspect.err().strip()).doesNotContain("\n").contains("campaigns.json")
                .doesNotContain("Exception");
    }

    @Test
    void inspectOfDataDamagedBeyondRecoveryStillShowsFilesBackupsAndLockHolder() {
        Path dir = damagedBeyondRecovery();

        Run table = Run.of("--data", dir.toString(), "inspect");
        Run json = Run.of("--data", dir.toString(), "inspect", "--json");

        assertThat(table.out()).contains("Bot lock:       free").contains("DAMAGED BEYOND RECOVERY")
                .contains("campaigns.json").contains("characters.json").contains("Backups:");
        assertThat(json.exitCode()).isEqualTo(4);
        assertThat(json.json().get("exit").getAsInt()).isEqualTo(4);
        assertThat(json.json().get("error").getAsString()).contains("campaigns.json");
        assertThat(json.json().getAsJsonObject("files").keySet()).contains("campaigns.json");
        assertThat(json.json().get("locked").getAsBoolean()).isFalse();
        assertThat(json.json().has("backups")).isTrue();
    }

    @Test
    void verifyOfDataDamagedBeyondRecoveryExitsFourAndStillPrintsTheProblems() {
        Path dir = damagedBeyondRecovery();

        Run run = Run.of("--data", dir.toString(), "verify", "--json");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.json().get("loadable").getAsBoolean()).isFalse();
        assertThat(run.json().getAsJsonArray("problems").toString()).contains("campaigns.json");
    }

    @Test
    void verboseAddsTheStackTrace() {
        Path dir = damagedBeyondRecovery();

        Run quiet = Run.of("--data", dir.toString(), "show", "guild", SeedDirs.GUILD);
        Run verbose = Run.of("--data", dir.toString(), "--verbose", "show", "guild", SeedDirs.GUILD);

        assertThat(quiet.err()).doesNotContain("\tat ");
        assertThat(verbose.exitCode()).isEqualTo(quiet.exitCode());
        assertThat(verbose.err()).contains("\tat ").contains("DataDamagedException");
    }

    @Test
    void anUnexpectedFailureSaysSoWithoutAJavaClassNameAndPointsToVerbose() {
        java.io.StringWriter err = new java.io.StringWriter();
        CampaignAdmin admin = new CampaignAdmin(java.util.Map.of(), java.io.InputStream.nullInputStream(), false);

        int code = admin.report(new NullPointerException(), new java.io.PrintWriter(err));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).doesNotContain("\n")
                .isEqualTo("campaign-admin: unexpected internal error (run with --verbose for details)");
    }

    @Test
    void anInputOutputFailureIsReportedWithoutTheExceptionsName() {
        java.io.StringWriter err = new java.io.StringWriter();
        CampaignAdmin admin = new CampaignAdmin(java.util.Map.of(), java.io.InputStream.nullInputStream(), false);

        admin.report(new java.io.UncheckedIOException(new java.io.EOFException()), new java.io.PrintWriter(err));
        admin.report(new java.io.IOException("disk on fire."), new java.io.PrintWriter(err));

        assertThat(err.toString()).doesNotContain("Exception").contains("cut off").contains("disk on fire");
    }

    @Test
    void progressBarsAreNotDrawnWhenStderrIsNotATerminal() {
        Path dir = SeedDirs.seedWritten(tmp.resolve("seed"));

        Run run = Run.of("--data", dir.toString(), "verify");

        assertThat(run.err()).isEmpty();
    }

    @Test
    void progressIsDrawnLiveOnATerminalOnceAJobTakesOverASecond() {
        java.io.StringWriter err = new java.io.StringWriter();
        long[] now = {0};
        try (Progress progress = new Progress(new java.io.PrintWriter(err), true, "verify", 4, () -> now[0], false)) {
            progress.update(2);
            progress.tick();
            assertThat(err.toString()).as("nothing during the first second").isEmpty();

            now[0] = 1_500_000_000L;
            progress.tick();
            assertThat(err.toString()).contains("verify [").contains("50% 2/4").contains("1s").contains("\r");

            progress.phase("reading the state", 0);
            now[0] = 59_000_000_000L;
            progress.tick();
            assertThat(err.toString()).contains("verify: reading the state |").contains("59s");
        }
    }

    @Test
    void progressShowsTheLibrarysPhasesWithTheirRealCounts() {
        java.io.StringWriter err = new java.io.StringWriter();
        long[] now = {2_000_000_000L};
        try (Progress progress = new Progress(new java.io.PrintWriter(err), true, "verify", 0, () -> now[0], false)) {
            dev.campaignkeeper.persistence.json.ProgressListener listener = progress.listener();
            now[0] = 0;
            listener.progress("checking records", 0, 20_000);
            listener.progress("checking records", 5_000, 20_000);
            now[0] = 3_000_000_000L;
            progress.tick();
            assertThat(err.toString()).contains("verify: checking records [").contains("25% 5000/20000");

            listener.progress("checking the post log", 1, 1);
            progress.tick();
            assertThat(err.toString()).contains("verify: checking the post log [").contains("100% 1/1");
        }
    }

    @Test
    void progressDrawsNothingWhenStderrIsNotATerminal() {
        java.io.StringWriter silent = new java.io.StringWriter();
        long[] now = {0};
        try (Progress progress = new Progress(new java.io.PrintWriter(silent), false, "verify", 4, () -> now[0],
                false)) {
            progress.update(2);
            now[0] = 30_000_000_000L;
            progress.tick();
        }
        assertThat(silent.toString()).isEmpty();
    }
}
