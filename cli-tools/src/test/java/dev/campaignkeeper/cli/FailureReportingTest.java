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
        assertThat(inspect.out()).isEmpty();
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
    void anUnexpectedFailureNamesItsTypeAndPointsToVerbose() {
        java.io.StringWriter err = new java.io.StringWriter();
        CampaignAdmin admin = new CampaignAdmin(java.util.Map.of(), java.io.InputStream.nullInputStream(), false);

        int code = admin.report(new NullPointerException(), new java.io.PrintWriter(err));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).doesNotContain("\n")
                .isEqualTo("campaign-admin: NullPointerException"
                        + " (unexpected; run with --verbose for details)");
    }

    @Test
    void progressBarsAreNotDrawnWhenStderrIsNotATerminal() {
        Path dir = SeedDirs.seedWritten(tmp.resolve("seed"));

        Run run = Run.of("--data", dir.toString(), "verify");

        assertThat(run.err()).isEmpty();
    }

    @Test
    void progressBarIsDrawnOnATerminal() {
        java.io.StringWriter err = new java.io.StringWriter();
        java.io.PrintWriter writer = new java.io.PrintWriter(err);
        try (Progress progress = new Progress(writer, true, "verify", 4)) {
            progress.update(2);
        }
        assertThat(err.toString()).contains("verify [").contains("50%").contains("\r");

        java.io.StringWriter silent = new java.io.StringWriter();
        try (Progress progress = new Progress(new java.io.PrintWriter(silent), false, "verify", 4)) {
            progress.update(2);
        }
        assertThat(silent.toString()).isEmpty();
    }
}
